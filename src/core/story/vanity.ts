import { MONTHS, TARGET_PATTERNS, WEEKDAYS, slidePassages, type Passage } from '../deck/beats';
import type { Slide } from '../deck';
import type { ReadingContext } from './reading';
import { caseless } from '../deck/fold';
import { regExp } from '../deck/fence';

export type Kind = 'reach' | 'acquisition' | 'output' | 'date';

interface VanityPattern {
  kind: Kind;
  re: RegExp;
}

/** A day and a month ("by 30.4", "on 4/30"); "in 0.73" names a release, not a date. */
const DATE = String.raw`(?:the\s)?(?:end\sof\s(?:the\s)?)?(?:(?:${MONTHS})\b|\d{1,2}(?:st|nd|rd|th)?\s(?:${MONTHS})\b|(?:${WEEKDAYS})\b|q[1-4]\b|h[12]\b|fy\s?\d{2,4}\b|20\d\d\b|(?:0?[1-9]|[12]\d|3[01])[/.](?:0?[1-9]|[12]\d|3[01])\b|next\s(?:week|month|quarter|sprint|year)\b|this\s(?:week|month|quarter|sprint|year)\b|(?:week|month|quarter|sprint|year)\b)`;

/** A verb with its object says what something does, not how many there were: "downloads each logger", "commits us to". */
const WITH_OBJECT = String.raw`(?!\s(?:the|each|every|all|any|your|our|their|its|it|them|us|you|this|these|those|to)\b)`;

/** A deliverable named as a noun ("release of version 0.1", "launch of the website", "creation of four guides"): the work done. */
const DELIVERABLE = String.raw`(?:release|launch|creation|completion|publication) of\s(?:(?:the|a|an|our|its|their|version)\s)?[\w.-]+`;

/** Work items counted as done ("the number of projects that have been analyzed", "1 contribution made", "50 tracked deliverables", "the number of merged PRs", "40 home visits done"): the team's output. */
const WORK_COUNTED = String.raw`(?:number of|(?<![\d.,])\d[\d,.]{0,15}\+?)\s(?:[a-z-]+\s){0,2}?(?:projects|issues|vulnerabilities|contributions?|deliverables|changesets|patches|packages|lessons|guides|tutorials|modules|reviews)\s(?:(?:that|which)\s(?:have|has)\sbeen\s)?(?:analy[sz]ed|reported|created|generated|fixed|filed|merged|closed|published|written|translated|completed|made|reviewed|audited|submitted|resolved)|(?<![\d.,])\d[\d,.]{0,15}\+?\s(?:tracked\s|new\s)?deliverables|number of (?:merged|closed|shipped|completed|published|resolved) (?:prs|pull requests|merge requests|changesets|issues|tickets|features|releases)|(?<![\d.,])\d[\d,.]{0,15}\+?\s(?:[a-z-]+\s)?(?:visits|events|workshops|meetings|ebrs|qbrs|calls|classes|webinars|demos)\s(?:done|held|run|made|completed|delivered|hosted)`;

/** What follows "train 3" and is not people: a length of time, or what a machine-learning team trains ("train 3 models"). */
const NOT_PEOPLE = String.raw`(?!(?:times|hours|days|weeks|months|years|minutes|sessions|models|classifiers|networks|datasets|embeddings|epochs|layers)\b)`;

/** People put through a programme, counted ("train at least 100 researchers", "onboarded 19 new developers", "1 maintainer added"): the team's output. */
const PEOPLE_TRAINED = String.raw`(?:train|trained|training|onboard|onboarded|onboarding|recruit|recruited|mentor|mentored|certify|certified)\s(?:at least\s|more than\s|over\s|about\s|some\s)?\d[\d,.]{0,15}\+?\s(?:new\s)?${NOT_PEOPLE}(?:[a-z-]+\s)?${NOT_PEOPLE}[a-z-]+s|(?<![\d.,])\d[\d,.]{0,15}\+?\s(?:new\s)?(?:maintainers?|contributors?|reviewers?|mentors?|developers?|volunteers?|instructors?|trainers?)\s(?:added|recruited|trained|onboarded|certified)`;

/** A head count to grow ("triplicate the number of instructors", "increase the number of users of other projects"): arrivals, not what they got. */
const MORE_OF_THEM = String.raw`(?:grow|increase|double|triple|triplicate|quadruple|boost|raise)(?:s|d|ed|ing)?\s(?:the\s)?(?:total\s)?number of\s(?:[a-z&-]+\s){0,2}?(?:users|members|instructors|trainers|contributors|maintainers|followers|subscribers|participants|attendees|learners|students|volunteers)`;

/**
 * The date first, the delivery after ("By 7:00 pm, each table should have one working demo shipped"): a delivery date as success. Told
 * in the past ("By June 2024 we had launched the app", "the app was released"), it reports what happened.
 */
const DATE_FIRST = String.raw`\bby\s(?:${DATE}|\d{1,2}(?::\d\d)?\s?(?:am|pm)\b),?\s(?:(?!\b(?:that|which|who|had|was|were)\s)[^.;\n"”]){0,60}?\b(?:shipped|launched|released|deployed|rolled out|(?:be|is|are|go|goes) live)\b`;

/** Output and vanity numbers: what a team produced, or how many people glanced at it. */
export const VANITY: readonly VanityPattern[] = [
  {
    kind: 'reach',
    re: /\b(?:page ?views?|pageviews|(?:site|web|website|page|store|app|portal|online|unique) visits|(?:visits|views|plays|streams)(?=\s(?:to|of|on)\b)|(?:unique |site |web )?visitors|impressions|followers|likes|retweets|press (?:mentions|coverage|articles)|media mentions|open rates?|email opens|chart positions?|ranking positions?|app store (?:rankings?|positions?|features?)|github stars|stars on github|forks)\b|(?<![\d.,])(?:\d{2,3}(?:,\d{3})+|\d{2,}|\d{1,3}(?:\.\d)?k)\+?\s(?:github\s)?stars\b|\b(?:featured|mentioned|covered|cited) in (?:at least\s)?(?:\d{1,4}|one|two|three|four|five|six|ten|several|many)\s(?:[\w-]+\s)?(?:talks|articles|podcasts|newsletters|blogs|blog posts|publications|titles|outlets)\b|\btop\s\d{1,3}\s(?:in|on|of)\s[^.\n]{0,40}?\b(?:charts?|rankings?|app store|play store|trending|bestsellers?|best-sellers?)\b|\bfeatured (?:in|on|by) (?:the )?(?:app store|play store|apple|google)\b/gi,
  },
  {
    kind: 'acquisition',
    // "Downloads each logger", "installs the agent": a verb with its object says what software does, not how many came.
    re: regExp(
      String.raw`\b(?:(?:downloads|installs)${WITH_OBJECT}|app installs|sign-?ups|signups|registrations|registered (?:users|members|accounts|customers)|total (?:users|members|accounts|sign-?ups)|new members|accounts created|new accounts|waitlist sign-?ups|(?:newsletter|email|mailing list|channel|youtube|podcast|blog|free|social|update|alert)\ssubscribers|(?:new |first-time )?contributors|${MORE_OF_THEM})\b|\breach(?:es|ing)?\s(?:more than\s|over\s|an extra\s|another\s)?[*_]{0,2}\d[\d,.]{0,15}\s(?:more\s|new\s|extra\s|additional\s)?(?:families|people|households|children|kids|residents|individuals)\b|\b\d[\d,.]{0,15}[*_]{0,2}\s(?:more\s|new\s|extra\s)?(?:families|people|households|children|kids|residents|individuals|students|patients|users)[*_]{0,2} (?:reached|served)\b`,
      'gi',
    ),
  },
  {
    kind: 'output',
    re: regExp(
      String.raw`\b(?:features? (?:shipped|delivered|launched|released|built|completed)|(?:number|count) of (?:features|releases|tickets|commits|deploys|stories)|(?:ship|shipped|deliver|delivered|release|released|launch|launched|build|built)\s\d{1,4}\s(?:new\s)?(?:features|releases|stories|epics|tickets)|velocity|story points|lines of code|commits${WITH_OBJECT}|(?:pull requests|prs|merge requests|changesets|patches) merged|${WORK_COUNTED}|${PEOPLE_TRAINED}|(?:an?\s)?(?:pull[- ]request|pr) (?:being |is |gets |was )?merged|${DELIVERABLE}|tickets closed|closed tickets|(?:calls|tickets|cases|requests|claims|orders|enquiries|inquiries|contacts|applications|forms) (?:handled|processed|answered|logged|submitted)|epics (?:closed|completed|done)|releases shipped|on[- ]time delivery|(?:[a-z]+s|people|staff) (?:trained|onboarded)|(?:training )?sessions (?:held|run|delivered)|(?:posts|articles|videos|explainers|templates|newsletters|screenshots|entries|reports|dashboards|campaigns|recommendations|notifications|alerts|messages|texts|reminders|emails) (?:shared|posted|published|sent|created|logged|produced|launched|built|generated|delivered)|(?:press|media) (?:in|coverage in)\s(?:at least\s)?(?:\d{1,4}|one|two|three|four|five|six|seven|eight|nine|ten|a dozen)\s[^.;\n]{0,20}?\b(?:titles|outlets|publications|papers)|(?:devices|tablets|sensors|units|kiosks|terminals|scanners|licen[cs]es|seats) (?:deployed|installed|rolled out|enrolled|issued|activated)|(?:send|sent|sending|post|posted|publish|published|run|ran|hold|held|host|hosted)\s(?:more than\s|over\s|about\s|at least\s)?\d[\d,.]{0,15}\s?k?\s(?:reminders|messages|texts|sms|emails|notifications|newsletters|posts|articles|videos|events|workshops|sessions|webinars|campaigns)|(?:serv|deliver|distribut|hand(?:ed|ing)? out|giv)(?:e|es|ed|ing)?\s(?:more than\s|over\s|about\s)?\d[\d,.]{0,15}\s?(?:k|m|million|thousand)?\s(?:meals|food parcels|parcels|boxes|kits|packs|lunches|dinners|breakfasts)|(?:pharmacies|stores|shops|sites|hotels|clinics|schools|practices|branches|teams|customers|partners|merchants|sellers|restaurants|offices|hospitals|users|accounts) (?:onboarded|signed up|enrolled|connected|migrated|live))\b`,
      'gi',
    ),
  },
  {
    kind: 'date',
    re: regExp(
      String.raw`(?<!-)\b(?:launch(?:es|ing)?|(?<!\b(?:was|were|had|had been)\s)(?:exited|decommissioned|retired|switched off)|ship(?:s|ping)?|releas(?:e|es|ing)(?!\s(?:cadence|frequency|cycles?|notes|trains?|process|times?|rate))|go(?:es)?[- ]live|roll(?:s|ing)?[- ]out|deliver(?:s|ing)?|deploy(?:s|ing)?|(?:be |is |are |go |goes )?live|goes out)\b(?:(?!\b(?:that|which|who)\s)[^.;\n"”]){0,40}?\b(?:by|in|before|on|within|until)\s${DATE}|\b(?:deliver(?:s|ed|ing)?|ship(?:s|ped|ping)?|launch(?:es|ed|ing)?|releas(?:e|es|ed|ing))\b[^.;\n]{0,30}?\bon (?:time|schedule|budget)\b|${DATE_FIRST}`,
      'gi',
    ),
  },
];

const DELIVERABLE_WORDS = caseless(regExp(DELIVERABLE, 'i'));

/** A time limit on handling work ("answered within 24 hours", "resolved in under 2 days"): a service level the customer gets, not a count of work. */
const SERVICE_LEVEL = caseless(/\b(?:within|in under|in less than|inside)\s(?:\d[\d,.]{0,6}|one|two|three|four|five|ten)\s?(?:working\s|business\s)?(?:minutes?|hours?|h|days?|seconds?|weeks?)\b/i);
/** A share of them ("60% of visitors tell us…", "half of new sign-ups"): a rate, not a count. */
const SHARE_OF = caseless(/(?:\d\s?%|\bper\s?cent|\b(?:half|a third|a quarter|two thirds|three quarters))\sof\b/i);
/** Counts of people are fine when they are qualified by use, retention or conversion; "weekly downloads" still counts arrivals, a week at a time. */
const QUALIFIED = caseless(
  /\b(?:share of|proportion of|percentage of|rate|activ\w*|retain\w*|retention|convert\w*|conversion|paid|paying|(?:weekly|monthly|daily)(?!\s(?:[\w-]+\s)?(?:downloads|installs|sign-?ups|signups|registrations)\b)|repeat|return(?:s|ed|ing)?\b|still (?:use|using)|who (?:use|complete|keep|come back|stay|finish)|engag\w*|per active)\b/i,
);
/** Customers who pay: counted, they are revenue, not output. */
export const PAYING = caseless(/\bpaying\s(?:[\w-]+\s)?\p{L}+s\b/iu);
/** "from quarterly to weekly": a change in a measure, even without figures. */
export const CHANGE_FROM_TO = caseless(/\bfrom\s[^.;\n]{1,30}?\sto\s/i);
/** A count to bring down ("halve the number of issues reported", "reduce the number of tickets"): fewer problems is an outcome, not output. */
const FEWER = caseless(
  /\b(?:reduc(?:e|es|ed|ing)|cut(?:s|ting)?|halv(?:e|es|ed|ing)|lower(?:s|ed|ing)?|decreas(?:e|es|ed|ing)|minimi[sz](?:e|es|ed|ing))\s(?:(?:the|our|their)\s)?(?:total\s)?(?:number|count)\sof\b/i,
);
/** A figure that is not a year ("2019" dates, it does not count) nor a sum of money ("€3750 - pay contributors"). */
const COUNT_FIGURE = String.raw`(?<![\p{L}\p{N}$€£¥.,])(?!(?:19|20)\d\d\b)\d`;
const NUMBER_WORDS = 'million|thousand|hundreds?|thousands?|millions?|dozens?|several|two|three|four|five|six|seven|eight|nine|ten|twenty|fifty';
/** A reach measure is counted: a figure, or a word that grows, targets or counts one ("double our followers", "more page views", "the number of issues reported"). */
const COUNTED = caseless(
  regExp(
    String.raw`${COUNT_FIGURE}|\b(?:more|most|grow\w*|increas\w*|doubl\w*|tripl\w*|boost\w*|rais\w*|lift\w*|maximi[sz]\w*|drive|driving|hit|reach|target\w*|goal|kpis?|metrics?|measured? (?:by|in)|(?:total )?number of|${NUMBER_WORDS})\b`,
    'iu',
  ),
);
/** After the measure's name, only a figure or a word naming it a measure counts it: "downloads: 50,000", "sign-ups target". */
const COUNTED_AFTER = caseless(regExp(String.raw`${COUNT_FIGURE}|\b(?:targets?|goals?|kpis?|metrics?|${NUMBER_WORDS})\b`, 'iu'));
const MORE = /\b(?:more|most)\b/gi;
/** How many words either side of a measure's name may count it. */
const NEAR = 4;

/**
 * Is the measure named by `words` counted in its clause: a figure or a change within a few words before it ("50,000
 * downloads", "grow sign-ups"), or a figure right after it ("downloads: 50,000")? "Contributors and members increasingly
 * leverage their contributions" names people; "trusted contributors quickly so they can work more" too. Without `words`, the clause.
 */
function counted(clause: string, words?: string): boolean {
  const at = words === undefined ? -1 : clause.toLowerCase().indexOf(words.toLowerCase());
  if (at < 0 || words === undefined) return COUNTED.test(clause);
  const before = clause
    .slice(Math.max(0, at - 80), at)
    .trim()
    .split(/\s+/)
    .slice(-NEAR);
  // "More" counts the measure only right before it ("more sign-ups", "more new contributors"), not an adjective ("more accessible to contributors").
  const far = before.slice(0, -2).join(' ').replace(MORE, ' ');
  const near = before.slice(-2).join(' ');
  // "Downloads and project metrics": a measure word after "and" names another thing, not this one.
  const after = clause
    .slice(at + words.length, at + words.length + 80)
    .split(/\s(?:and|or|&)\s/)[0]
    .trim()
    .split(/\s+/)
    .slice(0, NEAR + 1)
    .join(' ');
  return COUNTED.test(words) || COUNTED.test(far) || COUNTED.test(near) || COUNTED_AFTER.test(after);
}
/** A count that picks out whom a rule applies to ("owners of gems that exceed 180 million downloads will be required to…"): a threshold, not a measure. */
const THRESHOLD = caseless(
  /\b(?:that|which|whose|once|when|if|with)\s(?:[\w'’-]+\s){0,4}?(?:exceeds?|exceeding|reach(?:es)?|pass(?:es)?|surpass(?:es)?|(?:has|have|having)\s(?:more than|over|at least))\s(?:over\s|more than\s|at least\s)?\d/i,
);
const RULE_WORDS = caseless(/\b(?:requir\w*|must|eligib\w*|enforc\w*|mandator\w*|polic(?:y|ies))\b/i);

/** A measure's word that starts a capitalised name mid-sentence ("worked with Velocity Global") names something, not a measure. */
function partOfName(sentence: string, words: string): boolean {
  const at = sentence.indexOf(words);
  if (at <= 0 || !/^\p{Lu}/u.test(words) || /[.!?:]\s*$|^\s*$/.test(sentence.slice(0, at))) return false;
  const next = /^\s(\p{Lu}\p{Ll}+)/u.exec(sentence.slice(at + words.length));
  return next !== null && !SUCCESS.test(next[1]);
}

/** A count the clause reports as already reached ("has rapidly grown to a project of over a hundred contributors"): history, not a measure of success. */
const ALREADY = caseless(/\b(?:has|have)\s(?:\p{L}+ly\s)?(?:grown|reached|attracted|gained|become)\b/iu);

/** Sentences that name a vanity number to say it is not the measure. */
const DISCLAIMED = caseless(
  /\bnot\s(?:\w+\s){0,2}?(?:sent|shared|posted|published|created|registrations?|sign-?ups|signups|downloads|installs|page ?views|visits|visitors|followers|likes|impressions|subscribers)\b|\b(?:vanity|rather than|instead of|not (?:just|only|by|on|count\w*|measur\w*|track\w*|report\w*|optimi[sz]\w*|about|the)|beyond|(?:don|won|doesn|isn|aren)(?:'|’)?t|never|no)\b/i,
);

/** A table row that records how a commitment went (a cell that is only "Done", "Missed", "On track"…): a report of what happened, not the measure of success. */
const STATUS_CELL = caseless(/(?:^|·\s)(?:done|completed?|delivered|achieved|met|not met|missed|on track|off track|at risk|delayed|behind|ahead|not yet|in progress|slipped|✅|✔️?|❌)\s?(?:·|$)/i);

/** Words that say a slide is about measuring success. */
export const SUCCESS = caseless(
  /\b(?:success\w*|succeed\w*|we(?:'|’)ll know|we will know|how we(?:'|’)ll (?:know|judge|measure|track)|measur\w*|metrics?|kpis?|key results?|kr\s?\d|scorecard|north[- ]star|targets?|goals?|we(?:'|’)ll judge|judge (?:this|it)|(?:count|call|consider) (?:it|this) (?:as )?(?:working|a success|successful))\b/i,
);

/** Aims stated as numbers to reach ("By the end of the two years we aim to:", "we want to reach 70 story points"): what the writer will count as success. */
const AIMS = caseless(
  /\b(?:(?:we|i)(?:'re|’re|\sare|\sam)?\s(?:aim|aiming|hope|hoping|want|plan|planning|expect|expecting)\sto\s(?:reach|hit|achieve|get to)|(?:we|i)\saim\sto|our aims?|hope to achieve)\b/i,
);
/** A table's words name its columns: "Metric | H1 | H2" reports current values; only a column of targets or goals makes it about success. */
export const TARGET_COLUMN = caseless(/\b(?:targets?|goals?)\b/i);
const aiming = (p: Passage) => (p.block.kind === 'table' ? TARGET_COLUMN.test(p.text) : SUCCESS.test(p.text) || AIMS.test(p.text));

/** Slides where a number is a measure of success: outcome slides, and any slide that talks about measuring success. */
export function measuringSlides(ctx: ReadingContext): Slide[] {
  const outcome = new Set(ctx.slidesWith('outcome'));
  return ctx.deck.slides.filter((s) => outcome.has(s) || (!s.empty && slidePassages(s).some(aiming)));
}

/**
 * On a slide of several sections (a long page), the sections about success: under a success heading, or
 * talking about measuring it. Undefined for a slide of one section, which is judged whole.
 */
export function measuringSections(slide: Slide): Set<number> | undefined {
  const passages = slidePassages(slide);
  if (passages.every((p) => p.section === passages[0].section)) return undefined;
  return new Set(passages.filter((p) => p.context.includes('outcome') || aiming(p)).map((p) => p.section));
}

/** Where a sentence splits into clauses that each can hold their own measure: "…, and when …", "…; …". */
export const CLAUSE_BREAK = /[;:]\s|,\s|\s(?:and|plus|as well as)\s/;

/** Coarser: where a sentence moves on to another measure ("…; …", "…, and when …"), not "Page views: 1M". */
const MEASURE_BREAK = /;\s|,\s(?:and|but|while|plus)\s/;

/** The part of `sentence` about the measure named by `words` (compared without case), or the whole sentence. */
export function clauseOf(sentence: string, words: string): string {
  const needle = words.toLowerCase();
  return sentence.split(MEASURE_BREAK).find((clause) => clause.toLowerCase().includes(needle)) ?? sentence;
}

/**
 * Is this match a vanity measure, given the sentence it sits in? A disclaimer anywhere in the sentence
 * clears it ("we are not tracking downloads or page views"); what qualifies or counts the measure must be
 * in its own clause, so "returned prescriptions drop by 30%, and the app reaches 100,000 downloads" is
 * still vanity.
 */
export function isVanity(kind: Kind, sentence: string, clause = sentence, words?: string, underSuccess = false): boolean {
  if (DISCLAIMED.test(sentence) || STATUS_CELL.test(sentence)) return false;
  if (kind === 'acquisition' && QUALIFIED.test(clause)) return false;
  if (words !== undefined && partOfName(sentence, words)) return false;
  if ((kind === 'reach' || kind === 'acquisition') && ALREADY.test(clause)) return false;
  if (kind !== 'date' && THRESHOLD.test(sentence) && RULE_WORDS.test(sentence)) return false;
  // "The design my manager likes best", "first impressions of the team", "contributors who have shown staying power": a count of
  // attention or of arrivals needs a number or a change beside it; without one the word names people, not a measure.
  if ((kind === 'reach' || kind === 'acquisition') && (!counted(clause, words) || SHARE_OF.test(clause))) return false;
  // "Commits can be backported", "CI kicked off with git commits": output named with no number or change beside it, in a sentence that
  // does not talk about measuring, names work, not a measure ("KPIs to measure development velocity" still measures output).
  // Under a success heading, the list names what will count as success: "Launch of the website" there is output offered as success.
  if (kind === 'output' && words !== undefined && !counted(clause, words) && !SUCCESS.test(sentence) && !underSuccess) return false;
  // A deliverable named as a noun counts only in a list under a success heading; beside a real target ("the release of the app cuts
  // waiting from 3 days to 1 by June") it is a plan, not the measure.
  if (kind === 'output' && words !== undefined && DELIVERABLE_WORDS.test(words) && (!underSuccess || TARGET_PATTERNS.some((re) => re.test(sentence)))) return false;
  // "Requests answered within 24 hours, 100% of the time" sets a service level: how fast the customer is served, not how much work was done.
  if (kind === 'output' && SERVICE_LEVEL.test(clause)) return false;
  // "Halve the number of issues reported by customers": the measure is fewer of them, what the customer gets, not work done.
  if (kind === 'output' && FEWER.test(clause)) return false;
  // A delivery date next to a real outcome target ("ship in Q3 and cut wait times by half") is a plan, not the measure.
  // "Eight paying services live by the end of 2027" counts customers who pay: a business target, dated.
  if (kind === 'date' && (CHANGE_FROM_TO.test(sentence) || PAYING.test(sentence) || TARGET_PATTERNS.some((re) => re.test(sentence.replace(VANITY[3].re, ' '))))) return false;
  return true;
}
