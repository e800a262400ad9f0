import { lintText, loadConfigFile, type ConfigHost } from '../../../src/core/lint';
import { parseTemplate } from '../../../src/core/scaffold';

// The readers of YAML, for yaml.test.ts and the process of their own it starts (a test file cannot be required there).

/** `[[[…]]]`, `depth` deep. */
export const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
const host = (text: string): ConfigHost => ({
  readFile: (p) => (p === '/c/.storydeck.yaml' ? text : undefined),
  dirname: (p) => p.slice(0, p.lastIndexOf('/')) || '/',
  resolve: (d, r) => `${d}/${r}`,
});

/** Each reader of YAML with a value `depth` deep: front matter, a directive comment, a template header, a config file. */
export const READERS: Array<[string, (depth: number) => unknown]> = [
  [
    'front matter',
    (depth) =>
      lintText(`---\ntitle: ${nested(depth)}\n---\n# Talk\n\nText.\n`)
        .findings.filter((f) => f.ruleId === 'front-matter')
        .map((f) => f.message),
  ],
  // A comment that is not valid YAML sets no directive, as in Marp: it stays a note.
  ['a directive comment', (depth) => lintText(`# Talk\n\n<!--\npaginate: true\nclass: ${nested(depth)}\n-->\n\nText.\n`).deck.slides[0].comments.map((c) => c.kind)],
  [
    'a template header',
    (depth) => {
      try {
        return parseTemplate(`{{!--\nid: ${nested(depth)}\n--}}\n# Why\n`, 't.hbs');
      } catch (e) {
        return (e as Error).message;
      }
    },
  ],
  ['a config file', (depth) => loadConfigFile('/c/.storydeck.yaml', host(`rules: ${nested(depth)}\n`)).problems.map((p) => p.message)],
];

/** For the child process of yaml.test.ts: every reader, each with values 50,000 and 1,000 deep. */
export function runAll(): void {
  for (const [where, read] of READERS) {
    read(50_000);
    read(1_000);
    process.stdout.write(`read ${where}\n`);
  }
}
