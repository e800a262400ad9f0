import * as vscode from 'vscode';
import { activate, diagnosticOf, openAndLint, previewShows, screenshot, sleep, waitFor } from './helpers';

// Last (files run in name order): the README's picture of StoryDeck in VS Code — a draft pitch with its
// findings in the Problems panel, the Story view and the preview beside it — taken by the launcher when
// STORYDECK_TEST_SCREENSHOT names a file (`npm run screenshots`).
describe('screenshot', () => {
  it('shows a draft with its findings, the Story view and the preview', async function () {
    if (!process.env.STORYDECK_TEST_SCREENSHOT) this.skip();
    const api = await activate();
    await vscode.commands.executeCommand('workbench.action.closeAllGroups');
    await vscode.commands.executeCommand('workbench.action.closeAuxiliaryBar');
    const { document } = await openAndLint(api, 'screenshot/handoff-pitch.md');
    await waitFor('vanity-metric', () => diagnosticOf(document.uri, 'vanity-metric'));
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    const editor = await vscode.window.showTextDocument(document, vscode.ViewColumn.One);
    const line = document.getText().split('\n').indexOf('## Meet Maria');
    editor.selection = new vscode.Selection(line + 2, 0, line + 2, 0);
    editor.revealRange(new vscode.Range(line, 0, line, 0), vscode.TextEditorRevealType.AtTop);
    await vscode.commands.executeCommand('storydeck.openPreviewToSide');
    await previewShows(this, (reply) => reply.label === 'Slide 3: Meet Maria');
    await vscode.commands.executeCommand('workbench.files.action.collapseExplorerFolders');
    await vscode.commands.executeCommand('storydeck.story.focus');
    await waitFor('the Story view to list the slides', () => api.storyView.getChildren().length > 0);
    // Back to the text: the Story view shows while a Markdown editor is active.
    await vscode.window.showTextDocument(document, vscode.ViewColumn.One);
    await sleep(2500);
    await screenshot();
  });
});
