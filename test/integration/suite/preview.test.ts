import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { parseDeck } from '../../../src/core/deck';
import type { PreviewSlideReply } from '../run';
import {
  activate,
  eventually,
  inFullScreen,
  openAndLint,
  pressKeys,
  previewShows,
  ruleIds,
  screenshot,
  setSetting,
  sleep,
  storydeckDiagnostics,
  waitFor,
  webviewTexts,
  workspaceUri,
  type StoryDeckApi,
} from './helpers';

const previewBundleLoaded = () => Object.keys(require.cache).some((file) => /[\\/]dist[\\/]preview\.js$/.test(file));

describe('preview', () => {
  let api: StoryDeckApi;
  let talk: vscode.TextDocument;
  let original = '';
  /** The narrative in the first editor group, pinned (the preview is beside it, in the second). */
  const edit = (document = talk) => vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.One, preview: false });
  /**
   * The narrative's text as the suite found it, saved. Not `workbench.action.files.revert`: changing a
   * setting (setSetting) was seen to save the dirty narrative in code-server, and a revert then keeps the edits.
   */
  async function restore(): Promise<void> {
    if (talk.getText() !== original) {
      const edit = new vscode.WorkspaceEdit();
      edit.replace(talk.uri, new vscode.Range(0, 0, talk.lineCount, 0), original);
      await vscode.workspace.applyEdit(edit);
    }
    if (talk.isDirty) await talk.save();
  }

  before(async () => {
    api = await activate();
  });
  after(async () => {
    await setSetting('preview.themes', undefined);
    await setSetting('preview.html', undefined);
    if (talk) await restore();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('loads its code on first use and shows the narrative as slides beside the text', async function () {
    assert.equal(previewBundleLoaded(), false, 'activation did not load dist/preview.js');
    talk = (await openAndLint(api, 'preview/talk.md')).document;
    original = talk.getText();
    await edit();
    await vscode.commands.executeCommand('storydeck.openPreviewToSide');
    assert.equal(previewBundleLoaded(), true);
    const reply = await previewShows(this, (r) => r.label !== undefined);
    assert.equal(reply.label, 'Slide 1: Handoffs that hold');
    assert.match(reply.text ?? '', /Care Coordination team/);
    assert.equal(vscode.window.activeTextEditor?.document, talk, 'the editor keeps the focus');
  });

  it('shows the slide under the cursor, with a workspace image loaded and one from outside as its alt text', async function () {
    const editor = await edit();
    const line = talk.getText().split('\n').indexOf('## Meet Maria');
    editor.selection = new vscode.Selection(line + 2, 0, line + 2, 0);
    const reply = await previewShows(this, (r) => r.label === 'Slide 2: Meet Maria');
    assert.deepEqual(reply.images, [{ alt: "Maria's ward at 7 a.m.", loaded: true }]);
    assert.match(reply.text ?? '', /A file outside the workspace/);
    assert.match(reply.text ?? '', /A backslash path out of the workspace/, 'a path with a backslash (a separator on Windows) is refused too');
  });

  it('updates the slide as you type', async function () {
    const editor = await edit();
    const line = talk.getText().split('\n').indexOf('## Meet Maria');
    await editor.edit((e) => e.insert(new vscode.Position(line, '## Meet Maria'.length), ', night nurse'));
    const reply = await previewShows(this, (r) => r.label === 'Slide 2: Meet Maria, night nurse');
    assert.deepEqual(reply.images, [{ alt: "Maria's ward at 7 a.m.", loaded: true }]);
  });

  it('puts the cursor on the first line of a slide that is double-clicked', async function () {
    const editor = await edit();
    const slide = parseDeck(talk.getText()).slides[1];
    editor.selection = new vscode.Selection(slide.endLine - 1, 0, slide.endLine - 1, 0);
    await previewShows(this, (r) => r.label === 'Slide 2: Meet Maria, night nurse', 'preview-dblclick');
    for (let i = 0; i < 40 && editor.selection.active.line !== slide.line - 1; i++) await sleep(100);
    assert.equal(editor.selection.active.line + 1, slide.line);
  });

  it('follows the active Markdown editor unless locked', async function () {
    this.timeout(90_000);
    const previewTab = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputWebview && /Preview /.test(t.label));
    const outline = await vscode.workspace.openTextDocument(workspaceUri('outline.md'));
    await edit(outline);
    await previewShows(this, (r) => r.label === 'Slide 1: Introducing Handoff Board');
    await waitFor('the preview titled Preview outline.md', () => previewTab()?.label === 'Preview outline.md');
    const editor = await edit();
    const line = talk
      .getText()
      .split('\n')
      .findIndex((text) => text.startsWith('## Meet Maria'));
    editor.selection = new vscode.Selection(line, 0, line, 0);
    await previewShows(this, (r) => r.label?.startsWith('Slide 2: Meet Maria') === true);
    await vscode.commands.executeCommand('storydeck.preview.toggleLock');
    await waitFor('the preview titled [Locked] Preview talk.md', () => previewTab()?.label === '[Locked] Preview talk.md');
    await edit(outline);
    await sleep(500);
    assert.match((await previewShows(this, () => true)).label ?? '', /^Slide 2: Meet Maria/, 'a locked preview stays on its document');
    await vscode.commands.executeCommand('storydeck.preview.toggleLock');
    await waitFor('the preview titled Preview talk.md', () => previewTab()?.label === 'Preview talk.md');
    await edit();
  });

  it('never follows a file that is not a narrative: a README, or a rule’s page', async function () {
    const editor = await edit();
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    await previewShows(this, (r) => r.label === 'Slide 1: Handoffs that hold');
    const readme = await openAndLint(api, 'README.md');
    await vscode.commands.executeCommand('vscode.open', vscode.Uri.parse('storydeck-rule:/docs/rules/jargon.md'));
    await vscode.window.showTextDocument(readme.document);
    await sleep(500);
    assert.equal((await previewShows(this, () => true)).label, 'Slide 1: Handoffs that hold', 'the preview stays on the narrative');
    await edit();
  });

  it('shows raw HTML sanitized with storydeck.preview.html in a trusted workspace, as text without it', async function () {
    if (!vscode.workspace.isTrusted) this.skip();
    const editor = await edit();
    const line = talk.getText().split('\n').indexOf('Care Coordination team');
    await editor.edit((e) => e.insert(new vscode.Position(line, 0), 'Press <kbd>Ctrl</kbd> <img src=x onerror="alert(1)"> for '));
    editor.selection = new vscode.Selection(line, 0, line, 0);
    let reply = await previewShows(this, (r) => /Press <kbd>Ctrl<\/kbd>/.test(r.text ?? ''));
    assert.equal(reply.tags?.includes('kbd'), false, 'off by default: the HTML is text');
    await setSetting('preview.html', true);
    reply = await previewShows(this, (r) => r.tags?.includes('kbd') === true);
    assert.match(reply.text ?? '', /Press Ctrl\s+for Care Coordination team/);
    assert.deepEqual(reply.images, [{ alt: '', loaded: false }], 'the raw <img> lost its source and its handler');
    await setSetting('preview.html', undefined);
    await previewShows(this, (r) => /Press <kbd>Ctrl<\/kbd>/.test(r.text ?? ''));
    await restore();
  });

  it('styles slides with a workspace theme from storydeck.preview.themes that the front matter names', async function () {
    await restore();
    const loaded = (file: string) => (r: PreviewSlideReply) => r.theme?.file === file && r.theme.loaded;
    assert.equal((await previewShows(this, loaded('light.css'))).background, 'rgb(255, 255, 255)', 'the built-in light theme');
    await setSetting('preview.themes', ['preview/acme.css']);
    const editor = await edit();
    await editor.edit((e) => e.insert(new vscode.Position(1, 0), 'theme: acme\n'));
    assert.equal((await previewShows(this, loaded('acme.css'))).background, 'rgb(1, 2, 3)');
    await setSetting('preview.themes', undefined);
    assert.equal((await previewShows(this, loaded('light.css'))).background, 'rgb(255, 255, 255)', 'without the setting, the built-in theme again');
    await restore();
  });

  it('styles slides with a custom theme from the themes: of .storydeck.yaml, as the exports do', async function () {
    // A config's themes: apply in VS Code only once the workspace is trusted (0-trust.test.ts trusts it).
    if (!vscode.workspace.isTrusted) this.skip();
    await restore();
    const themed = (await openAndLint(api, 'themed/talk.md')).document;
    await vscode.window.showTextDocument(themed, { viewColumn: vscode.ViewColumn.One, preview: false });
    const reply = await previewShows(this, (r) => r.theme?.file === 'brand.css' && r.theme.loaded === true);
    assert.equal(reply.background, 'rgb(10, 61, 46)');
    const html = await vscode.commands.executeCommand<vscode.Uri | undefined>('storydeck.export', themed.uri, 'html', { overwrite: true });
    assert.ok(html, 'exported');
    assert.match(new TextDecoder().decode(await vscode.workspace.fs.readFile(html)), /--sd-bg: #0a3d2e;/, 'the HTML export carries the same theme');
    await vscode.workspace.fs.delete(html);
    await edit();
  });

  it('shows slide-overflow in the editor on the lines the preview measured as cut off, and drops it once the slide fits', async function () {
    this.timeout(60_000);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const editor = await openAndLint(api, 'preview/overflow.md');
    const uri = editor.document.uri;
    assert.ok(!ruleIds(uri).includes('slide-overflow'), 'lint alone lays nothing out');
    await vscode.commands.executeCommand('storydeck.openPreviewToSide');
    await eventually('slide-overflow', async () => ruleIds(uri).includes('slide-overflow'), 20_000);
    const [finding] = storydeckDiagnostics(uri).filter((d) => String(typeof d.code === 'object' ? d.code.value : d.code) === 'slide-overflow');
    const lines = editor.document.getText().split('\n');
    assert.equal(lines[finding.range.end.line], '- The help desk had four calls about the new view in total', 'down to the last bullet');
    assert.ok(finding.range.start.line > 9, 'from the first bullet cut, not the first bullet');
    assert.match(finding.message, new RegExp(`^Slide 1 does not fit on its page: lines ${finding.range.start.line + 1}–${finding.range.end.line + 1} are cut off`));
    // Cut down to three bullets: the finding goes.
    const first = lines.findIndex((line) => line.startsWith('- '));
    await editor.edit((e) => e.delete(new vscode.Range(first + 3, 0, first + 12, 0)));
    await eventually('slide-overflow gone', async () => !ruleIds(uri).includes('slide-overflow'), 20_000);
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('presents (StoryDeck: Present): the audience view shows slide 1 alone, no badges or notes; the presenter view beside it drives it', async function () {
    this.timeout(60_000);
    if (talk) await restore();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    talk = (await openAndLint(api, 'preview/talk.md')).document;
    assert.ok(storydeckDiagnostics(talk.uri).length > 0, 'the narrative has findings (which the preview shows as badges)');
    const editor = await edit();
    const last = talk.lineCount - 1;
    editor.selection = new vscode.Selection(last, 0, last, 0); // the cursor on the last slide: presenting starts at 1 all the same
    await vscode.commands.executeCommand('storydeck.present');
    const tabs = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview);
    await eventually('two views', async () => tabs().length === 2);
    assert.deepEqual(
      tabs()
        .map((t) => t.label)
        .sort(),
      ['Presenter view: talk.md', 'Presenting talk.md'],
    );
    const slides = parseDeck(talk.getText()).slides;
    const pages = async () => {
      const texts = await webviewTexts(this);
      return { audience: texts.find((t) => t.includes(slides[0].title) && !t.includes('Elapsed')), presenter: texts.find((t) => t.includes('Elapsed')) };
    };
    await eventually(
      'both views on show',
      async () => {
        const { audience, presenter } = await pages();
        return audience !== undefined && presenter !== undefined;
      },
      20_000,
    );
    const { audience, presenter } = await pages();
    assert.equal(audience!.trim(), `${slides[0].title}\n\nCare Coordination team`, 'the slide alone: no badge, no notes, no timer');
    assert.match(presenter!, /Open with a pause\./, 'the presenter view has the notes');
    assert.match(presenter!, /Slide 1 of 3/);
    assert.match(presenter!, /Elapsed 0:0\d/, 'a fresh timer');
    // The presenter view has the focus: the next slide there is the next slide for the audience.
    await pressKeys(this, { press: 'ArrowRight' });
    await eventually(
      'the audience on slide 2',
      async () => (await pages()).audience === undefined && (await webviewTexts(this)).some((t) => t.startsWith(slides[1].title) && !t.includes('Elapsed')),
      20_000,
    );
  });

  it('presents without leaving full screen when VS Code is full screen already', async function () {
    // Full screen the way a user enters it: F11, a key press the browser accepts as a user gesture.
    if (!(await inFullScreen(this))) await pressKeys(this, { press: 'F11' });
    await eventually('full screen', () => inFullScreen(this));
    await vscode.window.showTextDocument(workspaceUri('preview/talk.md'));
    await vscode.commands.executeCommand('storydeck.present');
    await eventually('the presenter view', async () => (await webviewTexts(this)).some((t) => t.includes('Elapsed')), 20_000);
    await sleep(1000); // time for a toggle that must not come
    await screenshot('present-full-screen');
    assert.equal(await inFullScreen(this), true, 'still full screen');
    await pressKeys(this, { press: 'F11' });
    await eventually('the window again', async () => !(await inFullScreen(this)));
    await vscode.commands.executeCommand('workbench.action.evenEditorWidths');
    await vscode.commands.executeCommand('workbench.view.explorer');
  });
});
