import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { EXTENSION_ID, activate, openAndLint, previewShows, ruleIds, waitFor, workspaceUri } from '../integration/suite/helpers';

/**
 * Runs against StoryDeck installed from the packaged .vsix (scripts/vsix-test.sh), not the development
 * folder: what a user downloads must activate, lint, preview and export.
 */
describe('the packaged .vsix', () => {
  it('is the installed extension, not the development folder', () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not installed`);
    const version = (extension.packageJSON as { version: string }).version;
    assert.match(extension.extensionPath.replace(/\\/g, '/'), new RegExp(`/extensions/${EXTENSION_ID}-${version.replace(/\./g, '\\.')}$`));
    // The allow-list keeps sources and tests out of the package.
    assert.equal(existsSync(`${extension.extensionPath}/src`), false);
    assert.equal(existsSync(`${extension.extensionPath}/test`), false);
  });

  it('activates and lints: the example is clean, a solution-first draft has findings', async () => {
    const api = await activate();
    const example = await openAndLint(api, 'town-hall.md');
    assert.deepEqual(ruleIds(example.document.uri), []);
    const draft = await openAndLint(api, 'draft.md');
    const ids = await waitFor('findings on the draft', () => (ruleIds(draft.document.uri).length > 0 ? ruleIds(draft.document.uri) : undefined));
    assert.ok(ids.includes('why-before-what'), ids.join(', '));
    assert.ok(ids.includes('call-to-action'), ids.join(', '));
  });

  it('opens the preview beside the example, showing its first slide', async function () {
    const api = await activate();
    await openAndLint(api, 'town-hall.md');
    await vscode.commands.executeCommand('storydeck.openPreviewToSide');
    // Read from the webview's own DOM by the launcher, not reported by the extension.
    const shown = await previewShows(this, (reply) => reply.label !== undefined);
    assert.equal(shown.label, "Slide 1: Handoffs that don't drop patients");
  });

  it('exports the example to a self-contained HTML deck', async () => {
    const source = workspaceUri('town-hall.md');
    await vscode.commands.executeCommand('storydeck.export', source, 'html', { overwrite: true });
    const html = readFileSync(workspaceUri('town-hall.html').fsPath, 'utf8');
    assert.match(html, /^<!DOCTYPE html>/);
    assert.match(html, /Handoffs that don(’|'|&#39;)t drop patients/);
    assert.doesNotMatch(html, /guide:/);
  });
});
