import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';

// Activation loads dist/extension.js only: export, browser, player and template code live in bundles loaded on
// first use. Each marker is a string that only that code contains; it must be in the bundle that carries the
// code (so the marker is real) and never in dist/extension.js. `npm run test:unit` builds dist/ first.
const MARKERS: { what: string; marker: string; home: string }[] = [
  { what: 'pptxgenjs (PowerPoint export)', marker: 'PptxGenJS', home: 'dist/exporter.js' },
  { what: 'the HTML export', marker: 'exportHtml needs the player bundle', home: 'dist/exporter.js' },
  { what: 'the browser that prints PDFs', marker: '--print-to-pdf', home: 'dist/exporter.js' },
  { what: 'the slide player', marker: 'sd-presenter-bar', home: 'dist/player.js' },
  { what: 'Handlebars (New Narrative templates)', marker: 'Handlebars', home: 'dist/newNarrative.js' },
];

function bundle(path: string): string {
  assert.ok(existsSync(path), `${path} is missing: run npm run build`);
  return readFileSync(path, 'utf8');
}

describe('extension bundle', () => {
  const extension = () => bundle('dist/extension.js');

  for (const { what, marker, home } of MARKERS) {
    it(`does not load ${what} on activation`, () => {
      assert.ok(bundle(home).includes(marker), `the marker "${marker}" is not in ${home}: pick one that ${what} contains`);
      assert.ok(!extension().includes(marker), `dist/extension.js contains "${marker}": ${what} must load on first use, not on activation`);
    });
  }
});
