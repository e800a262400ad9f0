import type { Slide } from '../../deck';
import { MAX_TOKEN_CHARS } from '../config';
import { maskLine } from '../mask';
import { phraseMatchers } from '../phrases';
import type { Rule, RuleContext, TextEdit } from '../types';

/**
 * Buzzwords with a plain alternative that reads the same in any sentence: each finding comes with a fix,
 * which Fix All and `--fix` apply. Separators match any run of spaces or hyphens, so "best in class" and
 * "best-in-class" are one entry. No alternative is itself on a list.
 */
export const DEFAULT_SUBSTITUTIONS: Readonly<Record<string, string>> = {
  leverages: 'uses',
  leveraging: 'using',
  utilize: 'use',
  utilizes: 'uses',
  utilized: 'used',
  utilizing: 'using',
  utilise: 'use',
  utilises: 'uses',
  utilised: 'used',
  utilising: 'using',
  'best-in-class': 'leading',
  'paradigm shift': 'big change',
  'move the needle': 'make a difference',
  'moves the needle': 'makes a difference',
  'moving the needle': 'making a difference',
  'circle back': 'follow up',
  'circling back': 'following up',
  'circled back': 'followed up',
  'touch base': 'talk',
  'going forward': 'from now on',
  incentivize: 'encourage',
  incentivise: 'encourage',
  learnings: 'lessons',
  'mission-critical': 'essential',
  'cutting-edge': 'new',
  'next-generation': 'new',
  'next-gen': 'new',
  seamless: 'smooth',
  seamlessly: 'smoothly',
  'at the end of the day': 'in the end',
  'boil the ocean': 'do everything at once',
};

/**
 * Buzzwords whose plain alternative fits some sentences only — another part of speech ("leverage" the noun),
 * or a phrase that does not take the words around it ("synergies with the Payroll team"). Each finding
 * suggests the alternative, which an editor offers to apply; nothing applies it automatically.
 */
export const DEFAULT_SUGGESTIONS: Readonly<Record<string, string>> = {
  leverage: 'use',
  leveraged: 'used',
  utilization: 'use',
  utilisation: 'use',
  synergy: 'working together',
  synergies: 'gains from working together',
  'low-hanging fruit': 'quick wins',
  'deep dive': 'close look',
  operationalize: 'put into practice',
  operationalise: 'put into practice',
  'value-add': 'benefit',
  'win-win': 'good for both sides',
  'net-net': 'in short',
};

/** Buzzwords with no one plain replacement: say what you actually mean. */
export const DEFAULT_BUZZWORDS: readonly string[] = [
  'game-changer',
  'game-changing',
  'disruptive',
  'world-class',
  'industry-leading',
  'best of breed',
  'bleeding-edge',
  'revolutionary',
  'thought leadership',
  'thought leader',
  'holistic',
  'think outside the box',
  'hit the ground running',
  'secret sauce',
  'blue-sky thinking',
  'ducks in a row',
  'single pane of glass',
  'rockstar',
  'ninja',
  'growth hacking',
];

/** Acronyms most people in a company room know. Roman numerals and placeholders are not acronyms. */
export const DEFAULT_ACRONYMS: readonly string[] = [
  'CEO',
  'CFO',
  'CTO',
  'COO',
  'CMO',
  'CPO',
  'CIO',
  'VP',
  'SVP',
  'EVP',
  'HR',
  'IT',
  'PM',
  'AM',
  'HQ',
  'API',
  'UI',
  'UX',
  'AI',
  'ML',
  'PDF',
  'URL',
  'HTML',
  'CSS',
  'JSON',
  'PR',
  'QA',
  'MVP',
  'B2B',
  'B2C',
  'CRM',
  'SLA',
  'KPI',
  'OKR',
  'ROI',
  'FAQ',
  'Q1',
  'Q2',
  'Q3',
  'Q4',
  'H1',
  'H2',
  'FY',
  'YTD',
  'US',
  'USA',
  'UK',
  'EU',
  'UN',
  'NYC',
  'USD',
  'EUR',
  'GBP',
  'GMT',
  'UTC',
  'OK',
  'TV',
  'ID',
  'DIY',
  'ASAP',
  'FYI',
  'ETA',
  'NB',
  'PS',
  'COVID',
  'TODO',
  'TBD',
  'TK',
  'FIXME',
  'XXX',
  'II',
  'III',
  'IV',
  'VI',
  'VII',
  'VIII',
  'IX',
  'XI',
  'XII',
  'XX',
  // Organisations better known by their letters than by their names: spelling them out helps nobody.
  'IBM',
  'NASA',
  'BBC',
  'CNN',
  'NPR',
  'NHS',
  'WHO',
  'NATO',
  'UNICEF',
  'IKEA',
  'BMW',
  'UPS',
  'DHL',
  'AWS',
  'GCP',
  'SAP',
  'HP',
  'GE',
  'AMD',
  'KPMG',
  'PWC',
  'EY',
  'MIT',
  'UCLA',
  'NYU',
  'FDA',
  'CDC',
  'SEC',
  'FBI',
  'IRS',
  'NFL',
  'NBA',
  'FIFA',
];

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string' && s.trim() !== '') : []);
/** Lower case with every run of spaces and hyphens as one space: the key a phrase is looked up by. */
export const normalizePhrase = (s: string) =>
  s
    .toLowerCase()
    .split(/[\s\-]+/)
    .filter(Boolean)
    .join(' ');

/** Literal phrases at word boundaries, a run of spaces and hyphens matching any run: "best in class" is "best-in-class". */
const phraseMatcher = phraseMatchers({ gap: /[\s-]/, word: /[\p{L}\p{N}_]/u });

/** The replacement with the first letter upper-cased when the replaced word started with a capital. */
export function matchCase(found: string, replacement: string): string {
  const first = found.charAt(0);
  if (replacement === '' || first === first.toLowerCase() || first !== first.toUpperCase()) return replacement;
  const cp = replacement.codePointAt(0)!;
  const head = String.fromCodePoint(cp);
  return head.toUpperCase() + replacement.slice(head.length);
}

/**
 * A candidate acronym: 2–6 capitals and digits starting with a capital, optionally a plural `s`; not
 * the tail of a hyphenated code (`O2-KR3`, `COVID-19` is allowed by name).
 */
const ACRONYM = /(?<![\p{L}\p{N}_]|[\p{L}\p{N}]-)[A-Z][A-Z0-9]{1,5}s?(?![\p{L}\p{N}_])/gu;
/** Labels and identifiers rather than acronyms: up to three letters, then a number (`KR3`, `P1`, `HL7`, `OKR2`, `FY23Q2`). */
const LABEL = /^[A-Z]{1,3}\d[A-Z0-9]*$/;
/** Names of kinds of document, spelled out by nobody when the title says what the document is. */
const DOCUMENT_KINDS = new Set(['RFC', 'PEP', 'ADR', 'KEP', 'RFD', 'PRD', 'QBR']);
/** A surname in capitals after a first name, as name lists and sign-offs write it: "Priya SHARMA, VP Ops", "— Dana PARK". */
const SURNAME = /\p{Lu}\p{Ll}+\s\p{Lu}{3,}(?=\s*(?:[,;)–—-]|$))/uy;
const WORD = /[\p{L}\p{N}]+/gu;
const STOP = new Set(['of', 'and', 'the', 'for', 'to', 'a', 'an', 'in', 'on', 'as', 'at', 'by', 'with', 'or']);
const LEADING_STOP = new Set(['the', 'a', 'an', 'our', 'your', 'their']);
const CAPITALIZED = /^\p{Lu}\p{Ll}/u;

const letters = (acronym: string) => acronym.replace(/[0-9]/g, '');

/** Whether the capitals at `start` in `text` are a surname after a first name (at most 20 letters back). */
function isSurname(text: string, start: number): boolean {
  const name = /\p{Lu}\p{Ll}{1,20}\s$/u.exec(text.slice(Math.max(0, start - 22), start));
  if (!name) return false;
  SURNAME.lastIndex = start - name[0].length;
  return SURNAME.test(text);
}

interface Position {
  line: number;
  column: number;
}
const before = (a: Position, b: Position) => a.line < b.line || (a.line === b.line && a.column < b.column);

/** Source lines of audience-visible text, in document order (as `ctx.matches` reads them). */
function visibleLines(ctx: RuleContext): number[] {
  const out: number[] = [];
  const seen = new Set<number>();
  for (const slide of ctx.deck.slides) {
    for (const block of ctx.visibleBlocks(slide)) {
      for (let line = block.line; line <= block.endLine; line++) {
        if (seen.has(line)) continue;
        seen.add(line);
        out.push(line);
      }
    }
  }
  return out;
}

/** Two words that start with a capital and a small letter, the fewest a run of Capitalised Words needs. */
const TWO_CAPITALIZED = /(?=\p{Lu})(?<![\p{L}\p{N}])\p{Lu}\p{Ll}[^]*?(?<![\p{L}\p{N}])\p{Lu}\p{Ll}/u;

/**
 * Where each run of Capitalised Words first spells one of `wanted`, the initials of acronyms used on or before line
 * `last` ("Net Promoter Score" -> NPS, with small words either skipped or counted: "Objectives and Key Results" -> OKR,
 * "Department of Justice" -> DOJ). Only what could come before a use is read: lines after `last`, and lines without two
 * Capitalised Words, spell nothing that matters.
 */
function expansionIndex(ctx: RuleContext, masked: (line: number) => string, wanted: ReadonlySet<string>, last: number): Map<string, Position> {
  const index = new Map<string, Position>();
  const add = (initials: string, at: Position[]) => {
    for (let i = 0; i < initials.length; i++) {
      for (let len = 2; len <= 6 && i + len <= initials.length; len++) {
        const key = initials.slice(i, i + len);
        if (!wanted.has(key)) continue;
        const previous = index.get(key);
        if (!previous || before(at[i], previous)) index.set(key, at[i]);
      }
    }
  };
  for (const line of visibleLines(ctx)) {
    if (line > last) continue;
    const text = masked(line);
    if (!TWO_CAPITALIZED.test(text)) continue;
    let run: { word: string; stop: boolean; at: Position }[] = [];
    const flush = () => {
      while (run.length && run[run.length - 1].stop) run.pop();
      if (run.length >= 2) {
        const caps = run.filter((w) => !w.stop);
        add(
          caps.map((w) => w.word[0].toUpperCase()).join(''),
          caps.map((w) => w.at),
        );
        if (caps.length !== run.length)
          add(
            run.map((w) => w.word[0].toUpperCase()).join(''),
            run.map((w) => w.at),
          );
      }
      run = [];
    };
    let lastEnd = 0;
    WORD.lastIndex = 0;
    for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
      const gap = text.slice(lastEnd, m.index);
      lastEnd = m.index + m[0].length;
      if (run.length && !/^[\s\-–&*_/]*$/.test(gap)) flush();
      const word = m[0];
      const at = { line, column: m.index + 1 };
      if (CAPITALIZED.test(word)) run.push({ word, stop: false, at });
      else if (run.length && STOP.has(word)) run.push({ word, stop: true, at });
      else flush();
    }
    flush();
  }
  return index;
}

/** "ARR (annual recurring revenue)", "Annual Recurring Revenue (ARR)" or "ARR stands for …" at this use. */
function explainedHere(acronym: string, text: string, start: number, end: number): boolean {
  const first = acronym[0].toLowerCase();
  const after = text.slice(end).trimStart();
  if (after.startsWith('(')) {
    const close = after.indexOf(')');
    const inner = close > 0 ? after.slice(1, Math.min(close, 200)) : '';
    const words: string[] = [...(inner.match(WORD) ?? [])];
    while (words.length && LEADING_STOP.has(words[0].toLowerCase())) words.shift();
    if (words.length >= 2 && words[0].charAt(0).toLowerCase() === first) return true;
  }
  if (/^(?:stands for|is short for|means)\b/i.test(after.slice(0, 20))) return true;
  const head = text.slice(0, start).trimEnd();
  if (head.endsWith('(') && text.slice(end).trimStart().startsWith(')')) {
    const words: string[] = [...(head.slice(Math.max(0, head.length - 201), -1).match(WORD) ?? [])].slice(-8);
    if (words.some((w) => w.charAt(0).toLowerCase() === first && w !== acronym)) return true;
  }
  return false;
}

const rule: Rule = {
  id: 'jargon',
  description: 'Plain words instead of buzzwords, and acronyms spelled out the first time.',
  tags: ['language', 'clarity'],
  defaultSeverity: 'warning',
  docs: 'docs/rules/jargon.md',
  defaultOptions: {
    substitutions: { ...DEFAULT_SUBSTITUTIONS },
    suggestions: { ...DEFAULT_SUGGESTIONS },
    buzzwords: [...DEFAULT_BUZZWORDS],
    ignore: [],
    acronyms: { allow: [...DEFAULT_ACRONYMS] },
  },
  check(ctx, report) {
    const options = ctx.options;
    const ignore = new Set(strings(options.ignore).map(normalizePhrase));
    const ignoreUpper = new Set(strings(options.ignore).map((s) => s.trim().toUpperCase()));

    // Your substitutions, suggestions and buzzwords add to the built-in ones; map a built-in to false to drop
    // it. Yours win over the built-in lists: your substitution of a built-in suggestion makes it a fix.
    // (An option you did not set is the built-in list itself, which adds nothing.)
    const substitutions = new Map<string, { text: string; automatic: boolean }>();
    const lists: Array<[unknown, boolean, Readonly<Record<string, string>>]> = [
      [DEFAULT_SUBSTITUTIONS, true, {}],
      [DEFAULT_SUGGESTIONS, false, {}],
      [options.substitutions, true, DEFAULT_SUBSTITUTIONS],
      [options.suggestions, false, DEFAULT_SUGGESTIONS],
    ];
    for (const [list, automatic, builtIn] of lists) {
      for (const [phrase, value] of Object.entries(isObject(list) ? list : {})) {
        const key = normalizePhrase(phrase);
        if (!key || ignore.has(key) || builtIn[phrase] === value) continue;
        if (typeof value === 'string') substitutions.set(key, { text: value, automatic });
        else substitutions.delete(key);
      }
    }
    const buzzwords = new Set<string>();
    for (const phrase of [...DEFAULT_BUZZWORDS, ...strings(options.buzzwords)]) {
      const key = normalizePhrase(phrase);
      if (key && !ignore.has(key) && !substitutions.has(key)) buzzwords.add(key);
    }

    // Matches come from masked lines already (ctx.matches, the phrase matcher); the neighbourhood of a match is read the same way.
    const masked = (line: number) => maskLine(ctx.deck.lines[line - 1] ?? '');

    // Someone's own words are theirs: quotes are not rewritten.
    const quoteLines = new Set<number>();
    const blocksOf = (slide: Slide) => ctx.visibleBlocks(slide);
    for (const slide of ctx.deck.slides) for (const b of blocksOf(slide)) if (b.kind === 'blockquote') for (let l = b.line; l <= b.endLine; l++) quoteLines.add(l);

    // The matcher reads ahead along a phrase from every word in the text: very long phrases would make that slow.
    const phrases = [...substitutions.keys(), ...buzzwords];
    const fits = (phrase: string) => [...phrase].length <= MAX_TOKEN_CHARS;
    const long = phrases.filter((phrase) => !fits(phrase));
    if (long.length) {
      report({
        message: `${long.length} of your jargon phrases are longer than ${MAX_TOKEN_CHARS} characters and left out of this check, the first "${[...long[0]].slice(0, 40).join('')}…": list words and short phrases.`,
        range: ctx.documentRange(),
      });
    }
    for (const { range, text: found } of phraseMatcher([{ phrases: phrases.filter(fits), ignorecase: true }]).hits(ctx.deck)[0]) {
      if (quoteLines.has(range.line)) continue;
      const key = normalizePhrase(found);
      const replacement = substitutions.get(key);
      if (replacement?.automatic) {
        const text = matchCase(found, replacement.text);
        report({ message: `Say "${text}" instead of "${found}": plain words land faster with a mixed audience.`, range, fix: [{ ...range, text }] });
      } else if (replacement) {
        const text = matchCase(found, replacement.text);
        const suggestion: TextEdit[] = [{ ...range, text }];
        report({ message: `"${found}" is a buzzword: say it in plain words — "${text}", for example — and check that the sentence still reads.`, range, suggestion });
      } else if (buzzwords.has(key)) {
        report({ message: `"${found}" is a buzzword: the room hears it and moves on. Say what actually changes, for whom, and by how much.`, range });
      }
    }

    const acronyms = options.acronyms;
    if (acronyms === false) return;
    const allow = new Set([...DEFAULT_ACRONYMS, ...(isObject(acronyms) ? strings(acronyms.allow) : [])].map((s) => s.trim().toUpperCase()));
    for (const s of ignoreUpper) allow.add(s);
    // The kind of document its title names ("RFC 42: …", "PRD: …") is what the room came to read.
    for (const word of ctx.deck.title.match(ACRONYM) ?? []) if (DOCUMENT_KINDS.has(word)) allow.add(word);

    // Lines written in capitals (shouted headings) say nothing about acronyms.
    const shouting = new Map<number, boolean>();
    const isShouting = (line: number) => {
      let value = shouting.get(line);
      if (value === undefined) {
        const text = masked(line);
        value = !/\p{Ll}/u.test(text) && (text.match(ACRONYM)?.length ?? 0) >= 2;
        shouting.set(line, value);
      }
      return value;
    };

    const firstUse = new Map<string, { line: number; column: number; endColumn: number; start: number; end: number }>();
    for (const m of ctx.matches(ACRONYM)) {
      let acronym = m.match[0];
      if (acronym.endsWith('s')) acronym = acronym.slice(0, -1);
      if (letters(acronym).length < 2 || LABEL.test(acronym) || allow.has(acronym) || firstUse.has(acronym)) continue;
      if (isShouting(m.line) || isSurname(masked(m.line), m.column - 1)) continue;
      firstUse.set(acronym, { line: m.line, column: m.column, endColumn: m.column + acronym.length, start: m.column - 1, end: m.column - 1 + acronym.length });
    }
    const unexplained = [...firstUse].filter(([acronym, use]) => !explainedHere(acronym, masked(use.line), use.start, use.end));
    const index = unexplained.length
      ? expansionIndex(
          ctx,
          masked,
          new Set(unexplained.map(([acronym]) => letters(acronym))),
          unexplained.reduce((last, [, use]) => Math.max(last, use.line), 0),
        )
      : new Map<string, Position>();
    for (const [acronym, use] of unexplained) {
      const expanded = index.get(letters(acronym));
      if (expanded && before(expanded, use)) continue;
      report({
        message: `"${acronym}" is never spelled out, and not everyone in the room knows it. The first time, write the words and then the acronym in brackets — "… (${acronym})" — or just say it in plain words.`,
        range: { line: use.line, column: use.column, endLine: use.line, endColumn: use.endColumn },
      });
    }
  },
};

export default rule;
