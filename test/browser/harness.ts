import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's chromium (scripts/system-deps.sh installs it), or the browser CHROME_PATH names. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** Exports a narrative with the built CLI (`npm run build` first) into a fresh folder; returns the HTML file. */
export function exportDeck(markdown: string, ...options: string[]): string {
  return exportAs(markdown, 'html', ...options);
}

/** Exports a narrative to `format` with the built CLI into a fresh folder; returns the file written. */
export function exportAs(markdown: string, format: 'html' | 'pdf' | 'pptx', ...options: string[]): string {
  const out = join(mkdtempSync(join(tmpdir(), 'storydeck-browser-')), `deck.${format}`);
  const result = spawnSync(process.execPath, [resolve('dist/cli.js'), 'export', markdown, '--to', format, '-o', out, ...options], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`export failed (${result.status}): ${result.stderr}`);
  return out;
}

/** Converts a .pptx to PDF (next to it) with LibreOffice, in a profile of its own (parallel runs must not share one). */
export function libreOfficePdf(pptx: string): string {
  const profile = mkdtempSync(join(tmpdir(), 'storydeck-lo-'));
  const result = spawnSync('libreoffice', [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--convert-to', 'pdf', '--outdir', join(pptx, '..'), pptx], {
    encoding: 'utf8',
    timeout: 120_000,
  });
  rmSync(profile, { recursive: true, force: true });
  if (result.status !== 0) throw new Error(`libreoffice failed: ${result.error?.message ?? ''} ${result.stderr}`);
  return pptx.replace(/\.pptx$/, '.pdf');
}

export interface OpenedDeck {
  page: Page;
  /** Every request the page attempted to anything but file: and data: URLs (all of them were aborted). */
  requests: string[];
  /** Messages of alert/confirm/prompt dialogs the page opened (all dismissed). */
  dialogs: string[];
  /** Console errors (CSP violations among them) and uncaught exceptions. */
  errors: string[];
  close(): Promise<void>;
}

/** Opens an exported file from file:// in a fresh context whose network is blocked and watched. */
export async function openDeck(browser: Browser, file: string, viewport = { width: 1280, height: 720 }, device: { hasTouch?: boolean; isMobile?: boolean } = {}): Promise<OpenedDeck> {
  const context = await browser.newContext({ viewport, ...device });
  const requests: string[] = [];
  const dialogs: string[] = [];
  const errors: string[] = [];
  const local = (url: string) => url.startsWith('file:') || url.startsWith('data:');
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (local(url)) return route.continue();
    requests.push(url);
    return route.abort('blockedbyclient');
  });
  context.on('request', (request) => {
    if (!local(request.url()) && !requests.includes(request.url())) requests.push(request.url());
  });
  // Every page of the context is watched: the exported page's presenter window (`p`) too.
  context.on('page', (page) => {
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
  });
  const page = await context.newPage();
  await page.goto(pathToFileURL(file).href);
  return { page, requests, dialogs, errors, close: () => context.close() };
}

/**
 * Waits until `expression` is true in the page. Playwright's waitForFunction polls with an eval inside the page, which
 * the CSP of our pages forbids (the wait then fails whenever its first check is false); page.evaluate goes through the
 * debugging protocol, which the CSP does not govern.
 */
export async function waitForScript(page: Page, expression: string, timeout = 10_000): Promise<void> {
  const deadline = Date.now() + timeout;
  while (!(await page.evaluate(expression))) {
    if (Date.now() > deadline) throw new Error(`waited ${timeout} ms for ${expression}`);
    await page.waitForTimeout(20);
  }
}

/** The accessible label of the slide on show: "Slide 3: Meet Maria". */
export function currentSlide(page: Page): Promise<string | null> {
  return page.locator('.sd-frame.sd-current .sd-slide').getAttribute('aria-label');
}

/** Pages of a PDF, as poppler's pdfinfo reads them. */
export function pdfInfo(file: string): { pages: number; size: string } {
  const result = spawnSync('pdfinfo', [file], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`pdfinfo failed: ${result.stderr}`);
  return { pages: Number(/^Pages:\s+(\d+)/m.exec(result.stdout)?.[1]), size: /^Page size:\s+(.*)$/m.exec(result.stdout)?.[1]?.trim() ?? '' };
}

/**
 * What a curious reader does to a hostile deck: in slide, overview and presenter mode, goes through every
 * slide and hovers (and, with `click`, clicks) every element on it.
 */
export async function pokeEverything(page: Page, slides: number, { click = false } = {}): Promise<void> {
  for (const mode of ['', 'o', 'p']) {
    // An exported page's `p` opens the presenter view in a window of its own: poke that one.
    const opening =
      mode === 'p'
        ? page
            .context()
            .waitForEvent('page', { timeout: 5000 })
            .catch(() => undefined)
        : undefined;
    if (mode) await page.keyboard.press(mode);
    const popup = opening && (await page.locator('#storydeck').getAttribute('data-mode')) !== 'presenter' ? await opening : undefined;
    const target = popup ?? page;
    if (popup) await target.locator('#storydeck[data-mode="presenter"]').waitFor();
    await target.keyboard.press('Home');
    for (let i = 0; i < slides; i++) {
      for (const element of await target.locator('.sd-frame.sd-current .sd-slide *').all()) {
        await element.hover({ force: true, timeout: 1000 }).catch(() => undefined);
        if (click) await element.click({ force: true, timeout: 1000 }).catch(() => undefined);
      }
      await target.keyboard.press('ArrowRight');
    }
    if (popup) await target.close();
    else if (mode) await page.keyboard.press(mode);
  }
}

/** The colour of a PDF page at (x, y), as fractions of its width and height, rendered by poppler's pdftoppm: `rgb(r, g, b)`. */
export function pdfPixel(file: string, page: number, x: number, y: number): string {
  const result = spawnSync('pdftoppm', ['-f', String(page), '-l', String(page), '-r', '24', file], { maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`pdftoppm failed: ${result.stderr}`);
  // A binary PPM: "P6", width, height, maxval, one whitespace, then RGB bytes.
  const header = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(result.stdout.subarray(0, 64).toString('latin1'));
  if (!header) throw new Error('pdftoppm gave no PPM image');
  const [width, height] = [Number(header[1]), Number(header[2])];
  const at = header[0].length + 3 * (Math.min(height - 1, Math.floor(y * height)) * width + Math.min(width - 1, Math.floor(x * width)));
  const [r, g, b] = result.stdout.subarray(at, at + 3);
  return `rgb(${r}, ${g}, ${b})`;
}
