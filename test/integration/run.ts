/**
 * Runs the integration suites in a real VS Code extension host: code-server (VS Code for the browser, a
 * Node extension host) opened by headless chromium through playwright-core. Started by
 * scripts/code-server-test.sh, which installs code-server and passes where it is:
 *
 *   CODE_SERVER_ENTRY   …/node_modules/code-server/out/node/entry.js
 *   CODE_SERVER_NODE    the Node 24 binary code-server needs
 *   CHROMIUM_PATH       default /usr/bin/chromium
 *   STORYDECK_TEST_TIMEOUT     seconds for the whole run (default 300)
 *   STORYDECK_TEST_GREP        only tests whose title matches
 *   STORYDECK_TEST_SCREENSHOT  a .png path: the suite asks for a screenshot of the Problems panel
 *   STORYDECK_TEST_VERBOSE=1   also print code-server's and the browser's logs
 *   STORYDECK_TEST_KEEP=1      keep the temporary folder
 *   STORYDECK_TEST_TRUST=0     start with Workspace Trust disabled (the trust test is then skipped)
 *   STORYDECK_TEST_VSIX        a packaged .vsix: install it into code-server and run the smoke suite
 *                              (test/smoke) against it instead of the development folder
 *
 * The suite's exit code comes from the workbench's `codeAutomationExit` (enable-smoke-test-driver);
 * mocha's report is written by the suite to a log file that this script prints as it grows.
 * Exit code: the suite's; 2 when the harness fails; 124 on timeout.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

const ROOT = resolve(__dirname, '../..'); // out/integration/run.js -> repository root
const VSIX = process.env.STORYDECK_TEST_VSIX ? resolve(process.env.STORYDECK_TEST_VSIX) : undefined;
// With a .vsix, StoryDeck is the installed extension; the development path is an empty harness extension
// that only gives the smoke suite a place to run.
const DEVELOPMENT = VSIX ? join(ROOT, 'test/smoke/harness') : ROOT;
const LM_DOUBLE = join(ROOT, 'out/integration/lm-double.vsix');
const TESTS = join(ROOT, VSIX ? 'out/smoke/index.js' : 'out/integration/suite/index.js');
const FIXTURES = join(ROOT, VSIX ? 'test/smoke/workspace' : 'test/integration/fixtures/workspace');
/** A line the suite writes to ask the launcher for something only the browser can do, with its JSON payload. */
const REQUEST = /^##storydeck-request:(screenshot|trust|preview|preview-dblclick|keys|click|count|fullscreen|webviews)(?::(.+))?##$/;
const HARMLESS = /authentication provider|open-vsx\.org|ENOTFOUND|getaddrinfo|chat|copilot|integration tests? failed|is already registered/i;

const env = process.env;
const timeoutMs = Number(env.STORYDECK_TEST_TIMEOUT ?? 300) * 1000;
const verbose = env.STORYDECK_TEST_VERBOSE === '1';
const started = Date.now();
const say = (line: string) => process.stdout.write(`[code-server-test ${((Date.now() - started) / 1000).toFixed(1)}s] ${line}\n`);

let server: ChildProcess | undefined;
let context: BrowserContext | undefined;
let temp: string | undefined;
let finishing = false;

async function main(): Promise<number> {
  const entry = env.CODE_SERVER_ENTRY;
  const node = env.CODE_SERVER_NODE;
  const chromiumPath = env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (!entry || !existsSync(entry) || !node || !existsSync(node)) throw new Error('CODE_SERVER_ENTRY and CODE_SERVER_NODE must point at an installed code-server (run scripts/code-server-test.sh).');
  if (!existsSync(TESTS)) throw new Error(`${TESTS} is missing: run node test/integration/build.js first.`);
  if (!existsSync(join(ROOT, 'dist/extension.js'))) throw new Error('dist/extension.js is missing: run node esbuild.js first.');

  temp = mkdtempSync(join(tmpdir(), 'storydeck-code-server-'));
  const dataDir = join(temp, 'data');
  const workspace = join(temp, 'workspace');
  const profile = join(temp, 'chromium');
  const logFile = join(temp, 'mocha.log');
  const serverLog = join(temp, 'code-server.log');
  // Tests edit, save and create files: they get a copy of the fixture workspace, never the repository's.
  cpSync(FIXTURES, workspace, { recursive: true });
  if (VSIX) cpSync(join(ROOT, 'examples/town-hall.md'), join(workspace, 'town-hall.md'));
  mkdirSync(join(dataDir, 'User'), { recursive: true });
  writeFileSync(
    join(dataDir, 'User/settings.json'),
    JSON.stringify({
      'workbench.startupEditor': 'none',
      'workbench.tips.enabled': false,
      'telemetry.telemetryLevel': 'off',
      'extensions.autoCheckUpdates': false,
      'extensions.autoUpdate': false,
      'extensions.ignoreRecommendations': true,
      'git.enabled': false,
      'chat.disableAIFeatures': true,
      'update.mode': 'none',
      'window.confirmBeforeClose': 'never',
      'files.hotExit': 'off',
    }),
  );
  // Without these the headless browser refuses the webview service worker (third-party cookies).
  mkdirSync(join(profile, 'Default'), { recursive: true });
  writeFileSync(join(profile, 'Default/Preferences'), JSON.stringify({ profile: { cookie_controls_mode: 0, block_third_party_cookies: false } }));
  writeFileSync(logFile, '');

  // The language model the suites control (test/integration/lm-double), installed: the workbench takes only one
  // extensionDevelopmentPath from its URL.
  installVsix(node, entry, dataDir, VSIX ?? LM_DOUBLE);

  const port = await freePort();
  const host = `127.0.0.1:${port}`;
  const out = openSync(serverLog, 'a');
  server = spawn(
    node,
    [
      entry,
      '--auth',
      'none',
      '--bind-addr',
      host,
      '--user-data-dir',
      dataDir,
      '--extensions-dir',
      join(dataDir, 'extensions'),
      '--disable-telemetry',
      '--disable-update-check',
      // Workspace Trust stays on: the fresh user-data-dir starts untrusted, the trust suite grants it.
      ...(env.STORYDECK_TEST_TRUST === '0' ? ['--disable-workspace-trust'] : []),
      '--disable-getting-started-override',
      // The test language model declares the chatProvider proposal (a default model), which chat needs to send a request.
      ...(VSIX ? [] : ['--enable-proposed-api', 'storydeck-test.lm-double']),
      '--vscode-option',
      'enable-smoke-test-driver',
    ],
    {
      detached: true, // its own process group: the extension host and every helper die with it
      stdio: ['ignore', out, out],
      env: {
        ...stripVscodeEnv(env),
        XDG_CONFIG_HOME: join(temp, 'xdg-config'),
        XDG_DATA_HOME: join(temp, 'xdg-data'),
        // The extension host inherits this: the suite writes mocha's report there.
        STORYDECK_TEST_LOG: logFile,
        STORYDECK_TEST_LAUNCHER: 'code-server',
        ...(env.STORYDECK_TEST_SCREENSHOT ? { STORYDECK_TEST_SCREENSHOT: '1' } : {}),
      },
    },
  );
  server.on('exit', (code, signal) => {
    if (!finishing) say(`code-server exited early (${signal ?? code}); its log:\n${tail(serverLog, 40)}`);
  });
  await waitForHealth(`http://${host}/healthz`, 60_000, serverLog);
  say(`code-server ${readVersion(entry)} is up on ${host}`);

  context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    viewport: { width: 1440, height: 900 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  if (verbose) page.on('console', (m) => say(`browser ${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => verbose && say(`page error: ${e.message}`));

  let resolveExit!: (code: number) => void;
  const exited = new Promise<number>((r) => (resolveExit = r));
  // The workbench logs errors that do not matter offline (GitHub sign-in, the open-vsx gallery, chat):
  // they are printed only with STORYDECK_TEST_VERBOSE=1, or when the run fails.
  const workbenchErrors: string[] = [];
  await page.exposeFunction('codeAutomationLog', (level: string, args: unknown[]) => {
    const text = `workbench ${level}: ${Array.isArray(args) ? args.map(String).join(' ') : String(args)}`;
    if (verbose) say(text);
    else if (level === 'error' && !HARMLESS.test(text)) workbenchErrors.push(text.split('\n')[0]);
  });
  await page.exposeFunction('codeAutomationExit', (code: number) => resolveExit(Number(code) || 0));

  // Print mocha's report as it grows; take the screenshot when the suite asks for it.
  let printed = 0;
  let carry = '';
  const decoder = new StringDecoder('utf8');
  const pump = async () => {
    const bytes = readFileSync(logFile);
    if (bytes.length <= printed) return;
    const lines = (carry + decoder.write(bytes.subarray(printed))).split('\n');
    printed = bytes.length;
    carry = lines.pop() ?? '';
    for (const line of lines) {
      const request = REQUEST.exec(line);
      if (!request) {
        process.stdout.write(line + '\n');
        continue;
      }
      const payload: unknown = request[2] === undefined ? undefined : JSON.parse(request[2]);
      // What the browser did or saw, for keys, click and count: the reply is the done file's content ('' when it worked).
      let done = '';
      if (request[1] === 'screenshot') {
        // A named screenshot goes next to the one STORYDECK_TEST_SCREENSHOT names.
        const main = resolve(env.STORYDECK_TEST_SCREENSHOT ?? 'storydeck-problems.png');
        const file = typeof payload === 'string' ? join(dirname(main), `${payload}.png`) : main;
        mkdirSync(dirname(file), { recursive: true });
        await page.screenshot({ path: file }).then(
          () => say(`screenshot: ${file}`),
          (e: Error) => say(`screenshot failed: ${e.message}`),
        );
      } else if (request[1] === 'keys') {
        // Typing and key presses the way a user makes them: into whatever has the focus in the workbench,
        // once what they are meant for is on show (a fixed pause loses keys on a loaded machine).
        for (const step of payload as KeyStep[]) {
          if ('waitFor' in step) {
            done = await page
              .locator(step.waitFor)
              .filter({ visible: true })
              .first()
              .waitFor({ timeout: 20_000 })
              .then(
                () => '',
                (e: Error) => `${step.waitFor} never showed: ${e.message.split('\n')[0]}`,
              );
            if (done) break;
          } else if ('fill' in step) {
            // The box may still be setting its own value as it opens: fill it until it keeps the text for a second.
            const box = page.locator(step.into).filter({ visible: true }).first();
            done = `${step.into} did not keep "${step.fill}"`;
            for (let attempt = 0; attempt < 5 && done; attempt++) {
              await box.fill(step.fill);
              await delay(1000);
              if ((await box.inputValue()) === step.fill) done = '';
            }
            if (done) break;
          } else if ('type' in step) await page.keyboard.type(step.type, { delay: 20 });
          else await page.keyboard.press(step.press);
        }
      } else if (request[1] === 'webviews') {
        // The text every webview on show displays (a custom editor's page, say), as a JSON list.
        done = JSON.stringify(await webviewTexts(page));
      } else if (request[1] === 'fullscreen') {
        // Whether the workbench is in the browser's full screen (what VS Code's toggleFullScreen asks for in a browser).
        done = String(await page.evaluate(() => (globalThis as unknown as { document: { fullscreenElement: unknown } }).document.fullscreenElement !== null));
      } else if (request[1] === 'count') {
        // How many visible workbench elements have this role and name (a button in the editor title bar);
        // with `expect`, once the count is that or 10 s have passed (the workbench redraws when it can).
        const { role, name, exact = true, expect } = payload as RoleAndName & { expect?: number };
        const count = () => page.getByRole(role, { name, exact }).filter({ visible: true }).count();
        let seen = await count();
        for (const deadline = Date.now() + 10_000; expect !== undefined && seen !== expect && Date.now() < deadline; seen = await count()) await delay(100);
        done = String(seen);
      } else if (request[1] === 'click') {
        // With `download`, the click must start a download: the reply is then the downloaded file's name.
        const { role, name, exact = true, download } = payload as RoleAndName & { download?: boolean };
        const downloaded = download ? page.waitForEvent('download', { timeout: 15_000 }).then((d) => d.suggestedFilename()) : undefined;
        done = await page
          .getByRole(role, { name, exact })
          .filter({ visible: true })
          .first()
          .click({ timeout: 10_000 })
          .then(
            () => downloaded ?? '',
            (e: Error) => e.message.split('\n')[0],
          )
          .catch((e: Error) => `no download: ${e.message.split('\n')[0]}`);
      } else if (request[1] === 'trust') {
        // Workspace Trust granted the way a user does it: the "Trust" button of the Workspace Trust editor
        // (the suite opens it with workbench.trust.manage), or "Yes, I trust the authors" in a prompt.
        const button = page.getByRole('button', { name: 'Trust', exact: true }).or(page.getByRole('button', { name: /^Yes, I trust the authors/ }));
        await button
          .first()
          .click({ timeout: 15_000 })
          .then(
            () => say('workspace trust granted in the browser'),
            (e: Error) => say(`could not grant workspace trust: ${e.message.split('\n')[0]}`),
          );
      }
      // The preview's slide on show, read from the webview's DOM (after a double-click on it, for
      // preview-dblclick): the reply is the done file's content.
      const reply = request[1].startsWith('preview') ? JSON.stringify(await previewSlide(page, request[1] === 'preview-dblclick')) : done;
      // Written whole, then renamed: the suite reads the reply as soon as the file exists.
      writeFileSync(`${logFile}.${request[1]}-reply`, reply);
      renameSync(`${logFile}.${request[1]}-reply`, `${logFile}.${request[1]}-done`);
    }
  };
  let pumping = Promise.resolve();
  const timer = setInterval(() => (pumping = pumping.then(pump).catch(() => {})), 200);

  const remote = (path: string) => `vscode-remote://${host}${path}`;
  const payload = [
    ['extensionDevelopmentPath', remote(DEVELOPMENT)],
    ['extensionTestsPath', remote(TESTS)],
  ];
  const url = `http://${host}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  say(VSIX ? `opening the workbench with ${VSIX} installed` : `opening the workbench with the extension from ${ROOT}`);
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });

  const code = await Promise.race([exited, delay(Math.max(timeoutMs - (Date.now() - started), 1000)).then(() => -1)]);
  clearInterval(timer);
  await pumping;
  await pump().catch(() => {});
  if (carry) process.stdout.write(carry + '\n');
  if (code === -1) {
    say(`timed out after ${timeoutMs / 1000} s; code-server log:\n${tail(serverLog, 30)}`);
    return 124;
  }
  if (verbose) say(`code-server log:\n${tail(serverLog, 60)}`);
  if (code !== 0 && !verbose && workbenchErrors.length) say(`workbench errors:\n${workbenchErrors.slice(-20).join('\n')}`);
  say(`extension tests exited with ${code}`);
  return code;
}

/** `code-server --install-extension`, into the run's own extensions folder. */
function installVsix(node: string, entry: string, dataDir: string, vsix: string): void {
  if (!existsSync(vsix)) throw new Error(`${vsix} does not exist: build it first (npm run package for StoryDeck, node test/integration/build.js for the test model).`);
  const result = spawnSync(node, [entry, '--user-data-dir', dataDir, '--extensions-dir', join(dataDir, 'extensions'), '--install-extension', vsix], {
    encoding: 'utf8',
    env: stripVscodeEnv(env),
    timeout: 120_000,
  });
  if (result.status !== 0) throw new Error(`installing ${vsix} failed (${result.status ?? result.signal}):\n${result.stdout}${result.stderr}`);
  say(`installed ${vsix}: ${result.stdout.trim().split('\n').pop()}`);
}

/** What `click` and `count` look for: an element's accessible role and name (the whole name, or `exact: false` for a part of it). */
type RoleAndName = { role: Parameters<Page['getByRole']>[0]; name: string; exact?: boolean };

/**
 * One step of a `keys` request: text to type key by key, text to put at once into the box a CSS selector
 * finds (`fill`: one change, for a box that reacts to every key, like the browser's Save As), a key (or
 * chord) to press in playwright's names (`Enter`, `Control+A`), or a wait until an element is on show.
 */
export type KeyStep = { type: string } | { fill: string; into: string } | { press: string } | { waitFor: string };

/** What the StoryDeck preview shows, read from inside its webview's frame (the extension host cannot see it). */
export interface PreviewSlideReply {
  /** The shown slide's aria-label, "Slide 2: Title"; absent when no preview frame was found within 10 s. */
  label?: string;
  /** The text the slide shows. */
  text?: string;
  /** The slide's images: the page loaded them (a local file through the webview's resource loader) or not. */
  images?: Array<{ alt: string; loaded: boolean }>;
  /** The slide's computed background colour: what the theme's style sheet made of it. */
  background?: string;
  /** The theme's style sheet: its file name, and whether it loaded. */
  theme?: { file: string; loaded: boolean };
  /** The player's mode (`data-mode`): slide, overview or presenter. */
  mode?: string;
  /** The names of the elements in the slide, each once, in document order. */
  tags?: string[];
}

/** The parts of an HTMLImageElement read here (the launcher's types have no DOM). */
type Img = { alt: string; naturalWidth: number; decode(): Promise<void> };
type Slide = {
  getAttribute(name: string): string | null;
  isConnected: boolean;
  innerText: string;
  querySelectorAll(selector: string): Iterable<Img & { localName: string }>;
  closest(selector: string): Slide | null;
  ownerDocument: { getElementById(id: string): { href: string; sheet: { href: string | null } | null } | null };
};
type WithStyle = { getComputedStyle(element: unknown): { backgroundColor: string } };

async function webviewTexts(page: Page): Promise<string[]> {
  const texts: string[] = [];
  for (const frame of page.frames()) {
    try {
      if ((await (await frame.frameElement()).getAttribute('id')) !== 'active-frame') continue;
      texts.push(await frame.locator('body').innerText({ timeout: 2000 }));
    } catch {
      // gone meanwhile
    }
  }
  return texts;
}

async function previewSlide(page: Page, dblclick: boolean): Promise<PreviewSlideReply> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    for (const frame of page.frames()) {
      const slide = frame.locator('.sd-frame.sd-current .sd-slide');
      // Short timeouts: a page the preview is replacing (another document) may vanish at any moment.
      try {
        if ((await slide.count()) !== 1) continue;
        // The page on show: a webview loads a new page hidden, in its "pending-frame", until it is ready.
        if ((await (await frame.frameElement()).getAttribute('id')) !== 'active-frame') continue;
        if (dblclick) await slide.dblclick({ timeout: 2000 });
        return await slide.evaluate(
          async (element) => {
            const e = element as unknown as Slide;
            const images = [...e.querySelectorAll('img')];
            // Images take a moment to arrive through the webview's service worker.
            await Promise.all(images.map((i) => i.decode().catch(() => undefined)));
            // An update may have replaced the slide meanwhile; a detached node has no computed style.
            if (!e.isConnected) throw new Error('slide replaced while reading it');
            const theme = e.ownerDocument.getElementById('storydeck-theme');
            return {
              label: e.getAttribute('aria-label') ?? '',
              text: e.innerText,
              images: images.map((i) => ({ alt: i.alt, loaded: i.naturalWidth > 0 })),
              background: (globalThis as unknown as WithStyle).getComputedStyle(element).backgroundColor,
              // Loaded: the sheet in force is the one the link now names (while a new href loads, the old sheet may stay in force).
              theme: theme ? { file: theme.href.split('/').pop() ?? '', loaded: theme.sheet !== null && theme.sheet.href === theme.href } : undefined,
              mode: e.closest('#storydeck')?.getAttribute('data-mode') ?? '',
              tags: [...new Set([...e.querySelectorAll('*')].map((child) => child.localName))],
            };
          },
          undefined,
          { timeout: 2000 },
        );
      } catch {
        // gone meanwhile: look again
      }
    }
    await delay(250);
  }
  return {};
}

function stripVscodeEnv(source: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  // Variables of an enclosing VS Code (when run from its terminal) confuse code-server's extension host.
  return Object.fromEntries(Object.entries(source).filter(([k]) => !/^(VSCODE_|ELECTRON_RUN_AS_NODE$)/.test(k)));
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolvePort(port));
    });
  });
}

async function waitForHealth(url: string, ms: number, log: string): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (server?.exitCode !== null) throw new Error(`code-server did not start:\n${tail(log, 40)}`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await delay(200);
  }
  throw new Error(`code-server did not answer ${url} within ${ms / 1000} s:\n${tail(log, 40)}`);
}

function readVersion(entry: string): string {
  try {
    return JSON.parse(readFileSync(join(dirname(entry), '../../package.json'), 'utf8')).version;
  } catch {
    return '?';
  }
}

function tail(file: string, lines: number): string {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

const delay = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

async function cleanup(): Promise<void> {
  finishing = true;
  if (context) await Promise.race([context.close().catch(() => {}), delay(5000)]);
  if (server?.pid && server.exitCode === null) {
    const group = -server.pid;
    try {
      process.kill(group, 'SIGTERM');
    } catch {
      // already gone
    }
    const exited = new Promise<void>((r) => server!.once('exit', () => r()));
    await Promise.race([exited, delay(3000)]);
    try {
      process.kill(group, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  if (temp && env.STORYDECK_TEST_KEEP !== '1') rmSync(temp, { recursive: true, force: true });
  else if (temp) say(`kept ${temp}`);
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    say(`${signal}: stopping`);
    void cleanup().finally(() => process.exit(130));
  });
}

main()
  .catch((e: Error) => {
    say(`harness failed: ${e.stack ?? e.message ?? e}`);
    return 2;
  })
  .then(async (code) => {
    await cleanup();
    process.exit(code);
  });
