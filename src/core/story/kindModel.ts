/**
 * A learned reading of a narrative's kind: a multinomial logistic regression over what a document shows — the
 * words of its title and headings, the words of its text, its front matter's keys and its shape — trained on the
 * labelled corpora by `scripts/train-kinds.ts`. It is asked only when no shape sign (kinds.ts) names a kind, so the
 * signs are not among its features. Pure and linear in the text: one pass to collect features, one sum per kind.
 */

/** What a document shows, as the model reads it (kinds.ts gathers it from a deck). */
export interface KindText {
  title: string;
  headings: readonly string[];
  /** The body's text: paragraphs, list items, quotes and speaker notes (no code). */
  body: readonly string[];
  frontMatterKeys: readonly string[];
  /** Slides with content; a prose document has one. */
  slides: number;
  prose: boolean;
}

/** The weights as data: one row per feature, one weight per kind, and one bias per kind. */
export interface KindModel {
  kinds: readonly string[];
  bias: readonly number[];
  weights: Readonly<Record<string, readonly number[]>>;
  /** Per kind, the features that may be shown as its evidence: those its training documents have at least twice as often as documents in general. */
  telling: Readonly<Record<string, readonly string[]>>;
}

/**
 * A run of letters, in lower case: Latin letters only (a Unicode letter class costs three times as much, and a feature must
 * occur in three corpora, which other scripts' words do not). A word is such a run of 3 to MAX_WORD letters: a longer run (a
 * hash, a token, letters run together) is no word and is skipped whole, never split into two.
 */
const WORD = /[a-zà-öø-ÿ][a-zà-öø-ÿ'’-]*/g;
const MAX_WORD = 31;

function bin(n: number, edges: readonly number[]): string {
  const i = edges.findIndex((e) => n < e);
  return i < 0 ? `${edges[edges.length - 1]}+` : String(i === 0 ? `<${edges[0]}` : `${edges[i - 1]}-${edges[i] - 1}`);
}

/** Adds each distinct word of `text` to `out` with its prefix (`h:`, `w:`): one pass over the text, the work per word a set lookup. */
export function wordFeatures(prefix: string, text: string, out: Set<string>): void {
  const seen = new Set<string>();
  for (const [w] of text.toLowerCase().matchAll(WORD)) if (w.length >= 3 && w.length <= MAX_WORD) seen.add(w);
  for (const w of seen) out.add(prefix + w.replace(/’/g, "'").replace(/['-]+$/, ''));
}

/**
 * The features a document shows, each once: `h:` a word of the title or a heading, `w:` a word of the text,
 * `fm:` a front-matter key, `shape:` and `slides:`/`headings:` counts binned.
 */
export function kindFeatures(t: KindText): string[] {
  const out = new Set<string>();
  wordFeatures('h:', [t.title, ...t.headings].join('\n'), out);
  wordFeatures('w:', t.body.join('\n'), out);
  for (const k of t.frontMatterKeys) if (k !== 'kind') out.add(`fm:${k.toLowerCase()}`);
  out.add(t.prose ? 'shape:prose' : 'shape:slides');
  out.add(`slides:${bin(t.slides, [2, 6, 12, 20])}`);
  out.add(`headings:${bin(t.headings.length, [2, 5, 10, 20])}`);
  return [...out];
}

/** Each kind's probability for these features, highest first. */
export function scoreKinds(features: readonly string[], model: KindModel): { kind: string; p: number }[] {
  const z = [...model.bias];
  for (const f of features) {
    const w = model.weights[f];
    if (w) for (let k = 0; k < z.length; k++) z[k] += w[k];
  }
  const max = Math.max(...z);
  const e = z.map((v) => Math.exp(v - max));
  const sum = e.reduce((a, b) => a + b, 0);
  return model.kinds.map((kind, k) => ({ kind, p: e[k] / sum })).sort((a, b) => b.p - a.p);
}

/**
 * Why the reader chose `kind`, for people ("“rfc”, “alternatives” in a heading"): of the features present that tell of the
 * kind (`telling`: its documents have them at least twice as often as documents in general, so never a word every kind
 * uses), those that weigh most for it against the others.
 */
export function kindEvidence(features: readonly string[], model: KindModel, kind: string, count = 3): string[] {
  const k = model.kinds.indexOf(kind);
  if (k < 0) return [];
  const tells = new Set(model.telling[kind] ?? []);
  const margin = (w: readonly number[]) => w[k] - w.reduce((a, b) => a + b, 0) / w.length;
  return features
    .filter((f) => tells.has(f) && model.weights[f] && margin(model.weights[f]) > 0)
    .sort((a, b) => margin(model.weights[b]) - margin(model.weights[a]) || compareFeatures(a, b))
    .slice(0, count)
    .map(describeFeature);
}

/** Features in the order of their UTF-16 code units: the same on every machine, whatever its locale (`localeCompare` puts Danish "aa" after "z"). */
export function compareFeatures(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A feature in words: "'motivation' in a heading", "'talk'", "the front matter's `speaker`". */
export function describeFeature(f: string): string {
  const [prefix, rest] = [f.slice(0, f.indexOf(':')), f.slice(f.indexOf(':') + 1)];
  switch (prefix) {
    case 'h':
      return `“${rest}” in a heading`;
    case 'w':
      return `“${rest}”`;
    case 'fm':
      return `the front matter's \`${rest}\``;
    case 'slides':
    case 'headings':
      return `${rest.replace(/^</, 'fewer than ').replace(/\+$/, ' or more')} ${prefix}`;
    default:
      return rest === 'prose' ? 'prose with headings' : 'slides';
  }
}
