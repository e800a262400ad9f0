/**
 * PDF export: the self-contained HTML export, printed by the browser's own headless printer.
 *
 * Why no browser-driving library (playwright-core, puppeteer-core): playwright-core is 14 MB, bundles to
 * 4.2 MB and then fails at run time, because it requires its own package.json; shipping it unbundled
 * would blow the extension's size budget. Chromium's `--print-to-pdf` does this one job with no library:
 * the export's print style sheet (src/webview/player/player.css) lays out one 1280×720 page per slide.
 * Measured on the 10-slide example: a 10-page PDF of 960×540 pt in about 3 s. The same run dumps the page
 * (`--dump-dom`): the player writes on its root which slides do not fit (`data-overflow`), measured in the
 * layout the PDF is printed from, at no extra cost.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseOverflow } from '../core/lint/layout';
import type { SlideOverflow } from '../core/lint/types';
import { describeFsError, UserError } from './errors';

export interface PrintOptions {
  /** The browser executable (see findBrowser). */
  browser: string;
  /** Stops the browser; the promise then rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Gives up (and stops the browser) after this long; default 2 minutes. */
  timeoutMs?: number;
}

export interface PrintedPdf {
  pdf: Buffer;
  /** The slides the browser laid out past their page, as the exported page measured them; undefined when the page said nothing (not a StoryDeck page, a browser that does not dump). */
  overflow: SlideOverflow[] | undefined;
}

/** Prints a self-contained HTML page to PDF with a headless Chromium-family browser; throws UserError when it cannot. */
export async function printPdf(html: string, { browser, signal, timeoutMs = 120_000 }: PrintOptions): Promise<PrintedPdf> {
  signal?.throwIfAborted();
  const dir = mkdtempSync(join(tmpdir(), 'storydeck-pdf-'));
  try {
    const page = join(dir, 'deck.html');
    const pdf = join(dir, 'deck.pdf');
    writeFileSync(page, html);
    const args = [
      '--headless',
      // Chromium refuses to start as root with its sandbox on; anyone else keeps it.
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
      '--disable-gpu',
      '--no-pdf-header-footer',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      `--user-data-dir=${join(dir, 'profile')}`,
      `--print-to-pdf=${pdf}`,
      '--dump-dom',
      pathToFileURL(page).href,
    ];
    const { exit, stdout } = await run(browser, args, signal, timeoutMs);
    let bytes: Buffer;
    try {
      bytes = readFileSync(pdf);
    } catch {
      throw new UserError(`The browser at ${browser} exited (${exit}) without printing the PDF; StoryDeck needs Chromium, Google Chrome or Microsoft Edge.`);
    }
    if (bytes.length === 0 || bytes.subarray(0, 5).toString('latin1') !== '%PDF-')
      throw new UserError(`The browser at ${browser} printed something that is not a PDF (${exit}); StoryDeck needs Chromium, Google Chrome or Microsoft Edge.`);
    return { pdf: bytes, overflow: overflowOf(stdout) };
  } finally {
    // The browser has exited; its profile folder can go. Retries cover files a dying child still holds.
    rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
  }
}

/**
 * What the player wrote on its root (`<main id="storydeck" … data-overflow="…">`, src/webview/player/index.ts)
 * in the dumped page. That `<main` is the page's first: slide text before it is escaped (`&lt;`), and the
 * deck's JSON and the player come after it.
 */
function overflowOf(dom: string): SlideOverflow[] | undefined {
  const start = dom.indexOf('<main ');
  const tag = start < 0 ? '' : dom.slice(start, dom.indexOf('>', start) + 1);
  const value = /\sdata-overflow="([^"]*)"/.exec(tag)?.[1];
  return value === undefined ? undefined : parseOverflow(value);
}

/** The most of the dumped page kept: the root element comes first, the rest is the deck and the player. */
const MAX_DUMP = 1024 * 1024;

/**
 * Runs the browser to completion; resolves with how it exited and the start of what it printed. On abort or timeout the whole process group
 * (the browser and its helper processes) is killed before the promise settles.
 */
async function run(browser: string, args: string[], signal: AbortSignal | undefined, timeoutMs: number): Promise<{ exit: string; stdout: string }> {
  // Loaded here: only a PDF export starts a process, and every other command starts faster without it.
  const { spawn } = await import('node:child_process');
  return new Promise((resolve, reject) => {
    const posix = process.platform !== 'win32';
    const child = spawn(browser, args, { stdio: ['ignore', 'pipe', 'ignore'], detached: posix, windowsHide: true });
    const chunks: Buffer[] = [];
    let kept = 0;
    child.stdout?.on('data', (chunk: Buffer) => {
      if (kept >= MAX_DUMP) return; // read on, so the browser never blocks on a full pipe
      chunks.push(chunk);
      kept += chunk.length;
    });
    let failure: unknown;
    const stop = (reason: unknown) => {
      failure ??= reason;
      try {
        if (posix && child.pid) process.kill(-child.pid, 'SIGKILL');
        else child.kill('SIGKILL');
      } catch {
        // Already gone.
      }
    };
    const onAbort = () => stop(signal?.reason);
    signal?.addEventListener('abort', onAbort, { once: true });
    const timer = setTimeout(() => stop(new UserError(`The browser at ${browser} did not finish printing the PDF within ${timeoutMs / 1000} s.`)), timeoutMs);
    const settle = (error: unknown, exit?: string) => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      if (error !== undefined) reject(error);
      else resolve({ exit: exit!, stdout: Buffer.concat(chunks).toString('utf8') });
    };
    child.once('error', (e) => settle(failure ?? new UserError(`The browser at ${browser} cannot be started: ${describeFsError(e)}`)));
    // `close`, not `exit`: the page's dump is all read by then.
    child.once('close', (code, sig) => settle(failure, sig ? `stopped by ${sig}` : `exit code ${code}`));
  });
}
