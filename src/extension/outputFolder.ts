import { dirname, isAbsolute, resolve } from 'node:path';
import { isInside } from '../node/fileAccess';

/** `storydeck.export.outputDir` as `WorkspaceConfiguration.inspect()` reports it: the value each settings file gives. */
export interface OutputDirValues {
  globalValue?: string;
  workspaceValue?: string;
  workspaceFolderValue?: string;
}

/**
 * The folder `StoryDeck: Export…` writes to: `storydeck.export.outputDir`, relative to the narrative's
 * workspace folder (or its own folder outside one), else the narrative's folder. A value from the
 * workspace's settings (`.vscode/settings.json`, a `.code-workspace` file) must stay inside that folder,
 * symbolic links resolved, so that a repository cannot make the export write elsewhere; it is refused
 * with a message otherwise. Only the user's settings may name a folder anywhere.
 */
export function outputFolder(narrative: string, workspaceFolder: string | undefined, values: OutputDirValues | undefined): { folder: string } | { refused: string } {
  const here = dirname(narrative);
  const fromWorkspace = values?.workspaceFolderValue ?? values?.workspaceValue;
  const setting = fromWorkspace ?? values?.globalValue ?? '';
  if (!setting.trim()) return { folder: here };
  const base = workspaceFolder ?? here;
  const folder = isAbsolute(setting) ? setting : resolve(base, setting);
  if (fromWorkspace !== undefined && !isInside(base, folder)) {
    return {
      refused: `storydeck.export.outputDir in this workspace's settings ("${setting}") is outside the workspace folder; a workspace's settings can only export into it. Change it, or set it in your user settings to export elsewhere.`,
    };
  }
  return { folder };
}
