import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findBrowser, installPaths } from '../../../src/node/browser';
import { UserError } from '../../../src/node/errors';

describe('findBrowser', () => {
  let dir: string;
  /** An executable file in the temp folder. */
  const executable = (name: string) => {
    const path = join(dir, name);
    writeFileSync(path, '#!/bin/sh\nexit 0\n');
    chmodSync(path, 0o755);
    return path;
  };
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'storydeck-browser-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('takes the setting or --browser first, then CHROME_PATH, then the first install path that holds an executable', () => {
    const [explicit, chromePath, installed, later] = ['explicit', 'chrome-path', 'installed', 'later'].map(executable);
    const plain = join(dir, 'not-executable');
    writeFileSync(plain, '');
    chmodSync(plain, 0o644);
    const folder = join(dir, 'a-folder');
    mkdirSync(folder);
    const candidates = [join(dir, 'missing'), plain, folder, installed, later];

    assert.equal(findBrowser(explicit, { env: { CHROME_PATH: chromePath }, candidates }), explicit);
    assert.equal(findBrowser(undefined, { env: { CHROME_PATH: chromePath }, candidates }), chromePath);
    assert.equal(findBrowser('', { env: { CHROME_PATH: '' }, candidates }), installed, 'empty settings count as unset');
    assert.equal(findBrowser(undefined, { env: {}, candidates: candidates.slice(4) }), later);
  });

  it('says how to point StoryDeck at a browser when it finds none', () => {
    assert.throws(
      () => findBrowser(undefined, { env: {}, candidates: [join(dir, 'missing')] }),
      (e: Error) => {
        assert.ok(e instanceof UserError);
        assert.doesNotMatch(e.message, /\n/);
        assert.match(e.message, /^No Chromium-family browser found to print the PDF\./);
        for (const way of ['storydeck.export.browserPath', 'CHROME_PATH', '--browser PATH']) assert.ok(e.message.includes(way), way);
        return true;
      },
    );
  });

  it('reports a browser the user named that cannot run instead of quietly taking another', () => {
    const installed = executable('installed');
    const plain = join(dir, 'plain');
    writeFileSync(plain, '');
    chmodSync(plain, 0o644);
    const cases: Array<[string | undefined, NodeJS.ProcessEnv, RegExp]> = [
      [join(dir, 'nope'), {}, /^The browser at .*nope cannot be run: no such file\. .*--browser PATH/],
      [dir, {}, /^The browser at .* cannot be run: it is not a file\./],
      [undefined, { CHROME_PATH: join(dir, 'gone') }, /^The browser at .*gone \(from CHROME_PATH\) cannot be run: no such file\./],
    ];
    if (process.getuid?.() !== 0) cases.push([plain, {}, /cannot be run: it is not executable\./]);
    for (const [explicit, env, message] of cases) {
      assert.throws(
        () => findBrowser(explicit, { env, candidates: [installed] }),
        (e: Error) => e instanceof UserError && message.test(e.message),
        String(message),
      );
    }
  });

  it('knows where Chromium, Chrome and Edge are installed on each platform', () => {
    assert.ok(installPaths('linux', {}).includes('/usr/bin/chromium'));
    assert.ok(installPaths('linux', {}).includes('/usr/bin/google-chrome-stable'));
    assert.ok(installPaths('darwin', {}).includes('/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'));
    const windows = installPaths('win32', { PROGRAMFILES: 'C:\\Program Files', 'PROGRAMFILES(X86)': 'C:\\Program Files (x86)' });
    assert.ok(windows.some((path) => path.startsWith('C:\\Program Files') && /Google.Chrome.Application.chrome\.exe$/.test(path)));
    assert.ok(windows.some((path) => /Microsoft.Edge.Application.msedge\.exe$/.test(path)));
  });
});
