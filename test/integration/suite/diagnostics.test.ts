import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  EXTENSION_ID,
  activate,
  codeActions,
  diagnosticOf,
  quickFix,
  nextLint,
  openAndLint,
  ruleIds,
  screenshot,
  eventually,
  webviewTexts,
  setSetting,
  sleep,
  storydeckDiagnostics,
  waitFor,
  workspaceUri,
  type StoryDeckApi,
} from './helpers';

describe('diagnostics', () => {
  let api: StoryDeckApi;

  before(async () => {
    api = await activate();
  });

  afterEach(async () => {
    await setSetting('enable', undefined);
    await setSetting('run', undefined);
    await setSetting('files', undefined);
    await setSetting('rules', undefined);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('lints a narrative that opts in with `storydeck: true` in its front matter', async () => {
    const { document } = await openAndLint(api, 'solution-first.md');
    const diagnostic = await waitFor('why-before-what on solution-first.md', () => diagnosticOf(document.uri, 'why-before-what'));
    assert.equal(diagnostic.source, 'storydeck');
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Warning);
    // "# Introducing Handoff Board" is line 6 (1-based), the whole line.
    assert.deepEqual([diagnostic.range.start.line, diagnostic.range.start.character, diagnostic.range.end.line, diagnostic.range.end.character], [5, 0, 5, '# Introducing Handoff Board'.length]);
    const code = diagnostic.code as { value: string; target: vscode.Uri };
    assert.ok(code.target instanceof vscode.Uri, 'code.target is a Uri');
    assert.equal(code.target.toString(), 'storydeck-rule:/docs/rules/why-before-what.md');
    await vscode.workspace.fs.stat(vscode.Uri.joinPath(vscode.extensions.getExtension(EXTENSION_ID)!.extensionUri, code.target.path)); // the page ships with the extension
  });

  it('opens a rule’s page from its link read-only and rendered, not as an editable Markdown file', async function () {
    const { document } = await openAndLint(api, 'solution-first.md');
    const { target } = (await waitFor('why-before-what', () => diagnosticOf(document.uri, 'why-before-what'))).code as { value: string; target: vscode.Uri };
    await vscode.commands.executeCommand('vscode.open', target);
    await waitFor('the rule page', () => {
      const tab = vscode.window.tabGroups.activeTabGroup.activeTab;
      return tab?.input instanceof vscode.TabInputCustom && tab.input.viewType === 'storydeck.rulePage' && tab.input.uri.toString() === target.toString();
    });
    assert.equal(vscode.window.activeTextEditor, undefined, 'no text editor');
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.path.endsWith('/docs/rules/why-before-what.md')), 'the Markdown source is not open');
    // Rendered: headings and text, not Markdown source (its examples' code blocks keep their #s).
    await eventually('the page rendered', async () =>
      (await webviewTexts(this)).some((text) => /^why-before-what\n/.test(text) && /\nWhy it matters\n/.test(text) && !text.includes('**Default severity')),
    );
    await screenshot('rule-page');
  });

  it('lints a narrative whose front matter opens with `--`, says so on line 1 and fixes it', async () => {
    const { document } = await openAndLint(api, 'short-fence.md');
    const diagnostic = await waitFor('front-matter on short-fence.md', () => diagnosticOf(document.uri, 'front-matter'));
    assert.equal(diagnostic.range.start.line, 0);
    assert.match(diagnostic.message, /^The front matter starts with `--` instead of `---`/);
    assert.deepEqual(
      ruleIds(document.uri).filter((id) => id === 'front-matter' || id === 'input'),
      ['front-matter'],
      'one finding for the one problem',
    );
    const fix = await quickFix(document.uri, diagnostic.range, 'Replace "--" with "---"');
    assert.equal(fix.isPreferred, true);
    await vscode.workspace.applyEdit(fix.edit!);
    await waitFor('the front-matter finding to go', () => !diagnosticOf(document.uri, 'front-matter'));
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('says on its line that a theme StoryDeck does not have is drawn in the light theme', async () => {
    const { document } = await openAndLint(api, 'marp-theme.md');
    const diagnostic = await waitFor('front-matter on marp-theme.md', () => diagnosticOf(document.uri, 'front-matter'));
    assert.equal(diagnostic.range.start.line, 2);
    assert.match(diagnostic.message, /^`theme: acme` is not a theme StoryDeck has, so the slides use the light theme\./);
  });

  it('reports a lint that fails: one diagnostic, and onDidLint fires so nothing waits for it', async function () {
    if (!vscode.workspace.isTrusted) this.skip(); // the broken rule module loads only in a trusted workspace
    const uri = workspaceUri('broken-rule/deck.md');
    const linted = nextLint(api, uri);
    await vscode.window.showTextDocument(uri);
    await linted;
    const [diagnostic, ...others] = storydeckDiagnostics(uri);
    assert.deepEqual(others, []);
    assert.equal(diagnostic.message, 'StoryDeck could not lint this file: this rule module is broken. The details are in the StoryDeck output.');
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(api.storyStatus().visible, false, 'no stale story in the status bar');
  });

  it('leaves a README without front matter alone', async () => {
    const { document } = await openAndLint(api, 'README.md');
    await sleep(200);
    assert.deepEqual(storydeckDiagnostics(document.uri), []);
  });

  it('leaves a file with `storydeck: false` alone', async () => {
    const { document } = await openAndLint(api, 'opted-out.md');
    assert.deepEqual(storydeckDiagnostics(document.uri), []);
  });

  it('lints files under a folder with a .storydeck.json, with its declarative rules', async () => {
    const { document } = await openAndLint(api, 'talks/pitch.md');
    await waitFor('plain-words on talks/pitch.md', () => ruleIds(document.uri).includes('plain-words'));
    const diagnostic = diagnosticOf(document.uri, 'plain-words')!;
    assert.equal(document.getText(diagnostic.range), 'shiftboard');
  });

  it('lints files matching a `storydeck.files` glob', async () => {
    const { document } = await openAndLint(api, 'globbed/deck.md');
    assert.deepEqual(storydeckDiagnostics(document.uri), []);
    await setSetting('files', ['globbed/**/*.md']);
    await waitFor('why-before-what on globbed/deck.md', () => ruleIds(document.uri).includes('why-before-what'));
  });

  it('re-lints open documents when a config file appears', async () => {
    const { document } = await openAndLint(api, 'later/deck.md');
    assert.deepEqual(storydeckDiagnostics(document.uri), []);
    const config = workspaceUri('later/.storydeck.json');
    await vscode.workspace.fs.writeFile(config, new TextEncoder().encode('{ "rules": { "why-before-what": "error" } }\n'));
    try {
      const diagnostic = await waitFor('why-before-what after .storydeck.json was created', () => diagnosticOf(document.uri, 'why-before-what'), 15_000);
      assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Error, 'the config file sets the severity');
    } finally {
      await vscode.workspace.fs.delete(config);
    }
    await waitFor('diagnostics gone after .storydeck.json was deleted', () => storydeckDiagnostics(document.uri).length === 0, 15_000);
  });

  it('quick fix "Disable … for this line" inserts a directive and the finding goes away', async () => {
    const { document } = await openAndLint(api, 'solution-first.md');
    const diagnostic = await waitFor('why-before-what', () => diagnosticOf(document.uri, 'why-before-what'));
    const actions = await codeActions(document.uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
    const titles = actions.map((a) => a.title);
    assert.ok(titles.includes('Disable why-before-what for this file'), titles.join(' | '));
    const disable = actions.find((a) => a.title === 'Disable why-before-what for this line');
    assert.ok(disable?.edit, `no "for this line" action in: ${titles.join(' | ')}`);
    const linted = nextLint(api, document.uri);
    assert.ok(await vscode.workspace.applyEdit(disable.edit));
    assert.equal(document.lineAt(5).text, '<!-- storydeck-disable-next-line why-before-what -->');
    assert.equal(document.lineAt(6).text, '# Introducing Handoff Board');
    await linted;
    await waitFor('why-before-what to be gone', () => !ruleIds(document.uri).includes('why-before-what'));
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('quick fix "Disable … for this file" inserts a directive after the front matter', async () => {
    const { document } = await openAndLint(api, 'disable-file.md');
    const diagnostic = await waitFor('why-before-what', () => diagnosticOf(document.uri, 'why-before-what'));
    const action = (await codeActions(document.uri, diagnostic.range)).find((a) => a.title === 'Disable why-before-what for this file');
    assert.ok(action?.edit);
    assert.ok(await vscode.workspace.applyEdit(action.edit));
    // Front matter is lines 1-4; the first slide starts on line 5.
    assert.equal(document.lineAt(3).text, '---');
    assert.equal(document.lineAt(4).text, '<!-- storydeck-disable why-before-what -->');
    await waitFor('why-before-what to be gone', () => !ruleIds(document.uri).includes('why-before-what'));
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it("applies a rule's own fix as a preferred quick fix", async () => {
    const { document } = await openAndLint(api, 'talks/pitch.md');
    const diagnostic = await waitFor('plain-words', () => diagnosticOf(document.uri, 'plain-words'));
    const fix = (await codeActions(document.uri, diagnostic.range)).find((a) => a.title === 'Replace "shiftboard" with "Handoff Board"');
    assert.ok(fix?.edit, 'the rule fix is offered');
    assert.equal(fix.isPreferred, true);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.equal(document.lineAt(8).text, 'Nurses see every change since the last shift on one Handoff Board.');
    await waitFor('plain-words to be gone', () => !ruleIds(document.uri).includes('plain-words'));
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('re-lints while typing, after a pause', async () => {
    const editor = await openAndLint(api, 'on-type.md');
    const { document } = editor;
    await waitFor('why-before-what', () => ruleIds(document.uri).includes('why-before-what'));
    // Move the why slide to the front, in several quick edits: only the last version's result counts.
    const why = '## Why we exist\n\nWe believe no patient should be put at risk because information fell between two shifts.\n\n---\n\n';
    for (const part of why.match(/[\s\S]{1,40}/g)!.reverse()) {
      await editor.edit((b) => b.insert(new vscode.Position(5, 0), part));
    }
    await waitFor('why-before-what to be gone after typing', () => !ruleIds(document.uri).includes('why-before-what'));
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('with `storydeck.run: onSave`, lints on save and not while typing', async () => {
    await setSetting('run', 'onSave');
    const editor = await openAndLint(api, 'on-save.md');
    const { document } = editor;
    await waitFor('why-before-what', () => ruleIds(document.uri).includes('why-before-what'));
    const original = document.getText();
    await editor.edit((b) => b.insert(new vscode.Position(5, 0), '## Why we exist\n\nWe believe every nurse deserves to start a shift knowing what happened.\n\n---\n\n'));
    await sleep(800);
    assert.ok(ruleIds(document.uri).includes('why-before-what'), 'no lint while typing');
    await document.save();
    await waitFor('why-before-what to be gone after save', () => !ruleIds(document.uri).includes('why-before-what'));
    await editor.edit((b) => b.replace(new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)), original));
    await document.save();
  });

  it("takes `storydeck.rules` as a config file's `rules:`: a value no rule takes is one config problem, and the rest still applies", async () => {
    const { document } = await openAndLint(api, 'solution-first.md');
    await waitFor('why-before-what', () => ruleIds(document.uri).includes('why-before-what'));
    // `null` (from a workspace's .vscode/settings.json as from the user's) failed every lint: "could not lint this file".
    const linted = nextLint(api, document.uri);
    await setSetting('rules', { 'why-before-what': null, 'call-to-action': false });
    await linted;
    const problems = storydeckDiagnostics(document.uri).filter((d) => d.code === 'config');
    assert.deepEqual(
      problems.map((d) => d.message),
      ['StoryDeck config "storydeck.rules" in settings: rule "why-before-what": use false, true, "error", "warning", "info" or an options object (got null).'],
    );
    assert.ok(ruleIds(document.uri).includes('why-before-what'), 'the rule runs as if the setting named it not');
    assert.ok(!ruleIds(document.uri).includes('call-to-action'), 'the valid part of the setting applies');
  });

  it('`storydeck.enable: false` clears the diagnostics; true brings them back', async () => {
    const { document } = await openAndLint(api, 'enable.md');
    await waitFor('why-before-what', () => ruleIds(document.uri).includes('why-before-what'));
    await setSetting('enable', false);
    await waitFor('diagnostics to be cleared', () => storydeckDiagnostics(document.uri).length === 0);
    await setSetting('enable', true);
    await waitFor('why-before-what to come back', () => ruleIds(document.uri).includes('why-before-what'));
  });
});
