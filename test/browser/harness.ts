import assert from 'node:assert/strict';
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
  const out = join(mkdtempSync(join(tmpdir(), 'storydeck-browser-')), 'deck.html');
  const result = spawnSync(process.execPath, [resolve('dist/cli.js'), 'export', markdown, '--to', 'html', '-o', out, ...options], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`export failed (${result.status}): ${result.stderr}`);
  return out;
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
export async function openDeck(browser: Browser, file: string, viewport = { width: 1280, height: 720 }): Promise<OpenedDeck> {
  const context = await browser.newContext({ viewport });
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
  const page = await context.newPage();
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(pathToFileURL(file).href);
  return { page, requests, dialogs, errors, close: () => context.close() };
}

/** The accessible label of the slide on show: "Slide 3: Meet Maria". */
export function currentSlide(page: Page): Promise<string | null> {
  return page.locator('.sd-frame.sd-current .sd-slide').getAttribute('aria-label');
}

/** Converts a .pptx to PDF with LibreOffice in a profile of its own (parallel runs must not share one). */
export function libreOfficePdf(pptx: string): string {
  const dir = join(pptx, '..');
  const profile = mkdtempSync(join(tmpdir(), 'storydeck-lo-'));
  const result = spawnSync('libreoffice', [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, pptx], { encoding: 'utf8', timeout: 120_000 });
  rmSync(profile, { recursive: true, force: true });
  assert.equal(result.status, 0, `libreoffice failed: ${result.error?.message ?? ''} ${result.stderr}`);
  return pptx.replace(/\.pptx$/, '.pdf');
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
    if (mode) await page.keyboard.press(mode);
    await page.keyboard.press('Home');
    for (let i = 0; i < slides; i++) {
      for (const element of await page.locator('.sd-frame.sd-current .sd-slide *').all()) {
        await element.hover({ force: true, timeout: 1000 }).catch(() => undefined);
        if (click) await element.click({ force: true, timeout: 1000 }).catch(() => undefined);
      }
      await page.keyboard.press('ArrowRight');
    }
    if (mode) await page.keyboard.press(mode);
  }
}
