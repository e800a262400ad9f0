import { BEAT_IDS, type BeatId, type Block } from './types';

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
}

const HEADING_PRIORITY: readonly BeatId[] = ['ask', 'outcome', 'strategy', 'business', 'value', 'pain', 'how', 'what', 'why'];

export const HEADING_PATTERNS: Record<BeatId, RegExp> = {
  why: /\b(why|purpose|we believe|our belief|belief|mission|vision|what we stand for|the reason)\b/i,
  pain: /\b(problem|pain|struggl\w*|challenge|meet [A-Z\p{Lu}]\w*|frustrat\w*|keeps? .* up at night|a day in the life|today'?s reality|the status quo|what'?s broken|broken)\b/iu,
  value: /\b(what changes|for (our )?customers|for users|customer value|benefits?|a better|the difference|what they get|after|imagine)\b/i,
  business: /\b(business( value| case| impact)?|market|opportunity|revenue|why now|demand|the numbers|economics|roi|financials?|cost of (doing nothing|inaction))\b/i,
  strategy: /\b(strateg\w*|strategic fit|where (this|it) fits|alignment|aligns?|pillars?|okrs?|objectives?|north star|priorit(y|ies))\b/i,
  what: /\b(what we'?re building|what we will build|what we'?ll build|introducing|solution|the product|our proposal|proposal|the idea|our idea|the feature|feature|what it is|how it works|demo)\b/i,
  how: /\b(plan|roadmap|timeline|milestones?|phases?|the team|team|how we'?ll (get there|do it|build it)|delivery|rollout|schedule|approach)\b/i,
  outcome: /\b(success|measur\w*|metrics?|kpis?|outcomes?|how we'?ll know|results|targets?|what good looks like)\b/i,
  ask: /\b(the ask|our ask|ask|what we need|request|decision|next steps?|call to action|how you can help|we need you|what i need|your help|approval)\b/i,
};

const c = (re: RegExp, weight = 1): Cue => ({ re, weight });

/** Words that make a customer concrete: a role, a segment or a named person introduced as one. */
const PERSON = String.raw`(customers?|users?|clients?|patients?|clinicians?|nurses?|doctors?|agents?|admins?|administrators?|operators?|drivers?|teachers?|students?|shoppers?|buyers?|sellers?|merchants?|developers?|engineers?|analysts?|managers?|reps?|technicians?|dispatchers?|accountants?|owners?|parents?|members?|subscribers?|tenants?|farmers?|pharmacists?|she|he|they)`;

export const CONTENT_CUES: Record<BeatId, Cue[]> = {
  why: [
    c(/\b(we believe|i believe|our (purpose|mission|belief)|we exist (to|because|so)|the reason we|what we stand for)\b/i, 2),
    c(/\b(everyone|every (person|customer|team)|no one|nobody) (deserves?|should)\b/i, 2),
    c(/\bin a world where\b/i, 2),
    c(/\b(matters because|this matters|why (this|it) matters|why we'?re here)\b/i),
    c(/\b(believe|purpose|mission)\b/i),
  ],
  pain: [
    c(new RegExp(String.raw`\b${PERSON}\b[^.!?\n]{0,80}\b(struggl\w*|spends?|spent|wait(s|ed|ing)?|lose|loses|lost|can'?t|cannot|couldn'?t|has to|have to|had to|gives? up|gave up|re-?enter\w*|copy(ing)?|chas(e|es|ing)|frustrat\w*|miss(es|ed)?|abandon\w*|complain\w*|stuck|juggl\w*|dread\w*)\b`, 'i'), 2),
    c(/\b(every (morning|day|week|night|month|shift|quarter)|each (morning|day|week|shift))\b/i),
    c(/\b(manual(ly)?|spreadsheets?|workarounds?|by hand|sticky notes|error-prone|tedious|painful|frustrat\w*|headaches?|nightmare|broken)\b/i),
    c(/\b(hours?|minutes|days|weeks) (a|per|every|each) (day|week|month|shift|ticket|call|order)\b/i),
    c(/["“][^"”\n]{12,}["”]/, 1),
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
    c(/[$€£¥]\s?\d[\d,.]*\s?(k|m|bn|b|million|billion|thousand)?\b/i),
    c(/\b\d[\d,.]*\s?(million|billion|thousand|k|m|bn)\b/i),
    c(/\b(competitors?|competition|analysts? (say|expect)|waitlist|customers (are )?asking|requested by|demand)\b/i),
    c(/\b(growth|grow|market)\b/i),
  ],
  strategy: [
    c(/\b(strateg(y|ic)|okrs?|north star|company (goal|objective|priority|priorities)|pillar|annual plan|this year'?s (goal|priority|priorities|objective))\b/i, 2),
    c(/\b(aligns? with|ladders? up to|in service of|supports? our|contributes? to our|objective)\b/i),
  ],
  what: [
    c(/\b(we'?re building|we are building|we will build|we'?ll build|we propose|we'?re proposing|introducing|the solution|our solution|we plan to build|we want to build)\b/i, 2),
    c(/\b(a new (feature|product|tool|app|service|dashboard|workflow|integration|api|platform)|the (app|tool|product|platform|feature) (will|lets|does|shows))\b/i, 2),
    c(/\b(feature|prototype|mvp|beta|version|release|dashboard|integration|app|platform)\b/i),
  ],
  how: [
    c(/\b(phase (1|2|3|one|two|three)|milestones?|roadmap|timeline|sprints?|rollout|pilot (with|in|for)|staffed|team of \d+|\d+ engineers?|workstreams?)\b/i, 2),
    c(/\b(q[1-4]|h[12]|week \d+|month \d+|by (january|february|march|april|may|june|july|august|september|october|november|december))\b/i),
  ],
  outcome: [
    c(/\b(we'?ll know (it worked|we succeeded|this worked)|success (is|means|looks like|will be)|measure(d)? (success|by)|we will measure|our target|the target|key results?|kpis?)\b/i, 2),
    c(/\bfrom\s+[$€£]?\d[\d,.]*\s?(%|percent|minutes|hours|days|seconds|k|m)?\s+to\s+[$€£]?\d[\d,.]*\s?(%|percent|minutes|hours|days|seconds|k|m)?/i, 2),
    c(/\b(increase|reduce|cut|raise|lift|grow|improve|decrease|lower|drop)\w*\b[^.\n]{0,60}\b(by|to)\s+[$€£]?\d/i, 2),
    c(/\b(baseline|target|measure|metric|outcome)\b/i),
  ],
  ask: [
    c(/\b(we'?re asking|we are asking|i'?m asking|i am asking|our ask|the ask|we ask (you|for|that)|we request|we need (you|your|a decision|approval|\d+|funding|budget|headcount)|what we need from you)\b/i, 2),
    c(/\b(approve|approval|sign[- ]off|green[- ]light|decide|decision|fund|funding|budget of|headcount|allocate|commit(ment)?)\b/i),
    c(/\b(join us|volunteer|sign up to help|reply by|let us know by|come talk to|help us)\b/i, 2),
    c(/\bby (mon|tues|wednes|thurs|fri|satur|sun)day\b|\bby (the )?end of\b|\bby (january|february|march|april|may|june|july|august|september|october|november|december)\b/i),
  ],
};

export const CONTENT_THRESHOLD = 2;

/** Heading text -> the one beat it names, or undefined. */
export function headingBeat(heading: string): BeatId | undefined {
  return HEADING_PRIORITY.find((beat) => HEADING_PATTERNS[beat].test(heading));
}

/** Beats a non-empty slide plays, in story order, from its blocks. */
export function detectBeats(blocks: readonly Block[]): BeatId[] {
  const scores = new Map<BeatId, number>();
  const add = (beat: BeatId, n: number) => scores.set(beat, (scores.get(beat) ?? 0) + n);

  let body = '';
  for (const block of blocks) {
    if (block.kind === 'heading') {
      const beat = headingBeat(block.text);
      if (beat) add(beat, CONTENT_THRESHOLD);
    } else if (block.kind !== 'code') {
      body += block.text + '\n';
    }
  }
  for (const beat of BEAT_IDS) {
    for (const cue of CONTENT_CUES[beat]) {
      if (cue.re.test(body)) add(beat, cue.weight);
    }
  }
  return BEAT_IDS.filter((beat) => (scores.get(beat) ?? 0) >= CONTENT_THRESHOLD);
}
