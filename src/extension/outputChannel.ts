import type * as vscode from 'vscode';
import { escapeControls, oneLine } from '../core/deck/controls';

/**
 * The one writer of the StoryDeck output channel: each entry is one line, as on the command line (`terminalSafe`,
 * docs/security.md). A title, a front matter value, a picture's path or a file's name in an entry cannot add a line of
 * its own (a line break is written `\u000a`) nor carry a control a terminal would act on (an escape sequence, a
 * bidirectional override: written `\u001b`-style). Text of several lines goes through {@link logLines}.
 */
export function channelLog(channel: () => Pick<vscode.OutputChannel, 'appendLine'>): (entry: string) => void {
  return (entry) => channel().appendLine(escapeControls(oneLine(entry)));
}

/** Text of several lines (an outline, a stack trace) written through `log` (a {@link channelLog}), each line an entry of its own. */
export function logLines(log: (entry: string) => void, text: string): void {
  for (const line of text.split('\n')) log(line);
}
