import type { Block, Range } from '../../deck';
import { findAsks } from '../../story/ask';
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
const SHOUTING = /(?<![\p{L}\p{N}])\p{Lu}{2,}(?:[ \t,]+\p{Lu}{2,}){2,}(?![\p{L}\p{N}])/gu;
/** Runs of `!` and `?` (one pass, no backtracking); those with an `!` in them read as panic. */
const EXCLAIMS = /[!?]{2,}/g;

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
    const askLines = linesOf(findAsks(ctx).map((a) => a.passage.block));
    const quotes = new Map<number, [number, number][]>();
    const quoted = (range: Range) => {
      if (quoteLines.has(range.line)) return true;
      let spans = quotes.get(range.line);
      if (!spans) quotes.set(range.line, (spans = quotedSpans(deck.lines[range.line - 1] ?? '')));
      return spans.some(([from, to]) => range.column - 1 > from && range.column - 1 < to);
    };

    const alarm = Object.keys(ALARMIST).filter((p) => !ignore.has(p));
    const hedges = HEDGES.filter((p) => !ignore.has(p));
    const [alarmHits, hedgeHits] = matcher([
      { phrases: alarm, ignorecase: true },
      { phrases: hedges, ignorecase: true },
    ]).hits(deck);
    for (const { range, text } of alarmHits) {
      if (quoted(range)) continue;
      const calmer =
        ALARMIST[
          text
            .toLowerCase()
            .replace(/[\s-]+/g, ' ')
            .replace('’', "'")
        ] ?? 'a plain word';
      report({
        message: `“${text}” sounds alarmed: the room hears panic, not urgency. Say what is at risk, how much and by when — “${calmer}”, for example.`,
        range,
        suggestion: [{ ...range, text: calmer }],
      });
    }
    for (const { range, text } of hedgeHits) {
      if (!askLines.has(range.line) || quoted(range)) continue;
      report({ message: `“${text}” hedges the ask, so it sounds optional. Ask plainly: “We ask you to approve…”, “Please decide by…”.`, range });
    }
    for (const m of ctx.matches(SHOUTING)) {
      if (headingLines.has(m.line) || quoted(m)) continue;
      // Sentence case: a capital only where a sentence starts.
      const before = (deck.lines[m.line - 1] ?? '').slice(0, m.column - 1).replace(/[\s>*_#-]+$/, '');
      const lower = m.match[0].toLowerCase();
      const calm = before === '' || /[.!?:]$/.test(before) ? lower.charAt(0).toUpperCase() + lower.slice(1) : lower;
      report({ message: `“${m.match[0]}” shouts: capitals read as alarm. Write it in sentence case and let the facts carry the urgency.`, range: m, suggestion: [{ ...rangeOf(m), text: calm }] });
    }
    for (const m of ctx.matches(EXCLAIMS)) {
      if (!m.match[0].includes('!') || quoted(m)) continue;
      report({
        message: `“${m.match[0]}” reads as panic: end the sentence with one mark and let the facts carry the urgency.`,
        range: m,
        fix: [{ ...rangeOf(m), text: m.match[0].includes('?') ? '?' : '.' }],
      });
    }
  },
};

const rangeOf = ({ line, column, endLine, endColumn }: Range): Range => ({ line, column, endLine, endColumn });

export default rule;
