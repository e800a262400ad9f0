import { slidePassages, type Passage } from '../deck/beats';
import { headingScope, type ReadingContext } from './reading';
import { caseless } from '../deck/fold';
import { regExp } from '../deck/fence';

/** Words that tie work to the company's strategy (written in lower case: the `i` flag reads `[a-z]` as any ASCII letter, and {@link caseless} needs no capital). */
export const STRATEGY = caseless(
  regExp(
    [
      // A flywheel is the business's when something owns or drives it ("our growth flywheel", "feeds the flywheel"), not a machine part in a list.
      // A technique ("control strategies", "a retry strategy") and a meeting about strategy ("our strategy offsite") are not the organisation's strategy.
      String.raw`\b(?:(?<!\b(?:control|caching|cache|retry|testing|test|deployment|backup|migration|rollout|branching|deprecation|mitigation|rendering|loading|eviction|fallback|merge|indexing|sharding|compaction|versioning|upgrade)\s)strateg(?:y|ies|ic|ically)(?!\s(?:offsites?|off-sites?|meetings?|sessions?|days?|workshops?|retreats?|away-?days?)\b)|okrs?|key results?|pillars?|north[- ]star)\b|\b(?:our|the|its|a|growth|data|marketplace|content|network)\s(?:[\w-]+\s)?flywheel\b|\bflywheel effect\b`,
      String.raw`\b(?:company|corporate|annual|strategic|business|top|org|organi[sz]ation(?:al)?|quarterly|yearly|fy\s?\d{0,4}|q[1-4]|h[12]|this year(?:'|’)?s|next year(?:'|’)?s|20\d\d|group|product|leadership|board)\s(?:goals?|objectives?|priorit(?:y|ies)|bets?|themes?|initiatives?|mandates?|commitments?)\b`,
      String.raw`\b(?:aligns?|aligned|ladders? up|contributes?|maps?|ties?|tied|rolls? up)\s(?:directly\s|straight\s)?(?:to|with|into|in)\s(?:our|the company|the company(?:'|’)s|this year(?:'|’)s|one of our)\b`,
      // The goals set for a year, however the year is placed: "our goals for 2026", "our goals for Rust 2024" (as "2026 goals" above).
      String.raw`\b(?:goals?|objectives?|priorit(?:y|ies))\sfor\s(?:[a-z][\w-]*\s)?(?:20\d\d|fy\s?\d{2,4})\b`,
      String.raw`\bin service of (?:our|the)\b|\bpart of (?:our|the company(?:'|’)?s?) (?:plan|strategy|goal|mission|bet|push|priority|objective|commitment)\b`,
      // What a leader has set for the organisation: "the board's mandate", "one of the CFO's four finance priorities".
      String.raw`\b(?:company|board|leadership|ceo|cfo|coo|cto|cio|cpo|cmo|exec\w*)(?:'|’)?s? (?:[\w-]+\s){0,2}?(?:priorit(?:y|ies)|mandates?|goals?|objectives?|bets?|asks?)\b`,
      String.raw`\b(?:our|the company(?:'|’)s|three|top|(?:this|next) year(?:'|’)s|annual) (?:priorities|focus areas|big bets|bets)\b|\bfocus areas?\b|\b(?:this|next) year(?:'|’)?s? focus\b|\ba year of focus\b|\bwe said we(?:'|’)d focus\b|\bfocus (?:this|next) year\b`,
      String.raw`\b(?:our|the) (?:objective|priority) (?:of|to|for this year|this year)\b|\bobjective\s?\d\b|\bkr\s?\d\b`,
      // The plans public bodies and large organisations tie work to: "Priority 3 in our Corporate Plan", "the Joint Forward Plan priority".
      // A plan that spans years ("our three-year plan", "the 5-year plan") is the organisation's strategy.
      String.raw`\b(?:corporate|council|annual|strategic|(?:two|three|four|five|ten|multi|\d{1,2})-year|long-term|forward|operating|organi[sz]ational|group|company)\splan\b|\bpriorit(?:y|ies)\s\d\b|\bplan(?:'|’)?s?\spriorit(?:y|ies)\b`,
    ].join('|'),
    'i',
  ),
);

/**
 * A plan the organisation names as its own: "the company's Net Zero Network Plan", "our Clinical Services Plan", "the council's
 * Local Transport Plan commitment", "Corporate's Operational Excellence program". Case matters: the capitals of its name make it a named
 * plan, not "our plan for the pilot"; after "our",
 * one capitalised word ("our Project Plan", "our Test Plan") names a document of the project, not the organisation's plan.
 */
const NAMED_PLAN =
  /\b(?:[Oo]ur\s(?:\p{Lu}[\p{L}\p{N}-]*\s){2,5}|(?:[Tt]he\s)?(?:[Cc]ompany|[Oo]rgani[sz]ation|[Cc]orporate|[Hh]ead [Oo]ffice|HQ|[Ll]eadership|council|trust|board|group|firm|university|district|hospital|school|authority|agency|charity|foundation|department|city|county|state|government)(?:'|’)s\s(?:\p{Lu}[\p{L}\p{N}-]*\s){1,5})(?:[Pp]lan|[Ff]ramework|[Rr]oadmap|[Pp]rogramme|[Pp]rogram|[Pp]ledge|[Cc]harter|[Cc]ompact|[Cc]ommitments?|[Pp]riorities|[Ii]nitiative)\b/u;

/** Under a heading like "Where this fits", these words are enough. */
const FITS = caseless(/\b(?:fits?|aligns?|supports?|part of|under|objective|goal|priorit\w*|pillar|bet|theme|plan|okr|strateg\w*|mission|vision|focus|commit\w*)\b/i);

/** Lower-case words without punctuation, apostrophes dropped: "Don't-drop, patients!" -> ["dont", "drop", "patients"]. */
export function words(text: string): string[] {
  return text
    .toLowerCase()
    .normalize('NFKC')
    .replace(/['’`]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/**
 * Does `text` name `objective`, whatever the case, punctuation and spacing? Compared word-aligned on
 * the words run together, so "mid-size", "mid size" and "midsize" all match.
 */
export function namesObjective(text: string, objective: string): boolean {
  return objectivesNamed([objective])(text).size > 0;
}

interface TrieNode {
  next: Map<string, TrieNode>;
  /** The objectives whose words, run together, end here. */
  ends: number[];
}

/**
 * Which of `objectives` a text names, as {@link namesObjective} reads each: their indexes. The objectives' words, run together, go
 * into one trie, walked from each place a word of the text starts, so a text is read once however many objectives there are, in
 * time proportional to its length times the longest objective (reading it once per objective took time proportional to their product).
 */
export function objectivesNamed(objectives: readonly string[]): (text: string) => Set<number> {
  const root: TrieNode = { next: new Map(), ends: [] };
  objectives.forEach((objective, i) => {
    const target = words(objective).join('');
    if (!target) return;
    let node = root;
    for (let k = 0; k < target.length; k++) {
      let child = node.next.get(target[k]);
      if (!child) node.next.set(target[k], (child = { next: new Map(), ends: [] }));
      node = child;
    }
    node.ends.push(i);
  });
  return (text) => {
    const named = new Set<number>();
    if (root.next.size === 0) return named;
    const tokens = words(text);
    const joined = tokens.join('');
    // Where the words start and end in the words run together.
    const starts: number[] = [];
    const ends = new Set<number>();
    let at = 0;
    for (const t of tokens) {
      starts.push(at);
      at += t.length;
      ends.add(at);
    }
    for (const start of starts) {
      let node: TrieNode | undefined = root;
      for (let i = start; i < joined.length; i++) {
        node = node.next.get(joined[i]);
        if (!node) break;
        if (node.ends.length > 0 && ends.has(i + 1)) for (const o of node.ends) named.add(o);
      }
    }
    return named;
  };
}

/**
 * A heading that names the strategy itself ("Three pillars", "Our strategy", "Strategic priorities") or the organisation's goals for
 * a year ("2023 Goals", "Our priorities for 2027"): what is written under it is the tie-in.
 */
const STRATEGY_HEADING = caseless(
  /\b(?:pillars?|okrs?|north[- ]star|strategic (?:priorit(?:y|ies)|themes?|bets?|objectives?|pillars?|goals?)|(?:company|corporate|group|our|the)(?:(?:'|’)s)? strategy|(?:20\d\d|fy\s?\d{2,4})\s(?:priorit(?:y|ies)|objectives?|goals?)|(?:priorit(?:y|ies)|objectives?|goals?)\sfor\s(?:20\d\d|fy\s?\d{2,4}))\b/i,
);

/** Finds the first passage that ties the work to strategy, or undefined. */
export function findTieIn(ctx: ReadingContext): Passage | undefined {
  for (const slide of ctx.deck.slides) {
    const headings = headingScope(slide, (h) => STRATEGY_HEADING.test(h.text));
    let named = -1;
    for (const p of slidePassages(slide)) {
      if (p.block.kind === 'heading') {
        if (headings.has(p.block)) named = p.section;
        continue;
      }
      if (p.section === named) return p;
      if (STRATEGY.test(p.text) || NAMED_PLAN.test(p.text)) return p;
      if (p.context.includes('strategy') && FITS.test(p.text)) return p;
    }
  }
  return undefined;
}
