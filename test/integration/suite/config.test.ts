import assert from 'node:assert/strict';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as vscode from 'vscode';
import { activate, diagnosticOf, nextLint, openAndLint, ruleIds, storydeckDiagnostics, waitFor, workspaceUri } from './helpers';

// After 0-trust.test.ts: the workspace is trusted, so JavaScript rules from its own config files run.
describe('config boundary', () => {
  /** The folder that holds the workspace folder: outside it, like a shared /tmp or a parent checkout. */
  const parent = dirname(workspaceUri('.').fsPath);
  const planted = join(parent, 'planted.js');
  const ran = join(parent, 'ran');
  const extending = workspaceUri('boundary/extends/.storydeck.json');

  before(() => {
    writeFileSync(
      planted,
      "require('fs').writeFileSync(__dirname + '/ran', ''); module.exports = { id: 'planted', defaultSeverity: 'error', check(ctx, report) { report({ message: 'planted', range: ctx.documentRange() }); } };\n",
    );
    writeFileSync(join(parent, '.storydeck.json'), JSON.stringify({ plugins: ['./planted.js'] }));
    writeFileSync(join(parent, 'shared.json'), JSON.stringify({ plugins: ['./planted.js'], declarative: [{ id: 'shared-words', type: 'existence', tokens: ['handoff'] }] }));
  });
  after(async () => {
    for (const file of [planted, ran, join(parent, '.storydeck.json'), join(parent, 'shared.json'), join(parent, 'loose'), extending.fsPath]) rmSync(file, { force: true, recursive: true });
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('takes data from a config a workspace config extends outside the folder, never its JavaScript rules', async function () {
    if (!vscode.workspace.isTrusted) this.skip();
    const api = await activate();
    // Created now, so the extension's config cache starts afresh (it is cleared when a config file appears).
    writeFileSync(extending.fsPath, JSON.stringify({ extends: '../../../shared.json' }));
    const { document } = await openAndLint(api, 'boundary/extends/deck.md');
    await waitFor('the declarative rule from the extended config', () => diagnosticOf(document.uri, 'shared-words'));
    const withheld = await waitFor('a word that the rule module was not loaded', () =>
      storydeckDiagnostics(document.uri).find((d) => /planted\.js not loaded: .*shared\.json names it, and that config file is outside the workspace folder/.test(d.message)),
    );
    assert.equal(withheld.code, 'config');
    assert.ok(!ruleIds(document.uri).includes('planted'));
    assert.equal(existsSync(ran), false, 'the rule module from outside the workspace ran');
  });

  it('never uses a config file above the workspace folder', async function () {
    if (!vscode.workspace.isTrusted) this.skip();
    const api = await activate();
    const { document } = await openAndLint(api, 'boundary/outside.md');
    assert.ok(!ruleIds(document.uri).includes('planted'), ruleIds(document.uri).join(', '));
    assert.equal(existsSync(ran), false, 'the rule module above the workspace folder ran');
  });

  it('searches only the own folder of a narrative outside every workspace folder', async function () {
    if (!vscode.workspace.isTrusted) this.skip();
    const api = await activate();
    mkdirSync(join(parent, 'loose'), { recursive: true });
    const loose = vscode.Uri.file(join(parent, 'loose', 'talk.md'));
    writeFileSync(loose.fsPath, '---\nstorydeck: true\n---\n\n# Why we exist\n\nNurses lose an hour a shift to handoffs.\n');
    const linted = nextLint(api, loose);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(loose));
    await linted;
    assert.ok(ruleIds(loose).length > 0, 'the narrative was linted');
    assert.ok(!ruleIds(loose).includes('planted'), ruleIds(loose).join(', '));
    assert.equal(existsSync(ran), false, "the rule module above the narrative's folder ran");
  });
});
