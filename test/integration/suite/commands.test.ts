import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { BEAT_IDS } from '../../../src/core/deck/types';
import { BUILTIN_RULES } from '../../../src/core/lint';
import { EXTENSION_ID, activate, countInWorkbench, diagnosticOf, quickFix, openAndLint, screenshot, waitFor, type StoryDeckApi } from './helpers';

interface Manifest {
  contributes: {
    commands?: { command: string; category?: string; title?: string }[];
    menus?: { commandPalette?: { command: string; when?: string }[] };
    configuration?: { properties: Record<string, { default?: unknown; scope?: string; markdownDescription?: string }> };
    views?: Record<string, { id: string }[]>;
    snippets?: { language: string; path: string }[];
  };
}

/** Commands meant to work with no Markdown file open, and why; every other command shows in the palette only for Markdown. */
const ANYWHERE: Record<string, string> = {
  'storydeck.newNarrative': 'it starts a narrative, so there is often no Markdown file open yet',
};

describe('manifest', () => {
  let manifest: Manifest;
  let extension: vscode.Extension<StoryDeckApi>;

  before(async () => {
    await activate();
    extension = vscode.extensions.getExtension<StoryDeckApi>(EXTENSION_ID)!;
    manifest = extension.packageJSON as Manifest;
  });

  it('registers every contributed command, under the StoryDeck category, in the palette only for Markdown (but for a few meant for anywhere)', async () => {
    const registered = new Set(await vscode.commands.getCommands(true));
    const contributed = manifest.contributes.commands ?? [];
    assert.ok(contributed.length > 0);
    for (const { command, category } of contributed) {
      assert.ok(registered.has(command), `${command} is contributed but not registered`);
      assert.equal(category, 'StoryDeck', command);
      const palette = manifest.contributes.menus?.commandPalette?.find((m) => m.command === command);
      if (command in ANYWHERE) assert.equal(palette?.when, undefined, `${command} must stay in the palette everywhere: ${ANYWHERE[command]}`);
      else assert.match(palette?.when ?? '', /markdown/, `${command} needs a Markdown "when" clause in the command palette`);
    }
    for (const command of Object.keys(ANYWHERE))
      assert.ok(
        contributed.some((c) => c.command === command),
        `${command} is allowed anywhere but not contributed`,
      );
  });

  // Which settings are machine-scoped, and why, is checked in test/unit/release/manifest.test.ts.
  it('registers every contributed setting with its default and a markdownDescription', () => {
    const properties = manifest.contributes.configuration?.properties ?? {};
    assert.ok(Object.keys(properties).length > 0);
    for (const [key, property] of Object.entries(properties)) {
      const inspected = vscode.workspace.getConfiguration().inspect(key);
      assert.ok(inspected, `${key} is not registered`);
      assert.deepEqual(inspected.defaultValue, property.default, `${key} default`);
      assert.ok(property.markdownDescription, `${key} has no markdownDescription`);
    }
  });

  it('registers every contributed view', async () => {
    const registered = new Set(await vscode.commands.getCommands(true));
    for (const view of Object.values(manifest.contributes.views ?? {}).flat()) assert.ok(registered.has(`${view.id}.focus`), `view ${view.id}`);
  });

  it('contributes the sd-<beat> snippets for Markdown', async () => {
    const snippets = manifest.contributes.snippets ?? [];
    assert.deepEqual(
      snippets.map((s) => s.language),
      ['markdown'],
    );
    const file = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extension.extensionUri, snippets[0].path));
    const prefixes = Object.values(JSON.parse(new TextDecoder().decode(file)) as Record<string, { prefix: string }>).map((s) => s.prefix);
    assert.deepEqual(
      prefixes,
      BEAT_IDS.map((beat) => `sd-${beat}`),
    );
  });

  it('ships a docs page for every built-in rule', async () => {
    const missing: string[] = [];
    for (const rule of BUILTIN_RULES) {
      assert.equal(rule.docs, `docs/rules/${rule.id}.md`, rule.id);
      await vscode.workspace.fs.stat(vscode.Uri.joinPath(extension.extensionUri, rule.docs)).then(undefined, () => missing.push(rule.docs));
    }
    assert.deepEqual(missing, [], `rules without a docs page: ${missing.join(', ')}`);
  });
});

describe('commands', () => {
  let api: StoryDeckApi;

  before(async () => {
    api = await activate();
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('storydeck.showOutline runs on a narrative', async () => {
    await openAndLint(api, 'outline.md');
    await vscode.commands.executeCommand('storydeck.showOutline');
  });

  it('gives a narrative its own slide-preview button, unlike VS Code’s Markdown preview, and only a narrative', async function () {
    const manifest = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as Manifest;
    const ours = manifest.contributes.commands?.find((c) => c.command === 'storydeck.openPreviewToSide');
    const button = `${ours?.title} (Ctrl+Shift+Alt+V)`;
    await openAndLint(api, 'solution-first.md');
    await waitFor('the narrative to be active', () => api.storyStatus().visible);
    assert.equal(await countInWorkbench(this, 'button', button, { expect: 1 }), 1, 'ours, on a narrative');
    assert.equal(await countInWorkbench(this, 'button', 'Open Preview to the Side', { exact: false, expect: 1 }), 1, 'VS Code’s own, beside it');
    await screenshot('editor-title-buttons');
    await openAndLint(api, 'README.md');
    await waitFor('a file that is not a narrative to be active', () => !api.storyStatus().visible);
    assert.equal(await countInWorkbench(this, 'button', button, { expect: 0 }), 0, 'not on a file that is not a narrative');
  });

  it('offers a jargon suggestion as a quick fix, and storydeck.fixAll leaves it to the writer', async () => {
    const { document } = await openAndLint(api, 'story/synergies.md');
    const diagnostic = await waitFor('jargon', () => diagnosticOf(document.uri, 'jargon'));
    const before = document.getText();
    const suggestion = await quickFix(document.uri, diagnostic.range, 'Replace "synergies" with "gains from working together"');
    assert.ok(suggestion.edit);
    assert.notEqual(suggestion.isPreferred, true, 'a suggestion is never the preferred fix');
    assert.equal(await vscode.commands.executeCommand('storydeck.fixAll'), false);
    assert.equal(document.getText(), before);
  });

  it('storydeck.fixAll applies every available fix', async () => {
    const { document } = await openAndLint(api, 'talks/fix-all.md');
    await waitFor('plain-words', () => diagnosticOf(document.uri, 'plain-words'));
    assert.equal(await vscode.commands.executeCommand('storydeck.fixAll'), true);
    assert.match(document.getText(), /on one Handoff Board\./);
    await waitFor('plain-words to be gone', () => !diagnosticOf(document.uri, 'plain-words'));
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });
});
