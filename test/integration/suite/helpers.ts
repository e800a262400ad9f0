import assert from 'node:assert/strict';
import { appendFileSync, existsSync, readFileSync, rmSync } from 'node:fs';
import * as vscode from 'vscode';
import type { StoryDeckApi } from '../../../src/extension/extension';
import type { LmDouble } from '../lm-double/extension';
import type { KeyStep, PreviewSlideReply } from '../run';

export const EXTENSION_ID = 'storydeck.storydeck';

/** What the extension's activate() returns. */
export type { StoryDeckApi } from '../../../src/extension/extension';

export async function activate(): Promise<StoryDeckApi> {
  const extension = vscode.extensions.getExtension<StoryDeckApi>(EXTENSION_ID);
  if (!extension) throw new Error(`extension ${EXTENSION_ID} is not loaded`);
  return extension.activate();
}

/**
 * The language model the suites control (test/integration/lm-double, installed by the code-server launcher), or
 * undefined where it is not installed.
 */
export async function lmDouble(): Promise<LmDouble | undefined> {
  return vscode.extensions.getExtension<LmDouble>('storydeck-test.lm-double')?.activate();
}

export function workspaceUri(relative: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the fixture workspace is not open');
  return vscode.Uri.joinPath(folder.uri, relative);
}

/** StoryDeck's diagnostics of a document. */
export function storydeckDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'storydeck');
}

export function ruleIds(uri: vscode.Uri): string[] {
  return storydeckDiagnostics(uri).map((d) => String(typeof d.code === 'object' ? d.code.value : d.code));
}

export function diagnosticOf(uri: vscode.Uri, ruleId: string): vscode.Diagnostic | undefined {
  return storydeckDiagnostics(uri).find((d) => String(typeof d.code === 'object' ? d.code.value : d.code) === ruleId);
}

/** Polls `check` (and re-checks on every diagnostics change) until it returns a value that is not undefined/false. */
export async function waitFor<T>(what: string, check: () => T | undefined | false, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise<void>((resolve) => {
      const sub = vscode.languages.onDidChangeDiagnostics(() => done());
      const timer = setTimeout(() => done(), 50);
      function done() {
        sub.dispose();
        clearTimeout(timer);
        resolve();
      }
    });
  }
}

/** Polls an asynchronous `check` (what the launcher sees, say) until it holds. */
export async function eventually(what: string, check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(200);
  }
}

/** Opens a fixture and resolves once StoryDeck has linted it (whether or not it found anything). */
export async function openAndLint(api: StoryDeckApi, relative: string): Promise<vscode.TextEditor> {
  const uri = workspaceUri(relative);
  // A document still open from an earlier test was linted when it was opened, and after each change.
  const alreadyOpen = vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString());
  const linted = alreadyOpen ? Promise.resolve() : nextLint(api, uri);
  const document = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(document);
  await linted;
  return editor;
}

/** Resolves at the next lint result for `uri`. */
export function nextLint(api: StoryDeckApi, uri: vscode.Uri, timeoutMs = 10_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`no lint result for ${uri.path} within ${timeoutMs} ms`));
    }, timeoutMs);
    const sub = api.onDidLint((linted) => {
      if (linted.toString() !== uri.toString()) return;
      clearTimeout(timer);
      sub.dispose();
      resolve();
    });
  });
}

export async function codeActions(uri: vscode.Uri, range: vscode.Range, kind?: string): Promise<vscode.CodeAction[]> {
  const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', uri, range, kind);
  return (actions ?? []).filter((a): a is vscode.CodeAction => 'title' in a && !('command' in a && typeof a.command === 'string'));
}

/**
 * The quick fix titled `title` for `range`, once VS Code offers it: the workbench learns of new diagnostics a
 * moment after the extension host, and offers no quick fix for them until then.
 */
export async function quickFix(uri: vscode.Uri, range: vscode.Range, title: string, timeoutMs = 10_000): Promise<vscode.CodeAction> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const actions = await codeActions(uri, range, vscode.CodeActionKind.QuickFix.value);
    const action = actions.find((a) => a.title === title);
    if (action) return action;
    if (Date.now() > deadline) assert.fail(`no quick fix "${title}" within ${timeoutMs} ms; offered: ${actions.map((a) => a.title).join(' | ')}`);
    await sleep(200);
  }
}

export async function setSetting(key: string, value: unknown): Promise<void> {
  // Global (user) settings live in the run's temporary user-data-dir, not in the fixture folder.
  await vscode.workspace.getConfiguration('storydeck').update(key, value, vscode.ConfigurationTarget.Global);
}

/**
 * code-server, a web build, saves an edit a second after it is made (`files.autoSave` is `afterDelay` on the web, `off` on the
 * desktop): on a loaded machine that save can land between a test's edit and its check that the edit is unsaved. A suite that
 * checks so turns it off for itself, as on the desktop, in `before`, and calls what this returns in `after`, once its edits
 * are reverted (a save of them would outlive the suite).
 */
export async function autoSaveOff(): Promise<() => Thenable<void>> {
  await vscode.workspace.getConfiguration('files').update('autoSave', 'off', vscode.ConfigurationTarget.Global);
  return () => vscode.workspace.getConfiguration('files').update('autoSave', undefined, vscode.ConfigurationTarget.Global);
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * Asks the launcher (test/integration/run.ts) for something only the browser can do, and waits until it
 * is done. Resolves false when no launcher listens (for example under @vscode/test-electron).
 */
export async function askLauncher(
  request: 'screenshot' | 'trust' | 'preview' | 'preview-dblclick' | 'keys' | 'click' | 'count' | 'fullscreen' | 'webviews',
  timeoutMs = 20_000,
  payload?: unknown,
): Promise<boolean> {
  const log = process.env.STORYDECK_TEST_LOG;
  if (!log || !process.env.STORYDECK_TEST_LAUNCHER) return false;
  rmSync(`${log}.${request}-done`, { force: true }); // the same request may come again
  appendFileSync(log, `##storydeck-request:${request}${payload === undefined ? '' : `:${JSON.stringify(payload)}`}##\n`);
  const deadline = Date.now() + timeoutMs;
  while (!existsSync(`${log}.${request}-done`)) {
    if (Date.now() > deadline) return false;
    await sleep(100);
  }
  return true;
}

/** A screenshot of the workbench, when STORYDECK_TEST_SCREENSHOT names a file; a `name`d one goes beside it as `<name>.png`. */
export async function screenshot(name?: string): Promise<void> {
  if (process.env.STORYDECK_TEST_SCREENSHOT) await askLauncher('screenshot', 20_000, name);
}

/** The text box of VS Code's quick input (a picker, a question, the browser's Save As), for a `waitFor` step. */
export const QUICK_INPUT = '.quick-input-widget input.input';

/** Types and presses keys in the browser, as a user does, waiting where a step says; skips the test when no launcher listens. */
export async function pressKeys(context: Mocha.Context, ...steps: KeyStep[]): Promise<void> {
  if (!(await askLauncher('keys', 45_000, steps))) context.skip();
  assert.equal(readFileSync(`${process.env.STORYDECK_TEST_LOG}.keys-done`, 'utf8'), '', 'pressing keys');
}

/** The text of every webview on show (read by the launcher in their frames); skips the test when no launcher listens. */
export async function webviewTexts(context: Mocha.Context): Promise<string[]> {
  if (!(await askLauncher('webviews', 30_000))) context.skip();
  return JSON.parse(readFileSync(`${process.env.STORYDECK_TEST_LOG}.webviews-done`, 'utf8')) as string[];
}

/** Whether the browser shows the workbench full screen; skips the test when no launcher listens. */
export async function inFullScreen(context: Mocha.Context): Promise<boolean> {
  if (!(await askLauncher('fullscreen', 30_000))) context.skip();
  return readFileSync(`${process.env.STORYDECK_TEST_LOG}.fullscreen-done`, 'utf8') === 'true';
}

/**
 * How many visible workbench elements have this accessible role and name (or a name that contains `name`,
 * with `exact` false) — once there are `expect` of them, or 10 s have passed; skips the test when no
 * launcher listens.
 */
export async function countInWorkbench(context: Mocha.Context, role: string, name: string, { exact = true, expect }: { exact?: boolean; expect?: number } = {}): Promise<number> {
  if (!(await askLauncher('count', 30_000, { role, name, exact, expect }))) context.skip();
  return Number(readFileSync(`${process.env.STORYDECK_TEST_LOG}.count-done`, 'utf8'));
}

/** Clicks the workbench element with this accessible role and name (or a name that contains `name`, with `exact` false), as a user does; skips the test when no launcher listens. */
export async function clickInWorkbench(context: Mocha.Context, role: string, name: string, exact = true): Promise<void> {
  if (!(await askLauncher('click', 30_000, { role, name, exact }))) context.skip();
  const failed = readFileSync(`${process.env.STORYDECK_TEST_LOG}.click-done`, 'utf8');
  assert.equal(failed, '', `clicking the ${role} "${name}"`);
}

/** Clicks a workbench element that starts a download in the browser; resolves with the downloaded file's name. */
export async function downloadFromWorkbench(context: Mocha.Context, role: string, name: string): Promise<string> {
  if (!(await askLauncher('click', 30_000, { role, name, download: true }))) context.skip();
  return readFileSync(`${process.env.STORYDECK_TEST_LOG}.click-done`, 'utf8');
}

/**
 * What the preview webview shows, read by the launcher from the webview's own DOM in the browser: the
 * extension host cannot see a webview, and a value the webview reported back would prove less. Waits
 * until `expected` holds; skips when no launcher listens (@vscode/test-electron).
 */
export async function previewShows(
  context: Mocha.Context,
  expected: (reply: PreviewSlideReply) => boolean,
  request: 'preview' | 'preview-dblclick' = 'preview',
  timeoutMs = 20_000,
): Promise<PreviewSlideReply> {
  const deadline = Date.now() + timeoutMs;
  let reply: PreviewSlideReply = {};
  while (Date.now() < deadline) {
    if (!(await askLauncher(request, 30_000))) context.skip();
    reply = JSON.parse(readFileSync(`${process.env.STORYDECK_TEST_LOG}.${request}-done`, 'utf8')) as PreviewSlideReply;
    if (expected(reply)) return reply;
    await sleep(250);
  }
  assert.fail(`the preview did not show what was expected in ${timeoutMs} ms; it showed ${JSON.stringify(reply)}`);
}
