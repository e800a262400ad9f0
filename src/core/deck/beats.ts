import { caseless, caselessAll } from './fold';
import { memoByText } from './memo';
import { escapeRegExp } from './regexp';
import { BEAT_IDS, type BeatId, type Block, type Slide } from './types';
import { regExp } from './fence';

/**
 * Beat detection reads two signals: the slide's headings and the words under them.
 *
 * A heading names at most one beat: the first in HEADING_PRIORITY whose pattern matches, so that
 * "Why it matters for the business" is `business`, not `why`. Content cues are weighted phrases; a beat
 * whose cues on a slide add up to CONTENT_THRESHOLD is played by that slide even under an unrelated or
 * missing heading. Patterns are anchored on word boundaries and contain no nested quantifiers, so they
 * run in linear time on any input.
 */

interface Cue {
  re: RegExp;
  weight: number;
  /** Words every match of `re` holds, tested first: a body without them is not scanned by `re`, which costs more. */
  needs?: RegExp;
}

const HEADING_PRIORITY: readonly BeatId[] = ['ask', 'outcome', 'strategy', 'business', 'value', 'pain', 'how', 'what', 'why'];

export const HEADING_PATTERNS: Record<BeatId, RegExp> = caselessAll({
  why: /\b(why|purpose|motivation|we believe|our belief|belief|mission|vision|what we stand for|the reason)\b/i,
  pain: /\b(problem|pain|struggl\w*|challenge|meet (?!(?:the |our |my )?(?:team|squad|crew)\b|us\b|you\b|me\b)\p{L}\w*|frustrat\w*|keeps? [^\n]{0,60}? up at night|a day in the life|today'?s reality|the status quo|what'?s broken|broken)\b/iu,
  value:
    /\b(what changes|what (?:we (?:want|hope|aim) to|will|would|this|it) change\w*|what(?:'ll| will) be different|what(?:'s| is) different|can now|now can|will be able to|no longer|for (our )?customers|for users|customer value|benefits?|a better|the difference|what they get|what you get|^after\b|before (?:and|&|\/|vs\.?) after|imagine|the new way|tomorrow|the future|what changed for|what (?:it|this) means (?:for|on|to|in) (you|your|them|their|customers|users|us)|what'?s in it for|how it helps)\b/i,
  business:
    /\b(business( value| case| impact)?|market|opportunity|revenue|why now|demand|the numbers|economics|roi|financials?|costs?|savings|commercials?|cost of (doing nothing|inaction)|why (it|this) matters (for|to) (us|the (?!customers?\b|users?\b|patients?\b|people\b|students?\b|members?\b)\w+|our (?!customers?\b|users?\b|patients?\b|people\b|students?\b|members?\b)\w+))\b/i,
  strategy: /\b(strateg\w*|strategic fit|where (this|it) fits|alignment|aligns?|pillars?|okrs?|objectives?|north star|priorit(y|ies))\b/i,
  what: /\b((?:proposed|detailed|technical) design|design overview|what'?s new|what is new|what(?:'s|’s| is| are) (?:changing|coming)|what we'?re building|what we will build|what we'?ll build|introducing|solution|the product|product overview|our proposal|proposal|what (?:we|i)(?:'re|’re| are|'m|’m| am)? propos(?:e|ing)|proposed changes?|what'?s in (?:it|the (?:box|release)|v?\d[\d.]*)|in one slide|the idea|our idea|the feature|features?|key capabilities|capabilities|what it is|what it does|what (?!it\b)[\p{L}\p{N}-]{2,30} does|deliverables|architecture|how it works|demo)\b/iu,
  how: /\b(plan|roadmap|timeline|milestones?|phases?|the team|team|how we'?ll (get there|do it|build it)|delivery|rollout|schedule|approach|agenda|outline|budget|resources|staffing)\b/i,
  outcome:
    /\b(success|measur\w*|metrics?|kpis?|outcomes?|how (?:we|you)(?:'?ll| will|'d|’d| would)? know|how (?:would|will) (?:we|you) know|results|targets?|what good looks like|key results?|krs?\s?\d{1,2})\b/i,
  // "Ask" as the request, not as what someone wonders: "Questions you might ask yourself", "Let me ask you something". A request,
  // a decision or an approval as the heading's point ("Funding request", "Decision needed by…", "Approval: …"), not as a word
  // describing something else ("HTTP request multiplexer", "Decision record", "Approval process"), nor the first half of a
  // compound ("Governance and Decision-Making", "Request-response model"): a dash counts, a hyphen joining a word does not.
  ask: /\b(the ask|our ask|(?<!\b(?:might|may|could|would|should|often|frequently|commonly|usually|always)\s)ask(?!\s(?:yourself|yourselves|ourselves|themselves|myself|you)\b)|(?:we'?re|i'?m|we are|i am) asking(?: for)?|what we need|needs? from you|needed from you|(?:request|decision|approval)(?=\s*(?:$|[:—–(]|-(?![a-z])|\b(?:needed|required|requested|sought|for|to|on|of|by|from|we|i)\b))|next steps?|call to action|how you can help|how to help|ways to help|get(?:ting)? involved|we need you|what i need|your help|what (?:we|i)(?:'d|’d| would) like (?:from|of) you|the raise|our raise|the round)\b/i,
});

/** A cue; a case-insensitive one runs on lowered text ({@link caseless}). `needs`: see {@link Cue}. */
const c = (re: RegExp, weight = 1, needs?: RegExp): Cue => ({ re: caselessAll([re])[0], weight, ...(needs ? { needs: caselessAll([needs])[0] } : {}) });

/** What a person does in the pain cue: "Maria spends…", "customers wait…", "she has to re-enter…". */
const STRUGGLES = String.raw`(struggl\w*|spends?|spent|wait(s|ed|ing)?|lose|loses|lost|can'?t|cannot|couldn'?t|has to|have to|had to|gives? up|gave up|re-?enter\w*|copy(ing)?|chas(e|es|ing)|frustrat\w*|miss(es|ed)?|abandon\w*|complain\w*|stuck|juggl\w*|dread\w*)`;

/** Roles and segments that make a customer concrete (lower-case alternation, plurals included). */
export const PERSON_WORDS = String.raw`customers?|users?|clients?|patients?|clinicians?|nurses?|doctors?|physicians?|surgeons?|caregivers?|carers?|therapists?|pharmacists?|dentists?|agents?|reps?|representatives?|admins?|administrators?|operators?|drivers?|riders?|couriers?|dispatchers?|technicians?|mechanics?|teachers?|students?|learners?|parents?|famil(?:y|ies)|shoppers?|buyers?|sellers?|merchants?|retailers?|vendors?|suppliers?|restaurants?|guests?|travell?ers?|passengers?|tenants?|landlords?|homeowners?|renters?|borrowers?|members?|subscribers?|farmers?|growers?|developers?|devs|engineers?|contributors?|maintainers?|designers?|analysts?|accountants?|bookkeepers?|auditors?|lawyers?|paralegals?|recruiters?|candidates?|managers?|supervisors?|owners?|founders?|employees?|staff|(?:warehouse|factory|care|shift|gig|frontline|front-line|field|farm|construction|office|knowledge|retail|health|social|key|hourly|temp|support) workers?|colleagues?|teammates?|new hires?|people|folks|residents?|citizens?|volunteers?|donors?|players?|viewers?|readers?|listeners?|creators?|writers?|editors?|researchers?|scientists?|investors?|advisers?|advisors?|brokers?|franchisees?|cashiers?|associates?|pickers?|packers?|planners?|schedulers?|coordinators?|callers?|receptionists?|cleaners?|clerks?|officers?|inspectors?|consultants?|bankers?|underwriters?|adjusters?|claims handlers?|shop assistants?|salespeople|sales reps?|midwives|midwife|paramedics?|carers?|radiologists?|specialists?|physios?|crews?|chefs?|waiters?|baristas?|diners?|patrons?|artists?|musicians?|authors?|journalists?|contractors?|freelancers?|installers?|electricians?|plumbers?|builders?|landowners?|homebuyers?|jobseekers?|applicants?|claimants?|policyholders?|account holders?|cardholders?|commuters?|visitors?|fans?|gamers?|kids|children|seniors?|retirees?|hospitals?|clinics?|schools?|shops?|businesses|smbs?|enterprises?|companies|accounts|teams?|on-call|she|he|her|hers|him|his|they|them|you`;

export const CONTENT_CUES: Record<BeatId, Cue[]> = {
  why: [
    c(/\b(we believe|i believe|our (purpose|mission|belief)|we exist (to|because|so)|the reason we|what we stand for)\b/i, 2),
    c(/\b(everyone|every (person|customer|team)|no one|nobody) (deserves?|should)\b/i, 2),
    c(/\bin a world where\b/i, 2),
    c(/\b(?:we aim to|our aim is to|we set out to|we exist to|our goal is to) (?:help|make|give|let|enable|ensure|protect|keep)\b/i, 2),
    c(/\b(matters because|this matters|why (this|it) matters|why we'?re here)\b/i),
    c(/\b(believe|purpose|mission)\b/i),
  ],
  pain: [
    // A person, then within the sentence what they struggle with; most bodies name no struggle, and the struggle is cheaper to look for.
    c(regExp(String.raw`\b(?:${PERSON_WORDS})\b[^.!?\n]{0,80}\b${STRUGGLES}\b`, 'i'), 2, regExp(String.raw`\b${STRUGGLES}\b`, 'i')),
    c(/\b(every (morning|day|week|night|month|shift|quarter)|each (morning|day|week|shift))\b/i),
    c(/\b(manual(ly)?|spreadsheets?|workarounds?|by hand|sticky notes|error-prone|tedious|painful|frustrat\w*|headaches?|nightmare|broken)\b/i),
    c(/\b(hours?|minutes|days|weeks) (a|per|every|each) (day|week|month|shift|ticket|call|order)\b/i),
    c(/["“][^"”\n]{12,400}["”]/, 1),
    c(/\b(meet|this is) [A-Z\p{Lu}][\p{L}]+\b/u, 2),
  ],
  value: [
    c(/\b(will be able to|can now|no longer (have|has|need|needs) to|no longer|for the first time|without having to|instead of|in (seconds|minutes) (instead of|not))\b/i, 2),
    c(/\b(saves?|saving) (them|her|him|customers|users|\d+)\b/i, 2),
    c(/\b(gets? (back|home)|finally|peace of mind|with one click|in one place|automatically)\b/i),
    c(/\b(faster|easier|simpler|less time|fewer (errors|steps|clicks|calls))\b/i),
  ],
  business: [
    c(/\b(revenue|arr|mrr|gross margin|margin|profit|p&l|ebitda|bookings|pipeline|upsell|cross-sell|win rate|deal size|ltv|cac|payback)\b/i, 2),
    c(/\b(market (size|share|demand|opportunity)|tam|sam|som|addressable market|total addressable)\b/i, 2),
    c(/\b(retention|churn|renewals?|net revenue retention|nrr|expansion)\b/i),
    c(/\b(cost(s)? (of|per)|support costs?|save the company|operating costs?|headcount costs?|cost savings?)\b/i, 2),
    c(/[$€£¥]\s?\d[\d,.]{0,15}\s?(k|m|bn|b|million|billion|thousand)?\b/i),
    c(/(?<![\d,.])\d[\d,.]{0,15}\s?(million|billion|thousand|k|m|bn)\b/i),
    c(/\b(competitors?|competition|analysts? (say|expect)|waitlist|customers (are )?asking|requested by|demand)\b/i),
    c(/\b(growth|grow|market)\b/i),
  ],
  strategy: [
    c(/\b(strateg(y|ic)|okrs?|north star|company (goal|objective|priority|priorities)|pillar|annual plan|this year'?s (goal|priority|priorities|objective))\b/i, 2),
    c(/\b(aligns? with|ladders? up to|in service of|supports? our|contributes? to our|objective)\b/i),
  ],
  what: [
    c(/\bthis (?:rfc|proposal|document|pep|kep|adr|memo|paper|design doc) (?:proposes|introduces|describes|recommends|requests approval to)\b/i, 2),
    c(/(?:^|\n|[.!?]\s)(?:replace|add|introduce|adopt|deprecate|migrate|build|create|establish)\s(?:an?|the|our)\s/i, 2),
    c(/\b(we'?re building|we are building|we will build|we'?ll build|we propose|we'?re proposing|introducing|the solution|our solution|we plan to build|we want to build)\b/i, 2),
    c(/\b(a new (feature|product|tool|app|service|dashboard|workflow|integration|api|platform)|the (app|tool|product|platform|feature) (will|lets|does|shows))\b/i, 2),
    c(/(?=\p{Lu})\b\p{Lu}[\p{L}\p{N}]{1,30} is an? (?:[\p{L}-]{1,20} ){0,3}(?:app|application|tool|platform|service|product|system|dashboard|assistant|device)\b/u, 2, / is an? /),
    c(/\b(feature|prototype|mvp|beta|version|release|dashboard|integration|app|platform)\b/i),
  ],
  how: [
    c(/\b(phase (1|2|3|one|two|three)|milestones?|roadmap|timeline|sprints?|rollout|pilot (with|in|for)|staffed|team of \d+|\d+ engineers?|workstreams?)\b/i, 2),
    c(/\b(q[1-4]|h[12]|week \d+|month \d+|by (january|february|march|april|may|june|july|august|september|october|november|december))\b/i),
  ],
  outcome: [
    c(/\b(we'?ll know (it worked|we succeeded|this worked)|success (is|means|looks like|will be)|measure(d)? (success|by)|we will measure|our target|the target|key results?|kpis?)\b/i, 2),
    c(/\bfrom\s{1,5}[$€£]?\d[\d,.]{0,15}\s?(%|percent|minutes|hours|days|seconds|k|m)?\s{1,5}to\s{1,5}[$€£]?\d[\d,.]{0,15}\s?(%|percent|minutes|hours|days|seconds|k|m)?/i, 2),
    c(/\b(increase|reduce|cut|raise|lift|grow|improve|decrease|lower|drop)\w*\b[^.\n]{0,60}\b(by|to)\s+[$€£]?\d/i, 2),
    c(/\b(baseline|target|measure|metric|outcome)\b/i),
  ],
  ask: [
    c(
      /\b(we'?re asking|we are asking|i'?m asking|i am asking|our ask|the ask|we ask (you|for|that)|we request|we need (you|your|a decision|approval|\d+|funding|budget|headcount)|what we need from you)\b/i,
      2,
    ),
    c(/\b(approve|approval|sign[- ]off|green[- ]light|decide|decision|fund|funding|budget of|headcount|allocate|commit(ment)?)\b/i),
    c(/\b(join us|volunteer|sign up to help|reply by|let us know by|come talk to|help us)\b/i, 2),
    c(/\bby (mon|tues|wednes|thurs|fri|satur|sun)day\b|\bby (the )?end of\b|\bby (january|february|march|april|may|june|july|august|september|october|november|december)\b/i),
  ],
};

export const CONTENT_THRESHOLD = 2;

const WHY_NOW = /^\W*why now\W*$/i;

/** A document's label before its title — "Change proposal: …", "RFC 12 — …", "Memo: …" — names the kind of document, not the solution. */
const DOCUMENT_LABEL = caseless(
  /^(?:(?:[\p{L}-]+\s){0,2}(?:proposal|rfc|pep|kep|adr|memo|memorandum|design doc)(?:\s#?\d{1,6})?|(?:(?:budget|funding|headcount|decision|change|investment|capital|feature)\s)?request)\s?[:—–-]\s/iu,
);

/** Heading text -> the one beat it names, or undefined. */
export const headingBeat = memoByText((heading: string): BeatId | undefined => {
  // The label opens the heading (the pattern is anchored): what follows it is the title.
  const text = heading.slice(DOCUMENT_LABEL.exec(heading)?.[0].length ?? 0);
  // "Why now" is told as a customer's pain as often as as a market: its words decide.
  if (WHY_NOW.test(text)) return undefined;
  return HEADING_PRIORITY.find((beat) => HEADING_PATTERNS[beat].test(text));
});

/** Beats a non-empty slide plays, in story order, from its blocks. */
export function detectBeats(blocks: readonly Block[]): BeatId[] {
  const scores = new Map<BeatId, number>();
  const add = (beat: BeatId, n: number) => scores.set(beat, (scores.get(beat) ?? 0) + n);

  let body = '';
  for (const block of blocks) {
    if (block.kind === 'heading') {
      const beat = headingBeat(block.text);
      if (beat) add(beat, CONTENT_THRESHOLD);
    } else if (block.kind !== 'code' && !block.linkOnly) {
      body += block.text + '\n';
    }
  }
  for (const [beat, score] of cueScores(body)) add(beat, score);
  return BEAT_IDS.filter((beat) => (scores.get(beat) ?? 0) >= CONTENT_THRESHOLD);
}

/** What the content cues add up to per beat in a slide's body text (beats with no cue left out). */
const cueScores = memoByText((body: string): [BeatId, number][] => {
  const scores: [BeatId, number][] = [];
  for (const beat of BEAT_IDS) {
    let score = 0;
    for (const cue of CONTENT_CUES[beat]) if ((!cue.needs || cue.needs.test(body)) && cue.re.test(body)) score += cue.weight;
    if (score > 0) scores.push([beat, score]);
  }
  return scores;
});

/* ---------------------------------------------------------------------------------------------
 * Story signals: the vocabulary and passage model the story rules (customer-pain, customer-value,
 * business-value, strategic-tie-in, outcome-metric, vanity-metric, call-to-action) share. They read
 * the words of every non-empty section, so a headless narrative (paragraphs between `---`) is
 * understood, and a heading over an empty or TODO section counts for nothing.
 * Every pattern is linear: single alternations anchored on word boundaries, bounded gaps only.
 * ------------------------------------------------------------------------------------------- */

/**
 * Text that only holds a place: TODO, TBD, `[placeholder]`, lorem ipsum, or nothing but dots, dashes and white space.
 * No two quantifiers in these patterns can take the same characters, so even a long code block is read in linear time.
 */
const PLACEHOLDER_WORD = /^\s*(?:(?:TODO|TBD|TK|FIXME|XXX)\b|lorem ipsum|\[[^\]]*\]$)/i;
const PLACEHOLDER_MARKS = /^[.…\-–—_*\s]*$/;

/** Does this block's text only hold a place? The slide parser and the passage model both ask. */
export function isPlaceholder(text: string): boolean {
  return PLACEHOLDER_MARKS.test(text) || PLACEHOLDER_WORD.test(text);
}

/** One sentence (or a heading) of a non-empty section, with the beat its section's heading names. */
export interface Passage {
  text: string;
  block: Block;
  /** Beats the section is about: its heading's beat, or the slide's explicit `<!-- beat: -->` markers. */
  context: readonly BeatId[];
  /** Position of the section in the slide (0-based); passages of one section share it. */
  section: number;
}

/** Minimal slide shape the passage model needs (a `Slide` fits). */
export interface PassageSource {
  blocks: readonly Block[];
  beats: readonly BeatId[];
  explicitBeats: boolean;
  empty: boolean;
}

const passageCache = new WeakMap<object, Passage[]>();
const SENTENCE_END = /(?<=[.!?…])\s+(?=[^\p{Ll}])|\n+/u;

/** Splits text into sentences at `.`, `!`, `?` followed by a space and a non-lower-case letter, and at line breaks. */
export function sentences(text: string): string[] {
  return text
    .split(SENTENCE_END)
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * The passages of a slide: sentences of every section that has content. A section is a heading and
 * the blocks up to the next heading; the blocks before the first heading form a section of their own.
 * Code blocks are never read. Empty slides have no passages.
 */
export function slidePassages(slide: PassageSource): Passage[] {
  const cached = passageCache.get(slide);
  if (cached) return cached;
  const out: Passage[] = [];
  if (!slide.empty) {
    const explicit = slide.explicitBeats ? slide.beats : [];
    let section = -1;
    let heading: Block | undefined;
    /** The beat the last heading names; a run-in label that names none stays under it. */
    let headingContext: BeatId[] = [];
    let context: BeatId[] = [];
    let body: Block[] = [];
    const flush = () => {
      section++;
      const content = body.filter((b) => !b.linkOnly && !isPlaceholder(b.text) && !(b.label !== undefined && isLabelOnly(b)));
      if (content.length === 0) return;
      for (const block of heading ? [heading, ...content] : content) {
        for (const text of sentences(withoutLabel(block))) out.push({ text, block, context, section });
      }
    };
    const named = (text: string): BeatId[] => {
      const beat = headingBeat(text);
      return beat ? [beat] : [];
    };
    for (const block of slide.blocks) {
      if (block.kind === 'code') continue;
      if (block.kind === 'heading') {
        if (heading || body.length) flush();
        heading = block;
        headingContext = explicit.length ? [...explicit] : named(block.text);
        context = headingContext;
        body = [];
      } else if (block.label !== undefined) {
        // A bold run-in label ("**What changes.** GPs get…") opens a section of its own, named like a heading.
        if (heading || body.length) flush();
        heading = undefined;
        const labelled = named(block.label);
        context = explicit.length ? [...explicit] : labelled.length ? labelled : headingContext;
        body = [block];
      } else {
        body.push(block);
      }
    }
    if (heading || body.length) flush();
  }
  passageCache.set(slide, out);
  return out;
}

/** A block's words after its run-in label: the label names the section, as a heading does, and is not one of its sentences. */
function withoutLabel(block: Block): string {
  const text = block.text.trimStart();
  return block.label !== undefined && text.startsWith(block.label) ? text.slice(block.label.length).replace(/^[.:—–\s]+/, '') : block.text;
}

/** A paragraph that is nothing but its label ("**What would change**"): it names the section, and says nothing of its own. */
function isLabelOnly(block: Block): boolean {
  return block.text.trim().replace(/[.:\s]+$/, '') === block.label;
}

/**
 * Nouns a role word only describes — "customer survey", "user research", "customer satisfaction" — where no person is
 * meant. Only words that are never a verb after a role ("the health worker records…" is someone acting).
 */
export const REPORT_NOUN = String.raw`(?:survey|feedback|research|data|satisfaction|journeys|complaints|insights?|base|segments?|analytics|metrics)\b`;
/** A role or segment as a word of its own: "users", not the "reader" of "screen-reader" or the "customer" of "customer-facing". */
const PERSON_RE = caseless(regExp(String.raw`(?<![\p{L}\p{N}-])(?:${PERSON_WORDS})(?![\p{L}\p{N}-])(?!\s${REPORT_NOUN})`, 'iu'));
// `(?=\p{Lu})` adds nothing to what matches; it lets V8 test one character before the lookbehind at each place (measured:
// about 5 ms less of a cold 300-slide lint with the same lead in jargon, tone, ask and value; docs/performance.md, session 12).
const NAME = String.raw`(?=\p{Lu})(?<![\p{L}\p{N}])(\p{Lu}[\p{Ll}'’-]{1,20})`;
const ROLE = String.raw`(?:${PERSON_WORDS}|[\p{L}-]{1,30}(?:er|or|ist|ian|ant|ent|nurse|rep|lead)s?)`;
const NAME_INTRODUCTIONS: RegExp[] = [
  regExp(String.raw`\b(?:[Mm]eet|[Tt]his is)\s${NAME}`, 'gu'),
  regExp(String.raw`${NAME}(?:,\s(?:(?:is|was|works as)\s)?|\s(?:is|was|works as)\s)(?:a|an|our|one of our|the)\b[^,.;:!?\n]{0,40}?\b${ROLE}\b`, 'gu'),
  regExp(String.raw`[—–-]\s?${NAME}(?:,|\s\p{Lu})`, 'gu'),
  regExp(String.raw`${NAME},\s(?:who|whose)\s`, 'gu'),
  regExp(
    String.raw`(?:^|[.!?:]\s)${NAME}\s(?:spends|spent|waits|waited|copies|copied|juggles|chases|dreads|runs|manages|works|has to|had to|starts|opens|calls|needs|wants|tries|checks|said|says|told|asked|wrote|explains|remembers)\b`,
    'gu',
  ),
];
const NOT_NAMES = new Set(
  'The This That These Those Today Tomorrow Yesterday It Its We Our Us You Your They Their She He Her His Him Me My There Here What When Where Why How Who Every Each Last Next And But So Now Then Also Still Instead Currently Often Sometimes Meanwhile However Before After With Without For From In On At By To Of If As Or Not No Yes One Two Three All Most Some Many Few Both Either Neither Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August September October November December Customer Customers User Users Team Teams Engineering Product Design Sales Marketing Finance Support Everyone Nobody Someone Anyone People Success Phase Step Pilot Plan Goal Target Q1 Q2 Q3 Q4 Note Notes Slide Example Imagine Picture Let Please Thanks Thank Welcome Hello Hi'.split(
    ' ',
  ),
);

/** A role word on its own ("Colleagues told us…", "Nurses said…"): capitalised at the start of a sentence, it is still not a name. */
const ROLE_WORD = caseless(regExp(String.raw`^(?:${PERSON_WORDS})$`, 'iu'));

/** First names the narrative introduces ("Meet Maria", "Priya, a dispatcher", "— Sam, store owner"); at most 20. */
export function introducedNames(texts: Iterable<string>): string[] {
  const names = new Set<string>();
  for (const text of texts) {
    for (const name of namesIn(text)) {
      names.add(name);
      if (names.size >= 20) return [...names];
    }
  }
  return [...names];
}

/** The names one text introduces, in the order introducedNames takes them. */
const namesIn = memoByText((text: string): string[] => {
  const names: string[] = [];
  for (const re of NAME_INTRODUCTIONS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const name = m[1].replace(/['’]s?$/, '');
      if (name.length > 1 && !NOT_NAMES.has(name) && !ROLE_WORD.test(name)) names.push(name);
    }
  }
  return names;
});

/** Does this text name a concrete customer: a role, a segment, a pronoun, or one of `names`? */
export function personMatcher(names: readonly string[], roles = true): (text: string) => boolean {
  const escaped = names.map(escapeRegExp);
  const named = escaped.length ? regExp(String.raw`(?<![\p{L}\p{N}])(?:${escaped.join('|')})(?![\p{L}\p{N}])`, 'u') : undefined;
  return (text) => (roles && PERSON_RE.test(text)) || (named !== undefined && named.test(text));
}

/** Spelled-out numbers that count as figures in targets and ratios. */
export const NUMBER_WORDS = String.raw`one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|half|zero`;
/** A figure, bounded so that no pattern backtracks over a long run of digits. */
const NUM = String.raw`(?:\d[\d,.]{0,15}|${NUMBER_WORDS})`;

/** Months, weekdays and quarters a date can name. */
export const MONTHS = String.raw`jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t|tember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?`;
export const WEEKDAYS = String.raw`monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thurs|fri`;

/** A target value: "from 12 to 5 minutes", "under 1 minute", "30%", "9 in 10", "by 20%", "double", "NPS 50+". */
export const TARGET_PATTERNS: readonly RegExp[] = caselessAll([
  regExp(
    String.raw`\bfrom\s(?:about\s|around\s|roughly\s|over\s|under\s|~)?[$€£]?${NUM}\b[^.;\n]{0,30}?\bto\s(?:under\s|below\s|less than\s|fewer than\s|over\s|above\s|more than\s|at least\s|about\s|around\s|~|<\s?|>\s?)?[$€£]?${NUM}\b`,
    'i',
  ),
  // "under 5", "at least 70%", "under an hour": a level, in figures or as one unit of time.
  regExp(
    String.raw`(?:\b(?:under|below|above|over|less than|fewer than|more than|at least|at most|no more than|up to|beyond)\s|[<>≤≥]=?\s?)(?:[$€£]?${NUM}(?![\p{L}\p{N}])|an?\s(?:second|minute|hour|day|week|month|quarter|year)\b)`,
    'iu',
  ),
  // "3x", "40%" — but "4.x" names a version line, not a multiple.
  regExp(String.raw`(?<![\p{L}\p{N},.])${NUM}\s?(?:%|percent\b|per cent\b|pp\b|percentage points?\b|(?<!\.)x\b|×)`, 'iu'),
  regExp(String.raw`(?<![\p{L}\p{N},.])${NUM}\s(?:in|out of)\s${NUM}\b`, 'iu'),
  regExp(
    String.raw`\b(?:increas|reduc|cut|rais|lift|grow|improv|decreas|lower|drop|fall|fell|rise|rose|shrink|boost|reach|hit|get|bring|move|halv|doubl|climb|shorten|speed)\w*\b[^.;\n]{0,60}?\b(?:by|to)\s(?:under\s|below\s|over\s|above\s|at least\s|~)?[$€£]?${NUM}(?![\p{L}])`,
    'iu',
  ),
  /\b(?:halve|halving|halved|double|doubling|doubled|triple|tripling|in half|to zero|zero (?:incidents|errors|defects|outages|complaints|escalations|misses|missed))\b/i,
  // "Goal 1", "KR 2": a numbered label, not a value; "our goal for 2027": a year, not a value.
  /\b(?:target|goal|kpi|okr|benchmark|aim)s?\b(?!\s#?\d{1,2}\b(?![.,]?\d|\s?%))[^.;\n]{0,30}?(?<!\d)(?!(?:19|20)\d\d(?!\d))\d/i,
  /(?<![\p{L}\p{N},.])\d[\d,.]{0,15}\+(?![\p{L}\p{N}])/u,
]);

/** A timeframe for a target: "by June", "within two quarters", "in Q3", "by the end of the year", "in 90 days". */
export const TIMEFRAME = caseless(
  regExp(
    [
      String.raw`\b(?:by|in|before|until|through|during|from)\s(?:the\s)?(?:end\sof\s(?:the\s)?)?(?:(?:${MONTHS})\b|q[1-4]\b|h[12]\b|fy\s?\d{2,4}\b|20\d\d\b|next\s(?:week|month|quarter|year|sprint|half)\b|this\s(?:quarter|year|month|half)\b)`,
      String.raw`\b(?:within|in|after|over|for)\s(?:the\s)?(?:first\s|next\s|its\s)?(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen|twenty|thirty|sixty|ninety)\s(?:days?|weeks?|months?|quarters?|years?|sprints?)\b`,
      String.raw`\b(?:end|close)\sof\s(?:the\s)?(?:year|quarter|month|half|pilot|trial|beta|sprint|fiscal year|q[1-4]|h[12])\b`,
      String.raw`\b(?:in|within|over|after|during|for)\sthe\s(?:first|next|last|coming|following)\s(?:day|week|month|quarter|year|sprint|half|season)\b`,
      String.raw`\b(?:q[1-4]|h[12])\s?(?:20)?\d\d\b|\bfy\s?\d{2,4}\b`,
      String.raw`\b(?:${MONTHS})\s20\d\d\b`,
      String.raw`\b(?:by|at)\s(?:the\s)?end\sof\s`,
      // A project's own calendar, as grants and plans count it: "by month 24", "at the end of year 2".
      String.raw`\b(?:by|in|at|before|after|within)\s(?:the\s)?(?:end\sof\s)?(?:month|year|quarter|week)\s\d{1,2}\b`,
    ].join('|'),
    'i',
  ),
);

/** Words that say a request follows: the explicit ask of a narrative. */
export const ASK_STRONG = caseless(
  regExp(
    String.raw`(?:^|[:;,]\s|\bplease\s)(?:give|lend|send|loan)\sus\b|(?:^|[:;]\s)(?:tell us (?:what|which|how|when|where|if|whether|by)|(?:open|file|raise|submit) a (?:request|ticket)|reply (?:in|to|on|by)\b|sign up (?:for|to|here|at|by)|come (?:and )?talk to)|\b(?:(?:we|i)(?:'re|’re|'m|’m|\sare|\sam)\s(?:asking|requesting|looking for)|(?:we|i)(?:'d|’d|\swould)\s(?:like|love)\s(?:you|your|a|an|approval|to ask)|(?:my|our|one)\srequests?\b|here(?:'s|’s|\sis|\sare)\s(?:my|our|what (?:we|i) need)\b|(?:we|i)\sask\s(?:you|for|that)|(?:our|my|the|a clear)\sasks?\b|one\sask\b|(?:we|i)\s(?:need|want)\s(?:you|your|a decision|approval|sign-?off|funding|budget|headcount|\d|two|three|four|five|one|an?\s(?:decision|engineer|designer|budget|owner|sponsor|volunteer|pm|analyst)|people|engineers|volunteers|help|support|more\s[a-z]{3,}|the\s(?:budget|go-ahead|green light))|what (?:we|i) need from (?:you|this)|decisions? (?:needed|required|requested|we need)|(?:please|kindly)\s(?:approve|decide|join|send|review|reply|tell|share|sign|fund|lend|nominate|give|let|come|book|vote|pick|choose|help|confirm|introduce|talk|reach|try|email|contact|comment|register|volunteer|allocate|assign|back|sponsor|support|bring|invite|schedule|read|add|put|grab|fill)|call to action|can (?:we|i) count on|(?:approve|fund|green-?light|sign off on)\s(?:(?:the|this|our|a)\b|\$|\d)|help us\s(?:by|with|find|test|pilot|reach|recruit|get|spread|make)|join (?:us|the pilot|the beta|our)|volunteer (?:to|for|your|by)|sign up (?:to|for|here|at|by)|next steps?\b|action items?)`,
    'i',
  ),
);

const namesCache = new WeakMap<object, string[]>();

/** Names introduced anywhere in these slides' passages; computed once per slide list. */
export function deckNames(slides: readonly PassageSource[]): string[] {
  const cached = namesCache.get(slides);
  if (cached) return cached;
  const texts = function* () {
    for (const slide of slides) for (const p of slidePassages(slide)) yield p.text;
  };
  const names = introducedNames(texts());
  namesCache.set(slides, names);
  return names;
}

/** The first slide that plays `beat` (a skeleton still to be written counts) or has a heading that names it. */
export function beatSlide(slides: readonly Slide[], beat: BeatId): Slide | undefined {
  return slides.find((s) => s.beats.includes(beat) || s.blocks.some((b) => b.kind === 'heading' && headingBeat(b.text) === beat));
}
