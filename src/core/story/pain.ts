import { PERSON_WORDS, REPORT_NOUN, deckNames, personMatcher, slidePassages, type Passage } from '../deck/beats';
import type { BeatId, Block } from '../deck';
import { memoByText } from '../deck/memo';
import { BUSINESS } from './business';
import type { ReadingContext } from './reading';
import { caseless } from '../deck/fold';
import { regExp } from '../deck/fence';

/**
 * A struggle told through what someone does or suffers: time lost, waiting, re-typing, giving up,
 * not being able to. Strong enough on its own next to a person.
 */
export const STRUGGLE = caseless(
  regExp(
    [
      String.raw`\bstruggl\w*\sto\b`,
      String.raw`\bspen(?:d|ds|t|ding)\b[^.;\n]{0,40}?\b(?:hours?|minutes?|days?|weeks?|an hour|half|most of|\d{1,3}\s?%|time (?:on|copying|chasing|searching|fixing|re-?entering|looking|typing|waiting))`,
      String.raw`\bwait(?:s|ed|ing)?\s(?:for|on|up to|\d|hours|days|weeks|months|until|in line|around|about|nearly|almost|over|more than|at least|an? (?:hour|day|week|month|average of|median of|mean of|typical)|(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|several|many) (?:minutes|hours|days|weeks|months))|\bon hold\b`,
      String.raw`\b(?:takes?|took|taking)\b[^.;\n]{0,30}?\b(?:\d+|two|three|four|five|six|seven|eight|ten|twelve|twenty|thirty|forty|several|many|multiple)\s(?:minutes|hours|days|weeks|months|clicks|screens|steps|calls|emails|tools|tries|attempts|forms)`,
      String.raw`(?<!\b(?:cannot|can(?:'|’)?t|must not|mustn(?:'|’)?t|never)\s(?:afford to\s)?)\blos(?:e|es|t|ing)\s(?:\d|hours|time|track|data|work|money|sleep|sales|customers|patients|orders|their|her|his|an?\s|days|weeks|context|the)`,
      String.raw`\bg(?:ive|ives|ave|iving) up\b|\babandon(?:s|ed|ing)?\b|\bdrop(?:s|ped)? off\b|\bfall(?:s)? through the cracks\b`,
      String.raw`\bre-?(?:enter|type|key)\w*|(?<!\b(?:paper|hard|printed|print|free|spare|extra|digital|signed|a|the|one|two|of)\s)\bcop(?:y|ies|ied|ying)\b(?!-)|\bpast(?:e|es|ed|ing)\b|\bchas(?:e|es|ed|ing)\b|\bjuggl\w*|\btoggl(?:e|es|ed|ing)\s(?:between|back and forth)\b|\bswitch(?:es|ing)? between\b|\bdig(?:s|ging)? through\b|\b(?:search|hunt|scroll|sift)(?:es|s|ed|ing)? (?:through|across|for)\b|\b(?:search|hunt|look)(?:es|s|ed|ing)?\b[^.;\n]{0,30}?\bfor\s(?:\d{1,3}|an?|half an|two|three|four|five|ten|twenty|thirty|forty|several)\s(?:minutes?|hours?|days?|weeks?)\b`,
      String.raw`\bby hand\b|\bmanually\b|\bmanual (?:work|process(?:es)?|entry|data entry|re-?entry|checks?|steps?|effort|labou?r|chasing|copying|workarounds?|reconciliation|lookups?|counts?)\b|\bspreadsheets?\b|\bpaper (?:forms?|sheets?|notes?|lists?|charts?|checklists?|logs?|files?|records?|binders?|diar(?:y|ies))\b|\bon paper\b|\bwhiteboards?\b|\bsticky notes\b|\bpost-its?\b|\bphon(?:e|es|ing) around\b|\bworkarounds?\b|\bprintouts?\b`,
      String.raw`\bmiss(?:es|ed|ing)?\s(?:a|an|the|their|her|his|deadlines?|calls?|changes?|\d|out|appointments?|shifts?|orders?)\b`,
      String.raw`\b(?:stuck|locked out|overwhelm\w*|burn(?:ed|t)? out|overtime|error-prone|mistakes?|errors?|late (?:fees?|deliveries|payments?)|double-book\w*|escalat\w*|no-shows?)\b`,
      String.raw`\b(?:hours?|minutes|days)\s(?:a|per|every|each)\s(?:day|week|month|shift|ticket|call|order|patient|visit|case|deploy|release|close)\b`,
      String.raw`\b\d[\d,]{0,6}\s(?:[a-z-]+\s)?(?:calls|phone calls|emails|messages|trips|chasers|reminders|forms)\s(?:a|per|every|each)\s(?:day|week|shift|night|month)\b`,
      String.raw`\bqueu(?:ed|ing)\b|\bin (?:the |a |long )?queues?\b|\b(?:long|huge|endless) queues?\b|\b(?:wait(?:s|ed|ing)?|stand(?:s|ing)?|stood) in (?:the |a )?line\b|\bwalk(?:s|ed)? (?:out|away)\b|\bleav(?:e|es|ing) without\b|\bputs? (?:it|them|the \w+|her \w+|his \w+) back\b|\bturned away\b`,
      String.raw`\b(?:contact|call|email|chase|ring|phone|message|write|wrote|rang|visit)(?:s|ed|ing)?\s(?:us\s|them\s|support\s|the \w+\s)?(?:\w+\s)?(?:(?:two|three|four|five|six|seven|eight|nine|ten|several|many|multiple|\d+)\stimes|again|twice|repeatedly)\b`,
      String.raw`\b(?:contact|call|email|text|chase|ring|phone|message)(?:s|es|ed|ing)?\s(?:\d{1,4}|a dozen|dozens of|(?:ten|twelve|fifteen|twenty|thirty|forty|fifty)(?:\s\w+)?)\s(?:people|colleagues|customers|suppliers|drivers|nurses|staff|parents|families|numbers|members)\b`,
      String.raw`\brepeat(?:s|ed|ing)?\s(?:himself|herself|themselves|myself|the (?:story|problem|question)|their story|her story|his story)\b|\bexplain(?:s|ed|ing)? (?:the|her|his|their) (?:problem|issue|story|situation) (?:again|to)\b|\bstart(?:s|ed|ing)? (?:again|over|from scratch)\b`,
      String.raw`\b(?:mov(?:e|es|ed|ing)|switch(?:es|ed|ing)?|go(?:es|ing)?|went|leav(?:e|es|ing)|left) (?:to|for) (?:a |our )?(?:competitors?|rivals?)\b|\b(?:rais|fil|open|log)(?:e|es|ed|ing|s)? a (?:ticket|complaint|case)\b`,
      String.raw`\b(?:goes|went|looks|looked|is|was|were|are) wrong\b|\bout of date\b|\boutdated\b|\bdidn(?:'|’)?t (?:see|get|hear|receive|know)\b`,
      String.raw`\b(?:hours|days|weeks|months) (?:later|late)\b|\bor not at all\b`,
      String.raw`\b(?:woken|woke|wakes?|waking) (?:up )?(?:at|by|for|in the night|every|\d)|\bpaged\b[^.;\n]{0,20}?\b(?:\d+|twice|again|(?:three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|many|multiple|a dozen) times)\b|\b(?:tired|sick) of\b|\bfed up\b|\bexhausted\b|\bhand(?:s|ed)? in (?:his|her|their|my) notice\b`,
      String.raw`\bthrow(?:s|ing)? (?:it|them|\w+) away\b|\bthrew (?:it|them|\w+) away\b|\bnowhere (?:else )?to (?:go|put|turn|sell|store|park|stay|sleep)\b|\bgo(?:es)? to waste\b`,
      String.raw`\bput(?:s|ting)? up with\b|\bmak(?:e|es|ing) do with\b|\bnothing better exists\b|\bcost-?prohibitive\b|\b(?:can(?:'|’)?t|cannot|could(?:n(?:'|’)?t| not)) afford\b|\bpriced out\b`,
    ].join('|'),
    'i',
  ),
);

/**
 * Not being able to, or having to: a struggle only when someone is its subject ("riders can't see…", "she has to ring"),
 * not a thing ("the scaler is unable to get metrics", "the implementation would have to wrap the C API").
 */
const CANNOT = regExp(
  [
    String.raw`\b(?=c)(?<!\bwe\s)(?:can(?:'|’)?t|cannot|can not\b|couldn(?:'|’)?t)(?!\sbe\s(?:[a-z-]+ed|done|seen|met|kept|made|run|given|shown|sold|built)\b)(?!\s(?:afford to\s)?(?:lose|miss|fail|risk)\s(?:a|an|one|any|even|the|a single)\b)|\b(?:unable to|no way to|(?:don|doesn|didn)(?:'|’)?t know|never know|(?:have|has|had) no (?:idea|way|visibility|view|time))\b`,
    String.raw`\b(?:has|have|had|having) to\b(?!\sbe\s(?:[a-z-]+ed|done|seen|met|kept|made|run|given|shown|sold|built|thrown|written|taken|willing|able|ready|available|familiar|aware|present|eligible|comfortable)\b)|\bforced to\b|\bend(?:s|ed)? up\b`,
  ].join('|'),
  'gi',
);
/** Someone just before a "can't" or "has to", in the same clause: a role, a pronoun, "I", "someone". */
const SUBJECT = caseless(
  regExp(
    String.raw`(?<![\p{L}\p{N}-])(?:${PERSON_WORDS}|i|me|my|someone|somebody|anyone|anybody|everyone|everybody|child|baby|son|daughter|mother|father|mum|mom|dad|wife|husband|partner|friend|neighbou?r)(?![\p{L}\p{N}-])`,
    'iu',
  ),
);
/** A name just before it: a capitalised word that is not a sentence's function word ("Marek doesn't know", "…and Maria can't"). */
const NAME_SUBJECT =
  /(?<![\p{L}\p{N}'’])(?!(?:The|This|That|These|Those|It|Its|There|Here|We|Our|Us|What|When|Where|Which|Who|How|If|And|But|So|Or|An|In|On|At|For|With|Without|Each|Every|Some|Any|No|All|Most|Many|Such|Then|Now|Today|Currently|Usually|Often|Also|However|Note|Because|Since|While|Whilst|Although|Though|Unless|Until|Once|After|Before|As|Even|Yet|Still|Only|Just|Maybe|Perhaps)\b)\p{Lu}\p{Ll}{1,20}(?![\p{L}\p{N}])/u;
/**
 * The name is the verb's subject only when it stands right before it, an adverb aside ("Maria still can't", "…and Marek doesn't
 * know", "Ana sends money home and cannot"): in "C libraries linked from Rust code currently cannot" or "Should we be unable to" the capitalised word is not who cannot.
 */
const NAME_BEFORE_VERB = regExp(String.raw`${NAME_SUBJECT.source}(?:\s(?:\p{Ll}+ly|still|never|often|just|also|even|now|always|sometimes|simply)|(?:\s\p{Ll}+){1,5}\s(?:and|but))?\s*$`, 'u');
/** An apposition just before the verb ("Rhiannon, an office manager, has to"): it describes the subject before it. */
const APPOSITION = /,\s(?:an?|the|our|one of our|my|their)\s[^,;:()—–]{1,40},\s*$/u;
/** Where a clause starts, looking back from the verb. */
const CLAUSE_START = /^.*[,;:()—–]/su;
/** The subject is among the six words before the verb ("nurses on the night shift can't"), not further back ("…lets users set a value for when the scaler is unable to"). */
const LAST_WORDS = /^.*?((?:\S+\s+){0,6})$/su;

/** Does someone not manage, or have to, in this text: a "can't" or "has to" with a person as its subject? */
function someoneCannot(text: string): boolean {
  for (const m of text.matchAll(CANNOT)) {
    const before = text
      .slice(Math.max(0, m.index - 80), m.index)
      .replace(APPOSITION, ' ')
      .replace(CLAUSE_START, '')
      .replace(LAST_WORDS, '$1');
    if (SUBJECT.test(before) || NAME_BEFORE_VERB.test(before)) return true;
  }
  return false;
}

/** Complaints that need a concrete detail next to them to count ("frustrated" alone is not a story). */
const WEAK_STRUGGLE = caseless(
  /\b(?:struggl\w*|frustrat\w*|complain\w*|dread\w*|unhappy|annoy\w*|painful|pain points?|difficult|hard (?:to|time)|slow|confus\w*|clunky|tedious|outdated|dissatisf\w*|upset|angry|friction|hassle|stress\w*|anxious|worr(?:y|ied|ies))\b/i,
);
/** Words that name a problem, however abstractly ("the build is slow", "40% of incidents", "a barrier to adoption"): not a story, but not a solution either. */
export const PROBLEM = caseless(
  /\b(?:problems?|fail(?:s|ed|ing|ures?)?|wrong|broken|break(?:s|ing)?|errors?|mistakes?|risks?|slow(?:er|ly|s|ing)?|delay(?:s|ed)?|outages?|incidents?|nearly|almost|worse|unsafe|painful|expensive|costly|hard to|difficult|too (?:slow|long|late|many|few|much|often|hard)|barriers?|lack(?:s|ing)?|shortages?|backlogs?|bottlenecks?|complain\w*|frustrat\w*|struggl\w*|can(?:'|’)?t|cannot|unable|end of life|unmaintained|deprecated)\b/i,
);
/** In a section headed as the pain ("Meet Ines", "The problem") with a person in it, a problem word with a concrete detail is enough. */
const MILD_PROBLEM = caseless(
  /\b(?:wrong|broken|break\w*|fail\w*|late|later|again|still|never|nobody|no one|tickets?|delay\w*|hold|wait\w*|lost|missing|problems?|issues?|worse|risk\w*|unsafe|only|too|not|n't|\w+n(?:'|’)t|instead|without|hours?|days?|weeks?|months?)\b/i,
);
const CONCRETE = caseless(
  /\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|dozens?|hundreds?|thousands?|half|minutes?|hours?|days?|weeks?|months?|every|each|when|because|about|after|before|until)\b|["“]/i,
);

/**
 * Phrases that describe the better future rather than today's pain: what follows them up to the
 * next comma or full stop is not read as a struggle ("no one has to type anything twice").
 */
export const FUTURE_PHRASE =
  /\b(?:(?:takes?|taking|in)\s[^.;,\n]{0,30}?\s(?:instead of|rather than|not|down from)\b|(?:will|'ll|’ll|would)\s(?:no longer|never|not|be able to|spend|save|get|finish|see|know|catch|stop|avoid)|(?:could|might)\s(?:spend|save)|would (?:be (?:relieved|freed|spared)|return|gain|get back)|(?:will|'ll|’ll)(?!\s(?:be forced|still|keep|continue)\b)|no longer|never again|won(?:'|’)?t|without|instead of|no more|no one|nobody|should(?:n(?:'|’)?t| not| never)|deserves?|never\s[^.,;\n]{1,40}?\bagain|so (?:that )?(?:she|he|they|you|we) never|nothing (?:is|gets|has to be|needs to be) (?:copied|retyped|re-?entered|re-?keyed|typed|written|lost|missed)|(?:don|doesn)(?:'|’)?t (?:have|need) to|(?:don|doesn)(?:'|’)?t want|(?:do|does) not want|(?:do|does|did) not (?:have|need) to|never (?:has|have|needs?) to|fewer|less|reduc\w*|eliminat\w*|prevent\w*|avoid\w*|so (?:that )?\w+ (?:can|could|will|won't|no longer)|can now|imagine|with (?:the|our|a) new|for (?:those|anyone|people|[a-z]+s) who (?:cannot|can(?:'|’)?t|are unable to))\b(?:[^.,;\n]|[.,](?=\d)){0,80}/gi;

/**
 * One person rather than a group: "a dispatcher", "one parent", "she", "I", a name the narrative uses.
 * A vague complaint about a group ("parents are frustrated") is a report, not a story.
 */
export const ONE_PERSON = caseless(regExp(String.raw`\b(?:(?:a|an|one|this|that|our|my)\s(?:[a-z-]+\s)?(?:${PERSON_WORDS})(?![\w-])(?!\s${REPORT_NOUN})|(?:she|he|her|him|his|i)\b)`, 'i'));

/** A figure, in digits or in words ("thousands of dollars a year", "half of them"): what makes a group's problem concrete. */
export const AMOUNT = caseless(/\d|\b(?:dozens|hundreds|thousands|millions|billions|half|a third|a quarter|twice|three times)\b/i);

/** A question asks rather than tells: "Why can't the Council keep weekly collections?" in an FAQ is not someone struggling. */
const QUESTION = /\?["”*_)\s]*$/;

/**
 * A sentence that says what the talk or the document will cover ("I'll also cover what went wrong: …", "In this post we
 * walk through…") is its outline: the struggles it names are topics, not someone's day.
 */
const OUTLINE = caseless(
  /\b(?:(?:i|we)(?:'ll|’ll| will| am going to| are going to|'m going to|’m going to|'re going to|’re going to)\s(?:also\s|then\s|briefly\s)?(?:cover|walk (?:you )?through|talk about|present|discuss|describe|go (?:over|through)|tell you about|share)|this (?:talk|post|session|paper|article|chapter|section) (?:will\s)?(?:covers?|describes?|explains?|presents?|walks? through|discuss(?:es)?))\b/i,
);

/** A user story ("As a user I want the UI to stay familiar so that my tutorials do not get out of date") states a wish, not a struggle. */
const USER_STORY = caseless(/^[\W\d]{0,4}as an?\s[^,.;\n]{1,40}?,?\s(?:i|we)\s(?:want|need|would like|wish|expect)\b/i);

/** A quotation of a dozen characters or more: a customer's own words. */
export const QUOTE = /["“][^"”\n]{12,400}["”]/;

/** Sections about the solution, the plan, the ask, the metrics, the business case or the strategy are not a customer's story. */
export const NOT_ABOUT_CUSTOMERS: ReadonlySet<BeatId> = new Set(['what', 'business', 'strategy', 'how', 'outcome', 'ask']);

/**
 * A condition that opens a sentence ("If your usage is mostly at peak and you can't shift it, …", "And if this made you go
 * “finally!”, …") says what would follow, not what happens: neither a struggle nor a change is read in it.
 */
const CONDITION = /^(?:(?:and|but|so|or)\s)?(?:if|unless)\s[^,;\n]{1,200},/i;

/**
 * A condition inside a sentence, up to its comma, its "then" or the sentence's end: "Maintainers step back if they are unable to
 * take part", "if a module cannot work but its parts do, then the bug is in the module". It too says what would follow.
 */
const INNER_CONDITION = /(?<=[\s"“(_*-])(?:if|unless)\s[^,;\n]{1,200}?(?:,|\bthen\b|$)/gi;

/** A sentence without its conditions: the one that opens it and any inside it. */
export function withoutCondition(text: string): string {
  return text.replace(CONDITION, ' ').replace(INNER_CONDITION, ' ');
}

/** How strongly a sentence tells a struggle; memoised, so the sentences of unchanged sections are not read again after a keystroke. */
export const struggleIn = memoByText((text: string): 'strong' | 'weak' | undefined => {
  const today = withoutCondition(text).replace(FUTURE_PHRASE, ' ');
  if (STRUGGLE.test(today) || someoneCannot(today)) return 'strong';
  if (WEAK_STRUGGLE.test(today) && CONCRETE.test(today)) return 'weak';
  return undefined;
});

/**
 * A quotation signed by the person who said it, by name or by role ("… — Jade", "– Kofi, night shift lead", "— platform
 * engineer at a fintech customer"), or attributed before it ("His GP wrote to us: “…”").
 */
const SIGNED = regExp(
  String.raw`(?:—|–|--)\s?(?:\p{Lu}\p{Ll}+|(?:an?\s|the\s|one\s|our\s)?(?:[\p{L}-]+\s){0,3}?(?:${PERSON_WORDS})(?![\p{L}-]))|\b(?:said|says|told (?:us|me|them)|wrote(?: to (?:us|me))?|put it)[,:]?\s["“]`,
  'iu',
);
/** Someone speaking: "Emre said to me afterwards", "he told one of our volunteers", "Lumi … told us that". */
const SPEECH = caseless(/\b(?:said|says|told|tells|wrote|writes|explained|explains|recalled|recalls|put it|asked|asks)\b/i);

/** A group's words as a report: "our survey tells us people find it “fragmented and slow”", "reviews say…", "customers tell us…". */
const REPORTED = caseless(
  /\b(?:surveys?|polls?|reviews|feedback|research|studies|data|reports?)\b[^.;\n]{0,40}?\b(?:tells? us|told us|shows?|showed|says?|said|suggests?|found|finds|mentions?)\b|\b(?:customers|users|people|members|residents|clients|patients|parents|staff|colleagues|employees|teams) (?:tell|told|keep telling) us\b/i,
);

/** A change told as before and after: "we went from 38-minute pipelines to under seven", "it cut our close from ten days to three". */
export const BEFORE_AFTER = caseless(/\b(?:went|gone|go|goes|came|come|dropped|fell|got|cut|brought|moved)\s(?:[\p{L}-]+\s)?(?:down\s)?from\s[^.;\n]{1,40}?\bto\b/iu);

/**
 * Someone's own words telling a struggle, or signed by them and naming a problem; words a survey or a group reports are a
 * report, not a story. Words are signed when the paragraph says which one person spoke them ("Emre said to me afterwards:
 * “…”"). Signed words that tell a before and after are a testimonial of the change, however they mention a problem.
 */
function quotedStruggle(block: Block, isOne: (text: string) => boolean): boolean {
  if (!(block.kind === 'blockquote' || QUOTE.test(block.text))) return false;
  if (block.kind !== 'blockquote' && REPORTED.test(block.text)) return false;
  const signed = SIGNED.test(block.text) || (SPEECH.test(block.text) && isOne(block.text));
  const tells = block.kind === 'blockquote' ? struggleIn(block.text) !== undefined : quotationTells(block.text);
  return tells || (signed && MILD_PROBLEM.test(block.text) && !BEFORE_AFTER.test(block.text));
}

/** Every quotation in a text. */
const QUOTES = regExp(QUOTE.source, 'g');

/** Does a quotation in this text tell a struggle in its own words (not one the sentence puts in the better future: "far fewer “I'll have to call you back” calls")? */
function quotationTells(text: string): boolean {
  for (const m of withoutCondition(text).replace(FUTURE_PHRASE, ' ').matchAll(QUOTES)) if (struggleIn(m[0].slice(1, -1)) !== undefined) return true;
  return false;
}

/** A quotation is evidence for the business case, a target or the ask there: not a customer telling their day. */
const QUOTE_AS_EVIDENCE: ReadonlySet<BeatId> = new Set(['business', 'outcome', 'ask']);

/** Finds the first passage that shows a concrete customer struggling, or undefined. */
export function findPain(ctx: ReadingContext): Passage | undefined {
  const names = deckNames(ctx.deck.slides);
  const isPerson = personMatcher(names);
  const isNamed = personMatcher(names, false);
  const isOne = (text: string) => ONE_PERSON.test(text) || isNamed(text);
  // Whether a block quotes a struggle, read once per block however many of its sentences ask (a read per sentence was quadratic).
  const quotedBlocks = new Map<Block, boolean>();
  const quoted = (block: Block): boolean => quotedBlocks.get(block) ?? quotedBlocks.set(block, quotedStruggle(block, isOne)).get(block)!;
  for (const slide of ctx.deck.slides) {
    // Co-occurrence within one block (a paragraph, a list item), and within a section whose heading names the pain.
    const blocks = new Map<object, { person: boolean; quoted: boolean; struggle?: Passage }>();
    const sections = new Map<number, { person: boolean; one: boolean; quoted: boolean; struggle?: Passage }>();
    for (const p of slidePassages(slide)) {
      const pain = p.context.includes('pain');
      // A customer's own words still count beside the solution or the plan ("What we're building" over a nurse's "sticky notes and memory").
      if (!pain && p.context.some((b) => NOT_ABOUT_CUSTOMERS.has(b)) && !(!p.context.some((b) => QUOTE_AS_EVIDENCE.has(b)) && quoted(p.block))) continue;
      const person = isPerson(p.text);
      // "Returned claims cost us £140,000 a year in rework" is the business case, not a customer's struggle.
      // A heading names a section, and a question asks: the struggle itself is told in statements ("Pattern 1: errors people can find" is a title).
      // What a group told us ("colleagues told us the tools feel outdated") is a report, unless it names one person.
      const reported = REPORTED.test(p.text) && !isOne(p.text);
      const struggle = p.block.kind === 'heading' || QUESTION.test(p.text) || USER_STORY.test(p.text) || BUSINESS.test(p.text) || reported || OUTLINE.test(p.text) ? undefined : struggleIn(p.text);
      // Own words tell the struggle themselves: a quoted term or rule ("the logic of “don't allow edits after this date”") beside it is not a customer speaking.
      const ownWords = !REPORTED.test(p.text) && quotationTells(p.text);
      if (struggle === 'strong' && (person || ownWords)) return p;
      if (struggle === 'weak' && (isOne(p.text) || ownWords)) return p;
      const block = blocks.get(p.block) ?? { person: false, quoted: quoted(p.block) };
      // A customer's own words: a quotation or a blockquote that tells a struggle.
      if (block.quoted) return p;
      block.person ||= person;
      if (struggle === 'strong') block.struggle ??= p;
      blocks.set(p.block, block);
      if (block.person && block.struggle) return block.struggle;
      if (pain) {
        const section = sections.get(p.section) ?? { person: false, one: false, quoted: false };
        section.person ||= person;
        section.one ||= isOne(p.text);
        section.quoted ||= p.block.kind === 'blockquote' || (p.block.kind !== 'heading' && QUOTE.test(p.text));
        // One person introduced under a pain heading, in their own words ("Meet Yusuf" … > "Nobody tells you which door to knock on."): a story.
        if (section.one && section.quoted) return p;
        // A group's vague complaint ("parents are frustrated") needs a figure, or one person in the section, to become a problem someone can picture.
        const problem = p.block.kind !== 'heading' && MILD_PROBLEM.test(p.text.replace(FUTURE_PHRASE, ' ')) && CONCRETE.test(p.text) && (AMOUNT.test(p.text) || section.one);
        if (struggle === 'strong' || (struggle === 'weak' && section.one) || problem) section.struggle ??= p;
        sections.set(p.section, section);
        if (section.person && section.struggle) return section.struggle;
      }
    }
  }
  return undefined;
}
