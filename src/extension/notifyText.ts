import { escapeControls, oneLine } from '../core/deck/controls';

/**
 * A message for a VS Code notification or dialog (`showInformationMessage` and its kin) built from text a workspace controls —
 * a narrative's file name, a theme's path from `.storydeck.yaml`, a link's target, an error quoting them. VS Code turns
 * `[label](command:…)`, `[label](https://…)` or `[label](file:…)` in a message into a link that runs the command or opens
 * the target on a click, so a file named `[Fix](command:workbench.action.terminal.sendSequence?…).md` would put one there.
 * Every `](` becomes `] (`, which no link reads; and, as on the output channel, the message is one line with terminal
 * controls and bidirectional overrides escaped (`\u001b`-style). StoryDeck's own messages carry no links.
 */
export function noLinks(message: string): string {
  return escapeControls(oneLine(message)).replace(/\]\(/g, '] (');
}
