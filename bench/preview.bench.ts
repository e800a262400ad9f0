// Benchmark: the preview of a generated 100-slide narrative in headless chromium, through the same page
// (`previewHtml`), bundle (dist/webview.js) and diff (`deckUpdate`) the extension uses, with the browser
// test's harness page (test/browser/previewPage.ts) standing in for VS Code.
//
//   npm run bench:preview                    # builds dist/ first, then runs this file
//   npx tsx bench/preview.bench.ts [--slides 100] [--loads 20] [--updates 100]
//
// 1. First paint: host render (parseForRender + renderDeck + the page's HTML) plus the page's own time from
//    navigation start to its first contentful paint (PerformanceObserver 'paint') — the slides are the
//    page's only content, so that paint is the deck on screen. Each load is a fresh page, paired with
//    a load of a one-slide deck: the page's fixed start-up cost.
// 2. Keystroke to updated slide: one character typed into a different slide each time (the 100 ms
//    typing pause is left out). Host: parseForRender + renderDeck + deckUpdate + JSON of the message (as
//    VS Code serialises it); page: from the message being posted to the next animation frame after the
//    changed slide's node was replaced.
// Medians and nearest-rank 95th percentiles. A benchmark, not a test: it exits 0 whatever the timings.

import { readFileSync } from 'node:fs';
import { cpus, loadavg, release, type as osType } from 'node:os';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { parseForRender, renderDeck } from '../src/core/render';
import { deckUpdate, previewHtml, randomNonce } from '../src/extension/preview/page';
import type { HostToWebview } from '../src/shared/protocol';
import { launchBrowser } from '../test/browser/harness';
import { writePreviewPage } from '../test/browser/previewPage';
import { benchArgs } from './args';
import { generateDeck } from './generate';
import { runBenchmark, stats, type Stats } from './stats';

const ms = (s: Stats) => `${s.median.toFixed(1)} (${s.p95.toFixed(1)})`;

async function main(): Promise<void> {
  const args = benchArgs(process.argv.slice(2), ['slides', 'loads', 'updates']);
  const slides = args.count('slides', 100);
  const loads = args.count('loads', 20);
  const updates = args.count('updates', 100);
  readFileSync('dist/webview.js'); // fails clearly when the bundle is not built
  const text = generateDeck(slides);
  const browser = await launchBrowser();
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });

  // 1. First paint, one fresh page per load (after one warm-up load), interleaved with the same page
  //    for a one-slide deck: the difference is what the deck's size costs over the page's fixed start-up.
  const firstPaint = async (markdown: string, count: number) => {
    // Timed: what the host does before VS Code has the page (parse, render, the page's HTML).
    const t0 = performance.now();
    const deck = renderDeck(parseForRender(markdown));
    previewHtml({ page: randomNonce(), uri: 'file:///talk.md', locked: false, deck, findings: [], start: 0 }, { cspSource: 'file:', script: '', style: '', theme: '', nonce: randomNonce() });
    const hostMs = performance.now() - t0;
    // Not timed: the harness writes the same page, with the stand-in for VS Code, to a file.
    const file = writePreviewPage(deck);
    const page = await context.newPage();
    await page.goto(pathToFileURL(file).href);
    await page
      .locator('.sd-frame')
      .nth(count - 1)
      .waitFor({ state: 'attached' });
    const fcp = (await page.evaluate(`new Promise((resolve) => {
      new PerformanceObserver((list) => {
        const entry = list.getEntriesByName('first-contentful-paint')[0];
        if (entry) resolve(entry.startTime);
      }).observe({ type: 'paint', buffered: true });
    })`)) as number;
    await page.close();
    return { hostMs, fcp };
  };
  const small = generateDeck(1);
  const render: number[] = [];
  const paint: number[] = [];
  const total: number[] = [];
  const baseline: number[] = [];
  for (let i = 0; i <= loads; i++) {
    const one = await firstPaint(small, 1);
    const full = await firstPaint(text, slides);
    if (i === 0) continue;
    render.push(full.hostMs);
    paint.push(full.fcp);
    total.push(full.hostMs + full.fcp);
    baseline.push(one.hostMs + one.fcp);
  }

  // 2. Keystroke to updated slide, each keystroke in the next slide along.
  const page = await context.newPage();
  let current = text;
  let shown = renderDeck(parseForRender(current));
  await page.goto(pathToFileURL(writePreviewPage(shown)).href);
  await page.locator('.sd-frame.sd-current').waitFor();
  const lines = current.split('\n');
  const host: number[] = [];
  const dom: number[] = [];
  const keystroke: number[] = [];
  for (let i = 0; i <= updates; i++) {
    // A character typed at the end of the first heading, list item or paragraph line of the slide.
    const slide = shown.slides[1 + (i % (shown.slides.length - 1))];
    const at = lines.findIndex((line, n) => n >= slide.line - 1 && n < slide.endLine && /^(?:#{1,6} |[-*] |[A-Za-z])/.test(line));
    if (at < 0) continue;
    lines[at] += 'x';
    current = lines.join('\n');
    const t0 = performance.now();
    const next = renderDeck(parseForRender(current));
    const message = deckUpdate(shown, next) as HostToWebview;
    const json = JSON.stringify(message);
    const hostMs = performance.now() - t0;
    shown = next;
    // Page code as a string: these types have no DOM. The message is posted as VS Code delivers it.
    const pageMs = (await page.evaluate(`new Promise((resolve) => {
      const t = performance.now();
      const old = document.querySelectorAll('.sd-frame')[${slide.index - 1}];
      const observer = new MutationObserver(() => {
        if (old.isConnected) return;
        observer.disconnect();
        requestAnimationFrame(() => resolve(performance.now() - t));
      });
      observer.observe(document.getElementById('storydeck'), { childList: true });
      window.postMessage(JSON.parse(${JSON.stringify(json)}), '*');
    })`)) as number;
    if (i === 0) continue;
    if ((message as { slides?: unknown[] }).slides?.length !== 1) throw new Error(`update ${i} changed ${JSON.stringify((message as { slides?: unknown[] }).slides?.length)} slides, not one`);
    host.push(hostMs);
    dom.push(pageMs);
    keystroke.push(hostMs + pageMs);
  }
  await browser.close();

  const rows = [
    `| Measure | Runs | Median (p95) ms | Target |`,
    `|---|---:|---:|---:|`,
    `| First paint: host render + page HTML | ${render.length} | ${ms(stats(render))} | |`,
    `| First paint: page navigation → first contentful paint | ${paint.length} | ${ms(stats(paint))} | |`,
    `| **First paint, total** | ${total.length} | **${ms(stats(total))}** | < 300 |`,
    `| First paint of a one-slide deck (the page's fixed start-up) | ${baseline.length} | ${ms(stats(baseline))} | |`,
    `| Update: host parse + render + diff + message JSON | ${host.length} | ${ms(stats(host))} | |`,
    `| Update: message → slide replaced → next frame | ${dom.length} | ${ms(stats(dom))} | |`,
    `| **Keystroke to updated slide, total** | ${keystroke.length} | **${ms(stats(keystroke))}** | < 50 |`,
  ];
  console.log(`Preview of a ${slides}-slide narrative (${(text.length / 1024).toFixed(1)} KB), headless chromium`);
  console.log(`Node ${process.version}, ${osType()} ${release()}, ${cpus().length} × ${cpus()[0]?.model ?? '?'}, load average ${loadavg()[0].toFixed(2)}\n`);
  console.log(rows.join('\n'));
}

runBenchmark(main);
