/** The nine beats of a "why before what" narrative, in the order a story tells them. */
export const BEAT_IDS = ['why', 'pain', 'value', 'business', 'strategy', 'what', 'how', 'outcome', 'ask'] as const;
export type BeatId = (typeof BEAT_IDS)[number];

/** Each beat as a writer names it, for what people read (the Story view, the status bar); ids stay for markers and JSON. */
export const BEAT_TITLES: Readonly<Record<BeatId, string>> = {
  why: 'Why',
  pain: 'Customer pain',
  value: 'What changes for them',
  business: 'Business value',
  strategy: 'Strategic fit',
  what: 'The solution',
  how: 'The plan',
  outcome: 'How we’ll know',
  ask: 'The ask',
};

export function isBeatId(value: string): value is BeatId {
  return (BEAT_IDS as readonly string[]).includes(value);
}

/**
 * A span of the source text, 1-based: it starts at `column` of `line` and ends on `endLine` just before
 * `endColumn` (end column exclusive), so one line's text is `lines[line - 1].slice(column - 1, endColumn - 1)`
 * and a whole line ends at its length + 1. Columns count UTF-16 code units. Problems, findings and fixes all
 * use it.
 */
export interface Range {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** Something wrong with the input itself (not with the story): bad front matter, binary data, a huge file. */
export interface Problem extends Range {
  code: 'front-matter-syntax' | 'front-matter-type' | 'front-matter-fence' | 'front-matter-toml' | 'binary' | 'too-large' | 'unterminated-fence';
  message: string;
}

export type BlockKind = 'heading' | 'paragraph' | 'list_item' | 'blockquote' | 'code' | 'table' | 'html';

/** A leaf block of a slide with its plain text, used by beat detection and lint rules. */
export interface Block {
  kind: BlockKind;
  /** Plain text without Markdown markup. */
  text: string;
  line: number;
  endLine: number;
  /** Heading level (1-6) for headings, nesting depth for list items, 0 otherwise. */
  level: number;
  /** True when the block holds links and nothing else ("[Design doc](…)"): a pointer elsewhere, which plays no beat. */
  linkOnly?: boolean;
  /** A paragraph's bold run-in label ("**What changes.** GPs get…", or a paragraph that is only "**What would change**"): it names what follows, like a heading. */
  label?: string;
}

/** An HTML comment that means something to StoryDeck or Marp rather than to the audience. */
export interface Comment {
  /** `audience`: a `<!-- audience: executives, board -->` marker, keeping the slide for those audiences only (cut.ts). */
  kind: 'note' | 'directive' | 'lint' | 'beat' | 'guidance' | 'audience';
  /** The comment's text without `<!--`, `-->` and surrounding white space. */
  text: string;
  line: number;
  endLine: number;
}

/** An image in a slide's text, with its alt text as written (Marp's keywords included: `bg left:40%`). */
export interface SlideImage {
  alt: string;
  /** The image's address as written (after markdown-it's normalising); Marp's colour shorthand puts a colour here. */
  src: string;
  line: number;
}

export interface Slide {
  /** 1-based position in the deck. */
  index: number;
  /** First and last source line of the slide (1-based, inclusive), separators excluded. */
  line: number;
  endLine: number;
  /** The first heading, or else the first line of text; '' for an empty slide. */
  title: string;
  /** Line of the title, or of the slide start when there is no title. */
  titleLine: number;
  blocks: Block[];
  comments: Comment[];
  /** Images in the slide's text (not in notes). */
  images: SlideImage[];
  /** Speaker notes: the text of comments that are neither directives, lint comments, beat markers nor guidance. */
  notes: string[];
  /** Marp local directives set on this slide (`<!-- _class: lead -->`, `<!-- paginate: true -->`). */
  directives: Record<string, unknown>;
  /** Beats this slide plays: explicit `<!-- beat: … -->` markers win over detection. */
  beats: BeatId[];
  /** True when beats come from a marker rather than detection. */
  explicitBeats: boolean;
  /** True when the slide has no content besides headings, placeholders (`TODO`, `TBD`, `…`) and guidance. */
  empty: boolean;
  /** Words the audience reads on the slide (headings, text, lists, tables; not code, notes or guidance). */
  words: number;
  /** Words in the speaker notes. */
  noteWords: number;
  estimatedSeconds: number;
}

export interface Deck {
  /** The source text as given. */
  text: string;
  /** Source lines without line terminators; `lines[0]` is line 1. */
  lines: string[];
  frontMatter: Record<string, unknown>;
  /** Lines of the front matter block including its fences, or undefined when there is none. */
  frontMatterRange?: { line: number; endLine: number };
  /** Front matter `title`, else the first slide's title. */
  title: string;
  slides: Slide[];
  /**
   * True for a prose document: one with no slide break, divided into sections at its headings (each
   * section is then a slide), as a document written for reading rather than for presenting.
   */
  prose: boolean;
  problems: Problem[];
  estimatedSeconds: number;
}
