import { longEnough, type BeatId, type Block, type Deck, type Slide } from '../deck';
import { BEAT_IDS } from '../deck/types';
import { caseless } from '../deck/fold';
import { kindEvidence, kindFeatures, scoreKinds, type KindModel, type KindText, type StyleCounts } from './kindModel';
import trained from './kindWeights.json';
import { SUMMARY_HEADING } from './what';
import { regExp } from '../deck/fence';

/**
 * Document kinds as data: which beats a kind of narrative is expected to have (their absence is
 * reported, each by its rule) and which of them must come before the solution. docs/kinds.md documents
 * this table; configuration can change a kind or add one (`kinds:`), so no rule branches on a kind.
 */
export interface KindProfile {
  /** Beats whose absence is reported. */
  expects: readonly BeatId[];
  /** The solution must come after at least one of these; empty: no order is required. */
  beforeWhat: readonly BeatId[];
}

export const DEFAULT_KIND = 'pitch';

export const BUILTIN_KINDS: Readonly<Record<string, KindProfile>> = {
  pitch: { expects: ['why', 'pain', 'value', 'business', 'strategy', 'outcome', 'ask'], beforeWhat: ['why', 'pain'] },
  'town-hall': { expects: ['why', 'pain', 'value', 'strategy', 'outcome', 'ask'], beforeWhat: ['why', 'pain'] },
  'exec-ask': { expects: ['pain', 'value', 'business', 'strategy', 'outcome', 'ask'], beforeWhat: ['why', 'pain', 'business'] },
  strategy: { expects: ['why', 'value', 'business', 'strategy', 'outcome'], beforeWhat: ['why', 'pain'] },
  update: { expects: ['outcome'], beforeWhat: [] },
  proposal: { expects: ['why', 'pain', 'ask'], beforeWhat: ['why', 'pain'] },
  talk: { expects: ['why', 'pain', 'value'], beforeWhat: ['why', 'pain'] },
};

/** The kind a narrative is read as, and why. */
export interface KindReading {
  id: string;
  profile: KindProfile;
  /**
   * Where the kind came from: the front matter, the configuration, the title and headings (the shape signs), a guess of
   * the kind reader learned from the labelled corpora (kindModel.ts) when no sign names one, or the default.
   */
  source: 'front-matter' | 'config' | 'inferred' | 'guessed' | 'default';
  /** For an inferred or guessed kind, what decided it ("the headings “Motivation”, “Alternatives”"; "“drawbacks” in a heading, “rfc”"). */
  evidence?: string;
  /** For a guessed kind, the learned reader's confidence (0–1) in its most likely kind. */
  confidence?: number;
  /**
   * For a reader unsure between kinds, the kinds it weighed, most likely first (`id` is the first): the narrative is expected to play
   * the beats these are likely to expect (`profile`, from `expectedProfile`), which no one of them may expect alone.
   */
  likely?: readonly string[];
  /** Set when the front matter or configuration names a kind nobody defined: the narrative is then read as a pitch. */
  unknown?: string;
}

export interface KindConfig {
  kind?: string;
  kinds?: Record<string, KindProfile>;
}

/** The kinds in force: the built-in table with the configuration's changes and additions on top. */
export function kindTable(config: KindConfig = {}): Record<string, KindProfile> {
  return { ...BUILTIN_KINDS, ...config.kinds };
}

/**
 * The words a narrative needs before the learned reader guesses its kind. Under them its words say too little to weigh, so what
 * the reader learned of kinds in general decides alone — and that changes with every retraining: a two-slide draft is read as
 * the default pitch until it says more, or names its kind.
 */
export const GUESS_MIN_WORDS = 50;

/** Is a narrative long enough for the learned reader to guess its kind (GUESS_MIN_WORDS)? */
export const guessable = (deck: Deck): boolean => longEnough(deck, GUESS_MIN_WORDS);

/** Reads a narrative's kind: front matter `kind:`, else the configuration's `kind`, else what its title and headings show, else the learned reader's guess, else a pitch. */
export function readKind(deck: Deck, config: KindConfig = {}): KindReading {
  const table = kindTable(config);
  const declared = (value: unknown, source: 'front-matter' | 'config'): KindReading | undefined => {
    if (typeof value !== 'string' || value.trim() === '') return undefined;
    const id = value.trim();
    if (Object.hasOwn(table, id)) return { id, profile: table[id], source };
    return { id: DEFAULT_KIND, profile: table[DEFAULT_KIND], source: 'default', unknown: id };
  };
  return (
    declared(deck.frontMatter.kind, 'front-matter') ??
    declared(config.kind, 'config') ??
    inferKind(deck, table) ??
    guessKind(deck, table) ?? { id: DEFAULT_KIND, profile: table[DEFAULT_KIND], source: 'default' }
  );
}

/**
 * How an unsure reading is weighed (`expectedProfile`): a beat is expected when the kinds that expect it are at least `threshold` likely,
 * once the default pitch's probability has `pitchPrior` added (docs/judgement.md, session 13, chose both by leave-one-set-out measurement).
 */
export interface UnsureReading {
  threshold: number;
  pitchPrior: number;
}

/** The learned kind reader's weights, generated by `npm run train:kinds` from the labelled corpora, with how an unsure reading is weighed. */
export const KIND_MODEL: KindModel & { unsure: UnsureReading } = trained;

/** A kind named among those an unsure reading weighed ("a strategy or a proposal") when it is at least this likely, the pitch's prior mixed in. */
const LIKELY_KIND = 0.15;

/** The reader's probabilities, most likely first, with the default kind's prior mixed in (`prior` added to the default's, then all renormalised), among the kinds of `table`. */
function withPitchPrior(scores: readonly { kind: string; p: number }[], table: Readonly<Record<string, KindProfile>>, prior: number): { kind: string; p: number }[] {
  const known = scores.filter((s) => Object.hasOwn(table, s.kind));
  if (!known.some((s) => s.kind === DEFAULT_KIND) && Object.hasOwn(table, DEFAULT_KIND)) known.push({ kind: DEFAULT_KIND, p: 0 });
  const total = known.reduce((a, s) => a + s.p, 0) + prior || 1;
  return known.map((s) => ({ kind: s.kind, p: (s.p + (s.kind === DEFAULT_KIND ? prior : 0)) / total })).sort((a, b) => b.p - a.p);
}

/**
 * What an unsure reading expects (docs/kinds.md): each beat in proportion to how likely the kinds that expect it are —
 * P(beat expected) = Σ P(kind) · [kind expects beat], over the reader's probabilities with the pitch's prior mixed in — kept when that is
 * at least the threshold; and likewise the beats the solution may come after (`beforeWhat`: none when the kinds that ask no order, an
 * update, are likely enough). Kinds missing from `table` are left out.
 */
export function expectedProfile(scores: readonly { kind: string; p: number }[], table: Readonly<Record<string, KindProfile>>, unsure: UnsureReading = KIND_MODEL.unsure): KindProfile {
  const mixed = withPitchPrior(scores, table, unsure.pitchPrior);
  const share = (holds: (k: KindProfile) => boolean) => mixed.reduce((a, s) => a + (holds(table[s.kind]) ? s.p : 0), 0);
  const expects = BEAT_IDS.filter((beat) => share((k) => k.expects.includes(beat)) >= unsure.threshold);
  const beforeWhat = BEAT_IDS.filter((beat) => share((k) => k.beforeWhat.includes(beat)) >= unsure.threshold);
  return { expects, beforeWhat };
}

/** Do two profiles expect the same beats and ask the same order? */
export function sameProfile(a: KindProfile, b: KindProfile): boolean {
  const same = (x: readonly BeatId[], y: readonly BeatId[]) => x.length === y.length && x.every((beat) => y.includes(beat));
  return same(a.expects, b.expects) && same(a.beforeWhat, b.beforeWhat);
}

/**
 * When no shape sign names a kind: what the learned reader makes of it, for a narrative long enough to read (`guessable`; a shorter
 * one gets no guess). Its probabilities weigh each beat (`expectedProfile`): where that
 * expects what the most likely kind expects, the narrative is read as that kind (a pitch, the default, gives undefined); where not, as
 * the likely kinds together (`likely`, most likely first), expecting what they are likely to expect.
 */
export function guessKind(deck: Deck, table: Record<string, KindProfile> = BUILTIN_KINDS, model: KindModel & { unsure: UnsureReading } = KIND_MODEL): KindReading | undefined {
  if (!guessable(deck)) return undefined;
  const features = kindFeatures(kindText(deck));
  const scores = scoreKinds(features, model);
  const mixed = withPitchPrior(scores, table, model.unsure.pitchPrior);
  if (mixed.length === 0) return undefined;
  const profile = expectedProfile(scores, table, model.unsure);
  const [top] = mixed;
  const alone = sameProfile(profile, table[top.kind]);
  if (alone && top.kind === DEFAULT_KIND) return undefined;
  const likely = alone ? [] : mixed.filter((s, i) => i === 0 || s.p >= LIKELY_KIND).map((s) => s.kind);
  // The evidence shown is for the most likely kind other than the default: a pitch is what nothing names.
  const shown = alone ? top.kind : (likely.find((k) => k !== DEFAULT_KIND) ?? top.kind);
  const why = kindEvidence(features, model, shown);
  const confidence = Math.round((scores.find((s) => s.kind === top.kind)?.p ?? 0) * 100) / 100;
  return { id: top.kind, profile: alone ? table[top.kind] : profile, source: 'guessed', evidence: why.join(', '), confidence, ...(alone ? {} : { likely }) };
}

/** Headings that only an RFC-style design proposal has, alone or joined to another ("Motivation and scope", "Rationale and alternatives"). */
const PROPOSAL_HEADING = caseless(
  /^(?:\d+[.)]?\s+)?(?:motivation|alternatives(?: considered)?|considered alternatives|rejected (?:alternatives|ideas)|drawbacks|prior art|unresolved questions|open questions|detailed design|design details|rationale|backwards? compatibility|non-goals|goals\s?(?:\/|and|&)\s?non-goals|security considerations|how we teach this|reference implementation|(?:guide|reference)-level explanation|(?:the |design )?proposal|proposed (?:change|changes|design|solution|approach)|alternative (?:option|approach|design|solution)s?\b.*)(?:\s(?:and|&)\s[a-z -]{1,30})?\s*:?$/i,
);
/**
 * The fields of a proposal's header, as lines under its title ("Start Date: 2025-09-24", "RFC PR: #42", "Reviewers · SRE",
 * "Proposer: Ana (@ana)") or as its front matter's keys (`start-date:`): who proposes, who reviews or decides, where it is
 * discussed and tracked. A paper's owner, author or status is any document's.
 */
const RFC_FIELD = caseless(
  /^(?:start date|date started|rfc pr|(?:pr|issue) number|feature name|tracking issue|rfc (?:number|id)|champions?|shepherds?|discussions?(?: to)?|implementation pr|proposers?|reviewers?|deciders|approvers?)$/i,
);
/** A header line's field: "Reviewers" in "Reviewers · SRE, Data", "Start Date" in "- Start Date: 2021-04-02". */
const HEADER_LINE = /^\W{0,3}([\p{L}][\p{L} -]{0,28}?)\s*[:·]/u;
/** Titles that name the document a proposal of that kind: "RFC 42: …", "PEP 8", "ADR-7", "Design doc: …". */
const PROPOSAL_TITLE = caseless(
  /^(?:rfc|pep|adr|kep|rfd|proposal)\b|\b(?:change|technical|engineering|architecture|api|feature|governance|graduation|incubation|research|project) proposal\b|\barchitecture decision record\b|\b(?:rfc|pep|adr|kep|rfd)[\s#:-]{0,2}\d+\b|\bdesign (?:doc|document|proposal)\b|\brequest for comments?\b|^consultation\b|\b(?:public|formal|statutory) consultation\b|\bconsultation (?:on|paper|document|draft)\b/i,
);
/**
 * Periodic reports: "Q3 update", "October status report", "OKR review", "H1 results", "Pricing update for 2022", "Platform team update: March 2024",
 * a title that opens on its quarter ("2025 Q1 Depot checks"; "Q3 2026 roadmap" is a plan) and one that reports progress ("Progress towards the 2025 plan").
 */
const UPDATE_TITLE = caseless(
  /^(?:(?:19|20)\d\d\s?q[1-4]|q[1-4]\s?(?:19|20)\d\d)\b(?![^\n]*\b(?:roadmap|plan|planning|strategy|priorities|goals|vision|budget)\b)|^progress (?:towards?|on|against)\b|\b(?:q[1-4]|h[12]|fy\s?\d{2,4}|quarterly|monthly|weekly|annual|mid-year|year-end|sprint \d+|\d{4}|january|february|march|april|may|june|july|august|september|october|november|december)\b[^\n]{0,40}\b(?:update|status|report|review|recap|results|okrs?|progress|retro(?:spective)?)\b|\b(?:update|report|review|recap|results)\s(?:for|on|from)\s(?:the\s)?(?:q[1-4]|h[12]|fy\s?\d{2,4}|(?:19|20)\d\d|(?:january|february|march|april|may|june|july|august|september|october|november|december)|(?:past|last|first|second|third|fourth) (?:week|month|quarter|half|year))\b|\b(?:update|report|recap|review)\s?[:—–-]\s?(?:q[1-4]\b|h[12]\b|(?:january|february|march|april|may|june|july|august|september|october|november|december)\s(?:19|20)\d\d\b|(?:19|20)\d\d\s?$)|\b(?:status (?:update|report)|progress (?:update|report)|project update|okr (?:update|review|check-?in)|quarterly (?:business )?review|qbr)\b|\b(?:update|report|recap|newsletter)\s(?:#|no\.\s?)\d{1,3}\b|\b(?:board|investor|shareholder|stakeholder|programme|program|portfolio) (?:update|report)\b|\b(?:shareholder|annual|quarterly) letter\b|\bletter to (?:our )?(?:shareholders|investors)\b/i,
);
/** A heading that is a date or a month: a log of meetings or weeks ("2022-08-01", "January recap:", "Week of 3 March"). */
const DATED_HEADING = caseless(
  /^(?:\d{4}-\d{2}-\d{2}|(?:week of |w\/c )?(?:\d{1,2}(?:st|nd|rd|th)? )?(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b(?:[ ,]+\d{1,4})*(?:\s(?:recap|update|summary|notes|meeting))?)\s*:?$/i,
);
const UPDATE_HEADING = caseless(
  /^(?:what we (?:shipped|delivered|did|achieved)|what (?:slipped|didn'?t (?:happen|ship)|went (?:well|wrong))|(?:key )?results|highlights|lowlights|progress(?: against (?:targets|goals|okrs))?|okrs?(?: progress| scorecard)?|scorecard|next (?:quarter|month|sprint)|risks and (?:issues|blockers)|help needed|blockers)\s*:?$/i,
);
/** A heading about a period just past ("Highlights from the past week", "Last month") or the one to come ("Focus for week ahead", "Next quarter"). */
const PERIOD = '(?:week|fortnight|month|quarter|sprint|cycle|iteration|term|half|year)';
const PAST_PERIOD_HEADING = caseless(
  regExp(`\\b(?:(?:the )?(?:past|last|previous) ${PERIOD}|this (?:past )?${PERIOD}(?:'s|’s)? (?:highlights|progress|results|work)|since (?:the )?last (?:update|report|${PERIOD}))\\b`, 'i'),
);
const NEXT_PERIOD_HEADING = caseless(regExp(`\\b(?:(?:the )?${PERIOD} ahead|(?:the )?(?:next|coming|upcoming) ${PERIOD})\\b`, 'i'));
/** Slides only a talk has: the speaker's introduction and the closing thanks, end or questions. */
const TALK_HEADING = caseless(/^(?:about me|who am i\??|whoami|about the speaker|thank you!?|thanks!?|the end|questions\s?\??|any questions\??|q\s?&\s?a)\s*[.!:]?$/i);
/**
 * A speaker introducing themselves in a deck's first slides: "$ whoami", "Hello!", "My name is Ju", "Web Developer @ FanSided",
 * "Senior Software Engineer", "Core team member of Parcel".
 */
const SPEAKER =
  /\bcore team member of\b|^\W{0,3}(?:whoami|who am i|about me|hello|hi|hey)\b[^\n]{0,20}$|^(?:my name is|i'm|i am)\s\p{Lu}|\b(?:engineer|developer|scientist|designer|advocate|researcher|architect|consultant|founder|maintainer|professor|lecturer)\s(?:@|at)\s\p{Lu}|\b(?:senior|staff|lead|principal)\s(?:[\p{L}-]{2,20}\s)?(?:engineer|developer|scientist|designer|advocate|researcher|architect)\b/imu;
/** A deck's last words: "Thank you!", "The End.", "Questions?", "Q&A", "Thank you for your attention! The slides: …", "Takk! Questions?", "谢谢！", "Merci !". */
const CLOSING = caseless(
  /^\W{0,3}(?:(?:谢谢|merci|danke|gracias|grazie|obrigad[oa])\s?[!！.。,，][^\n]{0,60}|(?:thank you|thanks|the end|fin|questions|any questions|q\s?&\s?a)\b[^\n]{0,12}|thank you (?:all |everyone )?for (?:your attention|listening|coming|watching|having me)\b[^\n]*|[^\n]{0,20}\bquestions\s?\?\s*)$/im,
);
/** A speaker's first words to a room: "Good morning.", "Thank you for having me". A letter's "Hi everyone," is not spoken. */
const SPOKEN_OPENING = caseless(/^\W{0,3}(?:good (?:morning|afternoon|evening)\b|(?:thank you|thanks)(?: all| everyone)? for having me\b)/i);
/** A slide tool's setting for one slide, a line of its own in the deck's body (Slidev's, remark's): `layout: intro`, `template: cover`, `background-image: url(…)`. */
const SLIDE_SETTING = /^(?:layout|template|class|transition|background(?:-image|-size)?):\s/;
/** A talk's slides are laid out one by one; a pitch deck's follow one theme. */
const LAID_OUT = 3;
/** A pitch deck holds ten to fifteen slides; a deck of this many is a talk's or a lecture's. */
const LONG_DECK = 20;
/** A work cited as research is: "(Baker 2015)", "(Pasquier et al. 2017)". */
const CITATION = /\(\p{Lu}[\p{L}'’-]+(?: (?:et al\.?|and \p{Lu}[\p{L}'’-]+))?,? (?:19|20)\d\d[a-z]?\)/u;
/** An agenda slide: "Agenda", "Outline", "Today's plan". */
const AGENDA = caseless(/^(?:agenda|outline|today'?s (?:plan|agenda)|what we'?ll (?:cover|see)|table of contents|contents|overview)\b/i);
const STRATEGY_TITLE = caseless(
  /\bstrateg(?:y|ies|ic (?:plan|goals|objectives|priorities|pillars))\b|\bdirection\b|\broad ?map\b|\b(?:team|our|product|engineering|company|project) priorities\s*$|\b(?:product|technical|company) vision\b|\bvision (?:20\d\d|for)\b|\b(?:20\d\d|fy\s?\d{2,4}|three-year|five-year|multi-year|long-term|longer-term) (?:plan|priorities|direction|roadmap|vision)\b/i,
);
const TOWN_HALL_TITLE = caseless(/\btown[- ]?hall\b|\ball[- ]hands\b|\ball[- ](?:staff|company)\b|\bstaff (?:meeting|briefing)\b|\bconvocation\b|\bteam (?:meeting|update) (?:talk|script)\b/i);
const EXEC_ASK_TITLE = caseless(
  /^(?:memo(?:randum)?|subject|request)\b|\brequest:|\b(?:budget|funding|headcount|investment|capital|resourcing) (?:request|ask|case|proposal)\b|\bbusiness case\b|\bdecision (?:memo|request|needed|paper)\b|\b(?:exec(?:utive)?|board|leadership) (?:ask|request|brief(?:ing)?|memo)\b|\brequest for (?:funding|approval|budget|headcount)\b|\b(?:board|options|briefing) paper\b|\bbriefing note\b|\b(?:paper|report|submission) (?:for|to) (?:the )?(?:[\p{L}'’-]{1,30}\s){0,3}?(?:board|cabinet|executive|leadership|committee)\b/iu,
);
/** "Lecture" names the document only as one: "Guest lecture", "Lecture 3: …", not "Lecture capture replacement"; a speaker's or presenter's notes or script are a talk's. */
const TALK_TITLE = caseless(
  /\bkeynote\b|\btalk\b|\b(?:speaker|presenter)(?:'s|’s|s'|s’)? (?:notes|script)\b|\bwebinar\b|\bspeech(?:es)?\b|\b(?:opening|closing|welcome|keynote|commencement) (?:address|remarks)\b|\b(?:session|workshop) (?:proposal|abstract)\b|\b(?:guest|public|inaugural|memorial|invited|plenary|annual) lecture\b|^lecture(?:\s\d{1,3})?\s?[:—–-]|\bcfp\b/i,
);

/** The occasion under a talk's title: "Keynote, DairyTech 2026", "TestConf Berlin, track B, 25 min", "Hands-on workshop, Leeds", "PhD defence". */
const TALK_OCCASION = caseless(
  /\bkeynote\b|\b(?:crash course|tutorial|seminar|guest lecture|(?:live|hands-on|interactive) workshop|workshop (?:run sheet|slides|deck)|(?:phd|doctoral|thesis|dissertation) defen[cs]e)\b|\b(?:conference|meetup|lightning) talk\b|(?:conf|con|summit|meetup|fest|camp)\b[^\n]{0,60}?\b(?:track|stage|session|slot|\d{1,3}\s?min(?:ute)?s?)\b/i,
);
/**
 * A conference named as such ("ParcelConf", "@queueconfeu", "DepotCon Lisbon", "KioskCon Porto"): a word that ends in "Conf"
 * or a capitalised "Con" after a lower-case letter or an acronym ("Falcon" and "Silicon" are words, not conferences).
 */
const CONFERENCE = /(?:\p{Ll}|\p{Lu}{2})(?:Conf|conf|CONF|Con)(?:eu|EU|US|[- ]?(?:19|20)\d\d)?\b/u;
/** The lines a deck opens with, where a talk's cover names its speaker, its date and its conference. */
const COVER_LINES = 30;

/** A paper written for the people who decide: "Prepared for: Superintendent's Cabinet", "for the leadership review". */
const EXEC_AUDIENCE = caseless(
  /\b(?:for|to)\s?:?\s(?:the\s)?(?:[\p{L}'’&-]{1,30}\s){0,3}?(?:board|cabinet|executive (?:board|team|committee)|leadership (?:team|review|meeting|group)|steering (?:committee|group)|investment committee|management (?:team|board)|senior leadership|slt|elt)\b/iu,
);
/** A letter to everyone: "To: Everyone at Ashby", "To: all staff". */
const ALL_STAFF = caseless(/\bto:?\s(?:everyone|all (?:staff|colleagues|employees|hands|teams)|the whole (?:team|company|firm|organi[sz]ation))\b/i);

/** The section that asks the readers to decide: "Decision requested", "Decisions for the Board", "9. Recommendation". */
const DECISION_HEADING = caseless(/^(?:\d{1,2}[.)]?\s+)?(?:decisions?|recommendations?)(?:\s(?:requested|required|needed|sought|for (?:the )?[\p{L}'’&-]{1,30}(?:\s[\p{L}'’&-]{1,30}){0,3}))?\s*:?$/iu);

/** A work plan's sections: "Deliverables", "Milestones", "Milestone 2: Building with IPFS", "Milestone #1 - v1 browser", "Work plan". */
const WORK_PLAN_HEADING = caseless(/^(?:\d{1,2}[.)]?\s+)?(?:(?:project|key|expected|planned|proposed) )?(?:deliverables|work ?plan\b|milestones?\b(?:\s?#?\d{1,2}\b)?)/i);
/**
 * The sections a funder's form asks for: "Project summary", "Project description", "Technical approach", "Intellectual merit",
 * "Broader impacts" (also "Expected outcomes and broader impacts"), "Results from prior support", "Data management plan", "Management plan",
 * "Work plan", and an ecosystem grant's "Ecosystem fit", "Development status", "Development roadmap" and "Maintenance and upgrade plans".
 */
const FUNDER_SECTION = caseless(
  /^(?:\d{1,2}(?:\.\d{1,2})?[.)]?\s+)?(?:project (?:summary|description|narrative)|technical approach|intellectual merit|(?:[\p{L} ]{1,40}\sand\s)?broader impacts?|results (?:from|of) prior\b|data management(?: plan)?\b|(?:project )?management plan\b|work ?plan\b|budget justification|ecosystem fit\b|development (?:status|roadmap)\b|maintenance and upgrade plans?\b)/iu,
);
/** A budget's section: "Budget", "9. Budget", "Total budget requested", "Grant requested (DAI)". */
const BUDGET_SECTION = caseless(/^(?:\d{1,2}[.)]?\s+)?(?:(?:total |project |proposed )?budget\b|(?:grant|funding|amount) requested\b)/i);
/** A design document's scope: "Non-goals", "Goals / non-goals", "Non-Goals of the improvements". */
const NON_GOALS = caseless(/^(?:\d{1,2}(?:\.\d{1,2})?[.)]?\s+)?(?:goals\s?(?:\/|and|&)\s?)?non-goals\b/i);
/** A direction page's statements: "Mission", "Our vision", "Engineering values", "Values and priorities", "Guiding principles". */
const STATEMENT =
  /^(?:(?:our|the|core|engineering|community|company|product|guiding|team|project)\s)?(mission|vision|values|principles|priorities)\b(?:\s(?:and|&)\s(mission|vision|values|principles|priorities)\b)?/i;

/** The headings that make a page's statements when they make two or more ("Mission" and "Vision"; "Values and priorities"), else none. */
function statementHeadings(headings: readonly string[]): string[] {
  const seen = new Set<string>();
  const found: string[] = [];
  for (const h of headings) {
    const m = STATEMENT.exec(h);
    const fresh = m ? [m[1], m[2]].filter((w): w is string => w !== undefined && !seen.has(w.toLowerCase())) : [];
    for (const w of fresh) seen.add(w.toLowerCase());
    if (fresh.length > 0) found.push(h);
  }
  return seen.size >= 2 ? found : [];
}

/**
 * What a proposal weighs its change by, whatever its template calls it: the alternatives ("Which alternatives did we weigh?",
 * "Prior art"), the drawbacks ("Why not do this?", "Trade-offs"), what it breaks or moves ("Does it bring breaking changes?",
 * "Backwards compatibility", "Migration") and what it leaves open ("Unresolved questions", "Future improvements").
 */
const WEIGHING: readonly RegExp[] = [
  /\balternatives?\b|\bprior art\b|\bother (?:options|approaches|solutions)\b/i,
  /\bdrawbacks?\b|\bdownsides?\b|\bwhy (?:should )?(?:we )?not\b|\btrade-?offs?\b/i,
  /\bbreaking changes?\b|\bcompatib|\bdeprecat|\bmigrat/i,
  /\b(?:open|unresolved) questions\b|\bfuture (?:work|possibilities|improvements)\b/i,
];
/** A document that names itself as a proposal does ("this RFC", "this design document") or as a talk ("In this talk", "the end of this presentation"); "slides of my talk" is a post's. */
const SELF_NAMED: ReadonlyArray<readonly [string, RegExp]> = [
  ['proposal', /\bthis (?:rfc|design doc(?:ument)?|enhancement proposal|kep|pep|adr|rfd)\b/i],
  ['talk', /\b(?:in|during|throughout) (?:this|my) (?:talk|presentation)\b|\b(?:of|for|with) this (?:talk|presentation)\b/i],
];
/**
 * A section that names whose or what strategy it sets out: "Volunteer strategy", "Funding strategy", "Depot data strategy".
 * How a change is carried out ("Adoption strategy", "Rollout strategy", "Go-to-market strategy") is a plan's, and a pitch's
 * "Fit with our strategy" points at one set elsewhere.
 */
const NAMED_STRATEGY = caseless(
  /^(?!(?:adoption|implementation|rollout|migration|release|deployment|testing|go-to-market|exit|pricing|marketing|sales|mitigation|launch|upgrade)\b)(?![^\n]*\b(?:our|the|with|and|fits?)\b)[\p{L}-]+(?: [\p{L}-]+){0,2} strategy\s*:?$/iu,
);
/** A title that tells of an ending, news that has happened: "Saying farewell to our depot leads", "Shutting down Kioskly". */
const ENDING_TITLE = caseless(/\bfarewell\b|\bsaying goodbye\b|\bshutting down\b/i);
/** A direction says what it will not do or be: "What we are not", "What's not in scope?", "What we will stop". */
const NOT_DOING = caseless(/^what(?:'s|’s| is| we(?:'re|’re| are)) not\b|^what we(?:'ll|’ll| will) (?:stop|not)\b/i);

/**
 * A talk's header names who gives it, where, or from which institute: "Speaker: Dr. Helen Achterberg", "Presenters · Ana, Kofi",
 * "Event: DepotCamp Leeds", front matter `speaker:`, `venue:` or a slide tool's `institute:`.
 */
const SPEAKER_FIELD = caseless(/^(?:speakers?|presenters?|presented by|institute|affiliation|event|conference|venue)$/i);

/** Where a header names a field: a line under the title ("Reviewers · SRE") or in the first speaker note, or a front matter key (`start-date`). Says which, or undefined. */
function headerField(deck: Deck, field: RegExp): string | undefined {
  // The source lines: a paragraph's text runs its lines together ("Author: Mei Reviewers: SRE").
  const first = deck.slides[0];
  // The first speaker note can hold the header too (`<!-- Speaker: Arthur Gousset -->`).
  const note = first?.notes[0]?.split('\n').slice(0, 10) ?? [];
  const lines = first ? [...deck.lines.slice(first.line - 1, Math.min(first.endLine, first.line + 40)), ...note] : [];
  for (const line of lines) {
    const name = HEADER_LINE.exec(line)?.[1];
    if (name && field.test(name)) return `the header line “${line.trim().slice(0, 60)}”`;
  }
  // A key one level down counts too: a slide tool's `defaults: { speaker: … }`.
  const keys = Object.entries(deck.frontMatter).flatMap(([k, v]) => [k, ...(v !== null && typeof v === 'object' && !Array.isArray(v) ? Object.keys(v).map((n) => `${k}.${n}`) : [])]);
  const key = keys.find((k) => field.test((k.split('.').pop() ?? k).replace(/[-_]/g, ' ')));
  return key === undefined ? undefined : `the front matter's \`${key}\``;
}

/**
 * What a deck says under its title: the first slide's first line of text and a subtitle set as a second heading
 * ("## Opening keynote — Informatics Forum"), or front matter `subtitle`, `info` or `description`.
 */
function subtitle(deck: Deck): string {
  const fields = ['subtitle', 'info', 'description'].map((key) => deck.frontMatter[key]).filter((v): v is string => typeof v === 'string');
  const blocks = deck.slides[0]?.blocks ?? [];
  const heading = blocks.filter((b) => b.kind === 'heading')[1]?.text ?? '';
  const first = blocks.find((b) => b.kind === 'paragraph')?.text.split('\n')[0] ?? '';
  return [...fields, heading, first]
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join(' · ')
    .slice(0, 200);
}

/** A deck's opening lines: its first slide's first lines of source, after any front matter. */
function coverLines(deck: Deck): string[] {
  const first = deck.slides[0];
  return first ? deck.lines.slice(first.line - 1, Math.min(first.endLine, first.line - 1 + COVER_LINES)) : [];
}

/** The first line of the first slide's first speaker note, where a talk's occasion is often written (`<!-- Lightning talk, PyData meetup, 5 minutes -->`). */
function firstNote(deck: Deck): string {
  return deck.slides[0]?.notes[0]?.split('\n')[0]?.slice(0, 200) ?? '';
}

/** The front matter's `tags` or `categories` (a blog's, a wiki's), as words: `[product-direction, stores]` → "product direction", "stores". */
function tags(deck: Deck): string[] {
  return ['tags', 'categories', 'category']
    .map((key) => deck.frontMatter[key])
    .flatMap((v) => (Array.isArray(v) ? v : typeof v === 'string' ? v.split(',') : []))
    .filter((v): v is string => typeof v === 'string')
    .slice(0, 20)
    .map((tag) => tag.replace(/[-_]/g, ' ').trim().slice(0, 60));
}

/**
 * A title that ends by naming itself a proposal ("Season of Docs 2024 proposal"), read after the other kinds' titles: a memo's
 * "Subject: … — proposal" is an exec-ask, and a talk's, a budget's, a grant's or a partnership's proposal is not an RFC (a partner's is a pitch).
 */
const PROPOSAL_LAST = caseless(/(?<!\b(?:session|workshop|talk|budget|funding|headcount|investment|capital|resourcing|grant|partnership|sponsorship|business|sales) )\bproposal\s*$/i);

/** The kind a title names, or a tag does ("roadmap", "talk", "RFC"): the title tests, in the order the title is read. */
const TITLE_KINDS: ReadonlyArray<readonly [string, RegExp]> = [
  ['proposal', PROPOSAL_TITLE],
  ['update', UPDATE_TITLE],
  ['town-hall', TOWN_HALL_TITLE],
  ['exec-ask', EXEC_ASK_TITLE],
  ['talk', TALK_TITLE],
  ['strategy', STRATEGY_TITLE],
  ['proposal', PROPOSAL_LAST],
];

/** A heading's decoration before its words: emoji (":memo: Summary", "🤯 Explanation") and the marks around them. */
const DECORATION = /^(?:\s*(?::[a-z0-9_+-]{1,40}:|[\p{Extended_Pictographic}\u{FE0F}\u{200D}]+))+\s*/u;

/** A TOML front matter's title (a static site's `+++` block): `title = "Weekly Update"`. */
const TOML_TITLE = /^title\s*=\s*(["'])(.{1,200}?)\1\s*(?:#.*)?$/;

/**
 * The title a reader sees: a TOML front matter's `title = "…"` (`+++` blocks, which the deck does not read as front matter),
 * or the first top-level heading when only a notice comes before it ("> [!IMPORTANT] Applications are open…"), else the deck's.
 */
function documentTitle(deck: Deck): string {
  if (typeof deck.frontMatter.title === 'string' && deck.frontMatter.title.trim() !== '') return deck.title;
  // The deck sets a TOML block apart (and says it reads none of it); its title still names the page.
  const toml = deck.frontMatterRange && deck.problems.some((p) => p.code === 'front-matter-toml');
  for (const line of toml && deck.frontMatterRange ? deck.lines.slice(1, Math.min(deck.frontMatterRange.endLine - 1, 40)) : []) {
    const m = TOML_TITLE.exec(line.trim());
    if (m) return m[2];
  }
  const first = deck.slides[0];
  const notice = first && !first.blocks.some((b) => b.kind === 'heading') && first.blocks.every((b) => b.kind === 'blockquote' || b.text.trim() === '');
  const heading = notice ? deck.slides[1]?.blocks.find((b) => b.kind === 'heading' && b.level === 1) : undefined;
  return heading?.text.trim() ?? deck.title;
}

/** A source line set in bold alone: "**Project description**", "__Budget__  ". */
const BOLD_LINE = /^\s{0,3}(\*\*|__)([^*_\n]{1,80})\1\s*$/;

/**
 * A block's headings: a heading's text, and in a paragraph each line set in bold alone ("**Broader impacts**" over its
 * text) — a heading as its writer meant it. A bold run-in label ("**What changes.** GPs get…") is not one.
 */
function headingsOf(deck: Deck, b: Block): string[] {
  if (b.kind === 'heading') return [b.text];
  if (b.kind !== 'paragraph') return [];
  return deck.lines.slice(b.line - 1, b.endLine).flatMap((line) => {
    const m = BOLD_LINE.exec(line);
    return m ? [m[2]] : [];
  });
}

/** The kind a narrative's title and headings plainly show, or undefined when they show none. */
export function inferKind(deck: Deck, table: Record<string, KindProfile> = BUILTIN_KINDS): KindReading | undefined {
  const title = documentTitle(deck);
  const headings = deck.slides.flatMap((s) => s.blocks.flatMap((b) => headingsOf(deck, b)).map((h) => h.trim().replace(DECORATION, '')));
  const read = (id: string, evidence: string): KindReading | undefined => (Object.hasOwn(table, id) ? { id, profile: table[id], source: 'inferred', evidence } : undefined);
  const quoted = (list: string[]) =>
    list
      .slice(0, 3)
      .map((h) => `“${h}”`)
      .join(', ');

  const rfcHeadings = headings.filter((h) => PROPOSAL_HEADING.test(h));
  // The heading an RFC template opens with: with one heading of a proposal's own, it makes one.
  const summary = headings.find((h) => SUMMARY_HEADING.test(h));
  if (PROPOSAL_TITLE.test(title)) return read('proposal', `the title “${title}”`);
  if (rfcHeadings.length >= 2) return read('proposal', `the headings ${quoted(rfcHeadings)}`);
  if (summary && rfcHeadings.length === 1) return read('proposal', `the headings ${quoted([summary, ...rfcHeadings])}`);
  const header = headerField(deck, RFC_FIELD);
  if (header) return read('proposal', header);
  // A paper that asks its readers to decide is written for deciders: titled as a review ("FY27 Q4 review and FY28 plan") and
  // ending with "Decisions for the Board", it is an exec-ask.
  const decision = headings.find((h) => DECISION_HEADING.test(h));
  const decided = decision ? read('exec-ask', `the heading “${decision}”`) : undefined;
  if (UPDATE_TITLE.test(title)) return decided ?? read('update', `the title “${title}”`);
  const updateHeadings = headings.filter((h) => UPDATE_HEADING.test(h));
  if (updateHeadings.length >= 2) return read('update', `the headings ${quoted(updateHeadings)}`);
  // A report on a period: one heading looks back at the period just past, another ahead to the next.
  const past = headings.find((h) => PAST_PERIOD_HEADING.test(h));
  const next = headings.find((h) => NEXT_PERIOD_HEADING.test(h));
  if (past && next) return read('update', `the headings ${quoted([past, next])}`);
  // A log: most headings are dates or months, each saying what happened then.
  const dated = headings.filter((h) => DATED_HEADING.test(h));
  if (dated.length >= 3 && dated.length * 2 >= headings.length) return read('update', `the dated headings ${quoted(dated)}`);
  for (const [id, re] of TITLE_KINDS.slice(2)) if (re.test(title)) return read(id, `the title “${title}”`);
  // A post's tags name what it is as its title does ("tags: [roadmap, product]", "categories: [speeches]").
  for (const tag of tags(deck)) for (const [id, re] of TITLE_KINDS) if (re.test(tag)) return read(id, `the tag “${tag}”`);
  // A deck whose speaker introduces themselves is a talk, whatever its slides recommend to the room.
  const talk = talkSigns(deck);
  if (decided) return talk.length >= 2 && talk[0] === SPEAKER_SIGN ? read('talk', talk.join(' and ')) : decided;
  // The title says most; the occasion is often named under it: "Store town hall · January 2027", `info: Q2 all-hands`,
  // "Prepared for: the Cabinet". A meeting mentioned in passing ("read it before Thursday's all-hands") comes second to the title.
  // The first speaker note can name it too, when the line under the title does not.
  for (const [occasion, where] of [
    [subtitle(deck), 'under the title'],
    [firstNote(deck), 'in the first speaker note'],
  ] as const) {
    if (TOWN_HALL_TITLE.test(occasion) || ALL_STAFF.test(occasion)) return read('town-hall', `“${occasion}” ${where}`);
    if (TALK_OCCASION.test(occasion)) return read('talk', `“${occasion}” ${where}`);
    if (EXEC_AUDIENCE.test(occasion)) return read('exec-ask', `“${occasion}” ${where}`);
  }
  const speaker = headerField(deck, SPEAKER_FIELD);
  if (speaker) return read('talk', speaker);
  // A talk's cover names the conference it is given at; a pitch's names the company.
  const cover = coverLines(deck).find((line) => CONFERENCE.test(line));
  if (cover) return read('talk', `the conference on its cover “${cover.trim().slice(0, 60)}”`);
  // What the sections do: a work plan of deliverables or milestones is proposed work; a mission with a vision, or values with
  // priorities, is a direction.
  const plan = headings.filter((h) => WORK_PLAN_HEADING.test(h));
  if (plan.some((h) => !/milestone/i.test(h)) || plan.length >= 2) return read('proposal', `the work plan's headings ${quoted(plan)}`);
  // A funder's form: two of its sections, or one with a budget (a charity's appeal asks for money but has none of them).
  const funder = headings.filter((h) => FUNDER_SECTION.test(h));
  const budget = headings.find((h) => BUDGET_SECTION.test(h));
  if (funder.length >= 2 || (funder.length === 1 && budget)) return read('proposal', `the funder's sections ${quoted(funder.length >= 2 ? funder : [funder[0], budget ?? ''])}`);
  // A design document says what it will not do.
  const scope = headings.find((h) => NON_GOALS.test(h));
  if (scope) return read('proposal', `the heading “${scope}”`);
  const statements = statementHeadings(headings);
  if (statements.length > 0) return read('strategy', `the headings ${quoted(statements)}`);
  const talkHeadings = headings.filter((h) => TALK_HEADING.test(h));
  if (talkHeadings.length >= 2) return read('talk', `the headings ${quoted(talkHeadings)}`);
  if (talk.length >= 2) return read('talk', talk.join(' and '));
  // A change weighed, whatever the headings call it: two of its alternatives, drawbacks, compatibility and open questions.
  const weighed = WEIGHING.map((re) => headings.find((h) => re.test(h))).filter((h): h is string => h !== undefined);
  if (weighed.length >= 2) return read('proposal', `the headings ${quoted(weighed)} that weigh a change`);
  // How a document names itself in its own words; a quotation is someone else's.
  const prose = deck.slides.flatMap((s) => [...s.blocks.filter((b) => b.kind === 'paragraph' || b.kind === 'list_item').map((b) => b.text), ...s.notes]);
  for (const [id, re] of SELF_NAMED) {
    const said = prose.map((t) => re.exec(t)?.[0]).find((m) => m !== undefined);
    if (said) return read(id, `its words “${said}”`);
  }
  const notDoing = headings.find((h) => NOT_DOING.test(h));
  const named = headings.find((h) => NAMED_STRATEGY.test(h));
  if (notDoing || named) return read('strategy', `the heading “${notDoing ?? named}”`);
  if (ENDING_TITLE.test(title)) return read('update', `the title “${title}”, which tells of an ending`);
  // A script that opens by greeting the room is spoken: with nothing else to name it, a talk.
  const opening = deck.slides
    .slice(0, 2)
    .flatMap((s) => s.blocks)
    .find((b) => b.kind === 'paragraph')
    ?.text.slice(0, 200);
  if (opening && SPOKEN_OPENING.test(opening)) return read('talk', `the greeting “${opening.length > 40 ? `${opening.slice(0, 40)}…` : opening}” that opens it`);
  return undefined;
}

const SPEAKER_SIGN = 'the speaker introduced in the first slides';

/**
 * What shows a deck is a talk whatever its words: the speaker introducing themselves in the first slides,
 * an agenda, thanks or questions at the end, code on several slides of a deck (a pitch or a paper for
 * deciders seldom shows code), more slides than a pitch deck holds, research cited on several slides.
 */
function talkSigns(deck: Deck): string[] {
  // A slide of headings alone ("The End.", "$ whoami") is a slide of a talk too.
  const slides = deck.slides.filter((s) => s.blocks.some((b) => b.text.trim() !== ''));
  if (slides.length < 6) return [];
  const text = (s: Slide) => s.blocks.map((b) => b.text).join('\n');
  const opening = slides.slice(0, 4);
  const last = slides.slice(-2);
  const coded = slides.filter((s) => s.blocks.some((b) => b.kind === 'code')).length;
  // A blog's `layout: post` is its front matter's; a slide's own settings stand in the body.
  const laidOut = deck.lines.slice(deck.frontMatterRange?.endLine ?? 0).filter((line) => SLIDE_SETTING.test(line)).length;
  return [
    ...(opening.some((s) => SPEAKER.test(text(s))) ? [SPEAKER_SIGN] : []),
    ...(opening.some((s) => AGENDA.test(s.title)) ? ['an agenda'] : []),
    ...(last.some((s) => CLOSING.test(text(s))) ? ['thanks or questions at the end'] : []),
    // Posts and RFCs show code too: code is a sign of a talk only in a deck of slides.
    ...(coded >= 2 && !deck.prose ? [`code on ${coded} slides`] : []),
    ...(slides.length >= LONG_DECK && !deck.prose ? [`${slides.length} slides`] : []),
    ...(laidOut >= LAID_OUT ? [`${laidOut} slides given their own layout`] : []),
    ...(slides.filter((s) => CITATION.test(text(s))).length >= 2 ? ['research cited on several slides'] : []),
  ];
}

/** One line for people: "proposal (from the front matter)", "update (read from the title “Q3 update”)". */
export function describeKind(kind: KindReading): string {
  if (kind.unknown) return `${kind.id} (the kind “${kind.unknown}” is not defined)`;
  switch (kind.source) {
    case 'front-matter':
      return `${kind.id} (front matter)`;
    case 'config':
      return `${kind.id} (configuration)`;
    case 'inferred':
      return `${kind.id} (read from ${kind.evidence}; set \`kind:\` to change)`;
    case 'guessed':
      if (kind.likely) return `${orList(kind.likely)} (unsure, guessed from ${kind.evidence || 'its words'}: expects the beats these are likely to expect; set \`kind:\` to change)`;
      return `${kind.id} (guessed from ${kind.evidence || 'its words'}; set \`kind:\` to change)`;
    default:
      return `${kind.id} (default)`;
  }
}

/** A kind's name after "a" or "an", as a sentence says it: "a talk", "an update", "an exec-ask". */
export function aKind(id: string): string {
  return `${/^[aeiou]/i.test(id) ? 'an' : 'a'} ${id}`;
}

/** What a narrative is read as, as a sentence says it: "a talk", or for a reader unsure between kinds "a pitch, an update or a proposal". */
export function kindPhrase(kind: KindReading): string {
  return orList((kind.likely ?? [kind.id]).map(aKind));
}

/** "a, b or c". */
function orList(items: readonly string[]): string {
  return items.length > 1 ? `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}` : (items[0] ?? '');
}

/**
 * The kind a guess's missing beat comes from, for the *Set kind* choices (`Finding.guessedKind`): the reading's kind, or for a reader
 * unsure between kinds the most likely of them that expects the beat (naming it keeps the beat expected).
 */
export function guessedFor(kind: KindReading, beat: BeatId, table: Readonly<Record<string, KindProfile>>): string {
  return kind.likely?.find((id) => table[id]?.expects.includes(beat)) ?? kind.id;
}

/** What the learned kind reader reads of a deck (kindModel.ts): its title, headings, text, front matter keys and shape. */
export function kindText(deck: Deck): KindText {
  const headings = deck.slides.flatMap((s) => s.blocks.flatMap((b) => headingsOf(deck, b)).map((h) => h.trim().replace(DECORATION, '')));
  const body = deck.slides.flatMap((s) => [
    ...s.blocks.filter((b) => b.kind === 'paragraph' || b.kind === 'list_item' || b.kind === 'blockquote' || b.kind === 'table').map((b) => b.text),
    ...s.notes,
  ]);
  return {
    title: documentTitle(deck),
    headings,
    body,
    frontMatterKeys: Object.keys(deck.frontMatter),
    slides: deck.slides.filter((s) => s.blocks.some((b) => b.text.trim() !== '')).length,
    prose: deck.prose === true,
    counts: styleCounts(deck),
  };
}

/** What a deck is made of beside its words, for the reader's style features (kindModel.ts): blocks of each kind, images, links, speaker notes. */
function styleCounts(deck: Deck): StyleCounts {
  const c: StyleCounts = { paragraphs: 0, listItems: 0, quotes: 0, tables: 0, code: 0, images: 0, links: 0, notes: 0 };
  for (const s of deck.slides) {
    for (const b of s.blocks) {
      if (b.kind === 'paragraph') c.paragraphs++;
      else if (b.kind === 'list_item') c.listItems++;
      else if (b.kind === 'blockquote') c.quotes++;
      else if (b.kind === 'table') c.tables++;
      else if (b.kind === 'code') c.code++;
    }
    c.images += s.images.length;
    c.notes += s.notes.length;
  }
  // A Markdown link or image (`](`), or an address not already its target: `[a](https://b)` is one link, not two.
  const link = /\]\(|(?<!\]\()https?:\/\//g;
  while (link.exec(deck.text)) c.links++;
  return c;
}
