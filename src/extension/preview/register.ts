import * as vscode from 'vscode';
import type { PreviewState } from '../../shared/protocol';
import { preview } from '../firstUse';
import type { AudienceSource, LintSource, PreviewManager } from './manager';

/**
 * The preview's commands and panel serializer, registered at activation. The preview itself lives in
 * dist/preview.js and is loaded the first time one of them runs.
 */
export function registerPreview(context: vscode.ExtensionContext, lint: LintSource, cuts: AudienceSource): void {
  let manager: PreviewManager | undefined;
  const previews = (): PreviewManager => {
    if (!manager) {
      manager = new (preview().PreviewManager)(context.extensionUri, lint, cuts);
      context.subscriptions.push(manager);
    }
    return manager;
  };
  context.subscriptions.push(
    vscode.commands.registerCommand('storydeck.openPreview', (uri?: vscode.Uri) => previews().open(false, uri)),
    vscode.commands.registerCommand('storydeck.openPreviewToSide', (uri?: vscode.Uri) => previews().open(true, uri)),
    vscode.commands.registerCommand('storydeck.preview.toggleLock', () => previews().toggleLock()),
    vscode.commands.registerCommand('storydeck.present', (uri?: vscode.Uri) => previews().present(uri)),
    // VIEW_TYPE in manager.ts, and the onWebviewPanel activation event in package.json.
    vscode.window.registerWebviewPanelSerializer('storydeck.preview', {
      deserializeWebviewPanel: (panel, state: unknown) => previews().restore(panel, state as Partial<PreviewState> | undefined),
    }),
  );
}
