import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activate, askLauncher, diagnosticOf, openAndLint, ruleIds, waitFor } from './helpers';

// Runs first (files run in name order): the run starts in a fresh, untrusted workspace.
describe('workspace trust', () => {
  it('runs declarative rules in an untrusted workspace, and JavaScript rules only once it is trusted', async function () {
    if (vscode.workspace.isTrusted) this.skip(); // launched with Workspace Trust disabled
    const api = await activate();
    const { document } = await openAndLint(api, 'plugins/deck.md');
    await waitFor('the declarative rule no-lorem', () => diagnosticOf(document.uri, 'no-lorem'));
    assert.ok(!ruleIds(document.uri).includes('no-placeholder-names'), 'the JavaScript rule must not run before trust');

    const granted = new Promise<void>((resolve) => vscode.workspace.onDidGrantWorkspaceTrust(() => resolve()));
    // The Workspace Trust editor, with its "Trust" button the launcher clicks like a user would.
    await vscode.commands.executeCommand('workbench.trust.manage');
    if (!(await askLauncher('trust'))) this.skip(); // no launcher to click the button
    await Promise.race([granted, new Promise((_, reject) => setTimeout(() => reject(new Error('trust was not granted')), 15_000))]);
    assert.equal(vscode.workspace.isTrusted, true);
    await waitFor('the JavaScript rule after trust was granted', () => ruleIds(document.uri).includes('no-placeholder-names'));
    assert.equal(storydeckCount(document.uri, 'no-placeholder-names'), 2);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});

function storydeckCount(uri: vscode.Uri, ruleId: string): number {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'storydeck' && (typeof d.code === 'object' ? d.code.value : d.code) === ruleId).length;
}
