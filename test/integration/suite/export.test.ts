import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import JSZip from 'jszip';
import * as vscode from 'vscode';
import { lintText } from '../../../src/core/lint';
import { activate, autoSaveOff, clickInWorkbench, countInWorkbench, downloadFromWorkbench, pressKeys, QUICK_INPUT, screenshot, setSetting, sleep, waitFor, workspaceUri } from './helpers';

/** The deck a self-contained HTML export carries. */
function deckOf(html: string): { slides: { title: string; html: string; notesHtml: string }[] } {
  return JSON.parse(/<script type="application\/json" id="storydeck-deck">([^]*?)<\/script>/.exec(html)![1]);
}

const exportTo = (uri: vscode.Uri, format: string, options?: { overwrite?: boolean }) => vscode.commands.executeCommand<vscode.Uri | undefined>('storydeck.export', uri, format, options);

describe('StoryDeck: Export…', () => {
  const source = workspaceUri('export/talk.md');
  const html = workspaceUri('export/talk.html');
  const folder = dirname(source.fsPath);
  let editor: vscode.TextEditor;
  let restoreAutoSave: () => Thenable<void>;

  before(async () => {
    await activate();
    // The edits below stay unsaved: exports take the editor's text, not the file's.
    restoreAutoSave = await autoSaveOff();
    editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(source));
    // Unsaved edits are exported as the editor shows them.
    await editor.edit((edit) => edit.insert(new vscode.Position(editor.document.lineCount, 0), '\n---\n\n## Added in the editor\n\nUNSAVED-EDIT, not on disk.\n'));
    assert.ok(editor.document.isDirty);
  });

  after(async () => {
    await setSetting('export.outputDir', undefined);
    await setSetting('export.browserPath', undefined);
    await vscode.window.showTextDocument(editor.document);
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    await restoreAutoSave();
    for (const name of ['talk.html', 'talk.pdf']) rmSync(`${folder}/${name}`, { force: true });
    rmSync(workspaceUri('exports').fsPath, { recursive: true, force: true });
  });

  it('exports the editor text, unsaved edits included, to one self-contained HTML file next to the narrative', async () => {
    assert.doesNotMatch(readFileSync(source.fsPath, 'utf8'), /UNSAVED-EDIT/, 'the edit is not on disk');
    const written = await exportTo(source, 'html');
    assert.equal(written?.fsPath, html.fsPath);
    const page = readFileSync(html.fsPath, 'utf8');
    const { slides } = deckOf(page);
    assert.deepEqual(
      slides.map((s) => s.title),
      ['Why handoffs matter', 'The ask', 'Added in the editor'],
    );
    assert.match(slides[2].html, /UNSAVED-EDIT/);
    assert.match(slides[0].notesHtml, /Say it slowly/);
    const dot = readFileSync(`${folder}/img/dot.png`).toString('base64');
    assert.ok(page.includes(`data:image/png;base64,${dot}`), 'the relative image, inlined');
    assert.doesNotMatch(page, /SECRET-GUIDANCE|storydeck-disable/);
    assert.deepEqual(readdirSync(folder).sort(), ['img', 'talk.html', 'talk.md'], 'no temporary file left behind');
  });

  it('never replaces an existing export unless the user agrees', async () => {
    writeFileSync(html.fsPath, 'precious');
    assert.equal(await exportTo(source, 'html', { overwrite: false }), undefined);
    assert.equal(readFileSync(html.fsPath, 'utf8'), 'precious');
    assert.equal((await exportTo(source, 'html', { overwrite: true }))?.fsPath, html.fsPath);
    assert.match(readFileSync(html.fsPath, 'utf8'), /^<!DOCTYPE html>/);
  });

  it('exports an editable PowerPoint with speaker notes into storydeck.export.outputDir', async () => {
    await setSetting('export.outputDir', 'exports/decks');
    // An edit made after the setting changed, unsaved too.
    await editor.edit((edit) => edit.insert(new vscode.Position(editor.document.lineCount - 1, 0), '\nStill unsaved: PPTX-UNSAVED.\n'));
    assert.ok(editor.document.isDirty);
    assert.doesNotMatch(readFileSync(source.fsPath, 'utf8'), /UNSAVED/, 'neither edit is on disk');
    const written = await exportTo(source, 'pptx');
    assert.equal(written?.fsPath, workspaceUri('exports/decks/talk.pptx').fsPath);
    const zip = await JSZip.loadAsync(readFileSync(written.fsPath));
    const slides = Object.keys(zip.files).filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f));
    assert.equal(slides.length, 3);
    const texts = await Promise.all(
      Object.keys(zip.files)
        .filter((f) => /^ppt\/(slides|notesSlides)\/\w+\d+\.xml$/.test(f))
        .map((f) => zip.file(f)!.async('string')),
    );
    assert.ok(
      texts.some((xml) => xml.includes('UNSAVED-EDIT')),
      'the unsaved edit',
    );
    assert.ok(
      texts.some((xml) => xml.includes('PPTX-UNSAVED')),
      'the edit made after the setting, unsaved',
    );
    assert.ok(
      texts.some((xml) => xml.includes('Say it slowly')),
      'the speaker notes',
    );
    assert.ok(
      Object.keys(zip.files).some((f) => f.startsWith('ppt/media/') && !zip.files[f].dir),
      'the image',
    );
    assert.ok(!texts.some((xml) => xml.includes('SECRET-GUIDANCE')));
  });

  it('prints a PDF with the browser storydeck.export.browserPath names, and writes nothing when it names none', async function () {
    this.timeout(90_000);
    await setSetting('export.browserPath', `${folder}/no-such-browser`);
    assert.equal(await exportTo(source, 'pdf'), undefined);
    assert.ok(!existsSync(`${folder}/talk.pdf`));

    const browser = process.env.CHROME_PATH || '/usr/bin/chromium';
    if (!existsSync(browser)) this.skip();
    await setSetting('export.browserPath', browser);
    await setSetting('export.outputDir', undefined);
    const written = await exportTo(source, 'pdf');
    assert.equal(written?.fsPath, `${folder}/talk.pdf`);
    assert.equal(readFileSync(written.fsPath).subarray(0, 5).toString('latin1'), '%PDF-');
  });

  it("never runs a browser the workspace settings name: storydeck.export.browserPath is the user's alone", async function () {
    this.timeout(90_000);
    if (!existsSync(process.env.CHROME_PATH || '/usr/bin/chromium')) this.skip();
    await setSetting('export.browserPath', undefined);
    const ran = `${folder}/the-workspace-browser-ran`;
    const fake = `${folder}/browser.sh`;
    writeFileSync(fake, `#!/bin/sh\ntouch '${ran}'\n`, { mode: 0o755 });
    const settings = workspaceUri('.vscode/settings.json').fsPath;
    mkdirSync(dirname(settings), { recursive: true });
    writeFileSync(settings, JSON.stringify({ 'storydeck.export.browserPath': fake, 'storydeck.export.outputDir': 'exports/workspace' }));
    try {
      await waitFor('the workspace settings', () => vscode.workspace.getConfiguration('storydeck', source).get('export.outputDir') === 'exports/workspace');
      const written = await exportTo(source, 'pdf');
      assert.equal(written?.fsPath, workspaceUri('exports/workspace/talk.pdf').fsPath, 'the workspace settings apply, all but the browser');
      assert.equal(readFileSync(written.fsPath).subarray(0, 5).toString('latin1'), '%PDF-', 'printed by the browser found as usual');
      assert.equal(existsSync(ran), false, 'the program the workspace named never ran');
    } finally {
      rmSync(dirname(settings), { recursive: true, force: true });
      rmSync(fake, { force: true });
      rmSync(ran, { force: true });
    }
  });

  it("keeps a workspace's settings from writing outside the workspace folder or reading pictures from outside it", async function () {
    this.timeout(60_000);
    const workspace = workspaceUri('.').fsPath;
    const outside = mkdtempSync(join(tmpdir(), 'storydeck-outside-'));
    const picture = Buffer.concat([readFileSync(`${folder}/img/dot.png`), Buffer.from('SECRET')]);
    writeFileSync(`${outside}/secret.png`, picture);
    const secret = picture.toString('base64');
    const pictures = workspaceUri('pictures').fsPath;
    mkdirSync(pictures);
    symlinkSync(`${outside}/secret.png`, `${pictures}/logo.png`);
    writeFileSync(`${pictures}/deck.md`, '# Logo\n\n![the logo](logo.png)\n');
    const deck = workspaceUri('pictures/deck.md');
    const settings = workspaceUri('.vscode/settings.json').fsPath;
    mkdirSync(dirname(settings), { recursive: true });
    const useSettings = async (values: Record<string, unknown>) => {
      writeFileSync(settings, JSON.stringify(values));
      await waitFor('the workspace settings', () => vscode.workspace.getConfiguration('storydeck', deck).get('export.outputDir') === values['storydeck.export.outputDir']);
    };
    try {
      for (const outputDir of ['../escaped', outside]) {
        await useSettings({ 'storydeck.export.outputDir': outputDir });
        assert.equal(await exportTo(deck, 'html'), undefined, `${outputDir} is refused`);
      }
      assert.equal(existsSync(join(dirname(workspace), 'escaped')), false, 'nothing written outside the workspace');
      assert.deepEqual(readdirSync(outside), ['secret.png']);

      await useSettings({ 'storydeck.export.outputDir': 'exports/pictures', 'storydeck.export.allowLocalFiles': true });
      const written = await exportTo(deck, 'html');
      assert.equal(written?.fsPath, workspaceUri('exports/pictures/deck.html').fsPath);
      const page = readFileSync(written.fsPath, 'utf8');
      assert.ok(!page.includes(secret), 'the picture from outside the workspace is left out, whatever the workspace settings say');
      assert.match(deckOf(page).slides[0].html, /the logo/, 'its alt text instead');

      await setSetting('export.allowLocalFiles', true);
      assert.ok(readFileSync((await exportTo(deck, 'html', { overwrite: true }))!.fsPath, 'utf8').includes(secret), 'the user setting lets it in');
    } finally {
      await setSetting('export.allowLocalFiles', undefined);
      rmSync(dirname(settings), { recursive: true, force: true });
      rmSync(pictures, { recursive: true, force: true });
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('offers Save As for an untitled draft, then exports next to the saved file', async function () {
    this.timeout(90_000); // three round trips through the browser's UI
    const draft = await vscode.commands.executeCommand<vscode.Uri>('storydeck.newNarrative', 'town-hall', { title: 'Payroll consolidation' }, 'untitled');
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), draft.toString());
    const saved = workspaceUri('payroll-draft.md');
    const run = vscode.commands.executeCommand<vscode.Uri | undefined>('storydeck.export', undefined, 'html');
    await sleep(800);
    // The notification's button, in the notification list (the headless workbench shows no toasts).
    await vscode.commands.executeCommand('notifications.showList');
    await sleep(300);
    await screenshot('export-untitled-save-as');
    await clickInWorkbench(this, 'button', 'Save As…');
    // VS Code's own Save As: in a browser, a path in the quick input. Typed key by key, the dialog lists and
    // checks every prefix and, on a loaded machine, can still be at "/workspace/" when Enter comes ("The
    // folder already exists"); so the path goes in as one change, once the dialog has set its own default.
    await pressKeys(this, { waitFor: QUICK_INPUT }, { fill: saved.fsPath, into: QUICK_INPUT }, { press: 'Enter' });
    const written = await run;
    assert.equal(written?.fsPath, workspaceUri('payroll-draft.html').fsPath);
    assert.deepEqual(deckOf(readFileSync(written.fsPath, 'utf8')).slides[0].title, 'Payroll consolidation');
    assert.ok(existsSync(saved.fsPath), 'the draft was saved where the user said');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    await vscode.commands.executeCommand('notifications.clearAll');
    for (const file of [saved, written]) rmSync(file.fsPath, { force: true });
  });

  it('says what is not ready before exporting (the open findings, counted with the linter’s config), and exports anyway', async function () {
    await vscode.commands.executeCommand('notifications.clearAll');
    const written = await exportTo(source, 'html', { overwrite: true });
    assert.ok(written, 'exported anyway');
    // The same count `storydeck lint` gives this text with no config file in scope.
    const open = lintText(editor.document.getText()).findings.length;
    assert.ok(open > 0, 'the narrative has open findings');
    await vscode.commands.executeCommand('notifications.showList');
    const warning = `StoryDeck: talk.md: Not ready yet: ${open} open findings`;
    assert.equal(await countInWorkbench(this, 'dialog', warning, { exact: false, expect: 1 }), 1, `a notification that starts "${warning}"`);
    await vscode.commands.executeCommand('notifications.clearAll');
  });

  it('offers what works in a browser once exported: Reveal in Explorer and Download, not Open', async function () {
    assert.equal(vscode.env.uiKind, vscode.UIKind.Web, 'code-server runs VS Code in a browser');
    await vscode.commands.executeCommand('notifications.clearAll');
    const written = await exportTo(source, 'html', { overwrite: true });
    assert.ok(written);
    await vscode.commands.executeCommand('notifications.showList');
    assert.equal(await countInWorkbench(this, 'button', 'Reveal in Explorer', { expect: 1 }), 1);
    assert.equal(await countInWorkbench(this, 'button', 'Open'), 0, 'no "Open" that would hand the browser a file: URL of the server');
    await screenshot('export-done-in-browser');
    assert.equal(await downloadFromWorkbench(this, 'button', 'Download'), 'talk.html');
    await vscode.commands.executeCommand('notifications.clearAll');
  });
});
