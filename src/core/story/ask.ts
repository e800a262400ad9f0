import { ASK_STRONG, MONTHS, WEEKDAYS, headingBeat, slidePassages, type Passage } from '../deck/beats';
import type { Block, Slide } from '../deck';
import { memoByText } from '../deck/memo';
import { countWords } from '../deck/parseDeck';
import { headingScope, perDeck, perSlide, type ReadingContext } from './reading';
import { caseless } from '../deck/fold';
import { regExp } from '../deck/fence';

/** Under an ask heading ("The ask", "What we need from you", "Next steps"), these words make a request. */
const ASK_WORDS = caseless(
  /\b(?:approv\w*|sign-?off|sign off|green[- ]?light|decid\w*|decision|fund\w*|budget|headcount|allocat\w*|commit\w*|lend|loan|assign|nominat\w*|volunteer\w*|join|sign up|help|support|sponsor|reply|let us know|tell (?:us|me)|reach out|get in touch|come (?:to|talk|find|see)|book|register|vote|pick|choose|need|ask\w*|request\w*|want|invite|introduc\w*|share|review|try|test|comment|feedback|send|staff|hire|give|grant|lend|owner|please)\b/i,
);
/** Under an ask heading, a list item or sentence that opens with an imperative verb is a request. */
const IMPERATIVE = caseless(
  /^(?:\*\*)?(?:approve|fund|join|lend|send|review|pick|choose|decide|nominate|share|sign|book|try|give|assign|staff|commit|confirm|introduce|tell|reply|email|vote|allocate|hire|add|bring|invite|schedule|help|read|comment|test|sponsor|back|support|greenlight|grant|provide|come|talk|reach|ping|register|volunteer|agree|endorse|prioriti[sz]e|protect|free up)\b/i,
);
/** Imperatives that cannot be mistaken for a noun opening a sentence ("Support tickets doubled"). */
const CLEAR_IMPERATIVE = caseless(
  /^(?:\*\*)?(?:approve|fund|join us|lend us|decide|nominate|sign off|greenlight|green-light|allocate|assign|volunteer|reply|tell us|email us|vote|confirm|introduce us|endorse|please)\b/i,
);
/** Saying there is nothing to ask is not an ask. */
const NO_ASK = caseless(/\b(?:no (?:asks?|decisions?|requests?) (?:this|today|needed|for now|yet|right now)|nothing to (?:ask|decide)|no action (?:needed|required))\b/i);

/** A request to read the document itself before a meeting ("Please read it before Thursday's all-hands"): a pre-read, not the narrative's ask. */
const PRE_READ = caseless(/\b(?:please\s)?read (?:it|this|through|the (?:doc|document|page|memo|note|paper|deck|proposal|pre-read))\b[^.;\n]{0,40}?\b(?:before|ahead of|prior to)\b/i);
/**
 * An invitation to comment, which the rule page says is not an ask: "Please comment and contribute in the
 * linked issues", "If you have insights or want to join the conversation, please…", "We'd welcome your
 * feedback"; and so is a request to pass the document on ("Please share it with your friends"). It asks nothing a reader must
 * decide or give.
 */
const INVITATION = caseless(
  /\bshare (?:it|this|these slides|this (?:deck|talk|post|page|letter|article|video))\s(?:with|among)\b|^(?:please\s)?(?:comment|contribute|share your (?:thoughts|feedback|comments|ideas)|give (?:us )?(?:your )?feedback|leave (?:a )?comments?)\b|\bplease (?:comment|contribute|share your (?:thoughts|feedback|comments|ideas)|give (?:us )?(?:your )?feedback|leave (?:a )?comments?|join (?:in )?the (?:conversation|discussion))\b|\b(?:if you have|for) (?:any )?(?:additional |further |more )?(?:insights?|feedback|comments|thoughts|ideas|questions)\b[^.;\n]{0,80}?\bplease\b|\b(?:we|i)(?:'d|’d|\swould)\s(?:welcome|love|appreciate) (?:your |any )?(?:thoughts|feedback|comments|ideas|input)\b/i,
);
/** An open question the writers ask themselves ("Do we need 16 shards, or would 8 be simpler?"): something to settle, not a request of the reader. */
const OPEN_QUESTION = caseless(/^(?:do|does|did|should|would|could|can|will|shall|must|is|are)\s(?:we|i|they|it|this|that|there)\b[^?\n]*\?\W*$/i);
/** A decision already taken, reported ("We decided to go with option A", "This was approved in May"): a record, not a request, even under a "Decision" heading. */
const DECIDED = caseless(
  /\b(?:we|i|they)\s(?:have\s|had\s)?(?:decided|chose|opted|settled)\b|\b(?:was|were|has been|have been|had been)\s(?:decided|approved|agreed|accepted|chosen|adopted|ratified)\b|\bthe decision (?:was|has been) (?:made|taken)\b/i,
);
/** Words that name someone to act or a date: with them, an invitation to comment asks ("comment by Friday; @jo summarises"). */
const specific = (text: string): boolean => hasOwner(text) || hasDate(text);
/**
 * A decision paper's request, in its own passive voice: "The Board is asked to approve…", "It is recommended that the Committee…";
 * and the same proposal put in the active voice, "We propose that the first meeting take place on 19 November" (not "we propose to
 * build…", which says what the work is, nor "we propose that the natural home of the project is…", a claim); a council paper's
 * resolution, also made by one member ("That the Cabinet Member approves…") or opening a list of them ("2.1 That Cabinet:"). Not a
 * claim put as a proposal: a subject that counts, with no "should", "must" or "be" after it ("we propose that most cache misses come
 * from…"), tells what is so, not what to do ("we propose that most reviews should happen in the open" still proposes).
 */
const PAPER_ASK = caseless(
  /\b(?:is|are) (?:asked|invited|requested|recommended) to (?:note|approve|agree|endorse|support|decide|consider|confirm|comment|discuss|fund|sign off|accept|adopt|ratify)\b|\bit is (?:recommended|proposed) that\b|\b(?:we|i) (?:therefore |formally |hereby )?propose that\s(?!(?:most|many|few|the majority)\b(?![^.;\n]{0,160}?\b(?:should|must|shall|be|will|would|can|could|need to)\b))(?![^.;\n]{0,160}?\b(?:is|are|was|were|has|have)\b)|\b(?:we|i) recommend (?:that )?(?:the )?(?:board|committee|panel|council|cabinet|executive|trustees|governors|leadership)\b|^(?:\d{1,2}(?:\.\d{1,2}){0,2}\.?\s)?that (?:the )?(?:board|committee|panel|council|cabinet|executive|trustees|governors|members|sub-committee)(?:\s(?:member|lead|leader|chair|portfolio holder)(?:\s(?:for|of)\s[a-z'’ -]{1,40}?)?)?(?:\s?:$|\s(?:notes?|approves?|agrees?|endorses?|recommends?|resolves?|authori[sz]es?|delegates?|considers?|confirms?|adopts?|accepts?)\b)/i,
);
/**
 * A "That …" clause that is its sentence's subject ("That the Cabinet Member approves every grant over £10k is a rule we
 * inherited"): a rule described, not a resolution put to the reader. An "is" after a clause of its own inside it ("That Cabinet agrees
 * that the strategy is the basis…", "…, which is attached") or after "it" or "there" does not make it one.
 */
const CLAUSE_AS_SUBJECT = caseless(
  /^(?:\d{1,2}(?:\.\d{1,2}){0,2}\.?\s)?that\s(?:(?!\b(?:that|which|who|whom|whose|where|when|whether|if|because|as|so)\b)[^;:\n])*?(?<!\b(?:it|this|there|what)\s)\b(?:is|was|has been|remains|would be|seems)\s(?:a|an|the|not|what|how|why|one|our|their|something|exactly|precisely|just|only)\b/i,
);

/**
 * Requests in plain words that ASK_STRONG does not hold: a label saying what is needed from whom ("Need from Eng: 2 reviewers by
 * Sept 5"), "Recommendation: approve option B", "We are seeking £250,000" (not "we seek to provide…", an aim), "I humbly request…", "We recommend funding
 * Option B", "Could you confirm by Friday…", "We'd be grateful for a decision", "If you agree, …", and a
 * funded-headcount sentence ("Funding two engineers for six months gets us to the pilot").
 */
const PLAIN_ASK = caseless(
  /(?:^|[.!?;]\s)(?:need(?:ed|s)?|asks?|requests?)\s(?:from|of)\s[^:\n]{1,40}:\s?\S|(?:^|[:;]\s)(?:approve|fund|endorse|agree to|confirm|sign off on)\s(?:(?:the|this|these|our|a|an|option)\b|[$€£]|\d)|\b(?:we|i)(?:'re|’re|'m|’m|\sare|\sam)?\s(?:(?:humbly|respectfully|formally|hereby|therefore|kindly)\s)?(?:(?:seek|seeking)\s(?!to\s)|(?:request|requesting|apply for|applying for)\s)|\b(?:we|i)\s(?:humbly|respectfully|formally|hereby|kindly)\sask\s|\b(?:this|our) (?:application|proposal|bid|paper|submission|memo|report|note) (?:requests|seeks|asks|invites)\s|\b(?:we|i)\srecommend(?:ing)?\s(?:that\s|funding\b|approving\b|adopting\b|option\b|proceeding\b|we\s)|\b(?:could|can|would|will) you (?:please\s)?(?:confirm|approve|decide|review|send|share|sign off|join|help|support|fund|agree|give|lend|introduce|reply|comment|let (?:us|me) know|nominate|assign|book)\b|\b(?:we|i)(?:'d|’d|\swould)\s(?:appreciate|be grateful for)\s(?!(?:your |any )?(?:thoughts|feedback|comments|questions|input)\b)|\bif you (?:agree|approve|support (?:this|it))\b|\bfund(?:ing)?\s(?:for\s)?(?:\d{1,3}|one|two|three|four|five|six|a|an)\s(?:more\s|additional\s|extra\s|new\s)?(?:engineers?|designers?|people|hires?|heads?|ftes?|developers?|analysts?|staff|posts?|roles?|nurses?|researchers?|coordinators?|officers?)\b/i,
);
/**
 * "Next steps" and "action items" name a section. They are the ask as its heading, or as a label opening a passage ("Next steps:
 * Priya sends the plan", a "Next steps" line over a list), not as a topic inside a sentence ("clarify next steps", "action items
 * relevant to the programme"), a line of an agenda or an entry in a list of contents ("5. Next steps").
 */
const STEPS_NAMED = /\b(?:next steps?|action items?)\b/gi;
const STEPS_LABEL = caseless(/^\W*(?:next steps?|action items?)\W*(?:[:—–-]\s*\S|$)/i);
const STEPS_ONLY = caseless(/^\W*(?:next steps?|action items?)\W*$/i);

/**
 * "To approve the…" after a process, a role or "be" describes who approves what ("a process to approve the request", "its role will
 * be to approve the use of the funding"), not a request of the reader.
 */
const DESCRIBED_APPROVAL =
  /\b(?:process|procedure|role|job|task|duty|power|authority|right|mandate|remit|responsibilit(?:y|ies)|be|is|are|was|were)\s(?:\w+\s)?to\s(?:approve|fund|green-?light|sign off on)\b/gi;

/** A strong ask phrase, unless all it has is a described approval, or the name of the next-steps section used as a topic, an agenda line or a contents entry. */
function strongAsk(p: Passage): boolean {
  if (!ASK_STRONG.test(p.text)) return false;
  if (p.block.kind === 'heading') return true;
  const told = p.text.replace(DESCRIBED_APPROVAL, ' ');
  if (!ASK_STRONG.test(told)) return false;
  if (ASK_STRONG.test(told.replace(STEPS_NAMED, ' '))) return true;
  return STEPS_LABEL.test(p.text) && !(p.block.kind === 'list_item' && STEPS_ONLY.test(p.text));
}

/** A round being raised ("Raising a $1.8M pre-seed"): an investor deck's ask. */
const RAISING = caseless(
  /\b(?:we(?:'re|’re|\sare)\s)?raising\s(?:a\s|an\s|our\s)?(?:[$€£¥]\s?\d|\d[\d,.]{0,15}\s?(?:k|m|mn|million)\b|(?:pre-)?seed\b|series [a-d]\b|(?:a |our )?(?:round|bridge)\b)/i,
);

/** A sentence telling what someone did, in the past tense ("she wanted to tell him the punchline", "it was past the deadline"): a story, not a request. */
const TOLD_STORY = caseless(/\b(?:she|he|they)(?:'d|’d)?\s(?:was|were|had|did|[a-z]{2,20}ed)\b|\bit was\b/i);

const QUOTED = /["“][^"”\n]{4,400}["”]/;
/** What a speaker asks of the room to make a point, not of the people who must act: "keep your hands up if…", "I want you to imagine…". */
const RHETORIC = caseless(
  /\b(?:want|need|ask|like|invite) (?:you(?:rself)?|every(?:one|body)|people|folks|(?:the )?(?:audience|room)|[a-z]{2,20}s) to (?:remember|hold on(?:to)?|imagine|know|think|take away|picture|notice|see|hear|consider|keep in mind|close your eyes|understand|realise|realize|feel|leave with|walk away with)\b|\b(?:keep|put|raise) your hands?\b|\bhands up\b|\bby a show of hands\b|\blet me ask you\b/i,
);
/** A document's byline or status line ("Decision needed · Prepared by Nadia Okonkwo"): it labels the document, it does not ask. */
const BYLINE = caseless(/\b(?:prepared by|authors?:|status:|last (?:edited|updated)|version \d|draft v?\d)|\s·\s/i);

/** Someone who owns the next step: a named person, a handle, an owner, a role. */
const OWNER_WORDS = caseless(
  /@[\w.-]+|\b(?:owners?|owned by|owns|dri|point person|accountable|responsible|led by|driven by|sponsored by)\b|\b(?:ceo|cto|cfo|coo|cpo|cmo|cio|ciso|vp|svp|evp|gm|head of \w+|director of \w+)\b|\b(?:engineering|product|design|sales|marketing|finance|support|ops|operations|customer success|legal|security|data|platform|infra\w*|hr|exec\w*|leadership|steering|site|ward|clinical|nursing|team|store|regional|district)\s(?:leads?|managers?|directors?|vps?|heads?|committee|council|leadership|leaders?|owners?)\b/i,
);
const NAME_AFTER_VERB =
  /\b(?:tell|ask|email|ping|message|contact|reply to|send (?:it |them |this |your \w+ )?to|talk to|reach out to|see|find|call|dm|slack|loop in|cc|meet with|book (?:time|a slot) with|schedule (?:time )?with|work with|owner:|owner is|owned by|led by|speak (?:to|with)|chat (?:to|with)|with)\s(?:(?:me|us) (?:or|and)\s)?@?(\S+)/gi;
const NAME_THEN_VERB =
  /(?=\p{Lu})(?<![\p{L}\p{N}])(\p{Lu}[\p{Ll}'’-]{1,20})(?:\s\p{Lu}[\p{Ll}'’-]{1,20})?\s(?:will|to|is going to|owns|leads|drives|runs|has agreed to|can|and I will|and I'll)\s(?:own|lead|drive|run|coordinate|follow up|send|schedule|set up|share|book|circulate|organi[sz]e|host|present|review|decide|approve|confirm|collect|contact|write|draft|prepare|start|kick off|report|update|pair|onboard|train)\b/u;
/** "Engineering leads: lend us…", "Priya —": a list item addressed to someone. */
const ADDRESSEE = /^(?:\*\*)?([\p{L}][\p{L} &/'’-]{1,40})(?:\*\*)?\s?[:—–]\s*(.*)/u;
/** A thank-you or a greeting before a dash ("Thank you — now over to your questions") addresses no one in particular. */
const SALUTATION = caseless(/^(?:thank|thanks|hi|hello|dear|cheers|welcome|good (?:morning|afternoon|evening))\b/i);
/** After a one-word label, what makes it a name: a request ("Priya: please confirm…", "Sam — can you…", or an imperative: "Priya: send…"), not a statement ("Ordering: consumers use FIFO queues"). */
const REQUEST_AFTER_LABEL = caseless(/^(?:please|can you|could you|would you|will\b|to\b|owns?\b|leads?\b)/i);
const ROLE_LABEL = caseless(
  /\b(?:leads?|managers?|team|teams|engineering|product|design|sales|marketing|finance|support|success|ops|operations|legal|security|data|platform|hr|people|leadership|execs?|executives?|everyone|all of you|you|pms?|ems?|directors?|vps?|owners?|champions?|sponsors?|committee)\b/i,
);
const NOT_NAMES = new Set([
  'The',
  'Us',
  'Me',
  'Our',
  'Your',
  'You',
  'This',
  'That',
  'It',
  'Them',
  'Their',
  'We',
  'A',
  'An',
  'All',
  'Everyone',
  'Anyone',
  'Someone',
  'More',
  'Next',
  'Below',
  'Above',
  'Slide',
  'Page',
  'Step',
]);

/** After a year, what makes it the name of a budget or a plan ("the FY28 budget", "the 2027 technology budget line"), not when the ask is due. */
const NOT_A_BUDGET = String.raw`(?!\s(?:[\p{L}-]+\s)?(?:budgets?|capital|revenue|spending|spend|allocations?|plans?|accounts|estimates)\b)`;

/** A date or deadline: "by Friday", "by the end of the month", "on 3 May", "in Q2", "at the next review". */
const DATE = caseless(
  regExp(
    [
      String.raw`\b(?:by|before|on|until|till|no later than|due|ahead of|from|starting|for|in|at|this|next)\s(?:the\s)?(?:end\sof\s(?:the\s)?)?(?:(?:this|next|coming)\s)?(?:(?:${WEEKDAYS})\b|(?:${MONTHS})\b|q[1-4]\b|h[12]\b|(?:fy\s?\d{2,4}|20\d\d)\b${NOT_A_BUDGET}|(?:week|month|quarter|sprint|day)\b|eod\b|eow\b|eom\b|cob\b|today\b|tomorrow\b|tonight\b)`,
      // "This year" is when the work happens, not when the ask is due; "by next year" is a deadline.
      String.raw`\b(?:by|before|until|till|no later than|due|ahead of)\s(?:the\s)?(?:(?:this|next|coming)\s)?year\b`,
      String.raw`\b(?:by|before|on|until|due)\s(?:the\s)?\d{1,2}(?:st|nd|rd|th)?\b`,
      // "Today" opening a sentence says how things are now ("Today the team is two people"), not when the ask is due.
      String.raw`(?<!^\W{0,3})\btoday\b|\b(?:tomorrow|tonight|this week|next week|this month|eod|eow|eom|end of (?:the )?(?:day|week|month|quarter|sprint|year))\b`,
      String.raw`\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}/\d{1,2}(?:/\d{2,4})?\b`,
      String.raw`\b(?:${MONTHS})\.?\s\d{1,2}(?:st|nd|rd|th)?\b|\b\d{1,2}(?:st|nd|rd|th)?\s(?:of\s)?(?:${MONTHS})\b`,
      String.raw`\b(?:at|in|during|before|after)\s(?:the\s|our\s|its\s|their\s|this\s|next\s|today(?:'|’)?s\s|tomorrow(?:'|’)?s\s|next week(?:'|’)?s\s|friday(?:'|’)?s\s|monday(?:'|’)?s\s)?(?:next\s)?(?:(?:${MONTHS})\s)?(?:meeting|review|talk|session|call|presentation|keynote|workshop|steering\s?(?:committee|meeting|group)?|staff meeting|all-hands|town hall|qbr|offsite|planning|sync|stand-?up|board meeting|exec review|leadership meeting|retro)\b`,
      String.raw`\bwithin\s(?:a|an|one|two|three|four|\d+)\s(?:days?|weeks?|months?)\b`,
      // A plan that counts its weeks or sprints is dated: "Weeks 1–2: discovery", "Sprint 3".
      String.raw`\b(?:weeks?|sprints?|days?)\s\d{1,2}(?:\s?[–-]\s?\d{1,2})?\b`,
      String.raw`\b(?:by|before|at|after|until)\s(?:the\s)?(?:end|close|start)\sof\s(?:the\s|this\s|our\s|next\s)?\w`,
      // A step dated by its quarter or year as a plan writes it: "Open-source the pipeline, Q1 2028", "Trial in 12 wards, 2028", "Extend to a second site (2028)".
      String.raw`\b(?:q[1-4]|h[12])\s(?:20)?\d\d\b|(?:,\s|\()20\d\d(?:[–-]\d{2,4})?\)?[.;]?$`,
    ].join('|'),
    'iu',
  ),
);

export function hasDate(text: string): boolean {
  return DATE.test(text);
}

/**
 * People named in full ("Dana Okafor and Luis Prieto") after a lower-case word, so not at the start of a sentence nor inside a run of
 * capitalised words ("Director, Page Turners Reading Trust", "Today Success Coaching is…"), and not followed by a third capitalised
 * word (an organisation): who the ask funds or puts in charge.
 */
const FULL_NAME = /(?<=(?:^|[\s(])\p{Ll}[\p{L}'’-]{0,30}[,;:]?\s)(?<!\b(?:through|via|on|at|in|using|into)\s)\p{Lu}\p{Ll}{1,20}\s\p{Lu}\p{Ll}{1,20}(?:[’'-]\p{L}+)?(?=[,.;:)]|\s(?!\p{Lu})|$)/u;
/** A governing body given the action ("the trustees to approve", "That the Committee notes…", "The Board is asked to endorse"): it owns the decision. */
const BODY_ACTS = caseless(
  /\b(?:board|trustees|committee|panel|council|cabinet|governors|executive|steering group|leadership team|exec team)\s(?:(?:is|are)\s(?:asked|invited|requested)\s|(?:will|would|could|may|can)\s)?(?:to\s)?(?:note|approve|agree|endorse|decide|fund|sign off|confirm|recommend|resolve|authori[sz]e|consider|adopt|accept|ratify)(?:s|d)?\b/i,
);

/** Two more capitalised words after a name: it was the first word of an organisation's name. */
const ORGANISATION_AFTER = /^\s\p{Lu}[\p{L}'’-]*\s\p{Lu}/u;

/** Memoised by text: the sentences of unchanged sections come back after every keystroke. */
export const hasOwner = memoByText((text: string): boolean => {
  if (OWNER_WORDS.test(text) || NAME_THEN_VERB.test(text) || FULL_NAME.test(text) || BODY_ACTS.test(text)) return true;
  const addressee = ADDRESSEE.exec(text);
  if (addressee && !SALUTATION.test(addressee[1])) {
    if (ROLE_LABEL.test(addressee[1])) return true;
    if (/^\p{Lu}\p{Ll}+$/u.test(addressee[1].trim()) && (REQUEST_AFTER_LABEL.test(addressee[2]) || IMPERATIVE.test(addressee[2]))) return true;
  }
  NAME_AFTER_VERB.lastIndex = 0;
  for (let m = NAME_AFTER_VERB.exec(text); m; m = NAME_AFTER_VERB.exec(text)) {
    const name = m[1].replace(/[^\p{L}'’-]+$/u, '').replace(/['’]s$/, '');
    // A name is a plain capitalised word, not an identifier ("with MessageGroupId"), nor the first of a run of three, an organisation ("partnering with Cedar Falls Unified").
    if (/^\p{Lu}\p{Ll}+(?:['’-]\p{L}+)?$/u.test(name) && !NOT_NAMES.has(name) && !ORGANISATION_AFTER.test(text.slice(m.index + m[0].length))) return true;
  }
  return false;
});

/** A letter's sign-off line ("With warmest thanks,", "Thanks as ever,", "Kind regards,", "Yours sincerely,"). */
const SIGN_OFF = caseless(
  /^(?:with\s)?(?:(?:warm(?:est)?|best|kind(?:est)?|many|all (?:the|my) best|love and|warm|heartfelt|sincere|grateful)\s)?(?:thanks|regards|wishes|best|gratitude)(?:\s(?:as (?:ever|always)|again|so much|for reading))?\s?(?:,?\s*(?:\n|$)|,\s)|^(?:yours\s(?:sincerely|faithfully|truly|ever)|sincerely|cheers|thank you|best|warmly|gratefully|onwards)\s?(?:,?\s*(?:\n|$)|,\s)/i,
);

const SIGNATURE_WORDS = 15;

/**
 * A contact line: details set apart by "·" with an email address or a phone number ("Contact: Jordan Pike, Account Executive ·
 * jordan@example.com · (515) 555-0142", a company's address line). Like a signature, it says where to write, not who acts.
 */
const CONTACT_DETAIL = /(?<![\w.+-])[\w.+-]{1,64}@[\w-]{1,63}\.\p{L}|(?<!\w)(?:\+\d{1,3}\s?)?\(?\d{2,5}\)?[\s-]\d{3,4}[\s-]\d{3,4}\b/u;
const isContactLine = (block: Block): boolean => block.kind === 'paragraph' && block.text.includes(' · ') && CONTACT_DETAIL.test(block.text);
const signatureCache = new WeakMap<Slide, Set<Block>>();

/** The blocks that sign a letter: the one after a sign-off line, or the sign-off's own block when the name follows in it, and contact lines. The signer asks; they do not own the ask. */
function signatures(slide: Slide): Set<Block> {
  const cached = signatureCache.get(slide);
  if (cached) return cached;
  const found = new Set<Block>();
  slide.blocks.forEach((block, i) => {
    if (isContactLine(block)) found.add(block);
    const m = block.kind === 'paragraph' ? SIGN_OFF.exec(block.text.trim()) : null;
    if (!m) return;
    // The signature is a short block: a name, perhaps a role and an organisation, in the next block or after the sign-off in its own ("Thanks as ever, Tomasz Lis").
    const signature = m[0].endsWith('\n') || /^\p{Lu}/u.test(block.text.trim().slice(m[0].length)) ? block : slide.blocks[i + 1];
    if (signature && signature.kind === 'paragraph' && countWords(signature.text) <= SIGNATURE_WORDS + (signature === block ? 3 : 0)) found.add(signature);
  });
  signatureCache.set(slide, found);
  return found;
}

export interface Ask {
  slide: Slide;
  passage: Passage;
}

/** Headings that ask in their own words: "Help wanted", "Staffing / Help Wanted", "Volunteers needed", "Call for contributors", a talk's "Now it is your turn!" or "Over to you". */
const HELP_WANTED = caseless(
  /\b(?:(?:it(?:'|’)s|it is) your turn|your turn|over to you|help wanted|(?:contributors?|volunteers?|maintainers?|reviewers?|sponsors?|people|help|mentors?) (?:wanted|needed)|call for (?:contributors|volunteers|participation|help|mentors))\b/i,
);
const asksInItsWords = (heading: Block): boolean => headingBeat(heading.text) === 'ask' || HELP_WANTED.test(heading.text);

/**
 * An application's requested sum, as a heading or a label: "Requested amount", "Amount requested", "Total requested", "Requested
 * support", "Funding requested" ("**Requested Amount**: $594,578 over 3 years", "### Total Requested" over "$53,250"). It is the ask,
 * in a form's words.
 */
const REQUESTED = String.raw`(?:total\s)?(?:(?:amount|funding|budget|support|sum|grant)\s(?:requested|sought)|requested\s(?:amount|funding|budget|support|sum|grant)|requested(?=\s*(?:$|[:(—–-]|[$€£\d])))`;
const REQUESTED_SUM = regExp(String.raw`^${REQUESTED}(?![\p{L}-])`, 'iu');
/** The same label before its sum, inside a header's lines: "Requested Amount: $594,578 over 3 years". */
const REQUESTED_LABEL = regExp(String.raw`\b${REQUESTED}\s?[:—–-]\s?(?:[$€£]|(?:usd|eur|gbp|chf)\s?)?\d`, 'iu');

/** The explicit requests of a narrative: strong ask phrases anywhere, and requests under an ask heading. */
export const findAsks = perDeck((ctx: ReadingContext): Ask[] => ctx.deck.slides.flatMap(asksOn));

/** The requests of one slide: they depend on nothing else. */
export const asksOn = perSlide(function asksOn(slide: Slide): Ask[] {
  const asks: Ask[] = [];
  const signed = signatures(slide);
  /** Sections under a heading: what is under one is not on a headless slide, whatever the heading names ("Background"). */
  const titled = new Set<number>();
  const passages = slidePassages(slide);
  /** The subsections of an ask heading ("### People" under "## What we need") are part of the ask, and so is a "Help wanted" section. */
  const askHeadings = headingScope(slide, asksInItsWords);
  const askSections = new Set(passages.filter((p) => askHeadings.has(p.block)).map((p) => p.section));
  /** Sections headed as the sum an application requests ("### Total requested"): the figure under it is the ask. */
  const requested = new Set(passages.filter((p) => p.block.kind === 'heading' && REQUESTED_SUM.test(p.block.text)).map((p) => p.section));
  /** Blocks that state the sum requested, read once each: "Requested amount: $412,000", "# Requested amount 39000". */
  const statesSum = new Set(slide.blocks.filter((b) => REQUESTED_LABEL.test(b.text) || (REQUESTED_SUM.test(b.text) && /\d/.test(b.text))));
  /** Each section's words: an invitation with a date or someone to act in its section asks. */
  const sectionText = new Map<number, string>();
  for (const p of passages) sectionText.set(p.section, `${sectionText.get(p.section) ?? ''} ${p.text}`);
  /** Whether a section's words name an owner or a date, read once per section however many invitations it holds (once per invitation was quadratic). */
  const specificSections = new Map<number, boolean>();
  const specificSection = (section: number): boolean => specificSections.get(section) ?? specificSections.set(section, specific(sectionText.get(section) ?? '')).get(section)!;
  for (const p of passages) {
    if (p.block.kind === 'heading') titled.add(p.section);
    // "No asks this week" is not an ask, and neither is an open question, a customer's quoted "please just tell me" nor a letter's signature.
    if (signed.has(p.block) || NO_ASK.test(p.text) || OPEN_QUESTION.test(p.text) || RHETORIC.test(p.text) || PRE_READ.test(p.text) || p.block.kind === 'blockquote' || QUOTED.test(p.text)) continue;
    if (slide.index === 1 && BYLINE.test(p.text)) continue;
    const body = p.block.kind !== 'heading';
    // Under an ask heading, any request, owner or date counts; in a section with no heading on a slide that reads as an ask, a clear one.
    const underAskHeading = body && (p.context.includes('ask') || askSections.has(p.section)) && !DECIDED.test(p.text);
    // An invitation to comment is not the ask, unless the writer put it under the ask's heading.
    if (!underAskHeading && INVITATION.test(p.text) && !specificSection(p.section)) continue;
    const headlessAsk = body && p.context.length === 0 && !titled.has(p.section) && slide.beats.includes('ask') && !TOLD_STORY.test(p.text);
    const request =
      strongAsk(p) ||
      RAISING.test(p.text) ||
      (PAPER_ASK.test(p.text) && !CLAUSE_AS_SUBJECT.test(p.text)) ||
      PLAIN_ASK.test(p.text) ||
      statesSum.has(p.block) ||
      (body && requested.has(p.section) && /\d/.test(p.text)) ||
      (underAskHeading && (ASK_WORDS.test(p.text) || IMPERATIVE.test(p.text) || hasOwner(p.text) || hasDate(p.text))) ||
      (headlessAsk && (CLEAR_IMPERATIVE.test(p.text) || (ASK_WORDS.test(p.text) && (hasOwner(p.text) || hasDate(p.text)))));
    if (request) asks.push({ slide, passage: p });
  }
  return asks;
});

/** A section this short is read at a glance, like one slide: an owner or a date anywhere in it belongs to its ask. */
const GLANCE = 5;

interface Specifics {
  /** Sections holding an owner or a date. */
  sections: Set<number>;
  /** Blocks holding an owner or a date. */
  blocks: Set<Block>;
  /** Each block's position within its section. */
  order: Map<Block, number>;
  /** Each section's blocks, in order. */
  sectionBlocks: Map<number, Block[]>;
  /** For each section, how many of its first i blocks hold an owner or a date, at i. */
  foundBefore: Map<number, number[]>;
  /** For each section, where the run of list items that goes on at each of its blocks ends (the block itself when none goes on there). */
  listEnd: Map<number, number[]>;
}

function specifics(slide: Slide): Specifics {
  const found: Specifics = { sections: new Set(), blocks: new Set(), order: new Map(), sectionBlocks: new Map(), foundBefore: new Map(), listEnd: new Map() };
  const signed = signatures(slide);
  for (const p of slidePassages(slide)) {
    if (signed.has(p.block)) continue;
    if (!found.order.has(p.block)) {
      const list = found.sectionBlocks.get(p.section) ?? found.sectionBlocks.set(p.section, []).get(p.section)!;
      found.order.set(p.block, list.length);
      list.push(p.block);
    }
    if (hasOwner(p.text) || hasDate(p.text)) {
      found.sections.add(p.section);
      found.blocks.add(p.block);
    }
  }
  // Counted once per section, so that each ask's reach is read in constant time: reading it block by block for every ask of a long list was quadratic.
  for (const [section, blocks] of found.sectionBlocks) {
    const before = [0];
    for (const b of blocks) before.push(before[before.length - 1] + (found.blocks.has(b) ? 1 : 0));
    const ends: number[] = [];
    ends[blocks.length] = blocks.length;
    for (let e = blocks.length - 1; e >= 0; e--) ends[e] = e > 0 && blocks[e].kind === 'list_item' && blocks[e - 1].kind === 'list_item' ? ends[e + 1] : e;
    found.foundBefore.set(section, before);
    found.listEnd.set(section, ends);
  }
  return found;
}

/**
 * Where a reader goes to act, named in the request itself: "in the thread", "on Zoom", "in the linked issues", "via the form", "on
 * GitHub", "reply below", a web address. Not a channel's name used to name something else ("in the forum's moderation team"): the
 * place to act is the team, not the forum.
 */
const CHANNEL = caseless(
  /\b(?:in|on|via|through|using|into|at)\s(?:the\s|our\s|this\s|a\s|its\s)?(?:[\w-]+\s)?(?:thread|channel|forum|discussions?|issues?|tracker|form|discord|slack|zoom|matrix|zulip|mailing list|repo|repository|github|gitlab|discourse|meetups?|comments)\b(?!['’]s\b)|\b(?:reply|comment|respond|vote|sign up|register|apply)\s(?:\w+\s)?below\b|\bhttps?:\/\/\S/i,
);
/**
 * Verbs that open a request for each reader to take part ("Join us on Zoom…", "Reply in the thread", "Apply via the form"), also
 * after a condition on the reader ("If you'd like to help, join us on Discord"). Not a decision or a resource ("Approve a pilot in
 * your repository"): where it happens does not say who decides. "Send", "open", "post", "submit" and "start" take part only with
 * the reader's own or a new thing ("Send us your numbers", "Send your feedback in the thread", "Open an issue in the tracker"):
 * "Send the final numbers to finance through the tracker" under "Next steps" is the team's task, still asked who and by when.
 */
const TO_READER = caseless(
  /^(?:\*\*)?(?:if you[^,.;\n]{1,80},\s)?(?:please\s)?(?:(?:join|apply|reply|respond|come|ask|engage|contribute|register|sign up|subscribe|vote|nominate|volunteer|tell us|let us know|get in touch|reach out|talk to us|drop (?:us|by|in))\b|(?:send|open|file|post|submit|start)\s(?:us|your|an?)\b)/i,
);
/** "Join the conversation on our chat channel": an invitation to talk, which a channel does not make an ask someone owns. */
const TO_CONVERSATION = caseless(/\bjoin (?:in )?the (?:conversation|discussion)\b/i);

/**
 * A request addressed to each reader that names where to act ("Reply in the thread", "Join us on Zoom for the feedback sessions"):
 * the reader is who acts and the channel is how, so it wants no other owner and no date. A request of a group ("We need your
 * support"), a decision, or an invitation to comment or to join the conversation, still does.
 */
function toReaderWithChannel(text: string): boolean {
  return TO_READER.test(text) && CHANNEL.test(text) && !INVITATION.test(text) && !TO_CONVERSATION.test(text);
}

/**
 * Does any of these asks say who acts or by when? Under an ask heading or in a short section, anywhere in
 * its section ("Engineering leads: lend us one engineer. Tell Priya by Friday."); in a long section, in
 * the ask's own block, the one after it and the rest of a list that follows, so a closing "we'd love your
 * support" is not made specific by a byline or by the dated target just before it. Each slide is read
 * once, however many asks it holds.
 */
export function someSpecific(asks: readonly Ask[]): boolean {
  const bySlide = new Map<Slide, Specifics>();
  return asks.some(({ slide, passage }) => {
    // A request to each reader with the channel to act in is specific in itself.
    if (toReaderWithChannel(passage.text)) return true;
    const found = bySlide.get(slide) ?? bySlide.set(slide, specifics(slide)).get(slide)!;
    const blocks = found.sectionBlocks.get(passage.section) ?? [];
    if (passage.context.includes('ask') || blocks.length <= GLANCE) return found.sections.has(passage.section);
    // The ask's block, the one after it, and the rest of a list that follows it ("We need: - two engineers - Owner: Priya").
    const at = found.order.get(passage.block) ?? 0;
    const end = Math.min(blocks.length, at + 2 < blocks.length ? found.listEnd.get(passage.section)![at + 2] : at + 2);
    const before = found.foundBefore.get(passage.section)!;
    return before[end] - before[Math.min(at, end)] > 0;
  });
}

/**
 * A document's header naming who owns it ("Owner: Priya Rao", "Point of contact · @zusez4", front matter `owner:`): the person to
 * go to for anything it asks. The header is the first slide up to its first heading after the title.
 */
const HEADER_OWNER = caseless(/^(?:\*\*)?(?:owners?|owned by|point of contact|dri|accountable|pi|principal investigator|(?:lead )?applicant)(?:\*\*)?\s?(?:[:·|—–-]|\*\*)\s*\S/i);

export const ownerInHeader = perDeck(function ownerInHeader(ctx: ReadingContext): boolean {
  const owner = ctx.deck.frontMatter.owner;
  if (typeof owner === 'string' && owner.trim() !== '') return true;
  const first = ctx.deck.slides[0];
  if (!first) return false;
  for (const [i, block] of first.blocks.entries()) {
    // The title and the subtitle headings right under it ("# NSF proposal" · "## Scalable microsimulation") open the header.
    if (block.kind === 'heading' && i > 0 && first.blocks.slice(0, i).some((b) => b.kind !== 'heading')) return false;
    if (block.kind !== 'heading' && HEADER_OWNER.test(block.text.trim())) return true;
  }
  return false;
});
