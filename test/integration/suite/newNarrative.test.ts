import assert from 'node:assert/strict';
import { mkdtempSync, renameSync, symlinkSync, unlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as vscode from 'vscode';
import { BEAT_IDS, parseDeck } from '../../../src/core/deck';
import { renderTemplate } from '../../../src/core/scaffold';
import { listTemplates } from '../../../src/node/templates';
import { activate, EXTENSION_ID, pressKeys, QUICK_INPUT, screenshot, sleep, workspaceUri } from './helpers';

const NEW = 'storydeck.newNarrative';

/** What the built-in template gives for these answers, rendered here by the core. */
function rendered(id: string, answers: Record<string, string>): string {
  const dir = vscode.Uri.joinPath(vscode.extensions.getExtension(EXTENSION_ID)!.extensionUri, 'templates');
  return renderTemplate(
    listTemplates([dir.fsPath]).templates.find((t) => t.id === id)!,
    answers,
  );
}

const untitled = () => vscode.workspace.textDocuments.filter((d) => d.isUntitled && !d.isClosed).length;

describe('New Narrative', () => {
  before(async () => {
    await activate();
  });

  afterEach(async () => {
    for (const document of vscode.workspace.textDocuments.filter((d) => d.isDirty)) {
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('with scripted answers, opens an untitled draft with the template’s slides, why before what', async () => {
    const answers = { title: 'Handoffs <script>alert(1)</script>', presenter: 'Maria' };
    const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>(NEW, 'town-hall', answers, 'untitled');
    assert.ok(uri, 'a document was created');
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString())!;
    assert.equal(document.isUntitled, true);
    assert.equal(document.languageId, 'markdown');
    assert.equal(vscode.window.activeTextEditor?.document, document);
    const deck = parseDeck(document.getText());
    assert.equal(deck.frontMatter.title, 'Handoffs <script>alert(1)</script>');
    assert.equal(deck.frontMatter.storydeck, true);
    assert.equal(document.getText(), rendered('town-hall', answers));
    const beats = deck.slides.flatMap((s) => s.beats);
    assert.deepEqual(beats, [...BEAT_IDS], 'every beat, in why-before-what order');
    assert.ok(!document.getText().includes('<script>'), 'the answer is escaped');
    assert.match(document.getText(), /Maria/);
  });

  it('saves to a new file in the workspace, and refuses to overwrite an existing one', async () => {
    const target = workspaceUri('new/pitch.md');
    await vscode.workspace.fs.delete(target).then(undefined, () => undefined);
    const created = await vscode.commands.executeCommand<vscode.Uri | undefined>(NEW, 'product-pitch', { title: 'Handoff Board' }, target);
    assert.equal(created?.toString(), target.toString());
    const written = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
    assert.equal(parseDeck(written).frontMatter.title, 'Handoff Board');
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), target.toString());

    const again = await vscode.commands.executeCommand<vscode.Uri | undefined>(NEW, 'town-hall', { title: 'Something else' }, target);
    assert.equal(again, undefined, 'nothing is created');
    assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(target)), written, 'the file is unchanged');
    await vscode.workspace.fs.delete(target);
  });

  it('refuses missing required answers and unknown templates, creating nothing', async () => {
    const before = untitled();
    assert.equal(await vscode.commands.executeCommand(NEW, 'town-hall', { audience: 'Everyone' }, 'untitled'), undefined);
    assert.equal(await vscode.commands.executeCommand(NEW, 'no-such-template', {}, 'untitled'), undefined);
    assert.equal(untitled(), before);
  });

  it('offers the workspace’s own templates only in a trusted workspace', async () => {
    const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>(NEW, 'team-offsite', { title: 'Q3 offsite' }, 'untitled');
    if (!vscode.workspace.isTrusted) {
      assert.equal(uri, undefined, 'Handlebars must not compile a template from an untrusted workspace');
      return;
    }
    assert.ok(uri);
    const text = vscode.window.activeTextEditor!.document.getText();
    assert.match(text, /^## Why we are here$/m);
    assert.deepEqual(
      parseDeck(text).slides.flatMap((s) => s.beats),
      ['why', 'ask'],
    );
  });

  it('reads no template from a .storydeck/templates folder that is a link out of the workspace folder', async function () {
    if (!vscode.workspace.isTrusted) this.skip();
    const folder = workspaceUri('.storydeck/templates').fsPath;
    // Beside the workspace folder, on the same file system (a rename moves it there and back).
    const elsewhere = join(mkdtempSync(join(dirname(vscode.workspace.workspaceFolders![0].uri.fsPath), 'storydeck-lent-')), 'templates');
    renameSync(folder, elsewhere);
    symlinkSync(elsewhere, folder);
    try {
      assert.equal(await vscode.commands.executeCommand(NEW, 'team-offsite', { title: 'Q3 offsite' }, 'untitled'), undefined, 'not offered');
      assert.ok(await vscode.commands.executeCommand<vscode.Uri | undefined>(NEW, 'town-hall', { title: 'Q3' }, 'untitled'), 'the built-in templates still work');
    } finally {
      unlinkSync(folder);
      renameSync(elsewhere, folder);
    }
  });

  it('refuses a workspace template larger than 1 MB instead of reading it whole', async function () {
    if (!vscode.workspace.isTrusted) this.skip();
    const huge = workspaceUri('.storydeck/templates/huge.hbs');
    const body = `{{!--\nid: huge\nname: Huge\nprompts:\n  - key: title\n    question: Title?\n--}}\n# {{title}}\n${'x'.repeat(1024 * 1024)}\n`;
    await vscode.workspace.fs.writeFile(huge, new TextEncoder().encode(body));
    try {
      assert.equal(await vscode.commands.executeCommand(NEW, 'huge', { title: 'Too big' }, 'untitled'), undefined);
      assert.ok(await vscode.commands.executeCommand<vscode.Uri | undefined>(NEW, 'team-offsite', { title: 'Q3 offsite' }, 'untitled'), 'the other templates still work');
    } finally {
      await vscode.workspace.fs.delete(huge);
    }
  });

  it('refuses a duration that is not a talk length where it is typed, and takes one that is', async function () {
    const run = vscode.commands.executeCommand<vscode.Uri | undefined>(NEW);
    const step = async (...keys: Parameters<typeof pressKeys> extends [unknown, ...infer K] ? K : never) => {
      await sleep(800);
      await pressKeys(this, { waitFor: QUICK_INPUT }, ...keys);
    };
    await step({ press: 'Enter' }); // the first template: Executive decision ask
    await step({ type: 'Payroll consolidation' }, { press: 'Enter' });
    await step({ press: 'Enter' }); // no decision yet
    await step({ press: 'Enter' }); // the default audience
    await step({ press: 'Control+A' }, { type: 'ten minutes' }, { press: 'Enter' });
    await sleep(500);
    await screenshot('new-narrative-duration');
    // Still the duration question: what is typed next replaces "ten minutes" there, not the presenter's answer.
    await step({ press: 'Control+A' }, { type: '12:30' }, { press: 'Enter' });
    await step({ press: 'Enter' }); // no presenter
    await step({ press: 'Enter' }); // an untitled document
    const uri = await run;
    assert.ok(uri, 'a draft was created');
    const deck = parseDeck(vscode.window.activeTextEditor!.document.getText());
    assert.equal(deck.frontMatter.title, 'Payroll consolidation');
    assert.equal(deck.frontMatter.duration, '12:30');
  });

  it('Esc while answering leaves nothing behind', async () => {
    const before = untitled();
    const run = vscode.commands.executeCommand<vscode.Uri | undefined>(NEW);
    // The template picker, then the first question: accept the first template, then cancel.
    await sleep(1000);
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    await sleep(1000);
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    assert.equal(await run, undefined);
    assert.equal(untitled(), before);
  });
});
