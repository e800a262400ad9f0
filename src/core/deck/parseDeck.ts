import type { Token } from 'markdown-it';
import { sharedParser } from './markdown';
import { detectBeats, isPlaceholder } from './beats';
import { beatMarkerIds, classifyComment, commentText, directives } from './comments';
import { readFrontMatter } from './frontMatter';
import { imageSpec, isStyleBlock } from './marp';
import { keyedCache, memoByText } from './memo';
import { isBeatId, type BeatId, type Block, type BlockKind, type Comment, type Deck, type Problem, type Slide, type SlideImage } from './types';

/**
 * Speaking rate used for time estimates. 130 words per minute is the middle of the 120–150 wpm range
 * usually measured for presentations: slower than conversation (~160 wpm) because speakers pause for
 * slides to land, faster than reading aloud to a room that takes notes.
 */
export const WORDS_PER_MINUTE = 130;
/** Even a title slide holds the room for a moment. */
export const MIN_SLIDE_SECONDS = 10;
/** Larger inputs are refused with a problem instead of being parsed (UTF-16 code units, ~10 MB). */
export const MAX_DECK_CHARS = 10 * 1024 * 1024;

const LINE_BREAK = /\r\n|\r|\n/;
const LINE_WITH_BREAK = /[^\r\n]*(?:\r\n|\r|\n)/y;
/** Marp Core's fitting header: `# <!-- fit --> Title`. */
const FITTING_HEADER = 'fit';
const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}'’.,\-]*/gu;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;
/** Every character of those four scripts is in these ranges (astral ones as surrogates): a quick test for none. */
const MAYBE_CJK = /[\u1100-\u11ff\u2e80-\uffff]/;

/** Parses a narrative into slides with notes, beats and timing. Never throws; input problems are reported in `problems`. */
export function parseDeck(text: string): Deck {
  return parseWithTokens(text).deck;
}

/** `parseDeck`, with the markdown-it tokens the slides were read from (none for a refused input), for the renderer. */
export function parseWithTokens(text: string): { deck: Deck; tokens: Token[] } {
  const lines = text.split(LINE_BREAK);
  if (text.length > MAX_DECK_CHARS) {
    return {
      deck: emptyDeck(text, lines, [wholeFile(lines, 'too-large', `This file is ${(text.length / 1048576).toFixed(1)} MB; StoryDeck reads narratives up to ${MAX_DECK_CHARS / 1048576} MB.`)]),
      tokens: [],
    };
  }
  if (text.includes('\u0000')) {
    return { deck: emptyDeck(text, lines, [wholeFile(lines, 'binary', 'This file contains NUL bytes: it looks like a binary file, not a Markdown narrative.')]), tokens: [] };
  }

  const fm = readFrontMatter(lines);
  const problems: Problem[] = [...fm.problems];
  // Blank the front matter out rather than cutting it, so markdown-it's line numbers stay the file's.
  const body = markdownSource(text, fm.range);
  const tokens = sharedParser().parse(body, {});

  const divider = headingDividerLevels(fm.data, tokens);
  const builder = new SlideBuilder(lines, divider.levels);
  builder.start(fm.range ? fm.range.endLine : 0);
  builder.consume(tokens, problems);
  const slides = builder.finish(lines.length);

  const fmTitle = typeof fm.data.title === 'string' ? fm.data.title.trim() : '';
  const deck: Deck = {
    text,
    lines,
    frontMatter: fm.data,
    frontMatterRange: fm.range,
    title: fmTitle || (slides.find((s) => s.title)?.title ?? ''),
    slides,
    prose: divider.prose,
    problems,
    estimatedSeconds: slides.reduce((sum, s) => sum + s.estimatedSeconds, 0),
  };
  return { deck, tokens };
}

interface Draft {
  /** 0-based first line. */
  start: number;
  blocks: Block[];
  comments: Comment[];
  images: SlideImage[];
  visible: boolean;
  /** After a reveal.js `Note:` line, the rest of the slide is speaker notes. */
  inNotes: boolean;
}

class SlideBuilder {
  private readonly slides: Slide[] = [];
  private draft: Draft = { start: 0, blocks: [], comments: [], images: [], visible: false, inNotes: false };

  constructor(
    private readonly lines: readonly string[],
    private readonly dividerLevels: ReadonlySet<number>,
  ) {}

  start(line0: number): void {
    this.draft = { start: line0, blocks: [], comments: [], images: [], visible: false, inNotes: false };
  }

  consume(tokens: Token[], problems: Problem[]): void {
    const containers: string[] = [];
    let listDepth = 0;
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i];
      const map = token.map;
      if (token.level === 0 && token.type === 'hr' && map) {
        this.close(map[0] - 1);
        this.start(map[1]);
        continue;
      }
      if (token.level === 0 && token.type === 'heading_open' && map && this.dividerLevels.has(Number(token.tag.slice(1))) && this.draft.visible) {
        this.close(map[0] - 1);
        this.start(map[0]);
      }
      switch (token.type) {
        case 'bullet_list_open':
        case 'ordered_list_open':
          listDepth++;
          break;
        case 'bullet_list_close':
        case 'ordered_list_close':
          listDepth--;
          break;
        case 'blockquote_open':
          containers.push('blockquote');
          break;
        case 'blockquote_close':
          containers.pop();
          break;
        case 'heading_open':
          // Slidev's per-slide front matter (`layout: center` between two `---`) reads as a setext heading: it is settings, not a title.
          if (token.markup === '-' && token.level === 0 && this.draft.blocks.length === 0 && isSlideFrontMatter(tokens[i + 1])) break;
          this.addBlock('heading', tokens[i + 1], map, Number(token.tag.slice(1)), true);
          break;
        case 'paragraph_open': {
          if (token.level === 0 && listDepth === 0 && REVEAL_NOTES.test(tokens[i + 1]?.content ?? '')) this.draft.inNotes = true;
          const kind: BlockKind = listDepth > 0 ? 'list_item' : containers.length > 0 ? 'blockquote' : 'paragraph';
          this.addBlock(kind, tokens[i + 1], map, listDepth);
          break;
        }
        case 'tr_open':
          this.addTableRow(tokens, i);
          break;
        case 'fence':
        case 'code_block':
          this.draft.visible = true;
          if (map) this.draft.blocks.push({ kind: 'code', text: token.content, line: map[0] + 1, endLine: map[1], level: 0 });
          if (token.type === 'fence' && map) this.checkFence(token, map, problems);
          break;
        case 'html_block':
          this.addHtmlBlock(token);
          break;
        case 'hr':
          this.draft.visible = true;
          break;
      }
    }
  }

  private addBlock(kind: BlockKind, inline: Token | undefined, map: [number, number] | null, level: number, heading = false): void {
    if (!inline || inline.type !== 'inline' || !map) return;
    const text = this.inlineText(inline, map[0], heading);
    this.draft.visible = true;
    if (this.draft.inNotes) {
      const note = text.replace(/^Notes?:\s*/, '');
      if (note) this.draft.comments.push({ kind: 'note', text: note, line: map[0] + 1, endLine: map[1] });
      return;
    }
    const label = kind === 'paragraph' ? runInLabel(inline) : undefined;
    this.draft.blocks.push({ kind, text, line: map[0] + 1, endLine: map[1], level, ...(!heading && onlyLinks(inline) ? { linkOnly: true } : {}), ...(label ? { label } : {}) });
  }

  private addTableRow(tokens: Token[], open: number): void {
    const cells: string[] = [];
    let i = open + 1;
    const map = tokens[open].map;
    for (; i < tokens.length && tokens[i].type !== 'tr_close'; i++) {
      if (tokens[i].type === 'inline') cells.push(this.inlineText(tokens[i], map ? map[0] : 0));
    }
    if (!map) return;
    this.draft.visible = true;
    this.draft.blocks.push({ kind: 'table', text: cells.filter(Boolean).join(' · '), line: map[0] + 1, endLine: map[1], level: 0 });
  }

  private addHtmlBlock(token: Token): void {
    const map = token.map;
    if (!map) return;
    const raw = token.content.trimStart();
    if (raw.startsWith('<!--')) {
      this.addComment(commentText(raw) ?? '', map[0] + 1, map[1]);
      return;
    }
    // A `<style>` block is settings, not words: it keeps its place (for the finding that says it is not applied) with no text.
    const style = isStyleBlock(raw);
    if (!style) this.draft.visible = true;
    this.draft.blocks.push({ kind: 'html', text: style ? '' : stripTags(raw), line: map[0] + 1, endLine: map[1], level: 0 });
  }

  private addComment(text: string, line: number, endLine: number): void {
    const kind = classifyComment(text);
    if (kind === 'ignored') return;
    if (kind === 'note' && text === '') return;
    this.draft.comments.push({ kind, text, line, endLine });
  }

  /**
   * Plain text of an inline token; comments inside it become comments of the slide, except Marp's `<!-- fit -->` in a
   * heading, which asks for the heading to be scaled to the slide's width.
   */
  private inlineText(inline: Token, line0: number, heading = false): string {
    let out = '';
    let line = line0 + 1;
    for (const child of inline.children ?? []) {
      switch (child.type) {
        case 'text':
          // A bare address is where to read more, not words of the narrative.
          out += child.content.replace(BARE_URL, '');
          break;
        case 'code_inline':
          out += child.content;
          break;
        case 'softbreak':
          out += ' ';
          line++;
          break;
        case 'hardbreak':
          out += '\n';
          line++;
          break;
        case 'image':
          // Marp's keywords (`bg`, `w:300`…) are settings, not words.
          out += imageSpec(child.content).alt;
          if (!this.draft.inNotes) this.draft.images.push({ alt: child.content, src: String(child.attrGet('src') ?? ''), line });
          break;
        case 'html_inline': {
          const text = commentText(child.content);
          if (text !== undefined && !(heading && text === FITTING_HEADER)) this.addComment(text, line, line);
          break;
        }
      }
    }
    return out.trim();
  }

  private checkFence(token: Token, map: [number, number], problems: Problem[]): void {
    // markdown-it does not count the empty line after a final line break.
    const contentLines = this.lines.at(-1) === '' ? this.lines.length - 1 : this.lines.length;
    if (map[1] < contentLines) return;
    const last = this.lines[map[1] - 1]?.trim() ?? '';
    const marker = token.markup;
    const closed = map[1] - map[0] > 1 && last.startsWith(marker) && new RegExp(`^\\${marker[0]}+$`).test(last);
    if (closed) return;
    const line = map[0] + 1;
    problems.push({
      code: 'unterminated-fence',
      message: `The code block opened here with ${marker} is never closed, so everything after it is shown as code.`,
      line,
      column: 1,
      endLine: line,
      endColumn: this.lines[line - 1].length + 1,
    });
  }

  /** Ends the draft slide at 0-based line `end0` (inclusive). */
  close(end0: number): void {
    const { start, blocks, comments, images } = this.draft;
    // A separator or front matter on the last line without a line break after it leaves an empty slide with no line
    // of its own: it is placed on the last line, so that every position stays inside the document.
    const line = Math.min(start + 1, this.lines.length);
    const endLine = Math.max(line, end0 + 1);
    const index = this.slides.length + 1;
    // Everything the slide is made from: an unchanged slide at the same place is the slide read last time.
    const key = JSON.stringify([index, line, endLine, blocks, comments, images]);
    this.slides.push(sameSlide(key, () => readSlide(index, line, endLine, blocks, comments, images)));
  }

  finish(lineCount: number): Slide[] {
    this.close(lineCount - 1);
    return this.slides;
  }
}

/**
 * The slides read lately, by what each is made from. An editor re-parses the whole narrative after each pause in typing and all
 * but one slide come back unchanged: they come back as the same objects, so every reading remembered per slide (its passages,
 * its sections' readings) is reused, and their texts are the same strings, which the per-text caches find at once. Slides are
 * never mutated once read.
 */
const sameSlide = keyedCache<Slide>();

/** A slide from its blocks, comments and images: its beats, notes, directives, words and time. */
function readSlide(index: number, line: number, endLine: number, blocks: Block[], comments: Comment[], images: SlideImage[]): Slide {
  const marker = comments.find((comment) => comment.kind === 'beat');
  const explicit = marker ? beatMarkerIds(marker.text).filter(isBeatId) : undefined;
  const empty = !blocks.some((block) => block.kind !== 'heading' && !block.linkOnly && !isPlaceholder(block.text));
  const beats: BeatId[] = explicit ?? (empty ? [] : detectBeats(blocks));
  const notes = comments.filter((comment) => comment.kind === 'note').map((comment) => comment.text);
  const words = blocks.reduce((sum, block) => (block.kind === 'code' ? sum : sum + countWords(block.text)), 0);
  const noteWords = notes.reduce((sum, note) => sum + countWords(note), 0);
  const titleBlock = blocks.find((block) => block.kind === 'heading') ?? blocks.find((block) => block.kind !== 'code' && block.text);
  const slideDirectives = Object.assign({}, ...comments.filter((cm) => cm.kind === 'directive').map((cm) => directives(cm.text)));
  return {
    index,
    line,
    endLine,
    title: titleBlock ? shortTitle(titleBlock.text) : '',
    titleLine: titleBlock ? titleBlock.line : line,
    blocks,
    comments,
    images,
    notes,
    directives: slideDirectives,
    beats,
    explicitBeats: explicit !== undefined,
    empty,
    words,
    noteWords,
    estimatedSeconds: empty && noteWords === 0 ? 0 : Math.max(MIN_SLIDE_SECONDS, Math.round((Math.max(words, noteWords) / WORDS_PER_MINUTE) * 60)),
  };
}

/**
 * The text handed to markdown-it: the front matter blanked out rather than cut, so that token line
 * numbers stay the file's. The renderer parses the same text, so slides and blocks agree. Line breaks
 * are left as they are: markdown-it reads `\r\n` and `\r` as `\n`, as LINE_BREAK does.
 */
export function markdownSource(text: string, frontMatterRange: Deck['frontMatterRange']): string {
  if (!frontMatterRange) return text;
  let at = 0;
  for (let n = 0; n < frontMatterRange.endLine; n++) {
    LINE_WITH_BREAK.lastIndex = at;
    if (!LINE_WITH_BREAK.test(text)) return '\n'.repeat(frontMatterRange.endLine);
    at = LINE_WITH_BREAK.lastIndex;
  }
  return '\n'.repeat(frontMatterRange.endLine) + text.slice(at);
}

/** A reveal.js speaker-notes line (`Note:`, also written `Notes:`): the rest of the slide is notes. */
const REVEAL_NOTES = /^Notes?:[ \t]*(?:\n|$)/;
/** A bare web address in text (markdown-it's linkify is off). Linear: one character class, no backtracking. */
const BARE_URL = /\b(?:https?:\/\/|www\.)[^\s<>]+/gi;
/** A Slidev slide's own front matter: every line a `key: value` pair. */
const SLIDE_FRONT_MATTER_LINE = /^[A-Za-z_][\w-]{0,40}:(?:\s.*)?$/;

function isSlideFrontMatter(inline: Token | undefined): boolean {
  return !!inline && inline.content.split('\n').every((line) => SLIDE_FRONT_MATTER_LINE.test(line.trim()));
}

/**
 * The bold words that open a paragraph as its label: "**What changes.** GPs get…", "**Ask:** approve…", or a paragraph
 * that is nothing but "**What would change**" on its first line. Bold inside a sentence ("**eleven times**") is emphasis, not a label,
 * and so is an amount in bold on its own ("**$53,250 USD**"): it says something, it does not name what follows.
 */
function runInLabel(inline: Token): string | undefined {
  // markdown-it may open the inline with an empty text token.
  const children = (inline.children ?? []).filter((t, i) => i > 0 || t.type !== 'text' || t.content !== '');
  if (children[0]?.type !== 'strong_open') return undefined;
  const close = children.findIndex((t) => t.type === 'strong_close');
  const inner = children.slice(1, close);
  if (close < 0 || !inner.every((t) => t.type === 'text')) return undefined;
  const label = inner
    .map((t) => t.content)
    .join('')
    .trim();
  if (label === '' || label.length > 60) return undefined;
  const rest = children.slice(close + 1).filter((t) => t.type !== 'text' || t.content.trim() !== '');
  const after = rest[0];
  const alone = after === undefined || after.type === 'softbreak' || after.type === 'hardbreak';
  if (alone && !label.endsWith(':') && AMOUNT.test(label)) return undefined;
  const marked = /[.:]$/.test(label) || (after?.type === 'text' && /^\s?[.:—–]/.test(after.content));
  return alone || marked ? label.replace(/[\s.:]+$/, '') : undefined;
}

/**
 * A figure with at most a unit or currency code around it ("$53,250 USD", "40%", "€2.4M"): no word of three small letters,
 * and not a numbered label ("2. Why", "1) API"). A label the writer ends with a colon ("**2024:**") is one whatever it holds.
 */
const AMOUNT = /^(?!\d+[.)]\s)[^\p{L}]*\p{N}(?!.*\p{Ll}{3})/u;

/** True when an inline token holds links and nothing else but white space: a pointer elsewhere, not content. */
function onlyLinks(inline: Token): boolean {
  let depth = 0;
  let links = 0;
  for (const child of inline.children ?? []) {
    if (child.type === 'link_open') {
      depth++;
      links++;
    } else if (child.type === 'link_close') {
      depth--;
    } else if (depth === 0 && child.type !== 'softbreak' && child.type !== 'hardbreak') {
      if (child.type !== 'text' || child.content.replace(BARE_URL, '').trim() !== '') return false;
      links += child.content.match(BARE_URL)?.length ?? 0;
    }
  }
  return links > 0;
}

/** Has the narrative at least `minWords` words: its slides' and its speaker notes' added together, each counted as the talk time counts them (code left out)? */
export function longEnough(deck: Deck, minWords: number): boolean {
  let n = 0;
  for (const s of deck.slides) if ((n += s.words + s.noteWords) >= minWords) return true;
  return n >= minWords;
}

/** Words spoken: whitespace-separated words, plus one word for every two CJK characters (which have no spaces). */
export const countWords = memoByText((text: string): number => {
  if (!MAYBE_CJK.test(text)) return text.match(WORD)?.length ?? 0;
  const cjk = text.match(CJK)?.length ?? 0;
  const latin = text.replace(CJK, ' ').match(WORD)?.length ?? 0;
  return latin + Math.ceil(cjk / 2);
});

/**
 * Heading levels that start a new slide. `headingDivider` is a global directive: front matter sets it, and any comment
 * may set it again for the whole deck (the last valid value wins). Values are read as Marp reads them: a level 1-6
 * splits at that level and above, a list splits at exactly those levels, `false` turns splitting off, anything else is
 * ignored.
 */
function headingDividerLevels(frontMatter: Record<string, unknown>, tokens: readonly Token[]): { levels: ReadonlySet<number>; prose: boolean } {
  let levels: ReadonlySet<number> | undefined;
  const apply = (value: unknown) => {
    levels = parseHeadingDivider(value) ?? levels;
  };
  if ('headingDivider' in frontMatter) apply(frontMatter.headingDivider);
  for (const text of commentTexts(tokens)) {
    const set = directives(text);
    if (set && 'headingDivider' in set) apply(set.headingDivider);
  }
  if (levels) return { levels, prose: false };
  const prose = proseLevels(frontMatter, tokens);
  return prose ? { levels: prose, prose: true } : { levels: new Set(), prose: false };
}

/**
 * A prose document — no slide break anywhere, no `headingDivider`, not a Marp deck (`marp: true`, which
 * splits only where Marp does) — is read as a sequence of sections, as if its headings divided slides:
 * at the shallowest heading level that, with the levels above it, opens two sections or more (a single
 * `#` title then makes a title slide of its own, as Marp's headingDivider does). Up to level 3; undefined
 * when there is nothing to divide.
 */
function proseLevels(frontMatter: Record<string, unknown>, tokens: readonly Token[]): Set<number> | undefined {
  if (frontMatter.marp === true) return undefined;
  const counts = [0, 0, 0, 0, 0, 0, 0];
  for (const token of tokens) {
    if (token.level !== 0) continue;
    if (token.type === 'hr') return undefined;
    if (token.type === 'heading_open') counts[Number(token.tag.slice(1))]++;
  }
  let opened = 0;
  for (let level = 1; level <= 3; level++) {
    opened += counts[level];
    if (opened >= 2) return new Set(Array.from({ length: level }, (_, i) => i + 1));
  }
  return undefined;
}

function parseHeadingDivider(value: unknown): Set<number> | undefined {
  const level = (v: unknown) => (typeof v === 'object' ? NaN : Number.parseInt(String(v), 10));
  if (Array.isArray(value)) {
    const wanted = value.map(level);
    return new Set([1, 2, 3, 4, 5, 6].filter((n) => wanted.includes(n)));
  }
  if (value === false || value === 'false') return new Set();
  const n = level(value);
  return n >= 1 && n <= 6 ? new Set(Array.from({ length: n }, (_, i) => i + 1)) : undefined;
}

/** The text of every comment in the token stream, block or inline, at any depth, in source order. */
function* commentTexts(tokens: readonly Token[]): Generator<string> {
  for (const token of tokens) {
    if (token.type === 'html_block' && token.content.trimStart().startsWith('<!--')) {
      yield commentText(token.content) ?? '';
    } else if (token.type === 'inline') {
      for (const child of token.children ?? []) {
        const text = child.type === 'html_inline' ? commentText(child.content) : undefined;
        if (text !== undefined) yield text;
      }
    }
  }
}

function shortTitle(text: string): string {
  const first = text.split('\n')[0].trim();
  return first.length > 80 ? first.slice(0, 79).trimEnd() + '…' : first;
}

/**
 * The text of an HTML block: every `<…>` tag becomes a space. A scan rather than `/<[^>]*>/g`, which reads to the end
 * of the block from every `<` that is never closed (quadratic time).
 */
function stripTags(html: string): string {
  let out = '';
  let at = 0;
  for (let open = html.indexOf('<'); open >= 0; open = html.indexOf('<', at)) {
    const close = html.indexOf('>', open + 1);
    if (close < 0) break;
    out += html.slice(at, open) + ' ';
    at = close + 1;
  }
  return (out + html.slice(at)).replace(/\s+/g, ' ').trim();
}

function wholeFile(lines: readonly string[], code: Problem['code'], message: string): Problem {
  return { code, message, line: 1, column: 1, endLine: 1, endColumn: Math.min(lines[0]?.length ?? 0, 1000) + 1 };
}

function emptyDeck(text: string, lines: string[], problems: Problem[]): Deck {
  return { text, lines, frontMatter: {}, title: '', slides: [], prose: false, problems, estimatedSeconds: 0 };
}
