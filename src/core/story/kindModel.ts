/**
 * A learned reading of a narrative's kind: a multinomial logistic regression over what a document shows — the
 * words of its title and headings, the words of its text, its front matter's keys, its shape and its style (how it is
 * written: pronouns, tense, questions, sentence length, lists, dates and numbers; docs/judgement.md, session 15) — trained on the
 * labelled corpora by `scripts/train-kinds.ts`. It is asked only when no shape sign (kinds.ts) names a kind, so the
 * signs are not among its features. Pure and linear in the text: one pass to collect words, one for style, one sum per kind.
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
  /** What the document is made of beside its words: blocks of each kind, images, links (in the source), speaker notes. */
  counts: StyleCounts;
}

/** The blocks and marks a document's style is read from (kinds.ts counts them from a deck). */
export interface StyleCounts {
  paragraphs: number;
  listItems: number;
  quotes: number;
  tables: number;
  code: number;
  images: number;
  links: number;
  /** Speaker notes (comments read as notes), each one. */
  notes: number;
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

/** Words that tell of a style rather than a topic, each in its class: who speaks and to whom, tense and modality, spoken fillers, months. */
const STYLE_WORDS: ReadonlyMap<string, string> = new Map(
  Object.entries({
    i: "i me my mine myself i'm i've i'd i'll",
    we: "we us our ours ourselves we're we've we'll we'd let's",
    you: "you your yours yourself yourselves you're you've you'll you'd",
    they: "they them their theirs they're",
    will: "will won't shall",
    would: "would could might wouldn't couldn't",
    should: "should must shouldn't mustn't ought",
    past: "was were wasn't weren't did didn't had hadn't",
    spoken: 'really actually basically okay yeah gonna stuff pretty lot',
    month: 'january february march april june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec',
  }).flatMap(([c, ws]) => ws.split(' ').map((w) => [w, c] as [string, string])),
);
/** Verbs a list item or a paragraph starts with when it tells the reader to do something. */
const IMPERATIVE = new Set(
  "add ask avoid build call check choose click come consider create do don't download find follow get give go imagine install join keep learn let look make open read remember run see send set start stop take tell think try use visit wait watch write".split(
    ' ',
  ),
);
/**
 * What a report says happened (`did`): a subject and a verb in the past tense right after it — "we shipped", "I started", "they
 * grew", "we've released", "it became" —, a word ending in "-ed" (never "-eed": "we need") or a common irregular past. A past verb
 * after no subject is left out: it is as often a participle or an adjective ("is proposed", "the expected result").
 */
const SUBJECT = new Set("we i they he she it we've i've they've have has had also then finally recently".split(' '));
const IRREGULAR_PAST = new Set(
  'grew began became made took gave held met built wrote ran won brought spent led sent got went came kept saw found paid sold lost left chose drew fell felt told thought bought taught understood'.split(
    ' ',
  ),
);
/** Each time a document names the period it reports on: "this year", "last quarter", "over the past months", "since January", "so far", "to date". */
const PERIOD =
  /\b(?:(?:this|last|past|previous) (?:year|quarter|month|week|decade|season|semester|sprint)|(?:the )?(?:past|last|previous|first) (?:few |several |two |three |four |six |twelve |\d+ )?(?:years|months|weeks|quarters)|over the (?:past|last|course of)|since (?:january|february|march|april|may|june|july|august|september|october|november|december|last|the (?:start|beginning|launch))|so far|to date|in review)\b/g;

/** A word (the letters `WORD` reads), or a number: digits with any `.` or `,` between them ("1,000", "3.5"), never the stop or comma after it ("in 2024."). */
const TOKEN = /[a-zà-öø-ÿ][a-zà-öø-ÿ'’]*|\d+(?:[.,]\d+)*/g;
/**
 * A sentence's end: a run of `.`, `!` or `?` before a space or the end, with any closing quotes or brackets between (`“Why?” she
 * asked`). It starts only where a run starts (the look-behind): a run no space follows (`???…x`) is then tried once, not once from
 * each of its characters, so the scan stays linear.
 */
const TERMINAL = /(?<![.!?])[.!?]+(?=[)\]"'”’»]*(?:\s|$))/g;
/** A text that ends a sentence at its end (else its last sentence is counted once more). */
const ENDS = /[.!?][)\]"'”’»]*\s*$/;

/**
 * How a document is written, as rates (per 100 words of its text, or shares; code blocks, tables and quotes as counts): pronouns, tense and modality, spoken words, numbers
 * and dates, questions and exclamations, sentence and paragraph length, what starts with a verb, lists against prose, speaker notes,
 * images, links, and its headings' grammar (questions, gerunds, "how"/"why", numbered, "we"). One pass over the text.
 */
export function styleMeasures(t: KindText): Record<string, number> {
  const n: Record<string, number> = {};
  const add = (k: string, by = 1) => (n[k] = (n[k] ?? 0) + by);
  let words = 0;
  let sentences = 0;
  let strings = 0;
  for (const text of t.body) {
    const lower = text.toLowerCase();
    let first = true;
    let count = 0;
    let prev = '';
    for (const [tok] of lower.matchAll(TOKEN)) {
      count++;
      if (tok.charCodeAt(0) <= 57) {
        add('number');
        if (/^(?:19|20)\d\d$/.test(tok)) add('year');
        if (first) first = false;
        prev = '';
        continue;
      }
      const w = tok.includes('’') ? tok.replace(/’/g, "'") : tok;
      const c = STYLE_WORDS.get(w);
      if (c) add(c);
      if (SUBJECT.has(prev) && ((w.length >= 5 && w.endsWith('ed') && !w.endsWith('eed')) || IRREGULAR_PAST.has(w))) add('did');
      prev = w;
      if (first) {
        if (IMPERATIVE.has(w)) add('imperative');
        first = false;
      }
    }
    if (count === 0) continue;
    strings++;
    words += count;
    const ends = lower.match(TERMINAL) ?? [];
    sentences += ends.length + (ENDS.test(lower) ? 0 : 1);
    for (const e of ends) {
      if (e.includes('?')) add('question');
      else if (e.includes('!')) add('exclaim');
    }
    add('period', (lower.match(PERIOD) ?? []).length);
    if (/[%]/.test(text)) add('percent', (text.match(/%/g) ?? []).length);
    if (/[$€£]/.test(text)) add('money', (text.match(/[$€£]/g) ?? []).length);
  }
  const per100 = (k: string) => (words ? (100 * (n[k] ?? 0)) / words : 0);
  const out: Record<string, number> = { words };
  for (const k of ['i', 'we', 'you', 'they', 'will', 'would', 'should', 'past', 'spoken', 'number', 'year', 'month', 'percent', 'money', 'did', 'period']) out[k] = per100(k);
  out.question = sentences ? (n.question ?? 0) / sentences : 0;
  out.exclaim = sentences ? (n.exclaim ?? 0) / sentences : 0;
  out.imperative = strings ? (n.imperative ?? 0) / strings : 0;
  out.sentence = sentences ? words / sentences : 0;
  out.paragraph = strings ? words / strings : 0;
  const c = t.counts;
  out.list = c.listItems + c.paragraphs ? c.listItems / (c.listItems + c.paragraphs) : 0;
  out.notes = c.notes / Math.max(1, t.slides);
  out.images = c.images / Math.max(1, t.slides);
  out.links = words ? (100 * c.links) / words : 0;
  out.code = c.code;
  out.tables = c.tables;
  out.quotes = c.quotes;
  const hs = t.headings.filter((h) => h.trim() !== '');
  const share = (re: RegExp) => (hs.length ? hs.filter((h) => re.test(h)).length / hs.length : 0);
  out.hquestion = share(/\?\s*$/);
  out.hgerund = share(/^\W*[A-Za-z]{2,}ing\b/);
  out.hwh = share(/^\W*(?:how|why|what|who|when|where)\b/i);
  out.hnumbered = share(/^\W*\d/);
  out.hwe = share(/\b(?:we|our|us|i|my)\b/i);
  out.hwords = hs.length ? hs.reduce((a, h) => a + (h.match(/\S+/g) ?? []).length, 0) / hs.length : 0;
  return out;
}

/**
 * Where each style measure is cut (styleMeasures): a document shows `s:we>=1.4` when its rate is at least 1.4, and every lower cut too,
 * so a weight reads "more than this". The cuts are about the 25th, 50th, 75th and 90th percentiles of each measure over the opened
 * labelled documents (read once from the measures, not from the kinds; docs/judgement.md, session 15).
 */
export const STYLE_CUTS: Readonly<Record<string, readonly number[]>> = {
  words: [300, 600, 1200, 2400],
  i: [0.2, 0.7, 1.5],
  we: [0.7, 1.4, 2.3, 3.4],
  you: [0.2, 0.6, 1.4],
  they: [0.3, 0.75, 1.1],
  will: [0.3, 0.7, 1.2],
  would: [0.15, 0.35, 0.6],
  should: [0.05, 0.25, 0.45],
  past: [0.25, 0.6, 1.1],
  spoken: [0.01, 0.1, 0.25],
  number: [1.2, 3.5, 6.7, 10],
  year: [0.2, 0.6, 1.2],
  month: [0.2, 0.9, 1.5],
  percent: [0.1, 0.6, 1.2],
  money: [0.01, 0.45, 1.2],
  did: [0.07, 0.3, 0.6, 1],
  period: [0.01, 0.2, 0.4],
  question: [0.01, 0.03, 0.06],
  exclaim: [0.01, 0.03],
  imperative: [0.02, 0.05, 0.08],
  sentence: [11, 13.5, 16, 18.5],
  paragraph: [14, 20, 28, 38],
  list: [0.3, 0.5, 0.67, 0.8],
  notes: [0.01, 0.25, 0.75],
  images: [0.01, 0.15, 0.5],
  links: [0.15, 1.2, 3.4],
  code: [1, 3],
  tables: [1],
  quotes: [1, 3],
  hquestion: [0.01, 0.1],
  hgerund: [0.01, 0.06, 0.13],
  hwh: [0.05, 0.27, 0.5],
  hnumbered: [0.01, 0.3],
  hwe: [0.01, 0.17, 0.33],
  hwords: [2.4, 3.2, 4.1, 5.1],
};

/**
 * The words of text a document needs before its style is read: a rate over a few dozen words (a two-slide example deck) is
 * noise, and would outweigh what the deck says.
 */
export const STYLE_MIN_WORDS = 150;

/** The style family (`s:`): each measure of styleMeasures at each cut it reaches, for a document of STYLE_MIN_WORDS or more. */
export function styleFeatures(t: KindText, out: Set<string>): void {
  const m = styleMeasures(t);
  if (m.words < STYLE_MIN_WORDS) return;
  for (const [k, cuts] of Object.entries(STYLE_CUTS)) for (const c of cuts) if ((m[k] ?? 0) >= c) out.add(`s:${k}>=${c}`);
}

/**
 * The features a document shows, each once: `h:` a word of the title or a heading, `w:` a word of the text,
 * `fm:` a front-matter key, `shape:` and `slides:`/`headings:` counts binned, `s:` its style (styleFeatures).
 */
export function kindFeatures(t: KindText): string[] {
  const out = new Set<string>();
  wordFeatures('h:', [t.title, ...t.headings].join('\n'), out);
  wordFeatures('w:', t.body.join('\n'), out);
  for (const k of t.frontMatterKeys) if (k !== 'kind') out.add(`fm:${k.toLowerCase()}`);
  out.add(t.prose ? 'shape:prose' : 'shape:slides');
  out.add(`slides:${bin(t.slides, [2, 6, 12, 20])}`);
  out.add(`headings:${bin(t.headings.length, [2, 5, 10, 20])}`);
  styleFeatures(t, out);
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
    case 's':
      return `its style (${rest.replace('>=', ' at least ')})`;
    case 'slides':
    case 'headings':
      return `${rest.replace(/^</, 'fewer than ').replace(/\+$/, ' or more')} ${prefix}`;
    default:
      return rest === 'prose' ? 'prose with headings' : 'slides';
  }
}
