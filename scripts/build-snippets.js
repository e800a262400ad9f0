// Writes snippets/storydeck.code-snippets.json (the `sd-<beat>` snippets) from the beat skeletons in
// src/core/scaffold, the one source they share with templates and quick fixes. A unit test fails when the
// file is out of date.   Usage: node scripts/build-snippets.js [--check]
require('tsx/cjs');
const { readFileSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { snippetsFileText } = require('../src/core/scaffold/snippets.ts');

const file = join(__dirname, '..', 'snippets', 'storydeck.code-snippets.json');
const text = snippetsFileText();
if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(file, 'utf8');
  } catch {
    // missing counts as out of date
  }
  if (current !== text) {
    console.error(`${file} is out of date; run: node scripts/build-snippets.js`);
    process.exit(1);
  }
} else {
  writeFileSync(file, text);
  console.log(`wrote ${file}`);
}
