import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { restrictedSetting } from '../../../src/extension/restricted';
import { workspaceUri } from './helpers';

// Runs before 0-trust.test.ts grants trust: the workspace is untrusted here.
describe('restricted settings', () => {
  it('ignores the workspace value of storydeck.preview.themes while the workspace is untrusted', async function () {
    if (vscode.workspace.isTrusted) this.skip(); // launched with Workspace Trust disabled
    const configuration = () => vscode.workspace.getConfiguration('storydeck.preview', workspaceUri('preview/talk.md'));
    await configuration().update('themes', ['preview/acme.css'], vscode.ConfigurationTarget.Workspace);
    try {
      assert.deepEqual(configuration().get('themes'), [], 'VS Code applies the workspace value in Restricted Mode');
      assert.deepEqual(restrictedSetting(configuration(), 'themes', vscode.workspace.isTrusted), [], 'the preview would use it');
    } finally {
      await configuration().update('themes', undefined, vscode.ConfigurationTarget.Workspace);
    }
    assert.equal(configuration().inspect('themes')?.workspaceValue, undefined, 'the workspace value was removed');
  });
});
