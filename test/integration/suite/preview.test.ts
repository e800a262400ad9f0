import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import type { PreviewSlideReply } from '../run';
import { activate, askLauncher, openAndLint, sleep, type StoryDeckApi } from './helpers';

/**
 * What the preview webview shows, read by the launcher from the webview's own DOM in the browser: the
 * extension host cannot see a webview, and a value the webview reported back would prove less. Waits
 * until `expected` holds; skips when no launcher listens (@vscode/test-electron).
 */
async function previewShows(context: Mocha.Context, expected: (reply: PreviewSlideReply) => boolean, timeoutMs = 15_000): Promise<PreviewSlideReply> {
  const deadline = Date.now() + timeoutMs;
  let reply: PreviewSlideReply = {};
  while (Date.now() < deadline) {
    if (!(await askLauncher('preview'))) context.skip();
    reply = JSON.parse(readFileSync(`${process.env.STORYDECK_TEST_LOG}.preview-done`, 'utf8')) as PreviewSlideReply;
    if (expected(reply)) return reply;
    await sleep(250);
  }
  assert.fail(`the preview did not show what was expected in ${timeoutMs} ms; it showed ${JSON.stringify(reply)}`);
}

const previewBundleLoaded = () => Object.keys(require.cache).some((file) => /[\\/]dist[\\/]preview\.js$/.test(file));

describe('preview', () => {
  let api: StoryDeckApi;
  let editor: vscode.TextEditor;

  before(async () => {
    api = await activate();
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('loads its code on first use and shows the narrative as slides beside the text', async function () {
    assert.equal(previewBundleLoaded(), false, 'activation did not load dist/preview.js');
    editor = await openAndLint(api, 'preview/talk.md');
    await vscode.commands.executeCommand('storydeck.openPreviewToSide');
    assert.equal(previewBundleLoaded(), true);
    const reply = await previewShows(this, (r) => r.label !== undefined);
    assert.equal(reply.label, 'Slide 1: Handoffs that hold');
    assert.match(reply.text ?? '', /Care Coordination team/);
    assert.equal(vscode.window.activeTextEditor?.document, editor.document, 'the editor keeps the focus');
  });

  it('shows the slide under the cursor, with a workspace image loaded and one from outside as its alt text', async function () {
    const line = editor.document.getText().split('\n').indexOf('## Meet Maria');
    editor.selection = new vscode.Selection(line + 2, 0, line + 2, 0);
    const reply = await previewShows(this, (r) => r.label === 'Slide 2: Meet Maria');
    assert.deepEqual(reply.images, [{ alt: "Maria's ward at 7 a.m.", loaded: true }]);
    assert.match(reply.text ?? '', /A file outside the workspace/);
  });

  it('updates the slide as you type', async function () {
    const line = editor.document.getText().split('\n').indexOf('## Meet Maria');
    await editor.edit((edit) => edit.insert(new vscode.Position(line, '## Meet Maria'.length), ', night nurse'));
    const reply = await previewShows(this, (r) => r.label === 'Slide 2: Meet Maria, night nurse');
    assert.deepEqual(reply.images, [{ alt: "Maria's ward at 7 a.m.", loaded: true }]);
  });
});
