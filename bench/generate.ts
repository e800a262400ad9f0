// Deterministic generator of realistic StoryDeck narratives for the benchmarks.
//
// A deck of N slides follows a town-hall story arc (why, a customer's pain, what changes for them, the
// business case, the strategy, what we build, how, how we'll know, the ask) and then keeps telling
// further chapters of it, so that large decks look like long real narratives rather than one slide
// copied N times. Slides vary in kind: section headings, paragraphs with a customer story, bullet
// lists with figures, quotes, tables, speaker notes in HTML comments and, now and then, a code fence.
//
// The same (slides, seed) always gives the same text, byte for byte.
//
//   npx tsx bench/generate.ts 100            # prints a 100-slide deck
//   npx tsx bench/generate.ts 10 100 1000 --out DIR   # writes deck-10.md … into DIR

import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const BENCH_SIZES = [10, 100, 1000] as const;
export const DEFAULT_SEED = 0x5d0c_de4c;

/** mulberry32: a tiny, fast, deterministic PRNG (same seed, same sequence, on every platform). */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PEOPLE = [
  { name: 'Maria', role: 'night-shift nurse', place: "St. Anne's", task: 'hand over six patients' },
  { name: 'Dev', role: 'support agent', place: 'our Leeds office', task: 'close a refund ticket' },
  { name: 'Aiko', role: 'warehouse supervisor', place: 'the Osaka depot', task: 'reconcile the evening pick list' },
  { name: 'Tomás', role: 'field technician', place: 'a wind farm outside Porto', task: 'log a turbine inspection' },
  { name: 'Grace', role: 'finance analyst', place: 'a mid-size retailer', task: 'close the month' },
  { name: 'Sam', role: 'school administrator', place: 'a district of nine schools', task: 'build the term timetable' },
  { name: 'Olu', role: 'pharmacist', place: 'a 24-hour pharmacy in Lagos', task: 'check a repeat prescription' },
  { name: 'Priya', role: 'dispatcher', place: 'a regional ambulance service', task: 'assign the next call' },
];

const PRODUCTS = ['handoff view', 'refund assistant', 'pick-list planner', 'inspection log', 'close checklist', 'timetable builder', 'repeat-prescription check', 'dispatch board'];
const OBJECTIVES = ['Safer care at every handoff', 'Grow in mid-size customers', 'Halve time-to-resolution', 'Win the European mid-market'];
const SYSTEMS = ['three screens', 'two spreadsheets', 'a shared inbox', 'paper forms', 'an old desktop tool', 'four browser tabs'];
const QUARTERS = ['Q1', 'Q2', 'Q3', 'Q4'];
const MONTHS = ['January', 'March', 'June', 'September', 'November'];
const OWNERS = ['Priya', 'Jonas', 'Amara', 'Lucía', 'Ken', 'Fatima'];

type Kind = 'section' | 'story' | 'bullets' | 'quote' | 'table' | 'value' | 'business' | 'strategy' | 'what' | 'how' | 'outcome' | 'ask' | 'code';

/** The arc every chapter walks through; the weights below pick extra slides in between. */
const ARC: readonly Kind[] = ['section', 'story', 'quote', 'value', 'business', 'bullets', 'strategy', 'what', 'table', 'how', 'outcome', 'ask'];
const EXTRA: readonly [Kind, number][] = [
  ['story', 30],
  ['bullets', 25],
  ['quote', 12],
  ['table', 10],
  ['value', 8],
  ['business', 6],
  ['section', 5],
  ['code', 4],
];

/** A narrative of exactly `slides` slides (the first is the title slide). */
export function generateDeck(slides: number, seed: number = DEFAULT_SEED): string {
  if (!Number.isInteger(slides) || slides < 1) throw new RangeError(`slides must be a positive whole number (got ${slides}).`);
  const rnd = prng(seed);
  const int = (n: number) => Math.floor(rnd() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)];
  const pct = () => 5 + int(60);
  const weighted = (): Kind => {
    const total = EXTRA.reduce((s, [, w]) => s + w, 0);
    let r = rnd() * total;
    for (const [kind, w] of EXTRA) if ((r -= w) < 0) return kind;
    return 'story';
  };

  const out: string[] = [];
  out.push(
    '---',
    `title: ${PRODUCTS[0][0].toUpperCase()}${PRODUCTS[0].slice(1)} and what comes after it`,
    'audience: All-hands town hall, product and engineering',
    `duration: ${Math.max(5, Math.round(slides * 0.6))}m`,
    'theme: light',
    'storydeck:',
    '  strategy:',
    '    objectives:',
    ...OBJECTIVES.slice(0, 2).map((o) => `      - ${o}`),
    '---',
    '',
    '<!-- _class: lead -->',
    '',
    `# ${PRODUCTS[0][0].toUpperCase()}${PRODUCTS[0].slice(1)} and what comes after it`,
    '',
    'Town hall · Product and Engineering',
    '',
    '<!--',
    'Open with a pause. Ask the room who has ever lost an important detail between one shift and the next.',
    '-->',
  );

  let arcPos = 0;
  let chapter = 0;
  let last: Kind | undefined;
  for (let i = 1; i < slides; i++) {
    // Close every deck on the ask; otherwise walk the arc, with an extra slide one time in three.
    let kind: Kind;
    if (i === slides - 1) kind = last === 'ask' ? 'outcome' : 'ask';
    else if (arcPos > 0 && rnd() < 0.33) kind = weighted();
    else {
      kind = ARC[arcPos];
      arcPos = (arcPos + 1) % ARC.length;
      if (arcPos === 1) chapter++;
    }
    const p = PEOPLE[(chapter + int(2)) % PEOPLE.length];
    const product = PRODUCTS[(chapter + int(2)) % PRODUCTS.length];
    out.push('', '---', '');
    out.push(...slide(kind, p, product, chapter));
    last = kind;
    if (rnd() < 0.4) out.push('', ...notes(p));
  }
  return out.join('\n') + '\n';

  function slide(kind: Kind, p: (typeof PEOPLE)[number], product: string, ch: number): string[] {
    const minutes = 8 + int(20);
    switch (kind) {
      case 'section':
        return [
          `# Chapter ${ch}: ${pick(['Why we exist', 'The problem we keep hearing', 'What we learned this quarter', 'Where we go next'])}`,
          '',
          `We believe no ${p.role} should have to fight their tools to do the job well.`,
        ];
      case 'story':
        return [
          `## Meet ${p.name}`,
          '',
          `${p.name} is a ${p.role} at ${p.place}. Every shift, ${p.name} has ${minutes} minutes to ${p.task}, and spends most of them copying figures from ${pick(SYSTEMS)} by hand.`,
          '',
          `Last ${pick(MONTHS)}, one of those copies went wrong. ${p.name} caught it in time, but the fix took another ${5 + int(40)} minutes and a phone call nobody enjoyed.`,
        ];
      case 'quote':
        return [
          `## In ${p.name}'s words`,
          '',
          `> "I don't mind hard work. I mind doing the same work twice because ${pick(SYSTEMS)} and the new system don't talk to each other."`,
          `> — ${p.name}, ${p.role}`,
        ];
      case 'value':
        return [
          `## What changes for ${p.name}`,
          '',
          `With the ${product}, ${p.name} no longer copies anything by hand: every change since the last shift is already there, flagged.`,
          '',
          `${p.name} finishes in ${3 + int(5)} minutes instead of ${minutes}, and goes home on time.`,
        ];
      case 'business':
        return [
          '## Why it matters for the business',
          '',
          `- ${pick(['Renewal calls', 'Support tickets', 'Churn interviews'])} name this problem first in ${pct()}% of cases`,
          `- ${2 + int(6)} of our ${10 + int(20)} largest customers asked for it at renewal, worth $${1 + int(9)}.${int(10)}M ARR`,
          `- Customers who adopt it renew at ${80 + int(15)}% against ${60 + int(15)}% for those who don't`,
          `- Support cost per account falls by an estimated $${(10 + int(90)) * 100} a year`,
        ];
      case 'bullets':
        return [
          `## ${pick(['The numbers behind the story', 'What the pilot showed', 'Where the time goes', 'This quarter in figures'])}`,
          '',
          `- ${p.role[0].toUpperCase()}${p.role.slice(1)}s spend ${minutes} minutes per shift on manual copying`,
          `- ${pct()}% of handovers involve at least ${2 + int(4)} systems`,
          `- ${1 + int(9)} in 10 errors we traced started with a copied value`,
          `- Median time to resolve a mismatch: ${1 + int(6)}.${int(10)} hours`,
          ...(rnd() < 0.5 ? [`  - down from ${5 + int(5)}.${int(10)} hours last year`, `  - ${pct()}% of mismatches now caught before the shift ends`] : []),
        ];
      case 'strategy': {
        const first = int(OBJECTIVES.length);
        return [
          '## Where this fits',
          '',
          `This is the next project under our company objective **${OBJECTIVES[first]}**, and it supports our second pillar for the year: **${OBJECTIVES[(first + 1 + int(OBJECTIVES.length - 1)) % OBJECTIVES.length]}**.`,
        ];
      }
      case 'what':
        return [
          "## What we're building",
          '',
          `We're building the ${product}: one screen per ${pick(['patient', 'order', 'ticket', 'site', 'account'])} that shows what changed since the last shift, with the ${p.role}'s own notes beside it.`,
          '',
          `It pulls from the systems customers already have, so no one types anything twice.`,
        ];
      case 'table':
        return [
          `## ${pick(['Before and after', 'Pilot results by ward', 'Time per task'])}`,
          '',
          '| Task | Before | After | Change |',
          '|---|---:|---:|---:|',
          ...Array.from({ length: 3 + int(4) }, () => {
            const before = 5 + int(30);
            const after = 1 + int(before - 1);
            return `| ${pick(['Handover', 'Refund', 'Inspection', 'Reconcile', 'Check', 'Assign'])} ${pick(['per patient', 'per ticket', 'per site', 'per order'])} | ${before} min | ${after} min | −${Math.round(((before - after) / before) * 100)}% |`;
          }),
        ];
      case 'how':
        return [
          "## How we'll get there",
          '',
          `1. Pilot with ${2 + int(3)} teams at ${p.place} in ${pick(QUARTERS)}`,
          `2. Open to every current customer in ${pick(QUARTERS)}`,
          `3. A team of ${3 + int(4)} engineers and one designer, with ${p.name}'s team as our advisers`,
        ];
      case 'outcome':
        return [
          "## How we'll know it worked",
          '',
          `- Time per task drops from ${minutes} minutes to under ${2 + int(5)} minutes by ${pick(MONTHS)}`,
          `- Copy errors fall by ${10 + int(40)}% in pilot teams within two quarters`,
          `- Nine in ten pilot ${p.role}s use the ${product} on every shift`,
        ];
      case 'ask':
        return [
          '## What we need from you',
          '',
          "We're asking for two things:",
          '',
          `- **Engineering leads:** lend us one engineer each for the ${pick(QUARTERS)} pilot. Please tell ${pick(OWNERS)} by Friday.`,
          `- **Customer success:** introduce us to ${2 + int(3)} more teams who want to join. Reply to the thread by the end of the month.`,
          '',
          `Thank you. ${p.name}'s next shift starts at seven.`,
        ];
      case 'code':
        return [
          '## What the integration sends',
          '',
          'Each change arrives as one small event:',
          '',
          '```json',
          '{',
          `  "type": "${pick(['vitals.updated', 'order.changed', 'ticket.reassigned'])}",`,
          `  "at": "2025-0${1 + int(9)}-1${int(10)}T07:${10 + int(50)}:00Z",`,
          `  "by": "${p.name.toLowerCase()}"`,
          '}',
          '```',
        ];
    }
  }

  function notes(p: (typeof PEOPLE)[number]): string[] {
    return rnd() < 0.5
      ? [
          `<!-- ${pick([`Pause here and let ${p.name}'s story land.`, 'Keep this short: one sentence per point.', 'Check the figures with finance before the meeting.', 'Ask for a show of hands.'])} -->`,
        ]
      : ['<!--', `${p.name} agreed to be quoted. Their words, not ours: read this slowly.`, `If time is short, skip to the ask; the numbers are in the appendix.`, '-->'];
  }
}

/**
 * Writes `deck-<n>.md` for each size into `dir` (a fresh temp folder by default), together with empty
 * `.markdownlint-cli2.jsonc` and `.storydeck.json` files so that neither tool picks up a config from
 * above the folder: both run with their default rules.
 */
export function writeDecks(sizes: readonly number[] = BENCH_SIZES, dir?: string, seed: number = DEFAULT_SEED): { dir: string; files: Map<number, string> } {
  const target = dir ?? mkdtempSync(join(tmpdir(), 'storydeck-bench-'));
  mkdirSync(target, { recursive: true });
  writeFileSync(join(target, '.markdownlint-cli2.jsonc'), '{}\n');
  writeFileSync(join(target, '.storydeck.json'), '{}\n');
  const files = new Map<number, string>();
  for (const n of sizes) {
    const file = join(target, `deck-${n}.md`);
    writeFileSync(file, generateDeck(n, seed));
    files.set(n, file);
  }
  return { dir: target, files };
}

if (process.argv[1]?.replace(/\\/g, '/').endsWith('bench/generate.ts')) {
  const args = process.argv.slice(2);
  const outAt = args.indexOf('--out');
  const out = outAt >= 0 ? args[outAt + 1] : undefined;
  const sizes = args.filter((_, i) => outAt < 0 || (i !== outAt && i !== outAt + 1)).map(Number);
  if (out) {
    const { files } = writeDecks(sizes.length ? sizes : BENCH_SIZES, out);
    for (const file of files.values()) console.log(file);
  } else {
    process.stdout.write(generateDeck(sizes[0] ?? 10));
  }
}
