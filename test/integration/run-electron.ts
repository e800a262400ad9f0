/**
 * The same suites through @vscode/test-electron, for machines where VS Code can be downloaded or
 * VSCODE_EXECUTABLE points at an installed one (here use scripts/code-server-test.sh instead).
 *   node test/integration/build.js && VSCODE_EXECUTABLE=/path/to/code node out/integration/run-electron.js
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runTests } from '@vscode/test-electron';

async function main(): Promise<number> {
  const root = resolve(__dirname, '../..');
  const temp = mkdtempSync(join(tmpdir(), 'storydeck-electron-'));
  const workspace = join(temp, 'workspace');
  cpSync(join(root, 'test/integration/fixtures/workspace'), workspace, { recursive: true });
  try {
    await runTests({
      ...(process.env.VSCODE_EXECUTABLE ? { vscodeExecutablePath: process.env.VSCODE_EXECUTABLE } : {}),
      // StoryDeck, and the language model the suites control (test/integration/lm-double).
      extensionDevelopmentPath: [root, join(root, 'out/integration/lm-double')],
      extensionTestsPath: join(root, 'out/integration/suite/index.js'),
      extensionTestsEnv: { STORYDECK_TEST_LOG: join(temp, 'mocha.log') },
      launchArgs: [
        workspace,
        '--disable-workspace-trust',
        '--disable-extensions',
        '--user-data-dir',
        join(temp, 'data'),
        '--skip-welcome',
        '--skip-release-notes',
        '--enable-proposed-api',
        'storydeck-test.lm-double',
      ],
    });
    return 0;
  } catch (e) {
    console.error(`integration tests failed: ${(e as Error)?.message ?? e}`);
    return 1;
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}

void main().then((code) => process.exit(code));
