import * as vscode from 'vscode';
import { FRONT_MATTER_SCAN_LINES, readFrontMatter, shortFences, storydeckOptIn } from '../core/deck/frontMatter';
import type { ConfigCache } from './config';
import type { LintSettings } from './settings';

export type NarrativeReason = 'front matter' | 'storydeck.files' | 'config file';

/**
 * Whether a Markdown document is a StoryDeck narrative, and why. Never every README by surprise:
 * - front matter with a `storydeck:` key opts in (`storydeck: false` opts out, whatever else matches);
 * - a `storydeck.files` glob (relative to the document's workspace folder) opts in;
 * - so does a `.storydeck.json/.yaml/.yml` in the document's folder or above it, inside its workspace folder.
 */
export async function narrativeReason(document: vscode.TextDocument, settings: LintSettings, configs: ConfigCache): Promise<NarrativeReason | undefined> {
  if (document.languageId !== 'markdown') return undefined;
  const optIn = frontMatterOptIn(document);
  if (optIn !== undefined) return optIn ? 'front matter' : undefined;
  if (matchesFilesSetting(document, settings.files)) return 'storydeck.files';
  if (document.isUntitled) return undefined;
  return (await configs.nearest(document.uri)) ? 'config file' : undefined;
}

/** true: `storydeck:` is set (to anything but false); false: `storydeck: false`; undefined: no key. */
export function frontMatterOptIn(document: vscode.TextDocument): boolean | undefined {
  const lines: string[] = [];
  for (let i = 0; i < Math.min(document.lineCount, FRONT_MATTER_SCAN_LINES); i++) lines.push(document.lineAt(i).text);
  // Opened with `--` by mistake, it still says whether the file is a narrative: the front-matter rule then reports it.
  for (const fence of shortFences(lines) ?? []) lines[fence] = '---';
  if (!/^---[ \t]*$/.test(lines[0] ?? '')) return undefined;
  return storydeckOptIn(readFrontMatter(lines).data);
}

function matchesFilesSetting(document: vscode.TextDocument, globs: readonly string[]): boolean {
  if (globs.length === 0) return false;
  const folder = vscode.workspace.getWorkspaceFolder(document.uri);
  return globs.some((glob) => vscode.languages.match({ pattern: folder ? new vscode.RelativePattern(folder, glob) : glob }, document) > 0);
}
