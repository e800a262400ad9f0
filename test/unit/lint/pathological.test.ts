import assert from 'node:assert/strict';
import { MAX_DECK_CHARS } from '../../../src/core/deck';
import { loadConfigFile, lintText, type ConfigHost, type StoryDeckConfig } from '../../../src/core/lint';
import { parseForRender, renderDeck } from '../../../src/core/render';
import { parseTemplate } from '../../../src/core/scaffold';

/**
 * Small inputs that once took super-linear time: each family is timed at size n and 10n. Ten times the input may cost
 * about ten times the time, so 20× plus a little is allowed; a quadratic scan costs 100× and a cubic one 1000×. Not a
 * benchmark: no absolute limit. Each time is the best of a few runs, each on fresh text (`tag` differs), so that no
 * cache answers for the scan being timed.
 */
const GROWTH = 20;
const SLACK_MS = 50;

interface Family<T> {
  name: string;
  n: number;
  input: (n: number, tag: string) => T;
  run: (input: T) => unknown;
}

const lint = (text: string) => lintText(text);
const lintWith = ({ text, config }: { text: string; config: StoryDeckConfig }) => lintText(text, config);
/** n lines of one word over and over, and n phrases that each start with ten of those words: the words are read once, not once per phrase. */
const alike = (n: number, tag: string) => ({
  text: `# Why ${tag}\n\n${`${'word '.repeat(20)}\n`.repeat(n)}`,
  phrases: Array.from({ length: n }, (_, i) => `${'word '.repeat(10)}${String.fromCharCode(97 + (i % 26))}${i.toString(36).replace(/\d/g, (d) => 'qrstuvwxyz'[Number(d)])}`),
});
const TEMPLATE_HEADER = '{{!--\nid: t\nname: T\ndescription: A template\nprompts: []\n--}}\n';
/** n `key: value` lines, every key different: YAML's own unique-keys check compared each key with all before it. */
const manyKeys = (n: number, tag: string, indent = '') => Array.from({ length: n }, (_, i) => `${indent}${tag}k${i}: v\n`).join('');
/** A config host that holds one file. */
const oneFile = (text: string): ConfigHost => ({
  readFile: (p) => (p === '/c/.storydeck.yaml' ? text : undefined),
  dirname: (p) => p.slice(0, p.lastIndexOf('/')) || '/',
  resolve: (d, r) => `${d}/${r}`,
});

const FAMILIES = [
  { name: 'an HTML comment left open, then spaces', n: 200, input: (n, tag) => `# Roadmap\n<!--${' '.repeat(n)}${tag}`, run: lint },
  { name: 'line after line that opens a comment', n: 1000, input: (n, tag) => `# Roadmap\n\n${`<!--${tag}\n`.repeat(n)}`, run: lint },
  { name: 'a code block of spaces with a letter at its end', n: 5000, input: (n, tag) => `# Roadmap\n\n\`\`\`\n${' '.repeat(n)}${tag}\n\`\`\`\n`, run: lint },
  { name: 'an HTML block of "<"', n: 5000, input: (n, tag) => `<div>\n${'<'.repeat(n)}${tag}\n`, run: lint },
  {
    name: 'a header line of many short words and no colon, then headings that nearly name a mission or a milestone',
    n: 300,
    input: (n, tag) => `# Header ${tag}\n\n${'Re view er '.repeat(n)}\n\n${'## Our mission and values and vision\n\nMilestone\n\n'.repeat(n)}`,
    run: lint,
  },
  {
    name: 'a title and a line under it of one long word before "paper for" and "for"',
    n: 2000,
    input: (n, tag) => `# ${'a'.repeat(n)} paper for ${'b'.repeat(n)}${tag}\n\nfor ${'c'.repeat(n)}\n`,
    run: lint,
  },
  { name: 'a summary of one long word, and a report of letters', n: 2000, input: (n, tag) => `# Summary\n\n${'x'.repeat(n)}${tag} survey ${'y'.repeat(n)}\n`, run: lint },
  { name: 'a line of "will" and digits with no colon at its end', n: 2000, input: (n, tag) => `# Numbers\n\n${'will 1 '.repeat(n)}${tag}\n\n- 2 a\n- 3 b\n`, run: lint },
  { name: 'a line of digits and short words before no output verb', n: 2000, input: (n, tag) => `# Goals\n\n${'1 a b c d '.repeat(n)}${tag}\n`, run: lint },
  { name: 'a success line of "number of" and "train 1" before no work item', n: 2000, input: (n, tag) => `## Success metrics\n\n${'number of train 1 '.repeat(n)}${tag}\n`, run: lint },
  { name: 'a success line of "by June," before no delivery word', n: 2000, input: (n, tag) => `## Success metrics\n\n${'by june, a '.repeat(n)}${tag}\n`, run: lint },
  { name: 'a front matter duration of digits', n: 2000, input: (n, tag) => `---\nduration: "${'1'.repeat(n)}${tag}"\n---\n# Talk\n`, run: lint },
  {
    name: 'a page of many sections, each a wall of figures stats-without-story reports (its learned check reads each)',
    n: 60,
    input: (n, tag) =>
      `---\nmarp: true\n---\n\n# Report ${tag}\n\n${Array.from({ length: n }, (_, i) => `### Part ${i}\n\nRevenue fell 18% to $4.2M.\nCosts rose 11% to $3.9M.\nChurn 7.5% across 1,200 accounts.\n\n`).join('')}`,
    run: lint,
  },
  { name: 'a front matter of many keys', n: 2000, input: (n, tag) => `---\n${manyKeys(n, tag)}---\n# Talk\n\nText.\n`, run: lint },
  { name: 'a directive comment of many keys', n: 2000, input: (n, tag) => `# Talk\n\n<!--\npaginate: true\n${manyKeys(n, tag)}-->\n\nText.\n`, run: lint },
  {
    name: 'a config file of many keys',
    n: 2000,
    input: (n, tag) => oneFile(`strategy:\n  objectives: []\n${manyKeys(n, tag, '  ')}`),
    run: (host: ConfigHost) => loadConfigFile('/c/.storydeck.yaml', host),
  } satisfies Family<ConfigHost>,
  {
    name: 'a template of blocks nested in blocks',
    n: 400,
    input: (n, tag) => `${TEMPLATE_HEADER}# Why ${tag}\n\n${'{{#if a}}'.repeat(n)}x${'{{/if}}'.repeat(n)}\n`,
    run: (source: string) => {
      try {
        parseTemplate(source, 't.hbs');
      } catch {
        // refused: what is timed is how long it takes to say so
      }
    },
  },
  {
    name: 'a template of many blocks, the last never closed',
    n: 2000,
    input: (n, tag) => `${TEMPLATE_HEADER}# Why ${tag}\n\n${'{{#if a}}x{{/if}}\n'.repeat(n)}{{#if a}}\n`,
    run: (source: string) => assert.throws(() => parseTemplate(source, 't.hbs'), /is never closed/),
  },
  { name: 'a template header of many keys', n: 4000, input: (n, tag) => `{{!--\n${manyKeys(n, tag)}--}}\n# Why\n`, run: (source: string) => assert.throws(() => parseTemplate(source, 't.hbs')) },
  {
    name: 'declarative rules whose tokens start alike',
    n: 100,
    input: (n, tag) => {
      const { text, phrases } = alike(n, tag);
      return { text, config: { declarative: [{ id: 'house-style', type: 'existence', tokens: phrases }] } };
    },
    run: lintWith,
  } satisfies Family<{ text: string; config: StoryDeckConfig }>,
  {
    name: 'jargon buzzwords that start alike',
    n: 100,
    input: (n, tag) => {
      const { text, phrases } = alike(n, tag);
      return { text, config: { rules: { jargon: { buzzwords: phrases } } } };
    },
    run: lintWith,
  } satisfies Family<{ text: string; config: StoryDeckConfig }>,
  {
    name: 'one paragraph of many sentences under a success heading (the finding test read the paragraph once per sentence)',
    n: 2000,
    input: (n, tag) => `# Plan ${tag}\n\n## How we will know\n\n${Array.from({ length: n }, (_, i) => `Churn should fall ${i % 90}% in region ${i}.`).join(' ')}\n`,
    run: lint,
  },
  {
    name: 'a success paragraph of many lines, each counting page views (vanity-metric listed every sentence under every line of the block)',
    n: 300,
    input: (n, tag) => `# Plan ${tag}\n\n## Success metrics\n\n${Array.from({ length: n }, (_, i) => `${i + 100} page views on day ${i} ${tag}.`).join('\n')}\n`,
    run: lint,
  },
  {
    name: 'a success line of many reach counts and no full stop (vanity-metric read the whole sentence for each)',
    n: 300,
    input: (n, tag) => `# Plan ${tag}\n\n## Success metrics\n\n${Array.from({ length: n }, (_, i) => `We reach ${i + 100} families in ${tag}`).join(' ')}\n`,
    run: lint,
  },
  {
    name: 'a paragraph of many lines, each an ask (tone read the block of each ask again)',
    n: 3000,
    input: (n, tag) => `# Plan ${tag}\n\n## Notes\n\n${Array.from({ length: n }, (_, i) => `We want ${i} ${tag}.`).join('\n')}\n`,
    run: lint,
  },
  {
    name: 'a success paragraph of many plain sentences (the output test read the paragraph once per sentence)',
    n: 300,
    input: (n, tag) => `# Plan ${tag}\n\n## How we will know\n\n${Array.from({ length: n }, (_, i) => `The cat sat on the mat in ${tag}${i}.`).join(' ')}\n`,
    run: lint,
  },
  {
    name: 'a heading of many sentences (the success test read the heading once per sentence)',
    n: 300,
    input: (n, tag) => `# Plan ${tag}\n\n## Notes. ${Array.from({ length: n }, (_, i) => `The cat sat on the mat in ${tag}${i}.`).join(' ')}\n\nText here.\n`,
    run: lint,
  },
  {
    name: 'a blockquote of many sentences under a timeline (the pain reading read the quote once per sentence)',
    n: 300,
    input: (n, tag) => `# Plan ${tag}\n\n## Timeline\n\n${Array.from({ length: n }, (_, i) => `> The cat sat on the mat in ${tag}${i}.`).join('\n')}\n`,
    run: lint,
  },
  {
    name: 'a blockquote of many sentences and a name introduced (the value reading looked for the name once per sentence)',
    n: 4000,
    input: (n, tag) => `# Plan ${tag}\n\n## The problem\n\n${Array.from({ length: n }, (_, i) => `> The cat sat ${tag}${i}.`).join('\n')}\n\n---\n\n## Later\n\nMeet Maria, a nurse.\n`,
    run: lint,
  },
  {
    name: 'many stakeholders and many paragraphs (each term was looked for in the whole narrative)',
    n: 100,
    input: (n, tag) =>
      `---\nstakeholders:\n${Array.from({ length: n }, (_, i) => `  - { name: Person ${tag} ${i}, cares: [thing${i}] }`).join('\n')}\n---\n# Plan ${tag}\n\n${Array.from({ length: n }, (_, i) => `The cat sat on the mat in ${tag}${i}.`).join('\n\n')}\n`,
    run: lint,
  },
  {
    name: 'many objectives and many paragraphs (each objective was looked for in the whole narrative)',
    n: 100,
    input: (n, tag) =>
      `---\nstorydeck:\n  strategy:\n    objectives:\n${Array.from({ length: n }, (_, i) => `      - Objective ${tag} ${i}`).join('\n')}\n---\n# Plan ${tag}\n\n${Array.from({ length: n }, (_, i) => `The cat sat on the mat in ${tag}${i}.`).join('\n\n')}\n`,
    run: lint,
  },
  {
    name: 'a long list of vague asks under a why heading (each ask read the rest of the list)',
    n: 3000,
    input: (n, tag) => `# Plan ${tag}\n\n## Why\n\n${Array.from({ length: n }, (_, i) => `- Please help us ${tag}${i}.`).join('\n')}\n`,
    run: lint,
  },
  {
    name: 'a section of many invitations to comment (each read the whole section for an owner or a date)',
    n: 300,
    input: (n, tag) => `# Plan ${tag}\n\n## Notes\n\n${Array.from({ length: n }, (_, i) => `Please comment on the draft ${tag}${i}.`).join(' ')}\n`,
    run: lint,
  },
  {
    name: 'a paragraph of many lines, each a code span and a figure (stats-without-story rebuilt the text for each span)',
    n: 500,
    input: (n, tag) => `# Plan ${tag}\n\n## Background\n\n${Array.from({ length: n }, (_, i) => `Run \`job${i}\` took ${i % 90} minutes for ${i} users in ${tag}.`).join('\n')}\n`,
    run: lint,
  },
  {
    name: 'a paragraph of many links, rendered for the preview and the exports (the end of each link looked for its start from the end of the paragraph)',
    n: 1000,
    // A live link and one the renderer blocks (markdown-it itself takes no `javascript:` link: that is text).
    input: (n, tag) => `# Links ${tag}\n\n${'[a](b) [c](ftp://x) '.repeat(n)}\n`,
    run: (text: string) => renderDeck(parseForRender(text)),
  },
  {
    name: 'a template with a long run of line breaks',
    n: 1000,
    input: (n, tag) => `${TEMPLATE_HEADER}# Why\n\nWe believe.${'\n'.repeat(n)}${tag}\n`,
    run: (source: string) => parseTemplate(source, 't.hbs'),
  },
] as Family<unknown>[];

let fresh = 0;

/** The best of `runs` timings of `family` at `size`; it stops after the first that takes longer than `hopeless`. */
function best<T>(family: Family<T>, size: number, runs: number, hopeless = Infinity): number {
  let min = Infinity;
  for (let i = 0; i < runs; i++) {
    const input = family.input(size, `v${(fresh++).toString(36)}`);
    const start = performance.now();
    family.run(input);
    const time = performance.now() - start;
    min = Math.min(min, time);
    if (time > hopeless) break;
  }
  return min;
}

describe('pathological inputs take linear time', () => {
  it('refuses a narrative over 10 MB with one finding of the input rule', () => {
    const { deck, findings } = lintText(`# Big\n\n${'word '.repeat(MAX_DECK_CHARS / 5)}`);
    assert.deepEqual(deck.slides, []);
    assert.deepEqual(
      findings.map((f) => [f.ruleId, f.severity, f.line]),
      [['input', 'error', 1]],
    );
    assert.match(findings[0].message, /up to 10 MB/);
  });

  for (const family of FAMILIES) {
    it(family.name, () => {
      best(family, family.n, 1);
      // Measured twice at most: a busy machine's pause can take all three runs of one size (the fresh check once timed 14.9 ms
      // at n and 418 at 10n, where quiet runs give 10-15 times); a scan that grows faster than linearly fails both pairs.
      let message = '';
      for (let attempt = 0; attempt < 2; attempt++) {
        const small = best(family, family.n, 3);
        const allowed = GROWTH * small + SLACK_MS;
        const large = best(family, 10 * family.n, 3, 10 * allowed);
        if (large < allowed) return;
        message = `n = ${family.n}: ${small.toFixed(1)} ms; 10n: ${large.toFixed(1)} ms, over the ${allowed.toFixed(0)} ms allowed`;
      }
      assert.fail(message);
    });
  }
});
