import { TARGET_PATTERNS, TIMEFRAME, slidePassages, type Passage } from '../deck/beats';
import type { BeatId, Slide } from '../deck';
import { asksOn } from './ask';
import { BUSINESS } from './business';
import { memoByText, memoTest } from '../deck/memo';
import { perDeck, perSlide, type ReadingContext } from './reading';
import { CHANGE_FROM_TO, CLAUSE_BREAK, PAYING, SUCCESS, TARGET_COLUMN, VANITY, isVanity } from './vanity';
import { caseless } from '../deck/fold';
import { regExp } from '../deck/fence';

/** Verbs that put a change in the future: "will drop", "should reach", "we expect … to fall", "falls from 12 to 5". */
const FUTURE_CHANGE = caseless(
  regExp(
    [
      String.raw`\b(?:will|'ll|’ll|should|must|would|want to|aim to|aiming to|plan to|hope to|commit to|goal is to|target is to)\s[^.;\n]{0,20}?\b(?:drop|fall|rise|reach|increase|decrease|go|double|halve|improve|reduce|cut|grow|shrink|lift|raise|lower|hit|get|move|climb|stay)\b`,
      // "Will be" sets a target only with a level after it ("will be under 5 minutes"), not "will be supported until 2027".
      String.raw`\b(?:will|'ll|’ll|should|must|would)\s(?:\p{L}+\s)?be\s(?:(?:under|below|over|above|less|fewer|more|at least|at most|no more than|down|up|back to|\d|[$€£]))`,
      String.raw`\b(?:we|i)\s(?:expect|aim|plan|want|hope|commit|forecast|project|predict|intend)\b`,
      String.raw`\b(?:fall|falls|drop|drops|rise|rises|go|goes|improve|improves|shrink|shrinks|grow|grows|increase|increases|decrease|decreases|climb|climbs|come|comes|move|moves)\s(?:down\s|up\s|back\s)?from\s`,
    ].join('|'),
    'iu',
  ),
);

/** FUTURE_CHANGE's test, once per passage text: the editor re-reads every passage after each pause in typing. */
const futureChange = memoTest(FUTURE_CHANGE);

/** A change already reported ("reach fell", "we posted more often (from 9 to 14 a week)"): a result, not a target, unless a target or a date is named with it. */
const PAST_RESULT = caseless(
  /\b(?:posted|grew|grown|rose|risen|fell|fallen|dropped|went (?:up|down|from)|gone (?:up|down|from)|increased|decreased|improved|declined|doubled|halved|climbed|jumped|slipped|recovered|was|were|found|showed|measured|recorded|validated|(?:is|are) (?:forecast|projected))\b|\b(?:up|down)\s(?:by\s)?\d[\d.,]{0,12}\s?%?\s(?:in|over|since)\s(?:the\s)?(?:last|past|\d|two|three|four|five|a\b)/i,
);
/** A forecast in the passive: what is expected of the world, not what the team sets out to reach. */
const FORECAST = caseless(/\b(?:is|are)\s(?:widely\s)?(?:expected|projected|forecast|predicted|likely)\sto\b/i);
/** What a study, a survey or the team found: "in that survey we found that…", "the audit showed". */
const FOUND = caseless(/\b(?:we|survey|surveys|study|studies|research|data|analysis|audit|review|evaluation|pilot|trial)\s(?:\p{L}+\s)?(?:found|showed|revealed|shows|reveals|finds)\b/iu);
/** Whether a paragraph reports a finding, read once per paragraph however many of its sentences ask (a scan per sentence was quadratic). */
const reportsFinding = memoTest(FOUND);
/** Whether a heading names success, read once per heading however many of its sentences ask (a heading of many sentences was read once per sentence). */
const namesSuccess = memoTest(SUCCESS);
const STILL_AHEAD = caseless(/\b(?:target\w*|goals?|aim\w*|will|by (?:the )?end of|by (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*|by q[1-4])\b/i);

/**
 * Reference material, read by those who look for it rather than told to a room: an appendix, a talk's backup slides, benchmarks,
 * a glossary, the "About us" box ("About Ynni Teg"), a study's data and methods. Its figures are neither evidence nor targets.
 */
export const REFERENCE =
  /^(?:about (?:us|the (?:company|author|authors|organi[sz]ation|team)|\p{Lu}[\p{L}&'’-]*(?:\s\p{Lu}[\p{L}&'’-]*){0,3}$)|appendix|annex|backup|back-up|extra slides|supplementary|benchmarks?|performance (?:results|numbers|data)|measurements|methodology|glossary|references|footnotes|raw data|data tables?)\b|^(?:the\s)?(?:datasets?|data sets?|methods?|data and methods?|methods? and data|experimental set-?up|materials and methods)\W*$/iu;

/**
 * Sections whose dated figures are not this narrative's success criteria: the plan, the ask, the why, the pain, the company's
 * strategy, and what changes for the customer ("you'll be paid back within 7 days rather than up to 5 weeks" is the value).
 */
const NOT_MEASURING: ReadonlySet<BeatId> = new Set(['how', 'ask', 'why', 'pain', 'strategy', 'value']);

/** Sections whose "Target" column holds dates of work to do, not the targets of a measure. */
const SCHEDULES: ReadonlySet<BeatId> = new Set(['how', 'ask']);

/** In a success section, a bare month, quarter or year names the timeframe ("Target (Dec)", "Q3 goal"). Case-sensitive: "may" is not May. */
export const BARE_DATE =
  /\b(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t|tember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?|Q[1-4]|H[12]|FY\s?\d{2,4}|20\d\d)\b/;

/**
 * What the team will do or make, counted, rather than a change in a measure: "10,000 sensors shipped",
 * "120 operators hired and trained", "all 96 staff have completed training", "hold 40 drop-in sessions",
 * "10 new partner schools", "TSP operational on 4 corridors". A milestone or an output, not an outcome.
 */
const DONE = String.raw`(?:shipped|deployed|installed|delivered|trained|hired|recruited|ordered|purchased|bought|launched|opened|built|completed|finished|published|released|tutored|reached|served|run|held|given|distributed|merged|written|sent|onboarded|operational|live|decommissioned|rolled out|in place|in service|registered|signed up|enrolled|available online)`;
const OUTPUT = caseless(
  regExp(
    [
      // A count ("120", or a measure named "Number of …"), a few words naming the things, and what was done to them.
      String.raw`(?:(?<![\p{L}\p{N},.])\d[\d,.]{0,15}\s?(?:k|m|million|thousand)?|\b(?:number|count|total)\sof)\s(?:[\p{L}-]+\s){0,4}?(?:(?:have|has|are|is|be|been|were|was|being)\s)?${DONE}\b`,
      // A doing verb and the count: "hold 40 drop-in sessions", "train 10 energy champions", "publish an initial set of 5 guides".
      String.raw`\b(?:hold|held|run|ran|carr(?:y|ied) out|deliver(?:ed)?|train(?:ed)?|hired?|recruit(?:ed)?|ship(?:ped)?|deploy(?:ed)?|install(?:ed)?|publish(?:ed)?|open(?:ed)?|build|built|submit(?:ted)?|sign(?:ed)? up|distributed?|g[ai]ve away|given away|host(?:ed)?|launch(?:ed)?|completed?|order(?:ed)?|welcomed?)\s(?:more than\s|over\s|about\s|at least\s|another\s|an?\s(?:(?:initial|first|further|new)\s)?(?:set|series|batch|round|total|minimum)\sof\s)?[*_]{0,2}\d`,
      // A state of delivery and where: "TSP operational on 4 corridors", "live in 40 clinics".
      String.raw`\b(?:operational|live|launched|deployed|rolled out|installed|available)\s(?:on|in|at|across|to)\s(?:all\s)?\d[\d,.]{0,15}(?:\s[\p{L}-]+)?`,
      // A count of new things: "10 new partner schools".
      String.raw`(?<![\p{L}\p{N},.])\d[\d,.]{0,15}\snew\s[\p{L}-]+(?:\s[\p{L}-]+)?`,
    ].join('|'),
    'iu',
  ),
);
/** A measure that changes: a rate, a share, a time, money, or a comparison ("from 9.4% to under 6%", "down by 50%", "fall from 1 in 25 to 1 in 60"). */
const CHANGE = caseless(
  /%|\bper\s?cent\b|\b\d[\d,.]{0,15}\s(?:in|out of)\s\d|\b(?:falls?|drops?|rises?|shrinks?)\s(?:from|to|by|below|under)\b|\b(?:by|to)\s(?:under|below|over|above|less than|fewer than)\b|\b(?:reduc|cut|rais|lift|improv|decreas|lower|halv|doubl|shorten|increas)\w*|[$€£¥]\s?\d|\b(?:minutes?|hours?|days?|seconds?|ms)\b|\brate\b/i,
);

/** A counted output or a delivery milestone, with no change in a measure beside it. */
export function isOutput(clause: string): boolean {
  return outputWords(clause) !== undefined;
}

/** The words that count an output or name a milestone ("Number of households reached", "recruit **60"), when no change in a measure stands beside them. */
const outputWords = memoByText((clause: string): string | undefined => (CHANGE.test(clause) ? undefined : OUTPUT.exec(clause)?.[0]));

/** A number that labels a point in a document rather than counting anything: "7.1 The project…", "1. Poll more often." */
export const LIST_NUMBER = /^\s*(?:[*_]{1,2})?(?:\d{1,2}[.)]|\d{1,2}(?:\.\d{1,2})+)(?:[*_]{1,2})?\s+(?=[*_]{0,2}\p{Lu})/u;

/** A period a figure was measured over ("churn in the first 90 days", "in the last 12 months"): a window, not a deadline. */
const WINDOW = /\b(?:in|within|over|during)\s(?:the\s)?(?:first|last|past|previous)\s(?:\d+|[a-z]+)\s(?:days?|weeks?|months?|quarters?|years?)\b/gi;

/** A figure that is not a date: money, or a number (not a year) before a word that is not a month or a duration. */
const OUTCOME_FIGURE = caseless(
  /[$€£¥]\s?\d|(?<![\p{L}\p{N},.])(?!(?:19|20)\d\d\b)\d[\d,.]{0,15}\s?(?:k|m|bn|million|billion)?\s(?!(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\p{L}*|(?:days?|weeks?|months?|quarters?|years?)\b)\p{L}/iu,
);

/** A figure in a table row that is not a year or part of a label ("2027", "Q1", "FY27" are dates). */
const ROW_FIGURE = /(?<![\p{L}\p{N},.])(?!(?:19|20)\d\d(?!\d))\d/u;

/** A number glued to letters names something ("Q4", "FY27", "H2", "2025H1", "v3", "KR2"), it is not a value. */
const LABEL = /(?<!\p{L})\p{L}{1,3}\d{1,4}(?![\p{L}\p{N}%])/gu;

/**
 * Numbers that count nothing in a sentence: the enumerators of an inline list ("our goals are to (1) improve …, (2) update …",
 * "goals that 1) we can land …"), a year and on ("the 2020+ goals"), an issue's number ("goals#109") and a version ("the 2.x
 * series", "3.10.1").
 */
const NOT_A_VALUE = /(?<![\p{L}\p{N}])(?:\(\d{1,2}\)|\d{1,2}\))(?=\s)|\b(?:19|20)\d\d\+|#\d+|(?<![\p{L}\p{N}.])\d+\.(?:x\b|\d+\.\d+)/gu;

/** Every timeframe in a sentence: "over 30 days" says how long, not how much. */
const TIMEFRAMES = regExp(TIMEFRAME.source, 'gi');

/** A sentence holding a target for a measure that is not a vanity number. */
const hasTarget = memoByText((sentence: string): boolean => {
  // "Backlog over 30 days: 1,030 files" states an age, not a target; "7.1 The project will…" is a clause number; "Goals for Q4",
  // "FY27", "v3": a number glued to letters is a label.
  const text = sentence.replace(LIST_NUMBER, '').replace(TIMEFRAMES, ' ').replace(LABEL, ' ').replace(NOT_A_VALUE, ' ');
  if (!TARGET_PATTERNS.some((re) => re.test(text))) return false;
  if (!vanityIn(text) && !isOutput(text)) return true;
  // Clause by clause, so "repeat purchase from 22% to 30% by Q2, and 500,000 page views" still has a real target.
  return text.split(CLAUSE_BREAK).some((clause) => TARGET_PATTERNS.some((re) => re.test(clause)) && !vanityIn(clause) && !isOutput(clause));
});

/**
 * The words that count output in a block read whole, so that a target that runs over two lines ("… fall from 1 in 25 to / 1 in 60")
 * is one measure; undefined when the block is no output. Read once per block, however many of its sentences ask (a read per
 * sentence was quadratic in a long paragraph).
 */
const blockOutput = memoByText((text: string): string | undefined => (isVanity('output', text) ? outputWords(text.replace(LIST_NUMBER, '')) : undefined));

const vanityIn = memoByText((text: string): boolean => {
  for (const { kind, re } of VANITY) {
    re.lastIndex = 0;
    if (re.test(text) && isVanity(kind, text)) return true;
  }
  return false;
});

/** The team reporting what it has done: "we've introduced", "we have shipped", "we added". */
const WORK_DONE = caseless(/\bwe(?:'ve|’ve|\shave)?\s(?:\p{L}+\s)?(?:introduced|added|shipped|built|delivered|released|launched|completed|achieved|created|implemented)\b/iu);

/** A whole number of things: "200 plugins", "**3,000** bookshops", "at least two trade shows" (not "4.5 stars", a level; not "NPS 40+"). */
const COUNT_OF_THINGS = caseless(
  /(?<![\p{L}\p{N},.])(?:\d{1,3}(?:,\d{3})+|\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|fifty|a hundred)(?![.,]\d)[*_]{0,2}\s?(?:k|m|million|thousand)?\s(?:[\p{L}-]+\s){0,2}?\p{L}+s\b/iu,
);
/** Nothing counted, or a count brought to zero ("zero Sev-1 incidents"): fewer of a bad thing, a change. */
const NONE = caseless(/\b(?:zero|no)\s/i);

/** "Up from 1.1M", "down 20%". */
const UP_DOWN = caseless(/\b(?:up|down)\s(?:from|by|to)?\s?\d/i);
/** A count per period is a rate of use: "300 families borrowing a sack every month", "weekly active readers". */
const PER_PERIOD = caseless(/\b(?:every|each|per|a)\s(?:day|week|fortnight|month|quarter|term|year)\b|\b(?:daily|weekly|fortnightly|monthly|quarterly|annually)\b/i);

/**
 * A success criterion that only counts things ("200 plugins on the registry", "800 members by year end", "close 100 issues"):
 * no change in a measure beside it (a rate, a share, a time, money, "from … to …", "up 15%"), no count per period ("300 families
 * borrowing a sack every month"), no one who pays ("300 paying companies") nor another business measure, no count of a bad thing
 * brought to zero, and not a row of a scorecard table.
 */
function countedThings(p: Passage): string | undefined {
  const text = p.text.replace(LIST_NUMBER, '');
  const bare = text.replace(TIMEFRAMES, ' ');
  if (p.block.kind === 'table' || CHANGE.test(bare) || CHANGE_FROM_TO.test(bare) || UP_DOWN.test(bare) || PER_PERIOD.test(bare) || PAYING.test(bare) || NONE.test(bare) || BUSINESS.test(bare))
    return undefined;
  return COUNT_OF_THINGS.exec(bare)?.[0];
}

/** A sentence that introduces what follows: "Our goals for the next 18 months:". */
const LEAD_IN = /:\s*$/;

/** A success criterion: where it stands, and whether it sits in a section that states success criteria (under a success heading or lead-in). */
export interface Target {
  slide: Slide;
  passage: Passage;
  inSuccessSection: boolean;
}

/** A measure offered as a success criterion that counts the team's output ("Number of households reached (aim: 600)"): vanity-metric's to name. */
export interface OutputMeasure {
  slide: Slide;
  passage: Passage;
  /** The words that count the output. */
  words: string;
}

/** The passages that state a measurable success criterion: a measure with a target value. */
export const findTargets = (ctx: ReadingContext): Target[] => readMeasures(ctx).targets;

/** The success criteria a narrative states whose measure is an output, not an outcome. */
export const findOutputMeasures = (ctx: ReadingContext): OutputMeasure[] => readMeasures(ctx).outputs;

interface Measures {
  targets: Target[];
  outputs: OutputMeasure[];
}

/** One reading of the narrative's success criteria: the targets, and the measures in a success section that count output. */
const readMeasures = perDeck(function readMeasures(ctx: ReadingContext): Measures {
  const { slides } = ctx.deck;
  // A page with no headings has no title slide: its one slide is the whole narrative.
  const bySlide = slides.length === 1 ? [measure(slides[0], true)] : slides.map(measuresOn);
  const found = bySlide.flatMap((m) => m.targets);
  // A block that states a target somewhere is an outcome measure, whatever else it counts.
  const targeted = new Set(found.map((t) => t.passage.block));
  return { targets: found, outputs: bySlide.flatMap((m) => m.outputs).filter((o) => !targeted.has(o.passage.block)) };
});

/** The success criteria of a slide of a narrative of several, read once per slide. */
const measuresOn = perSlide((slide) => measure(slide, false));

/** The success criteria of one slide; `whole`: the narrative is this one slide. */
function measure(slide: Slide, whole: boolean): Measures {
  let found: Target[] = [];
  const outputs: OutputMeasure[] = [];
  // The sections of success criteria holding a measure that counts activity, output or reach.
  const active = new Set<number>();
  const asks = new Set(asksOn(slide).map((a) => a.passage));
  // "Our goals for the next 18 months:", or a heading such as "Goals", makes the list under it a list of targets.
  let leadIn = -1;
  let heading = '';
  // A table's first row names its columns: a "Target" column makes every figure in the rows under it a target value.
  let previous: Passage['block'] | undefined;
  let header: Passage['block'] | undefined;
  let targetColumn = false;
  for (const p of slidePassages(slide)) {
    if (p.block.kind === 'heading') heading = p.block.text;
    if (p.block.kind === 'table' && p.block !== previous && previous?.kind !== 'table') {
      header = p.block;
      targetColumn = TARGET_COLUMN.test(p.block.text);
    }
    previous = p.block;
    // A "Target" column in the plan or the ask holds milestones' dates ("Turn coordinators in place · End of Q1 FY27"), not success
    // criteria; under an objective ("Objective 2: make the platform boring") it holds the key results' targets.
    const targetRow = p.block.kind === 'table' && p.block !== header && targetColumn && !p.context.some((b) => SCHEDULES.has(b));
    // The nearest heading decides: "Progression criteria" under "Methods" states targets.
    if (REFERENCE.test(heading)) continue;
    // A lead-in that reports work done ("As part of our goal …, we've introduced these features:") introduces a report, not goals.
    const leads = p.block.kind === 'heading' || (p.block.kind === 'paragraph' && LEAD_IN.test(p.text) && !WORK_DONE.test(p.text));
    if (leads && (p.block.kind === 'heading' ? namesSuccess(p.block.text) : SUCCESS.test(p.text))) leadIn = p.section;
    const listed = p.block.kind === 'list_item' && p.section === leadIn;
    const underOutcome = p.context.includes('outcome') || listed;
    // The sentence that asks for a decision is the ask, whatever it costs and from when: not a success criterion,
    // unless its own words say how success is judged ("We'll know it worked when … rise from 55% to 85%").
    if (!underOutcome && asks.has(p) && !SUCCESS.test(p.text) && !futureChange(p.text)) continue;
    // Outside a success section, a forecast of the world ("the share is expected to rise from 24% to 45%") is context, not the team's target.
    if (!underOutcome && FORECAST.test(p.text)) continue;
    // A finding reported, even under a success heading ("In that survey we found that 35% of contributors are funded; a similar number
    // never received any"): what a study found, read on the whole paragraph, is evidence, not a target.
    if (reportsFinding(p.block.text) && !futureChange(p.text) && !STILL_AHEAD.test(p.text)) continue;
    // Outside a success section, a change already reported is a result ("footfall down 22% in two years").
    if (!underOutcome && PAST_RESULT.test(p.text) && !futureChange(p.text) && !STILL_AHEAD.test(p.text)) continue;
    // A dated target is a claim about success wherever it stands, except in the sections of NOT_MEASURING.
    // The title slide's byline ("Requested amount: $48,500 over 12 months") is not one.
    // In the business case a dated figure is history ("footfall down 22% in two years") unless it says it is a target.
    const dated =
      (slide.index > 1 || whole) && TIMEFRAME.test(p.text.replace(WINDOW, ' ')) && !p.context.some((b) => NOT_MEASURING.has(b)) && (!p.context.includes('business') || STILL_AHEAD.test(p.text));
    const measuring = underOutcome || targetRow || dated || SUCCESS.test(p.text) || futureChange(p.text);
    // Under a success heading, a plain figure is a target: "€5M ARR in the Nordics by 2026", "300 paying companies"; so is any
    // figure in a row under a "Target" column ("Digital members · 6,400 · 18,000").
    const plainFigure = (underOutcome && p.block.kind !== 'heading' && OUTCOME_FIGURE.test(p.text.replace(LIST_NUMBER, ''))) || (targetRow && ROW_FIGURE.test(p.text));
    if (measuring && (hasTarget(p.text) || (plainFigure && !vanityIn(p.text) && !isOutput(p.text)))) {
      found.push({ slide, passage: p, inSuccessSection: underOutcome });
    } else if (underOutcome && p.block.kind !== 'heading' && !vanityIn(p.text)) {
      const words = blockOutput(p.block.text);
      if (words && p.text.includes(words)) outputs.push({ slide, passage: p, words });
    }
    if (underOutcome && p.block.kind !== 'heading' && (vanityIn(p.text) || isOutput(p.text.replace(LIST_NUMBER, '')))) active.add(p.section);
  }
  // Among success criteria that count activity, output or reach, a bare count with no change in a measure beside it ("200 plugins on
  // the registry", "800 members by year end", "close 100 issues") counts the same things: unless some criterion there measures a
  // change ("cut call-outs by 30%") or counts who pays ("300 paying companies"), the section offers activity as success.
  for (const section of active) {
    const stated = found.filter((t) => t.inSuccessSection && t.passage.section === section);
    const counted = stated.map((t) => countedThings(t.passage));
    if (counted.some((words) => words === undefined)) continue;
    found = found.filter((t) => !stated.includes(t));
    // vanity-metric names them as output, as it does the rest of the section.
    stated.forEach((t, i) => outputs.push({ slide, passage: t.passage, words: counted[i] as string }));
  }
  return { targets: found, outputs };
}
