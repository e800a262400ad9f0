import * as vscode from 'vscode';
import { restrictedSetting } from './restricted';

/**
 * The custom themes' style sheets a document may use in VS Code, in the preview and in `StoryDeck: Export…`
 * alike, all inside its workspace folder: the `storydeck.preview.themes` setting (paths relative to the
 * folder; a workspace's own value only once it is trusted, the user's always), then, once the workspace
 * is trusted, the `themes:` of its config (URI paths, as NarrativeLinter.configFor gives them). Until then
 * a workspace puts none of its style sheets in the preview or an export.
 */
export function themeSheets(document: vscode.Uri, configThemes: readonly string[] = []): vscode.Uri[] {
  const folder = vscode.workspace.getWorkspaceFolder(document)?.uri;
  if (!folder) return [];
  const setting = restrictedSetting<unknown>(vscode.workspace.getConfiguration('storydeck.preview', document), 'themes', vscode.workspace.isTrusted);
  return [
    ...(Array.isArray(setting) ? setting.filter((path): path is string => typeof path === 'string').map((path) => vscode.Uri.joinPath(folder, path)) : []),
    ...(vscode.workspace.isTrusted ? configThemes : []).map((path) => folder.with({ path })),
  ].filter((uri) => inside(folder, uri));
}

/** Whether `target` is inside `folder` (same scheme and authority, below its path). */
export function inside(folder: vscode.Uri, target: vscode.Uri): boolean {
  const root = folder.path.endsWith('/') ? folder.path : `${folder.path}/`;
  return target.scheme === folder.scheme && target.authority === folder.authority && target.path.startsWith(root);
}
