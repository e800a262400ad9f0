import { PERSON_WORDS, slidePassages, type Passage } from '../deck/beats';
import type { ReadingContext } from './reading';
import { caseless, lowerText } from '../deck/fold';
import { regExp } from '../deck/fence';

/**
 * Business value or market demand in its own words: one of these is enough. Churn and renewal are the business's when customers leave
 * or renew, not churn in an API or its ecosystem, nor the renewal of a certificate, a badge or a permit, nor renewable energy.
 */
export const BUSINESS = caseless(
  regExp(
    [
      String.raw`\b(?:revenue|arr|mrr|profit\w*|gross margins?|margins?|ebitda|p&l|upsell\w*|cross-sell\w*|win rates?|deal sizes?|(?:closed|lost|won|new|bigger|larger)\sdeals|ltv|lifetime value|cac|payback|churn\w*(?!\s(?:in|into|of|across)\s(?:(?:the|these|this|its|our|their)\s)?(?:[\w.'’-]+\s){0,2}?(?:apis?|code\w*|interfaces?|dependenc\w+|schemas?|ecosystems?|releases?|versions?|config\w*|librar\w+|packages?|modules?|repos\w*)\b)|(?<!(?:data|records?|documents?|logs?|files?|emails?|messages?)\s)retention(?!\s(?:polic\w*|periods?|schedules?|concerns?|rules?|requirements?|limits?|windows?|settings?))|(?<!\b(?:certificate|cert|tls|ssl|domain|passport|badge|permit|visa|prescription|ethics|lease|mark)\s)renew(?!able)\w*(?!\s(?:(?:a|an|the|their|your|our|his|her)\s)?(?:[\w-]+\s)?(?:permits?|badges?|certificates?|passports?|prescriptions?|leases?|visas?|quality marks?)\b)|nrr|net (?:revenue|dollar) retention|(?:revenue|account|customer|seat|usage|net|upsell)\sexpansion|expansion\s(?:revenue|arr|mrr|deals?|rates?|motion|opportunit(?:y|ies)|into\s(?:new\s)?markets?)|arpu|aov|average order value|gmv|monetiz\w*|unit economics|roi|return on investment|paying customers|new logos?|wallet share|conversion rates?|upgrade rates?)\b`,
      String.raw`\b(?:sales|deal|revenue)\spipeline\b|\bpipeline (?:of|worth|coverage)\b`,
      String.raw`\bretain(?:s|ed|ing)? (?:customers|users|accounts|clients|members|subscribers|them|more)\b`,
      String.raw`\bmarket (?:size|share|demand|opportunity|leader\w*|segment)\b|\baddressable\b|\bmarkets? worth\b`,
      String.raw`\bcost (?:savings?|to serve|per \w+|of (?:doing nothing|inaction|delay|support|goods|errors?|churn))\b|\b(?:support|operating|operational|infrastructure|infra|cloud|hosting|aws|gcp|azure|headcount|labou?r|licen[cs]e|licensing|vendor|staffing|overtime|training|acquisition|compute|storage|tooling|on-call|warehouse|data|software|saas|marketing|ad|media|travel|it|maintenance|running|fulfil(?:l)?ment|shipping|customer service|contact[- ]cent(?:re|er)|call[- ]cent(?:re|er))\s(?:costs?|spend|bills?)\b|\b(?:under|over)\sbudget\b|\bcosts?\s(?:less|more|\w+)?\s?per\s(?:session|patient|customer|user|order|ticket|call|case|seat|unit|visit|transaction|shipment|parcel|claim)\b`,
      String.raw`\bsav(?:e|es|ed|ing) (?:us|the company|the business|our)\b|\b(?:reduc|cut|lower|decreas|trim|halv)\w*\s(?:our|the (?:company|business|organi[sz]ation)(?:'|’)s)\s(?:[\w-]+\s){0,2}?(?:spend|spending|costs?|bills?|outgoings|overheads?|expenditure)\b|\b(?:sav\w*|free(?:s|d|ing)? up|releas\w*|redeploy\w*)\s(?:about\s|around\s|roughly\s|~)?\d[\d,.]{0,15}\s?ftes?\b|\bcost us\b|\bcosts? the company\b`,
      String.raw`\b(?:customers|clients|users|buyers|prospects) (?:are |keep |have been |kept )?(?:asking|begging) (?:us )?for\b|\b(?:customers|clients|prospects) (?:are |keep )?requesting\b|\basked (?:us )?for (?:this|it)\b|\bwaitlist\b|\brfps?\b|\b(?:top|most|#1|number one) (?:requested|request|complaint|reason)\b|\bfeature requests?\b`,
      String.raw`\b\d[\d,.]{0,15}\s?(?:k\s)?(?:engineer(?:ing)?[- ]|person[- ]|staff[- ]|work(?:ing)?[- ])?hours\b[^.;\n]{0,40}?\b(?:a|per|each|every) (?:year|quarter|month)\b`,
      // Value to a public body or a charity, in its own words: value for money, costs avoided, money saved for the council or the taxpayer.
      String.raw`\bvalue for money\b|\bcost[- ]effective\w*|\bcost[- ]benefit\b|\bcost avoidance\b|\b(?:costs?|money|spend(?:ing)?|fees|overheads?) (?:avoided|saved)\b|\bavoid(?:s|ed|ing)? (?:\w+\s)?costs?\b|\b(?:public|taxpayers?(?:'|’)?) (?:money|funds|purse)\b|\bsocial return\b|\bsav(?:e|es|ed|ing) (?:the\s)?(?:council|county|city|state|trust|nhs|district|health (?:system|service|board)|hospital|school|taxpayers?|government|department|agency|ministry|authority|charity|foundation|system)\b`,
      // Market demand as people write it in strategy and product pages.
      String.raw`\btable stakes\b|\bkey differentiators?\b|\bbarriers? to (?:adoption|entry|growth|sales|purchase)\b|\bcompetitive (?:advantage|edge|pressure|parity|threat)\b|\blos(?:e|es|ing|t) (?:deals|customers|accounts|bids|tenders|renewals) to\b`,
    ].join('|'),
    'i',
  ),
);

/** Market-size acronyms, upper case only: "Sam" is a customer, "SAM" a market. */
const MARKET_ACRONYMS = /\b(?:TAM|SAM|SOM)\b/;

/**
 * Money: "$2M", "€400k", "1.2 million" (but not "1.2 million meals", a count), and staff counted in FTE.
 * Counted unless it is what the work costs: the sentence asks for it or prices the work, or its section
 * or its table is the budget ("a budget is not a return").
 */
const MONEY =
  /[$€£¥]\s?\d|\b\d[\d,.]{0,15}\s?(?:million|billion|bn|mn)\b(?!\s(?!(?:dollars|euros|pounds|usd|eur|gbp|in\b|a\s(?:year|month)|per\b|of\s(?:revenue|sales|savings|income|profit|cost))\b)\p{Ll})|\b\d[\d,.]{0,15}\s?(?:usd|eur|gbp|dollars|euros|pounds)\b|\b\d[\d,.]{0,15}\s?ftes?\b/iu;
const ASKING_FOR_MONEY = caseless(
  /\b(?:ask\w*|request\w*|need|budget\w*|fund\w*|approv\w*|invest\w*|spend on|to build|hire|hiring|headcount|cost to (?:build|deliver|implement|run)|raising|gifts?|donat\w*|give|giving|pledge\w*|grant|(?:total|programme|program|project|one-off|one-time|upfront|up-front|capital|implementation|build|pilot|delivery|option|estimated|licen[cs]e|licensing)\s(?:costs?|spend|budget|investment|capital|outlay|fee|fees|uplift)|capex|(?:will|would) cost|costs? (?:of|for) (?:the|this|our) (?:programme|program|project|pilot|work|build|option|proposal|rollout))\b/i,
);
/** A section or a table that prices the work rather than stating its worth: "Budget", "Costs and resourcing", "Your gift". */
const PRICE_HEADING = caseless(
  /\b(?:budget\w*|costs?|costing|pricing|price|investment|funding|resourc\w*|staffing|gifts?|donat\w*|expenditure|use of funds|the raise|spend)\b(?![^\n]{0,30}\b(?:of (?:doing nothing|inaction|delay|the status quo|waiting)|today|now|current\w*|savings?|avoided)\b)/i,
);

/** A heading that says "benefits" and nothing about whose: "Benefits", "4. Expected benefits". */
const BENEFITS = caseless(/^\W*(?:\d+[.)]?\s*)?(?:the\s|expected\s|key\s|main\s|financial\s|wider\s)?benefits\W*$/i);

/**
 * "What's in it for …" names a beneficiary that is not a customer or a person ("What's in it for us", "What's in it for Greybrook",
 * "… for the network"): like a bare "Benefits", its words decide whether it is the business case.
 */
const IN_IT_FOR_US = caseless(regExp(String.raw`\bwhat(?:'|’)?s in it for (?!(?:the |our |your |each |every )?(?:${PERSON_WORDS})\b)`, 'i'));
/** Every heading IN_IT_FOR_US accepts holds these words: tested first, its long list of people is compiled only for a heading that could say it. */
const inItForUs = (heading: string): boolean => lowerText(heading).includes('s in it for ') && IN_IT_FOR_US.test(heading);

/** A table whose header row prices the work ("Item · Cost", "Option · One-off cost", "Your gift · What it provides"). */
function pricesTheWork(header: string): boolean {
  return PRICE_HEADING.test(header) || ASKING_FOR_MONEY.test(header);
}

/** A section on the competition ("Competitive landscape", "Competitors", "Analyst landscape"): the market side of the business case. */
const COMPETITION_HEADING = caseless(/\b(?:competiti\w*|competitors?|(?:analyst|market) landscape)\b/i);

/** Hints of business value that need a second hint, or a business heading, to count ("scale" is not one: "at scale" is about size). */
const WEAK =
  /\b(?:growth|grow(?:s|ing|n)?|market|demand|competitor\w*|competition|competitive|compet(?:e|es|ed|ing)|costs?|costly|expensive|efficien\w*|productivity|pric(?:e|es|ing)|sales|acquisition|risk|fines?|penalt\w*|compliance|brand|reputation|differentiat\w*|customers want|valuation|investors?|profitable|savings?|budget|spend|capacity|income|tuition|fees|expansion)\b/gi;

/** One idea per hint, however it is inflected: "grow" and "growth", "cost" and "costly", "competitor" and "competition" are one hint each. */
function hintStem(word: string): string {
  return word
    .toLowerCase()
    .replace(/(?:es|s|th|ing|n|ly|e|y)$/, '')
    .slice(0, 5);
}

/**
 * Money that is a customer's own: in one person's story ("He was spending over £2,100 a year on oil"), or saved for people on their
 * bills ("For households we have helped, insulation saves £310 a year on heating bills"), or weighed against their own pay ("a taxi that
 * costs £14 each way — more than an hour of her wage"). Their pain or their value, not the
 * organisation's business case.
 */
const CUSTOMERS_MONEY = caseless(
  /^for (?:(?:the|our|each|every|most|many|these|those)\s)?(?:[\w-]+\s)?(?:households|families|customers|users|residents|patients|people|members|tenants|clients|students|parents|carers|drivers|homeowners)\b|\bon (?:(?:their|your|his|her|household|home|heating|energy|fuel|water|phone|grocery|food)\s){1,2}bills?\b|\b(?:he|she)(?:'s|’s)?\s(?:was\s|is\s|had\s|has\s|had been\s|has been\s)?(?:spen\w*|pa(?:y|ys|id|ying)|owe\w*|los\w*|earn\w*|sav\w*|borrow\w*|budget\w*)\b|\b(?:his|her)\s(?:own\s|weekly\s|monthly\s|hourly\s|daily\s)?(?:wages?|salary|pay|income|rent|pension|savings|earnings|fares?|benefits)\b/i,
);

/** Finds the first passage that states business value or market demand, or undefined. */
export function findBusiness(ctx: ReadingContext): Passage | undefined {
  for (const slide of ctx.deck.slides) {
    const sectionHints = new Map<number, number>();
    // Whether the current section's heading, or the current table's header row, prices the work.
    let pricing = false;
    let benefits = false;
    let competition = false;
    let titled = false;
    let pricedTable = false;
    let section = -1;
    let previous: Passage | undefined;
    for (const p of slidePassages(slide)) {
      if (p.section !== section) {
        section = p.section;
        pricing = p.block.kind === 'heading' && PRICE_HEADING.test(p.block.text);
        benefits = p.block.kind === 'heading' && (BENEFITS.test(p.block.text) || inItForUs(p.block.text));
        competition = p.block.kind === 'heading' && COMPETITION_HEADING.test(p.block.text);
        // The document's title ("Request: electronic discharge summaries") names what the whole page is, not the role of each paragraph under it.
        titled = slide.index === 1 && p.block === slide.blocks[0] && p.block.kind === 'heading' && p.block.level === 1;
      }
      // Each table row is a block of its own: the first row of a run is the header.
      if (p.block.kind !== 'table') pricedTable = false;
      else if (previous?.block.kind !== 'table' || previous.section !== p.section) pricedTable = pricesTheWork(p.block.text);
      previous = p;
      // A customer's story ("before her renewal calls") and the ask ("a budget of $120k") are not the business case.
      // A plain "Benefits" heading lists the organisation's benefits as often as the customer's: its words decide.
      if (p.context.some((b) => b === 'ask' || b === 'pain' || b === 'value') && !p.context.includes('business') && !benefits && !titled) continue;
      if (BUSINESS.test(p.text) || MARKET_ACRONYMS.test(p.text)) return p;
      if (MONEY.test(p.text) && !ASKING_FOR_MONEY.test(p.text) && !CUSTOMERS_MONEY.test(p.text) && !pricing && !pricedTable) return p;
      // What the work costs is not its worth, however many cost words it uses.
      if (pricing || pricedTable) continue;
      const words = new Set((p.text.match(WEAK) ?? []).map(hintStem));
      if (words.size >= 2) return p;
      if (words.size === 0) continue;
      // Under a business heading, or a section on the competition, one hint is enough.
      if (p.context.includes('business') || competition) {
        const n = (sectionHints.get(p.section) ?? 0) + words.size;
        sectionHints.set(p.section, n);
        if (n >= 1 && p.block.kind !== 'heading') return p;
      }
    }
  }
  return undefined;
}
