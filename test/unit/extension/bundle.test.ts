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
  { what: 'the chat participant', marker: 'StoryDeck sends the narrative and its findings to the model you picked', home: 'dist/agents.js' },
  { what: 'the language-model tools', marker: 'The edit goes into the editor, unsaved, where you can undo it', home: 'dist/agents.js' },
  { what: 'the MCP server and its SDK', marker: 'Invalid tools/call request', home: 'dist/mcp.js' },
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

describe('CLI bundle', () => {
  it('does not load the MCP server or its SDK for other commands: `storydeck mcp` loads dist/mcp.js', () => {
    assert.ok(bundle('dist/mcp.js').includes('Invalid tools/call request'));
    assert.ok(!bundle('dist/cli.js').includes('Invalid tools/call request'), 'dist/cli.js contains the MCP SDK');
  });
});
