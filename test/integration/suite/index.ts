/**
 * The extension tests entry: VS Code's extension host loads this module (extensionTestsPath) and awaits
 * `run()`. Every `*.test.js` bundled next to it runs in one mocha instance. Mocha is not bundled: it is
 * required at run time from the repository's node_modules.
 */
import { appendFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'node:util';
import Mocha from 'mocha';

export function run(): Promise<void> {
  const log = process.env.STORYDECK_TEST_LOG;
  if (log) {
    // The report goes to a file the launcher prints (the extension host's own console is not always forwarded).
    const base = Mocha.reporters.Base as unknown as { consoleLog: (...args: unknown[]) => void };
    const original = base.consoleLog;
    base.consoleLog = (...args: unknown[]) => {
      // Plain text: some symbols are coloured whenever CI is set, whatever mocha's `color` option says.
      appendFileSync(log, format(...args).replace(/\u001b\[[0-9;]*m/g, '') + '\n');
      original(...args);
    };
  }
  const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', color: false, timeout: 30_000, slow: 2_000 });
  if (process.env.STORYDECK_TEST_GREP) mocha.grep(process.env.STORYDECK_TEST_GREP);
  for (const file of readdirSync(__dirname)
    .filter((f) => f.endsWith('.test.js'))
    .sort())
    mocha.addFile(join(__dirname, file));
  return new Promise((resolve, reject) => {
    try {
      mocha.run((failures) => {
        if (log) appendFileSync(log, `# storydeck integration: ${failures} failure${failures === 1 ? '' : 's'}\n`);
        if (failures > 0) reject(new Error(`${failures} integration test${failures === 1 ? '' : 's'} failed.`));
        else resolve();
      });
    } catch (e) {
      if (log) appendFileSync(log, `# storydeck integration: could not run: ${(e as Error)?.stack ?? e}\n`);
      reject(e);
    }
  });
}
