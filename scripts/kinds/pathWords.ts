/**
 * Where a document lives, as the kind reader could read it (docs/judgement.md, session 18; measured, not in the product): the
 * words of its path relative to its root — each directory's name and the file's stem, lowercased, split on anything but a
 * letter, words of fewer than three letters and stop words dropped — as a feature family of their own (`p:`). Only
 * scripts/kind-eval.ts reads them (`--paths`); the shipped reader and `npm run train:kinds` do not.
 */
const STOP = new Set(
  'the and for with from into about are was were this that these those how why what who when where our your their its has have had will can all any not new one two more most some than then'.split(
    ' ',
  ),
);
const MAX_WORD = 31;

/** The path features (`p:word`) of a path relative to its root (`/` or `\` between names); none for no path. */
export function pathFeatures(path: string | undefined): string[] {
  if (!path) return [];
  const names = path.split(/[\\/]+/).filter((n) => n !== '' && n !== '.' && n !== '..');
  const stem = (names.pop() ?? '').replace(/\.[^.]*$/, '');
  const out = new Set<string>();
  for (const name of [...names, stem]) for (const w of name.toLowerCase().split(/[^a-zà-öø-ÿ]+/)) if (w.length >= 3 && w.length <= MAX_WORD && !STOP.has(w)) out.add(`p:${w}`);
  return [...out];
}
