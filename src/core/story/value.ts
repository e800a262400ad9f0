import { PERSON_WORDS, deckNames, personMatcher, sentences, slidePassages, type Passage } from '../deck/beats';
import type { BeatId, Block, Slide } from '../deck';
import { memoByText } from '../deck/memo';
import { BUSINESS } from './business';
import { BEFORE_AFTER, struggleIn, withoutCondition } from './pain';
import type { ReadingContext } from './reading';
import { caseless } from '../deck/fold';
import { regExp } from '../deck/fence';

/** People a benefit is often stated for in real writing, besides the roles every reading knows: "the public", "anyone", "participants". */
const SERVED = String.raw`${PERSON_WORDS}|the public|everyone|everybody|anyone|anybody|others|participants|attendees|consumers|newcomers|voters`;

/** The verbs of the new thing letting someone do something: "lets riders swap a shift", "allows researchers to build…". */
const LETTING = String.raw`\b(?:lets?|letting|allows?|allowing|enables?|enabling)\s`;

/** Words that describe a change in someone's day: what they no longer do, what they can do now, what they get back. */
export const CHANGE = caseless(
  regExp(
    [
      String.raw`\b(?:will\s|'ll\s|’ll\s|would\s)?no longer\b`,
      String.raw`\bno (?:more |longer )?(?:waiting|queues?|queueing|printers?|printing|paperwork|phone calls|calls|emails|forms|spreadsheets?|copying|retyping|re-?entering|chasing|hold music|passwords?|logins?|surprises|guesswork)\b`,
      String.raw`\b(?:won|don|doesn)(?:'|’)?t (?:have|need) to\b|\bno need to\b|${LETTING}(?!teams?\sto\b)(?:${PERSON_WORDS})\s(?:to\s)?[a-z]{3,}`,
      String.raw`\bnever (?:again|have to|has to|need to|needs to)\b|\bno more\b|\bno one (?:has|have|needs) to\b|\bnobody (?:has|needs) to\b`,
      String.raw`\b(?:can|could|will|would)\s(?:easily|quickly|readily)\s[a-z]{3,}|\b(?:will|'ll|’ll|would|can|could)\s(?:now\s)?be able to\b|\bcan now\b|\bnow (?:can|takes?|gets?|sees?|knows?|has|have|finishes)\b|\bfor the first time\b`,
      String.raw`^["“‘]?now,?\s(?!we\b|our\b|i\b)(?:[\p{L}-]+\s){1,3}(?:gets?|can|has|have|takes?|sees?|knows?|only|just|receives?|finds?|asks?|reads?)\b|\b(?:has|have|gets?|got) (?:her|his|their|your|our) [^.,;\n]{1,30}? back\b|\b(?:records?|enters?|types?|writes?|fills? in|scans?|keys?|signs?|tells?|asks?)\b[^.;,\n]{0,30}?\bonce\b(?! (?:a|an|every|per|each)\b)`,
      String.raw`\bwithout (?:having to|waiting|calling|re-?\w+|copying|leaving|switching|chasing|asking|a single|any|typing|digging|searching|help)\b`,
      // Someone doing it on their own now: "she reads the short pages by herself" (not "arm themselves", "deployed it themselves onto…").
      String.raw`\bby (?:herself|himself|themselves)\b|\bon (?:her|his|their) own\b`,
      String.raw`\binstead of\b|\brather than\b|\bnot in [^.;\n]{1,30}?\bbut in\b`,
      String.raw`\bstops?\s(?:having to|needing to|[a-z]{3,}ing)\b`,
      String.raw`\bsav(?:e|es|ing) (?:them|her|him|you|us|customers|users|\d|hours|minutes|time|an?\s|half|days)`,
      String.raw`\bgets? (?:back|home)\b|\bgo(?:es)? home on time\b|\b(?:leave|leaves|finish|finishes|start|starts|arrive|arrives) on time\b|\bfinally\b|\bpeace of mind\b|\bat a glance\b|\bin one place\b|\bon (?:one|a single) (?:screen|page)\b|\bone click\b|\bin (?:one|two|three|a few) (?:taps|clicks|steps)\b|\bin (?:seconds|one step|a single step)\b|\bautomatically\b`,
      String.raw`\b(?:faster|quicker|sooner|earlier than|easier|simpler|safer|less time|fewer|half the time|twice as|more time (?:to|for|with|on)|spend less)\b|\bfre(?:e|es|ed) (?:up|them|her|him|you)\b`,
      String.raw`\bwithin (?:a|an|one|two|three|four|five|six|seven|ten|\d+) (?:seconds?|minutes?|hours?|days?|working days)\b`,
      String.raw`\bimagine\b|\bfrom now on\b|\bwhat changes\b|\bafter (?:this|the change|launch)\b`,
      String.raw`\b(?:will|'ll|’ll|would)\s(?:know|see|get|find|start|finish|save|spend|never|always|catch|avoid|stop|focus|feel|trust|go home|hand over|walk|open|answer|resolve)\b`,
    ].join('|'),
    'iu',
  ),
);

/** Softer signs of a better day, enough under a value heading that names the customer ("no paper planning", "home on time"). */
const CHANGE_HINT = caseless(/\b(?:no|now|new|on time|home|back|less|more|better|same day|instantly|straight|directly|easily|simply|just|one|own)\b/i);

/** "can no longer", "no longer works", "will no longer trust us / be eligible / have access": the change is for the worse, not a benefit. */
const WORSE = caseless(
  /\b(?:can(?:not)?|could|cannot) no longer\b|\bstop(?:s|ped)?\s(?:working|responding|renewing|buying|using|paying|coming|trusting|growing|selling)\b|\bno longer (?:works?|available|supported|enough|possible|scales?|keeps? up|(?:be\s)?(?:able|allowed|eligible|entitled|covered)|trusts?|qualif(?:y|ies)|afford|(?:have|has|gets?) access)\b|(?<!\bwho (?:is|are|was|were)\s(?:\p{L}+\s)?)\b(?:grow(?:n|s|ing)?|grew|ris(?:e|es|en|ing)|rose|increas(?:e|es|ed|ing)|climb(?:s|ed|ing)?|pil(?:e|es|ed|ing) up|gets?|got|getting|bec(?:o|a)me|becoming)\s(?:much\s|even\s|far\s)?(?:faster|quicker|worse|harder|longer|slower)\b/iu,
);

/**
 * Words that sound like a change but tell none for anyone: the world moving ("the way people bank has changed faster than…"),
 * a wish ("people want to be seen sooner"), the team's own news ("we're finally ready to show you") or the team's own ease
 * ("we can easily fix it once it reaches customers"). Taken out of the sentence, not held against it: the rest may still tell
 * a change ("we can finally leave on time instead of staying late", "patients want to be seen sooner, and now they are seen
 * within a day instead of a week").
 */
const NO_CHANGE =
  /\b(?:has|have|had)\s(?:changed|moved|evolved|shifted)\s(?:\p{L}+\s)?(?:faster|more|quicker)\b|\b(?:wants?|wanted|wish(?:es)?|would like|hop(?:e|es))\sto\s(?:[\p{L}'’-]+\s){0,6}?(?:sooner|faster|quicker|easier|simpler|safer|earlier)\b|\b(?:we|we're|we’re|we are|i|i'm|i’m|i am)\s(?:\p{L}+\s)?finally\b|\b(?:we|i)\s(?:can|could|will|would)\s(?:easily|quickly|readily)\b/giu;

/**
 * The reader finding their way in the text ("you'll find some answers below"), a speaker walking the audience through a talk
 * ("as we'll see in a minute", "we will see how…") or an idiom ("more than I can imagine"): not a change in anyone's day.
 */
const READER_AID =
  /\bwe(?:\swill|'ll|’ll)\s(?:see|find)\b|\b(?:will|'ll|’ll)\s(?:find|see)\s(?:[\p{L}'’-]+\s){0,4}?(?:below|above|here|in (?:this|the following|the next) (?:section|document|post|page|talk|doc|chapter|slides?))\b|\b(?:than\s)?(?:i|we|you|anyone)\s(?:can|could|can't|can’t|cannot)\simagine\b/giu;

/** The past before the change, in the past perfect: "I'd been saving them all year for the turkey" is the story, not a change. */
const BEFORE = caseless(/\b(?:had|'d|’d) been\b/i);

/** A sentence that leads with the new thing and then the customer: "With self-serve returns, a shopper picks…". */
const WITH_LEAD = caseless(/^(?:with (?:the |our |a |an |one )?[^,\n]{1,60}|once [^,\n]{1,60}\s(?:ships|is live|launches|lands|is in place)),\s/i);

/** The clearest change words: enough without a person when the sentence is about the same task as the pain. */
const STRONG_CHANGE = caseless(/\b(?:no longer|instead of|rather than|for the first time|without having to|won(?:'|’)?t have to|never again|in (?:seconds|one click|one step)|no more)\b/i);

const STOPWORDS = new Set(
  'about above after again being before below between could doing during every first their there these those through today under until where which while would should minutes hours days weeks months years takes taking every morning things thing people other another still always never often really every'.split(
    ' ',
  ),
);

/** Content words of a text: five letters or more, lower case, without the commonest ones. */
function contentWords(text: string): string[] {
  return (text.toLowerCase().match(/\p{L}{5,}/gu) ?? []).filter((w) => !STOPWORDS.has(w));
}

/**
 * What "this means" can be followed by that is no benefit: nothing ("For patients, this means nothing yet", "… no change"), or a
 * limit put on the group ("For users on the free plan, this means a hard cap of 100 requests a day"). Not "no more waiting" or
 * "not having to queue": those are the benefit.
 */
const NOTHING_OR_LIMIT = String.raw`(?:nothing|no (?:change|difference)|not (?:much|yet)|(?:very\s)?little(?=\s*(?:[.,;]|$|yet\b|for\b|to\b)))|(?:an?\s)?(?:(?:new|hard|soft|strict|stricter|daily|monthly|lower)\s)?(?:cap|limit|ceiling|quota)s?\b`;

/**
 * A benefit stated for a named group: "For merchants, it means a card that works at 7 a.m. on a Saturday", "for contributors
 * this means…", "what this means for nurses is…". The sentence is the consequence, so a before it names ("paged twice a month
 * instead of every night") is not read as today's struggle.
 */
const BENEFIT_FOR = caseless(
  regExp(
    String.raw`^(?:and\s|so\s)?for\s(?:the\s|our\s|all\s|every\s|new\s|most\s|many\s)?(?:[\p{L}-]+\s){0,3}?(?!teams?\b)(?:${PERSON_WORDS})(?![\p{L}-])[^,.;:\n]{0,40}?,?\s(?:this|that|it|which)\s(?:means|will mean|would mean)\b(?!\s(?:${NOTHING_OR_LIMIT}))|\b(?:this|that|it)\s(?:means|will mean|would mean)\sfor\s(?:the\s|our\s|all\s)?(?:[\p{L}-]+\s){0,2}?(?!teams?\b)(?:${PERSON_WORDS})(?![\p{L}-])`,
    'iu',
  ),
);

/**
 * A customer as the subject of what they will be able to do or will no longer do ("participants should be able to try it in
 * their own teams", "researchers will be able to…"), or of a purpose clause that tells a change ("so that owners opt in to a
 * strategy rather than engineer one"): value even where the section is about the plan, the why, the strategy or the outcome.
 * Not "you": in a talk's or a guide's how-to, "you will be able to configure…" tells the reader a feature, not a better day;
 * nor "the team": in a plan, "the team will be able to ship in March" is the writers' own schedule.
 */
const CUSTOMER_ABLE = caseless(
  regExp(
    String.raw`(?<![\p{L}-])(?!you\s|teams?\s)(?:${PERSON_WORDS})\s(?:will|would|should|can|could)\s(?:now\s|also\s|still\s|then\s)?(?:be able to|no longer)\b|\bso(?:\sthat)?\s(?:the\s|our\s|all\s|new\s)?(?!you\s|teams?\s)(?:${PERSON_WORDS})\s(?:can\s|could\s|will\s)?\p{L}+\b[^.;\n]{0,60}?\b(?:rather than|instead of|without|no longer)\b`,
    'iu',
  ),
);

/**
 * What someone will be able to do that is the market's price and not their day: "Suppliers will be able to raise their prices",
 * "they can charge more". The business's economics, not a better day for the customer.
 */
const PRICE_RISE = caseless(
  /\b(?:raise|raising|increase|increasing|put up|hike|hiking)\s(?:(?:their|its|our|his|her|the)\s)?(?:\w+\s)?(?:prices?|fees?|rents?|charges?)\b|\bcharge (?:more|higher)\b/i,
);

/** Sections about the plan, the ask, the business or the metrics are not where a customer's day changes. */
const NOT_ABOUT_CUSTOMERS: ReadonlySet<BeatId> = new Set(['why', 'business', 'strategy', 'how', 'outcome', 'ask']);

/**
 * Does this sentence say what changes in someone's day? Not today's pain ("they spend an hour on paperwork
 * instead of patients"), not business ("renew at a higher rate"). Memoised by text, as the sentences of
 * unchanged sections come back after every keystroke.
 */
const changeIn = memoByText((sentence: string): boolean => {
  const text = withoutCondition(sentence).replace(READER_AID, ' ').replace(NO_CHANGE, ' ');
  return (CHANGE.test(text) || BEFORE_AFTER.test(text)) && !notAChange(text);
});

/** No benefit, whatever else the sentence says: a question, a change for the worse, the business case or a seller's price rise. */
function noBenefit(text: string): boolean {
  return QUESTION.test(text) || WORSE.test(text) || BUSINESS.test(text) || PRICE_RISE.test(text);
}

/** No change in someone's day: no benefit, today's "before", or a strong struggle. */
function notAChange(text: string): boolean {
  return noBenefit(text) || BEFORE.test(text) || struggleIn(text) === 'strong';
}

/** A benefit for a named group that is not a question, a change for the worse or the business case. */
function benefitFor(text: string): boolean {
  return BENEFIT_FOR.test(text) && !noBenefit(text);
}

/** A belief or a norm for every customer ("We believe every student should be able to follow a lecture") is the why, not a change. */
const NORM = caseless(regExp(String.raw`\b(?:we|i)\s(?:\p{L}+\s)?believe\b|\b(?:every|each|any)\s(?:[\p{L}-]+\s)?(?:${PERSON_WORDS})\s(?:should|must|deserves?)\b`, 'iu'));

/** A customer as the subject of what they will be able to do, told as a statement and not as a norm, a struggle, a worse day or the business case. */
const ableIn = memoByText((sentence: string): boolean => {
  const text = withoutCondition(sentence);
  return CUSTOMER_ABLE.test(text) && !NORM.test(text) && !notAChange(text);
});

/** A question asks whether something would change ("Maybe no more than a few days a month?"): it does not say that it does. */
const QUESTION = /\?["”*_)\s]*$/;

/** Change words that describe the product as much as anyone's day: "automatically", "in one place", "within 2 hours". */
const DESCRIPTOR =
  /\b(?:automatically|in one place|at a glance|one click|on (?:one|a single) (?:screen|page)|in (?:one|two|three|a few) (?:taps|clicks|steps)|in (?:seconds|one step|a single step)|within (?:a|an|one|two|three|four|five|six|seven|ten|\d+) (?:seconds?|minutes?|hours?|days?|working days))\b/gi;
/** Someone doing something: a role or a pronoun followed by what they do ("pharmacists see", "you get", "riders can"). */
const ROLE_ACTING = caseless(
  regExp(
    String.raw`(?<![\p{L}-])(?:${PERSON_WORDS})\s(?:can|could|will|would|get|gets|see|sees|know|knows|find|finds|no longer|just|only|simply|now|receive|receives|choose|chooses|pick|picks|book|books|tap|taps|go|goes|spend|spends|save|saves|keep|keeps|hear|hears|swap|swaps)\b`,
    'iu',
  ),
);
/** A name followed by what a person does ("Ana swaps"): case-sensitive, so a capital letter is a name. */
const NAME_ACTING = /(?=\p{Lu})(?<![\p{L}\p{N}])\p{Lu}\p{Ll}+\s(?:sees|knows|finds|swaps|picks|books|taps|spends|saves|keeps|hears|chooses|gets)\b/u;
/**
 * A change told only by what the product does ("Town pages combine news and family notices in one place",
 * "captions within 2 hours for students") is a feature, unless someone in the sentence does something.
 */
function featureOnly(text: string): boolean {
  return !CHANGE.test(text.replace(DESCRIPTOR, ' ')) && !ROLE_ACTING.test(text) && !NAME_ACTING.test(text);
}

/**
 * What the new thing lets the people served do, or lets them do with ease: "allows researchers to build on each other's data",
 * "makes it easier for new contributors to get up to speed", "opportunities for patrons to ask and share",
 * "will enable the hospital pharmacy team to start using the dashboard", "to allow more people to collaborate", "the public can
 * easily find the forecast", "service teams have what they need to more easily build…". Counted, as a customer who will be
 * able to is, even in a section about the why, the strategy or the outcome (docs/judgement.md, session 20). Not "you"
 * ("allows you to configure…" in a how-to is the reader learning a feature), nor "the team" or "our team" ("lets our team
 * ship in March" is the writers' schedule).
 */
const ENABLING = caseless(
  regExp(
    String.raw`\b(?:easier|simpler|possible|opportunit(?:y|ies)|chances?)\sfor\s(?:(?:the|our|all|more|new|local)\s)?(?!you\s|teams?\s)(?:${SERVED})\sto\s[a-z]{3,}|${LETTING}(?!(?:the\s)?teams?\s)(?:(?:more|all|other|new|many|the|every)\s(?:[\p{L}-]+\s){0,2}?)?(?!you\s)(?:${SERVED})\s(?:to\s)?[a-z]{3,}|(?<![\p{L}-])(?<!\b(?:the|our)\s)(?!you\s)(?:${SERVED})\s(?:[^.;\n]{0,30}?\s)?(?:can|could|will|would|to)\s(?:now\s)?(?:more\s)?(?:easily|quickly|readily)\s[a-z]{3,}`,
    'iu',
  ),
);

/** What the new thing lets the people served do, told as a statement and not as a norm, a struggle, a worse day or the business case. */
const enablingIn = memoByText((sentence: string): boolean => {
  const text = withoutCondition(sentence);
  return ENABLING.test(text) && !NORM.test(text) && !notAChange(text);
});

/** Finds the first passage that says what changes for a customer, or undefined. */
export function findValue(ctx: ReadingContext): Passage | undefined {
  const names = deckNames(ctx.deck.slides);
  const isPerson = personMatcher(names);
  const isNamed = personMatcher(names, false);
  // A blockquote's words are read whole for a name once, however many of its sentences ask (a read per sentence was quadratic).
  const namedBlock = memoByText(isNamed);
  // The words of today's pain: a change sentence about the same task ("handover takes five minutes instead of twelve") is value.
  const painWords = new Set<string>();
  for (const slide of ctx.deck.slides) {
    for (const p of slidePassages(slide)) {
      if (painWords.size < 500 && p.block.kind !== 'heading' && !p.context.some((b) => NOT_ABOUT_CUSTOMERS.has(b)) && struggleIn(p.text) === 'strong') {
        for (const w of contentWords(p.text)) painWords.add(w);
      }
    }
  }
  for (const slide of ctx.deck.slides) {
    const sections = new Map<number, { person: boolean; change?: Passage }>();
    for (const p of slidePassages(slide)) {
      const heading = p.block.kind === 'heading';
      // The person the narrative introduced, their day changed, counts wherever it is told ("With a Story Sack, a parent like Sioned can…" under "Objectives").
      // A quotation counts as the words of the person who signs it.
      const named = !heading && !p.context.some((b) => b === 'outcome' || b === 'ask') && (isNamed(p.text) || (p.block.kind === 'blockquote' && namedBlock(p.block.text)));
      if (named && (changeIn(p.text) || (WITH_LEAD.test(p.text) && struggleIn(p.text) === undefined && !BUSINESS.test(p.text)))) return p;
      const notBusiness = !p.context.includes('business') && !p.context.includes('ask');
      if (!heading && notBusiness && benefitFor(p.text)) return p;
      if (!heading && notBusiness && ableIn(p.text)) return p;
      if (!heading && notBusiness && enablingIn(p.text)) return p;
      if (p.context.some((b) => NOT_ABOUT_CUSTOMERS.has(b)) && !p.context.includes('value')) continue;
      const change = !heading && changeIn(p.text);
      const person = isPerson(p.text);
      if (change && person && !featureOnly(p.text)) return p;
      if (!heading && person && WITH_LEAD.test(p.text) && struggleIn(p.text) === undefined && !BUSINESS.test(p.text)) return p;
      if (change && STRONG_CHANGE.test(p.text) && contentWords(p.text).some((w) => painWords.has(w))) return p;
      const section = sections.get(p.section) ?? { person: false };
      // The customer addressed in one sentence and the clearest change in the next: "…tells you what to order. No more spreadsheets."
      if (section.person && change && STRONG_CHANGE.test(p.text) && !p.context.includes('pain')) return p;
      if (!heading) section.person ||= person;
      sections.set(p.section, section);
      if (p.context.includes('value')) {
        // Under a heading like "What changes for Gary", a change, or a person in the text, is enough.
        if (change) return p;
        if (person && !heading) return p;
        if (person) section.person = true;
        if (section.person && !heading && (CHANGE_HINT.test(p.text) || p.block.kind === 'list_item')) return p;
      }
    }
    for (const p of notePassages(slide)) {
      if ((isNamed(p.text) && changeIn(p.text)) || benefitFor(p.text) || ableIn(p.text) || enablingIn(p.text)) return p;
      if (changeIn(p.text) && isPerson(p.text) && !featureOnly(p.text)) return p;
    }
  }
  return undefined;
}

/** A line break before a lower-case letter continues the sentence: a note's list item wraps ("allow participants to follow,\n rather than…"). */
const WRAPPED = /[ \t]*\n[ \t]*(?=\p{Ll})/gu;

/** A note that opens with "Let" tells the speaker what to do ("Pause here. Let people react."), not what changes for anyone. */
const STAGE_DIRECTION = /^let\s/i;

/** A slide `parseDeck` gives back unchanged is the same object, so a keystroke splits only the changed slides' notes again, as `slidePassages` does their text. */
const notePassageCache = new WeakMap<Slide, Passage[]>();

/**
 * The sentences of a slide's speaker notes, as passages of no section: a talk often tells its value only in what the speaker
 * says ("These summaries make it easier for new contributors to get up to speed"). Read after the slide's own text, and only
 * for a change that needs no heading: a named person's, a benefit for a group, what someone will be able to do or is let do,
 * or a customer with a change.
 */
function notePassages(slide: Slide): Passage[] {
  let passages = notePassageCache.get(slide);
  if (passages) return passages;
  passages = slide.comments
    .filter((c) => c.kind === 'note')
    .flatMap((c) => {
      const block: Block = { kind: 'paragraph', text: c.text, line: c.line, endLine: c.endLine, level: 0 };
      return sentences(c.text.replace(WRAPPED, ' '))
        .filter((text) => !STAGE_DIRECTION.test(text))
        .map((text) => ({ text, block, context: [], section: -1 }));
    });
  notePassageCache.set(slide, passages);
  return passages;
}
