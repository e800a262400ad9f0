import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import markdownIt from 'markdown-it';
import { generateDeck } from '../../../bench/generate';

// dist/core.js carries markdown-it with its instance fields set by assignment rather than through its build's
// `_defineProperty` helper (esbuild.js, `markdownItFields`). The unit tests run the package as installed, so this checks
// that the bundled copy reads and writes what the package does. `npm run test:unit` builds dist/ first.
const CORE = join(__dirname, '../../../dist/core.js');

describe("dist/core.js's markdown-it", () => {
  const core = (): { default: typeof markdownIt } => {
    assert.ok(existsSync(CORE), 'dist/core.js is missing: run npm run build');
    return (createRequire(__filename)(CORE) as Record<string, { default: typeof markdownIt }>)['markdown-it'];
  };

  it('sets no instance field through the helper', () => {
    const code = readFileSync(CORE, 'utf8');
    assert.doesNotMatch(code, /_defineProperty\(\s*this,/);
    assert.match(code, /this\.map = null;/);
  });

  it('gives the tokens and the HTML the package gives, for the examples, the Marp fixtures and a generated deck', () => {
    const options = { html: true, linkify: false, typographer: false };
    const bundled = core().default('default', options);
    const installed = markdownIt('default', options);
    const folders = ['examples', 'test/fixtures/marp'];
    const texts = folders.flatMap((folder) =>
      readdirSync(folder)
        .filter((file) => file.endsWith('.md'))
        .map((file) => readFileSync(join(folder, file), 'utf8')),
    );
    texts.push(generateDeck(60), '# A *b* `c`\n\n> d [e](f) ![g](h)\n\n| i | j |\n|---|---|\n| k | l |\n\n1. m\n   - n\n\n<!-- o -->\n\n```js\np\n```\n');
    assert.ok(texts.length > 10);
    for (const text of texts) {
      assert.equal(JSON.stringify(bundled.parse(text, {})), JSON.stringify(installed.parse(text, {})));
      assert.equal(bundled.render(text), installed.render(text));
    }
  });
});
