/**
 * Training the kind reader (src/core/story/kindModel.ts): multinomial logistic regression with an L2 penalty, fitted by
 * plain full-batch gradient descent from zero weights — deterministic, no dependency. Only features seen in documents of
 * at least `minSets` different corpora are kept, so no name or phrase of one document or one writer gets in.
 */
import { BUILTIN_KINDS } from '../../src/core/story/kinds';
import { compareFeatures, type KindModel } from '../../src/core/story/kindModel';
import { sigmoid, type Section, type SectionModel } from '../../src/core/story/sectionModel';

export interface TrainOptions {
  minSets: number;
  /** A word feature (`h:`, `w:`; `o:` and `e:`, the candidates of scripts/kinds/candidates.ts) in more than this share of the training documents is not one: a word most documents use is weak evidence of any kind. */
  maxDocFreq: number;
  /** Keep at most this many features, those with the most mutual information with the kind. */
  maxFeatures: number;
  steps: number;
  rate: number;
  l2: number;
  /**
   * How much faster than the others the path's words (`p:`) learn: their gradient steps this many times as large, so at rest their
   * L2 penalty is this much smaller (scripts/kind-eval.ts `--paths`; docs/judgement.md, session 18). 1 when absent.
   */
  pathRate?: number;
}

/** How a section scorer learns; `prune`: a learned weight smaller than this (in absolute value) is left out of the file. */
export interface SectionTraining extends Pick<TrainOptions, 'minSets' | 'maxDocFreq' | 'steps' | 'rate' | 'l2'> {
  prune: number;
}

export const DEFAULT_TRAINING: TrainOptions = { minSets: 3, maxDocFreq: 0.2, maxFeatures: 600, steps: 300, rate: 1, l2: 0.003 };

export const KINDS = Object.keys(BUILTIN_KINDS);

/**
 * The kind the shape signs name, as a training feature (`sign:talk`, `sign:none`): it explains away the documents the signs
 * already read, so their words do not have to. The product asks the model only when no sign names a kind, so `foldSigns`
 * takes these rows out of the weights it ships.
 */
export const signFeature = (sign: string | undefined): string => `sign:${sign ?? 'none'}`;

/**
 * The model as the product uses it, asked only where no sign names a kind: `sign:none`, which every such document has, folded
 * into the bias, and every other `sign:` row, which could never fire, dropped. It scores every unsigned document as before.
 */
export function foldSigns(m: KindModel): KindModel {
  const none = m.weights[signFeature(undefined)] ?? m.kinds.map(() => 0);
  const isSign = (f: string) => f.startsWith('sign:');
  return {
    kinds: m.kinds,
    bias: m.bias.map((b, k) => round(b + none[k])),
    weights: Object.fromEntries(Object.entries(m.weights).filter(([f]) => !isSign(f))),
    telling: Object.fromEntries(Object.entries(m.telling).map(([k, fs]) => [k, fs.filter((f) => !isSign(f))])),
  };
}

interface Example {
  set: string;
  kind: string;
  features: readonly string[];
}

/**
 * The features a learner may use, shared by every reader trained on the labelled sets: those in documents of at least
 * `minSets` different sets, and for a word (`h:`, `w:`) in at most a share `maxDocFreq` of the documents.
 */
export function sharedFeatures(docs: readonly { set: string; features: readonly string[] }[], o: Pick<TrainOptions, 'minSets' | 'maxDocFreq'>): Set<string> {
  const sets = new Map<string, Set<string>>();
  const df = new Map<string, number>();
  for (const d of docs) {
    for (const f of new Set(d.features)) {
      let s = sets.get(f);
      if (!s) sets.set(f, (s = new Set()));
      s.add(d.set);
      df.set(f, (df.get(f) ?? 0) + 1);
    }
  }
  return new Set([...df].filter(([f, n]) => (sets.get(f)?.size ?? 0) >= o.minSets && !(/^[hwoe]:/.test(f) && n > o.maxDocFreq * docs.length)).map(([f]) => f));
}

/** The shared features (above), ranked by mutual information with the kind. */
function vocabulary(docs: readonly Example[], o: TrainOptions): string[] {
  const allowed = sharedFeatures(docs, o);
  const df = new Map<string, number[]>();
  const perKind = KINDS.map((k) => docs.filter((d) => d.kind === k).length);
  for (const d of docs) {
    const k = KINDS.indexOf(d.kind);
    for (const f of d.features) {
      if (!allowed.has(f)) continue;
      let c = df.get(f);
      if (!c) df.set(f, (c = KINDS.map(() => 0)));
      c[k]++;
    }
  }
  const N = docs.length;
  const mi: [string, number][] = [];
  for (const [f, c] of df) {
    const nf = c.reduce((a, b) => a + b, 0);
    let I = 0;
    for (let k = 0; k < KINDS.length; k++) {
      for (const [nkf, nx] of [
        [c[k], nf],
        [perKind[k] - c[k], N - nf],
      ]) {
        if (nkf > 0) I += (nkf / N) * Math.log((nkf * N) / (perKind[k] * nx));
      }
    }
    mi.push([f, I]);
  }
  return mi
    .sort((a, b) => b[1] - a[1] || compareFeatures(a[0], b[0]))
    .slice(0, o.maxFeatures)
    .map(([f]) => f)
    .sort();
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/** A feature can be shown as a kind's evidence when documents of that kind have it at least this many times as often as documents in general. */
export const TELLING_LIFT = 2;

/**
 * For each kind, the features that tell of it (kindModel.ts shows only these as evidence): those the training documents of
 * that kind have at least TELLING_LIFT times as often as all the training documents do. A word most documents use, whatever
 * their kind ("which", "should"), never does; nor does that word in a heading ("are" of "Who we are", "you" of "What you can
 * try"): a heading's word tells only when the same word in the text is no word most documents use (`maxDocFreq`). Nor does a
 * style feature (`s:`, "“we” 1.4 or more times in 100 words"): how a document is written weighs in the guess, but what a writer
 * is shown as its evidence are the things it says and shows.
 */
function telling(docs: readonly Example[], vocab: readonly string[], o: Pick<TrainOptions, 'maxDocFreq'>): Record<string, string[]> {
  const index = new Map(vocab.map((f, i) => [f, i]));
  const inText = new Map<string, number>();
  for (const d of docs) for (const f of d.features) if (f.startsWith('w:')) inText.set(f, (inText.get(f) ?? 0) + 1);
  const common = (f: string) => f.startsWith('h:') && (inText.get(`w:${f.slice(2)}`) ?? 0) > o.maxDocFreq * docs.length;
  const has = vocab.map(() => KINDS.map(() => 0));
  const perKind = KINDS.map(() => 0);
  for (const d of docs) {
    const k = KINDS.indexOf(d.kind);
    perKind[k]++;
    for (const f of d.features) if (index.has(f)) has[index.get(f) as number][k]++;
  }
  const N = docs.length;
  return Object.fromEntries(
    KINDS.map((kind, k) => [
      kind,
      vocab.filter((_, i) => {
        const n = has[i].reduce((a, b) => a + b, 0);
        return has[i][k] > 0 && has[i][k] * N >= TELLING_LIFT * perKind[k] * n && !common(vocab[i]) && !vocab[i].startsWith('s:');
      }),
    ]),
  );
}

export function train(docs: readonly Example[], o: TrainOptions = DEFAULT_TRAINING): KindModel {
  const vocab = vocabulary(docs, o);
  const index = new Map(vocab.map((f, i) => [f, i]));
  const X = docs.map((d) => d.features.map((f) => index.get(f)).filter((i): i is number => i !== undefined));
  const Y = docs.map((d) => KINDS.indexOf(d.kind));
  const rate = vocab.map((f) => (f.startsWith('p:') ? (o.pathRate ?? 1) : 1));
  const K = KINDS.length;
  const W = vocab.map(() => new Float64Array(K));
  const b = new Float64Array(K);
  const N = docs.length;
  for (let step = 0; step < o.steps; step++) {
    const gW = vocab.map(() => new Float64Array(K));
    const gb = new Float64Array(K);
    for (let n = 0; n < N; n++) {
      const z = Array.from(b);
      for (const i of X[n]) for (let k = 0; k < K; k++) z[k] += W[i][k];
      const max = Math.max(...z);
      const e = z.map((v) => Math.exp(v - max));
      const s = e.reduce((x, y) => x + y, 0);
      for (let k = 0; k < K; k++) {
        const g = e[k] / s - (Y[n] === k ? 1 : 0);
        gb[k] += g;
        for (const i of X[n]) gW[i][k] += g;
      }
    }
    for (let k = 0; k < K; k++) b[k] -= (o.rate * gb[k]) / N;
    for (let i = 0; i < vocab.length; i++) for (let k = 0; k < K; k++) W[i][k] -= o.rate * ((rate[i] * gW[i][k]) / N + o.l2 * W[i][k]);
  }
  const weights: Record<string, number[]> = {};
  vocab.forEach((f, i) => (weights[f] = Array.from(W[i], round)));
  return { kinds: KINDS, bias: Array.from(b, round), weights, telling: telling(docs, vocab, o) };
}

/**
 * The candidate measured against it: naive Bayes over the same features' presence (Laplace-smoothed), which is linear in
 * them too, so it is written as the same model: a kind's bias is its prior and every feature's absence, a weight the log odds
 * of the feature's presence.
 */
export function trainNaiveBayes(docs: readonly Example[], o: TrainOptions = DEFAULT_TRAINING): KindModel {
  const vocab = vocabulary(docs, o);
  const index = new Map(vocab.map((f, i) => [f, i]));
  const n = KINDS.map((k) => docs.filter((d) => d.kind === k).length);
  const c = vocab.map(() => KINDS.map(() => 0));
  for (const d of docs) for (const f of d.features) if (index.has(f)) c[index.get(f) as number][KINDS.indexOf(d.kind)]++;
  const bias = KINDS.map((_, k) => Math.log((n[k] + 1) / (docs.length + KINDS.length)));
  const weights: Record<string, number[]> = {};
  vocab.forEach((f, i) => {
    weights[f] = KINDS.map((_, k) => {
      const p = (c[i][k] + 1) / (n[k] + 2);
      bias[k] += Math.log(1 - p);
      return round(Math.log(p / (1 - p)));
    });
  });
  return { kinds: KINDS, bias: bias.map(round), weights, telling: telling(docs, vocab, o) };
}

/** How the section scorers learn (sectionModel.ts): the same shared features as the kind reader, more L2 (sections are sparser). */
export const SECTION_TRAINING: SectionTraining = { minSets: 3, maxDocFreq: 0.2, steps: 300, rate: 1, l2: 0.01, prune: 0.02 };

/** A document as a bag of sections: y 1 where the beat is told (the rule quiet), 0 where it is not. */
export interface Bag {
  set: string;
  y: number;
  sections: readonly Section[];
}

/**
 * Multiple-instance logistic regression: a document's score is its best section's, and each document's gradient goes to that
 * section. Full-batch gradient descent from zero weights — deterministic, no dependency.
 */
export function trainSections(bags: readonly Bag[], o = SECTION_TRAINING): Omit<SectionModel, 'threshold'> {
  const used = bags.filter((b) => b.sections.length > 0);
  const vocab = [
    ...sharedFeatures(
      used.map((b) => ({ set: b.set, features: b.sections.flatMap((s) => s.features) })),
      o,
    ),
  ].sort(compareFeatures);
  const index = new Map(vocab.map((f, i) => [f, i]));
  const X = used.map((b) => b.sections.map((s) => s.features.map((f) => index.get(f)).filter((i): i is number => i !== undefined)));
  const W = new Float64Array(vocab.length);
  let bias = 0;
  const N = used.length;
  for (let step = 0; step < o.steps; step++) {
    const g = new Float64Array(vocab.length);
    let gb = 0;
    for (let n = 0; n < N; n++) {
      let best = -Infinity;
      let arg = -1;
      X[n].forEach((xs, j) => {
        let z = bias;
        for (const i of xs) z += W[i];
        if (z > best) [best, arg] = [z, j];
      });
      const d = sigmoid(best) - used[n].y;
      gb += d;
      for (const i of X[n][arg]) g[i] += d;
    }
    bias -= (o.rate * gb) / N;
    for (let i = 0; i < vocab.length; i++) W[i] -= o.rate * (g[i] / N + o.l2 * W[i]);
  }
  const weights: Record<string, number> = {};
  vocab.forEach((f, i) => {
    if (round(W[i]) !== 0 && Math.abs(W[i]) >= o.prune) weights[f] = round(W[i]);
  });
  return { bias: round(bias), weights };
}
