import type { Block, Range } from '../../deck';
import { memoByText } from '../../deck/memo';
import { findAsks } from '../../story/ask';
import { visibleLines } from '../context';
import { phraseMatchers } from '../phrases';
import type { Rule } from '../types';

/** Alarmist or panicked words, each with a calmer way to convey the same urgency. */
export const ALARMIST: Readonly<Record<string, string>> = {
  disaster: 'serious risk',
  disastrous: 'costly',
  catastrophe: 'severe loss',
  catastrophic: 'severe',
  'we are doomed': 'we are at risk',
  "we're doomed": 'we are at risk',
  doomed: 'at risk',
  nightmare: 'serious problem',
  meltdown: 'breakdown',
  apocalypse: 'severe loss',
  armageddon: 'severe loss',
  panic: 'act quickly',
  'existential threat': 'serious threat',
  'the sky is falling': 'the risk is rising',
  'game over': 'a serious setback',
  'dead in the water': 'stalled',
  'death spiral': 'steady decline',
  'total failure': 'a failure',
  'we will die': 'we will lose ground',
  "we're dying": 'we are losing ground',
  'falling apart': 'under strain',
  'out of control': 'growing fast',
};

/** Hedges that make an ask sound optional; in the ask, they are left out. */
export const HEDGES: readonly string[] = [
  'maybe we could',
  'maybe',
  'perhaps',
  'possibly',
  'sort of',
  'kind of',
  'a little bit',
  'hopefully',
  'if possible',
  'if it is not too much trouble',
  "if it's not too much trouble",
  'if you have time',
  'no pressure',
  'we were wondering',
  'i was wondering',
  'just wondering',
  'would it be possible',
  'might want to',
  'i think maybe',
  'ideally',
];

const matcher = phraseMatchers({ gap: /[\s-]/, word: /[\p{L}\p{N}_'’]/u });
/** Three or more words in capitals in a row: shouting. Acronyms come alone or in pairs. */
const SHOUTING = /(?=\p{Lu})(?<![\p{L}\p{N}])\p{Lu}{2,}(?:[ \t,]+\p{Lu}{2,}){2,}(?![\p{L}\p{N}])/gu;
/** Runs of `!` and `?` (one pass, no backtracking); those with an `!` in them read as panic. */
const EXCLAIMS = /[!?]{2,}/g;
/** Two capitals in a row: a line without them cannot shout. */
const UPPER_PAIR = /\p{Lu}\p{Lu}/u;

const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string');

/** Line numbers of the blocks of these kinds. */
function linesOf(blocks: Iterable<Block>): Set<number> {
  const lines = new Set<number>();
  for (const b of blocks) for (let l = b.line; l <= b.endLine; l++) lines.add(l);
  return lines;
}

/** Where double quotes are open on a line: someone's own words, which are theirs to keep. One pass. */
function quotedSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  let open = -1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (open < 0 && (ch === '“' || ch === '"')) open = i;
    else if (open >= 0 && (ch === '”' || ch === '"')) {
      spans.push([open, i]);
      open = -1;
    }
  }
  return spans;
}

interface LineReading {
  alarms: [number, number][];
  shouts: [number, number][];
  /** Runs of `!` and `?` with an `!` in them. */
  exclaims: [number, number][];
}

const readers = new Map<string, (text: string) => LineReading>();

/**
 * What a line says that `tone` reports, as [start, end) offsets, for a list of alarm phrases. Remembered per line
 * text: an editor re-lints after every pause in typing, and all lines but one come back unchanged.
 */
function lineReader(alarm: readonly string[]): (text: string) => LineReading {
  const key = alarm.join('\n');
  let read = readers.get(key);
  if (read) return read;
  const phrases = matcher([{ phrases: alarm, ignorecase: true }]);
  const spans = (re: RegExp, text: string) => [...text.matchAll(re)].map((m): [number, number] => [m.index, m.index + m[0].length]);
  read = memoByText((text): LineReading => ({
    alarms: phrases.lineHits(text)[0],
    shouts: UPPER_PAIR.test(text) ? spans(SHOUTING, text) : [],
    exclaims: text.includes('!') ? spans(EXCLAIMS, text).filter(([start, end]) => text.slice(start, end).includes('!')) : [],
  }));
  if (readers.size >= 8) readers.clear();
  readers.set(key, read);
  return read;
}

const rule: Rule = {
  id: 'tone',
  description: 'Urgency without anxiety: no alarmist words, shouting in capitals or "!!!", and no hedged asks.',
  tags: ['style', 'audience'],
  defaultSeverity: 'warning',
  docs: 'docs/rules/tone.md',
  defaultOptions: { ignore: [] },
  check(ctx, report) {
    const { deck } = ctx;
    const ignore = new Set((isStringArray(ctx.options.ignore) ? ctx.options.ignore : []).map((s) => s.trim().toLowerCase()));
    const blocks = deck.slides.flatMap((s) => ctx.visibleBlocks(s));
    const quoteLines = linesOf(blocks.filter((b) => b.kind === 'blockquote'));
    const headingLines = linesOf(blocks.filter((b) => b.kind === 'heading'));
    const asks = findAsks(ctx);
    // Each block once: a paragraph of n lines that asks n times would otherwise be read n² times.
    const askLines = linesOf(new Set(asks.map((a) => a.passage.block)));
    const quotes = new Map<number, [number, number][]>();
    const quoted = (range: Range) => {
      if (quoteLines.has(range.line)) return true;
      let spans = quotes.get(range.line);
      if (!spans) quotes.set(range.line, (spans = quotedSpans(deck.lines[range.line - 1] ?? '')));
      return spans.some(([from, to]) => range.column - 1 > from && range.column - 1 < to);
    };

    const alarm = Object.keys(ALARMIST).filter((p) => !ignore.has(p));
    const hedges = HEDGES.filter((p) => !ignore.has(p));
    const read = lineReader(alarm);
    for (const { line, text } of visibleLines(deck, deck.slides)) {
      const { alarms, shouts, exclaims } = read(text);
      const at = ([start, end]: [number, number]): Range => ({ line, column: start + 1, endLine: line, endColumn: end + 1 });
      for (const span of alarms) {
        const range = at(span);
        if (quoted(range)) continue;
        const found = text.slice(...span);
        const calmer =
          ALARMIST[
            found
              .toLowerCase()
              .replace(/[\s-]+/g, ' ')
              .replace('’', "'")
          ] ?? 'a plain word';
        report({
          message: `“${found}” sounds alarmed: the room hears panic, not urgency. Say what is at risk, how much and by when — “${calmer}”, for example.`,
          range,
          suggestion: [{ ...range, text: calmer }],
        });
      }
      for (const span of headingLines.has(line) ? [] : shouts) {
        const range = at(span);
        if (quoted(range)) continue;
        const found = text.slice(...span);
        // Sentence case: a capital only where a sentence starts.
        const before = text.slice(0, span[0]).replace(/[\s>*_#-]+$/, '');
        const lower = found.toLowerCase();
        const calm = before === '' || /[.!?:]$/.test(before) ? lower.charAt(0).toUpperCase() + lower.slice(1) : lower;
        report({ message: `“${found}” shouts: capitals read as alarm. Write it in sentence case and let the facts carry the urgency.`, range, suggestion: [{ ...range, text: calm }] });
      }
      for (const span of exclaims) {
        const range = at(span);
        if (quoted(range)) continue;
        const found = text.slice(...span);
        report({ message: `“${found}” reads as panic: end the sentence with one mark and let the facts carry the urgency.`, range, fix: [{ ...range, text: found.includes('?') ? '?' : '.' }] });
      }
    }
    // Hedges count only in the ask: read the slides that ask, not the whole deck.
    const [hedgeHits] = asks.length ? matcher([{ phrases: hedges, ignorecase: true }]).hits({ ...deck, slides: [...new Set(asks.map((a) => a.slide))] }) : [[]];
    for (const { range, text } of hedgeHits) {
      if (!askLines.has(range.line) || quoted(range)) continue;
      report({ message: `“${text}” hedges the ask, so it sounds optional. Ask plainly: “We ask you to approve…”, “Please decide by…”.`, range });
    }
  },
};

export default rule;
