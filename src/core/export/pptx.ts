import JSZip from 'jszip';
import type { Token } from 'markdown-it';
import PptxGenJS from 'pptxgenjs';
import type { Deck } from '../deck/types';
import { escapeHtml } from '../render/escape';
import { imageUrl, languageTag, slideTokens, withoutComments, type RenderEnv } from '../render/renderDeck';
import { themeName, type ThemeName } from '../render/themes';
import type { RenderOptions } from '../render/types';
import { linkKind } from '../render/urls';
import { bundledAssets, type ExportAssets } from './html';

export interface PptxExportOptions extends RenderOptions {
  /** Overrides the front matter `theme`. */
  theme?: ThemeName;
  /** Only the theme style sheets are read. Defaults to the assets esbuild embeds in the bundle (see esbuild.js). */
  assets?: Pick<ExportAssets, 'themes'>;
}

/** The one slide layout, with the title placeholder. */
const MASTER = 'StoryDeck';

/**
 * An editable PowerPoint file (16:9) of the deck: each slide's title, text, lists, quotes, tables, code
 * and images as real PowerPoint objects in the theme's colours and fonts, its speaker notes in the
 * notes pane, and its beats as section names. Images are embedded only when `resolveImage` turns them
 * into PNG, JPEG or GIF `data:` URIs; any other image shows its alt text. Pure: no DOM, no file system.
 */
export async function exportPptx(deck: Deck, options: PptxExportOptions = {}): Promise<Uint8Array> {
  if (deck.slides.length === 0) {
    throw new Error(`nothing to export: ${deck.problems[0]?.message ?? 'the narrative has no slides.'}`);
  }
  const themes = options.assets?.themes ?? bundledAssets()?.themes;
  if (!themes) throw new Error('exportPptx needs the theme style sheets: pass options.assets or run from a build made by esbuild.js.');
  const theme = options.theme ?? themeName(deck.frontMatter.theme);
  const css = themes[theme];
  if (css === undefined) throw new Error(`the build has no style sheet for the ${theme} theme.`);
  const style: DeckStyle = { ...themeStyle(css, theme), lang: languageTag(deck.frontMatter.lang) };

  const pptx = new PptxGenJS();
  pptx.layout = 'LAYOUT_WIDE';
  pptx.title = xmlText(deck.title);
  pptx.theme = { headFontFace: style.headingFont, bodyFontFace: style.font };
  // Titles go into the layout's title placeholder, so PowerPoint knows them (outline view, accessibility).
  pptx.defineSlideMaster({
    title: MASTER,
    background: { color: style.bg },
    objects: [{ placeholder: { options: { name: 'title', type: 'title', x: PAD_X, y: PAD_Y, w: CONTENT_W, h: TITLE_BOX_H, margin: 0, align: 'left', valign: 'top' }, text: '' } }],
  });

  const { perSlide, env } = slideTokens(deck, options);
  const sections = sectionNames(deck);
  deck.slides.forEach((slide, i) => {
    const sectionTitle = sections[i];
    if (sectionTitle !== sections[i - 1]) pptx.addSection({ title: sectionTitle });
    const target = pptx.addSlide({ masterName: MASTER, sectionTitle });
    drawSlide(pptx, target, slideContent(perSlide[i], env), style);
    const notes = xmlText(slide.notes.join('\n\n'));
    if (notes.trim()) target.addNotes(notes);
  });

  const written = (await pptx.write({ outputType: 'uint8array', compression: false })) as Uint8Array;
  return validParagraphs(written);
}

// ---------------------------------------------------------------------------------------------------
// Theme: colours and fonts from the custom properties in media/themes/<name>.css.

export interface ThemeStyle {
  /** Colours as PowerPoint writes them: six hex digits, no `#`. */
  bg: string;
  fg: string;
  heading: string;
  strong: string;
  accent: string;
  link: string;
  muted: string;
  quote: string;
  border: string;
  codeBg: string;
  codeFg: string;
  tableHead: string;
  /** Font faces: the first family in each CSS font stack that names an installable font. */
  font?: string;
  headingFont?: string;
  monoFont?: string;
}

/** The theme's style and the deck's language (front matter `lang:`; without one, pptxgenjs's en-US), for PowerPoint's proofing. */
interface DeckStyle extends ThemeStyle {
  lang?: string;
}

/** Reads the theme's `--sd-*` custom properties (from its `:root` rules, `var()` resolved). */
export function themeStyle(css: string, name = 'theme'): ThemeStyle {
  const properties = new Map<string, string>();
  for (const [, body] of css.replace(/\/\*[\s\S]*?\*\//g, '').matchAll(/:root\s*\{([^}]*)\}/g)) {
    for (const [, property, value] of body.matchAll(/(--sd-[\w-]+)\s*:\s*([^;]+)/g)) properties.set(property, value.trim());
  }
  const value = (property: string, depth = 0): string | undefined => {
    const raw = properties.get(property);
    const reference = raw === undefined ? undefined : /^var\(\s*(--[\w-]+)\s*(?:,\s*([^)]*))?\)$/.exec(raw);
    if (!reference || depth > 8) return raw;
    return value(reference[1], depth + 1) ?? reference[2]?.trim();
  };
  const color = (property: string, fallback?: string): string => {
    const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(value(property) ?? '')?.[1];
    if (hex) return (hex.length === 3 ? hex.replace(/./g, '$&$&') : hex).toUpperCase();
    if (fallback !== undefined) return fallback;
    throw new Error(`the ${name} theme style sheet gives no hex colour for ${property}.`);
  };
  const bg = color('--sd-bg');
  const fg = color('--sd-fg');
  const heading = color('--sd-heading', fg);
  return {
    bg,
    fg,
    heading,
    strong: color('--sd-strong', heading),
    accent: color('--sd-accent', heading),
    link: color('--sd-link', fg),
    muted: color('--sd-muted', fg),
    quote: color('--sd-quote', fg),
    border: color('--sd-border', fg),
    codeBg: color('--sd-code-bg', bg),
    codeFg: color('--sd-code-fg', fg),
    tableHead: color('--sd-table-head', bg),
    font: fontFace(value('--sd-font')),
    headingFont: fontFace(value('--sd-heading-font')) ?? fontFace(value('--sd-font')),
    monoFont: fontFace(value('--sd-mono-font')),
  };
}

/**
 * Generic families and names that only a browser resolves (the system UI font, macOS' private SF Mono
 * name) cannot be a PowerPoint font face; the first other family is the one to write.
 */
const NOT_A_FONT_FACE = /^(?:system-ui|-apple-system|BlinkMacSystemFont|ui-[a-z-]+|SFMono-Regular|sans-serif|serif|monospace|cursive|fantasy|math|emoji|fangsong)$/i;

function fontFace(stack: string | undefined): string | undefined {
  return stack
    ?.split(',')
    .map((family) => family.trim().replace(/^(['"])(.*)\1$/, '$2'))
    .find((family) => family && !NOT_A_FONT_FACE.test(family));
}

// ---------------------------------------------------------------------------------------------------
// Content: a slide's tokens as the title and a column of pieces (text, quote, code, table, image).

interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
  strike?: boolean;
  code?: boolean;
  /** A link that may be live (`isPptxLink`). */
  href?: string;
  /** A line break before this run, inside the same paragraph. */
  br?: boolean;
  /** The alt text of an image that cannot be embedded. */
  missing?: boolean;
}

interface Paragraph {
  runs: Run[];
  kind: 'body' | 'heading' | 'raw';
  /** Heading level, 1-6. */
  level?: number;
  /** Set on a list item's first paragraph. */
  bullet?: { numbered: boolean; start: number };
  /** List nesting, 0 for the outermost list. */
  indent: number;
}

interface TableCell {
  runs: Run[];
  header: boolean;
  align?: 'left' | 'center' | 'right';
}

interface Picture {
  /** `image/png;base64,…` as pptxgenjs takes it. */
  data: string;
  /** Natural size in pixels. */
  width: number;
  height: number;
  alt: string;
  /** The link around the image, when it may be live. */
  href?: string;
}

type Piece =
  | { kind: 'text' | 'quote'; paragraphs: Paragraph[] }
  | { kind: 'code'; lines: string[] }
  | { kind: 'table'; rows: TableCell[][] }
  | { kind: 'image'; picture: Picture };

interface SlideContent {
  title?: Paragraph;
  pieces: Piece[];
}

/** Walks a slide's block tokens once. The first block, when it is a heading, is the slide's title. */
function slideContent(tokens: Token[], env: RenderEnv): SlideContent {
  const content: SlideContent = { pieces: [] };
  /** The open lists, innermost last, each with the first paragraph of its current item. */
  const lists: Array<{ numbered: boolean; start: number; item?: Paragraph }> = [];
  let quoteDepth = 0;
  let itemStarted = false;
  let heading: number | undefined;
  let table: TableCell[][] | undefined;
  let cell: Omit<TableCell, 'runs'> | undefined;
  let titleNext = false;
  let seenBlock = false;

  /** The text piece paragraphs go to: the open quote, else the last text piece, else a new one. */
  const paragraphs = (): Paragraph[] => {
    const kind: 'text' | 'quote' = quoteDepth > 0 ? 'quote' : 'text';
    const last = content.pieces.at(-1);
    if (last?.kind === kind) return last.paragraphs;
    const piece = { kind, paragraphs: [] as Paragraph[] };
    content.pieces.push(piece);
    return piece.paragraphs;
  };
  const addParagraph = (runs: Run[], kind: Paragraph['kind'], level?: number) => {
    if (runs.length === 0) return;
    const list = lists.at(-1);
    const target = paragraphs();
    if (list && !itemStarted) {
      // A list item's later paragraph: after a line break in its first one, or, once a nested list
      // came between them, a paragraph of its own without a bullet, after the nested items.
      if (list.item && list.item === target.at(-1)) {
        runs[0] = { ...runs[0], br: true };
        list.item.runs.push(...runs);
      } else {
        target.push({ runs, kind, indent: 0 });
      }
      return;
    }
    itemStarted = false;
    const paragraph: Paragraph = { runs, kind, ...(level ? { level } : {}), indent: 0 };
    if (list) {
      paragraph.bullet = { numbered: list.numbered, start: list.start };
      paragraph.indent = lists.length - 1;
      list.item = paragraph;
    }
    target.push(paragraph);
  };

  for (const token of tokens) {
    switch (token.type) {
      case 'heading_open':
        heading = Number(token.tag.slice(1));
        titleNext = !seenBlock;
        break;
      case 'heading_close':
        heading = undefined;
        titleNext = false;
        break;
      case 'bullet_list_open':
      case 'ordered_list_open':
        lists.push({ numbered: token.type === 'ordered_list_open', start: Number(token.attrGet('start') ?? 1) || 1 });
        break;
      case 'bullet_list_close':
      case 'ordered_list_close':
        lists.pop();
        break;
      case 'list_item_open':
        itemStarted = true;
        break;
      case 'blockquote_open':
        quoteDepth++;
        break;
      case 'blockquote_close':
        quoteDepth--;
        break;
      case 'table_open':
        table = [];
        break;
      case 'table_close':
        if (table && table.length > 0) content.pieces.push({ kind: 'table', rows: table });
        table = undefined;
        break;
      case 'tr_open':
        table?.push([]);
        break;
      case 'th_open':
      case 'td_open':
        cell = { header: token.type === 'th_open', align: /\bsd-align-(left|center|right)\b/.exec(String(token.attrGet('class') ?? ''))?.[1] as TableCell['align'] };
        break;
      case 'fence':
      case 'code_block':
        content.pieces.push({ kind: 'code', lines: xmlText(token.content.replace(/\n$/, '')).split('\n') });
        break;
      case 'html_block': {
        const text = withoutComments(token.content).trim();
        if (text) addParagraph(textRuns(text, {}), 'raw');
        break;
      }
      case 'inline': {
        const pictures: Picture[] = [];
        const runs = inlineRuns(token.children ?? [], env, pictures);
        if (table && cell) {
          table.at(-1)?.push({ ...cell, runs });
        } else if (titleNext && runs.length > 0) {
          content.title = { runs, kind: 'heading', level: heading, indent: 0 };
        } else {
          addParagraph(runs, heading !== undefined ? 'heading' : 'body', heading);
        }
        for (const picture of pictures) content.pieces.push({ kind: 'image', picture });
        break;
      }
    }
    // Only comments (notes, directives, guidance) may come before the title.
    if (token.level === 0 && token.nesting !== -1 && (token.type !== 'html_block' || withoutComments(token.content).trim())) seenBlock = true;
  }
  return content;
}

/** A paragraph's inline tokens as runs; images become pictures (or their alt text when they cannot be embedded). */
function inlineRuns(children: Token[], env: RenderEnv, pictures: Picture[]): Run[] {
  const runs: Run[] = [];
  let href: string | undefined;
  let bold = 0;
  let italic = 0;
  let strike = 0;
  let breakNext = false;
  const add = (text: string, extra: Omit<Run, 'text'> = {}) => {
    for (const run of textRuns(text, { ...(href ? { href } : {}), ...(bold ? { bold: true } : {}), ...(italic ? { italic: true } : {}), ...(strike ? { strike: true } : {}), ...extra })) {
      runs.push(breakNext ? { ...run, br: true } : run);
      breakNext = false;
    }
  };
  for (const token of children) {
    switch (token.type) {
      case 'strong_open':
        bold++;
        break;
      case 'strong_close':
        bold--;
        break;
      case 'em_open':
        italic++;
        break;
      case 'em_close':
        italic--;
        break;
      case 's_open':
        strike++;
        break;
      case 's_close':
        strike--;
        break;
      case 'link_open': {
        const target = String(token.attrGet('href') ?? '');
        href = isPptxLink(target) ? target : undefined;
        break;
      }
      case 'link_close':
        href = undefined;
        break;
      case 'softbreak':
        add(' ');
        break;
      case 'hardbreak':
        breakNext = true;
        break;
      case 'code_inline':
        add(token.content, { code: true });
        break;
      case 'html_inline':
        add(withoutComments(token.content));
        break;
      case 'image': {
        const alt = withoutComments(plainText(token.children ?? []));
        const url = imageUrl(String(token.attrGet('src') ?? ''), env);
        const picture = url === undefined ? undefined : pictureOf(url, alt);
        if (picture) pictures.push(href ? { ...picture, href } : picture);
        else add(alt ? `[${alt}]` : '[image]', { missing: true });
        break;
      }
      default:
        add(token.content);
    }
  }
  // Whitespace around a paragraph's text means nothing (an image alone leaves none).
  return runs.filter((run, i) => run.text.trim() || (i > 0 && i < runs.length - 1));
}

/**
 * The links a PowerPoint file may hold: the HTML export's policy, web and mail only. A relative link
 * would open a file next to the .pptx (`/Windows/System32/calc.exe`, or `file&#x3A;…` and `&#x5C;&#x5C;host`,
 * which read as `file:` and UNC paths once unescaped), and PowerPoint opens it with one click. The
 * target is written XML-escaped, so PowerPoint reads exactly the URL checked here.
 */
function isPptxLink(href: string): boolean {
  const kind = linkKind(href);
  return kind === 'web' || kind === 'mail';
}

/** Text as runs: XML-safe, one run per line, later lines after a line break. */
function textRuns(text: string, style: Omit<Run, 'text'>): Run[] {
  return xmlText(text)
    .split('\n')
    .map((line, i) => ({ ...style, text: line, ...(i > 0 ? { br: true } : {}) }))
    .filter((run) => run.text || run.br);
}

function plainText(tokens: Token[]): string {
  return tokens.map((token) => (token.children ? plainText(token.children) : token.content)).join('');
}

/**
 * Drops what XML 1.0 cannot carry (C0 controls but tab and line feed, lone surrogates, U+FFFE/FFFF) and
 * carriage returns; pptxgenjs writes text as it is given.
 */
function xmlText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '');
}

/** The image types a PowerPoint export embeds; `resolveImage` results of any other type show their alt text. */
export const PPTX_IMAGE_TYPES: readonly string[] = ['image/png', 'image/jpeg', 'image/gif'];

/** A PNG, JPEG or GIF `data:` URI with its pixel size read from the image header; undefined for anything else. */
function pictureOf(url: string, alt: string): Picture | undefined {
  const match = /^data:(image\/[\w.+-]+);base64,([A-Za-z0-9+/=\s]+)$/i.exec(url);
  if (!match || !PPTX_IMAGE_TYPES.includes(match[1].toLowerCase())) return undefined;
  let bytes: Uint8Array;
  try {
    bytes = Uint8Array.from(atob(match[2].replace(/\s+/g, '')), (c) => c.charCodeAt(0));
  } catch {
    return undefined;
  }
  const size = imageSize(bytes);
  return size ? { data: `${match[1].toLowerCase()};base64,${match[2].replace(/\s+/g, '')}`, ...size, alt: xmlText(alt) } : undefined;
}

function imageSize(b: Uint8Array): { width: number; height: number } | undefined {
  const u16 = (i: number) => (b[i] << 8) | b[i + 1];
  const u32 = (i: number) => ((b[i] << 24) >>> 0) + (b[i + 1] << 16) + (b[i + 2] << 8) + b[i + 3];
  let size: { width: number; height: number } | undefined;
  if (b.length >= 24 && b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) {
    size = { width: u32(16), height: u32(20) };
  } else if (b.length >= 10 && b[0] === 0x47 && b[1] === 0x49 && b[2] === 0x46) {
    size = { width: b[6] | (b[7] << 8), height: b[8] | (b[9] << 8) };
  } else if (b.length >= 4 && b[0] === 0xff && b[1] === 0xd8) {
    // JPEG: walk the segments to the first start-of-frame marker (C0-CF but C4, C8, CC).
    for (let i = 2; i + 9 < b.length; ) {
      if (b[i] !== 0xff) return undefined;
      const marker = b[i + 1];
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        size = { width: u16(i + 7), height: u16(i + 5) };
        break;
      }
      i += 2 + u16(i + 2);
    }
  }
  return size && size.width > 0 && size.height > 0 ? size : undefined;
}

// ---------------------------------------------------------------------------------------------------
// Layout: the player's 1280×720 px slide is PowerPoint's 13.333×7.5 in wide layout (96 px per inch), so
// the sizes below are the player's (src/webview/player/player.css) in points (0.75 pt per px).

const SLIDE_W = 13.333;
const SLIDE_H = 7.5;
const PAD_X = 88 / 96;
const PAD_Y = 64 / 96;
const CONTENT_W = SLIDE_W - 2 * PAD_X;
const PT = 0.75;
const BODY_PT = 32 * PT;
const HEADING_PT = [64, 50, 40, 34, 32, 32].map((px) => px * PT);
const CODE_PT = 22 * PT;
const TABLE_PT = 26 * PT;
/** Images are at most 520 px high, as in the player. */
const IMAGE_MAX_H = 520 / 96;
const GAP = 0.15;
const TITLE_RULE = 0.06;
/** Below this, text is too small to read; PowerPoint's own shrink-on-overflow takes over. */
const MIN_SCALE = 0.4;

/** Line height and average character width, as multiples of the font size, for estimating wrapped text. */
const LINE = 1.2;
const CHAR = { sans: 0.5, mono: 0.6 };

/** The title placeholder holds two lines of the largest heading; content starts below the title as set. */
const TITLE_BOX_H = inches(HEADING_PT[0] * LINE * 2);

function inches(pt: number): number {
  return pt / 72;
}

function paragraphSize(paragraph: Paragraph): number {
  return paragraph.kind === 'heading' ? HEADING_PT[(paragraph.level ?? 1) - 1] : paragraph.kind === 'raw' ? CODE_PT : BODY_PT;
}

/** Estimated height (in) of runs set at `size` pt in a box `width` in wide. */
function runsHeight(runs: Run[], size: number, width: number, mono = false): number {
  const lines: number[] = [0];
  for (const run of runs) {
    if (run.br) lines.push(0);
    lines[lines.length - 1] += run.text.length;
  }
  const perLine = Math.max(1, Math.floor(width / inches(size * (mono ? CHAR.mono : CHAR.sans))));
  return lines.reduce((sum, chars) => sum + Math.max(1, Math.ceil(chars / perLine)), 0) * inches(size * LINE);
}

const BULLET_IN = 27 / 72;

function paragraphsHeight(paragraphs: Paragraph[], width: number, scale: number): number {
  return paragraphs.reduce((sum, p) => {
    const size = paragraphSize(p) * scale;
    const indent = p.bullet ? BULLET_IN * (p.indent + 1) : 0;
    return sum + runsHeight(p.runs, size, width - indent, p.kind === 'raw') + inches(spaceAfter(p, size));
  }, 0);
}

/** As in the player: 0.6 em after a block, 0.25 em between list items. */
function spaceAfter(paragraph: Paragraph, size: number): number {
  return size * (paragraph.bullet ? 0.25 : 0.6);
}

const QUOTE_INSET = 0.3;
const CODE_MARGIN = 0.15;

function pieceHeight(piece: Piece, scale: number): number {
  switch (piece.kind) {
    case 'text':
      return paragraphsHeight(piece.paragraphs, CONTENT_W, scale);
    case 'quote':
      return paragraphsHeight(piece.paragraphs, CONTENT_W - QUOTE_INSET, scale);
    case 'code':
      return runsHeight(piece.lines.map((text, i) => ({ text, br: i > 0 })), CODE_PT * scale, CONTENT_W - 2 * CODE_MARGIN, true) + 2 * CODE_MARGIN;
    case 'table':
      return tableRowHeights(piece.rows, scale).reduce((a, b) => a + b, 0);
    case 'image':
      return imageBox(piece.picture, scale).h;
  }
}

const CELL_MARGIN = 0.08;

function tableColumnWidths(rows: TableCell[][]): number[] {
  const columns = Math.max(...rows.map((row) => row.length));
  const weights = Array.from({ length: columns }, (_, c) => Math.max(4, ...rows.map((row) => Math.min(60, cellText(row[c]).length))));
  const total = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => (CONTENT_W * w) / total);
}

function cellText(cell: TableCell | undefined): string {
  return cell?.runs.map((run) => run.text).join('') ?? '';
}

function tableRowHeights(rows: TableCell[][], scale: number): number[] {
  const widths = tableColumnWidths(rows);
  return rows.map((row) => Math.max(...row.map((cell, c) => runsHeight(cell.runs, TABLE_PT * scale, widths[c] - 2 * CELL_MARGIN)), inches(TABLE_PT * scale * LINE)) + 2 * CELL_MARGIN);
}

function imageBox(picture: Picture, scale: number): { w: number; h: number } {
  const fit = Math.min(1, CONTENT_W / (picture.width / 96), IMAGE_MAX_H / (picture.height / 96)) * scale;
  return { w: (picture.width / 96) * fit, h: (picture.height / 96) * fit };
}

function drawSlide(pptx: PptxGenJS, slide: PptxGenJS.Slide, content: SlideContent, style: DeckStyle): void {
  let y = PAD_Y;
  if (content.title) {
    const size = paragraphSize(content.title);
    const h = runsHeight(content.title.runs, size, CONTENT_W);
    slide.addText(textProps([content.title], 1, style, style.heading, style.headingFont), { placeholder: 'title', fit: 'shrink' });
    y += h + 0.15;
    slide.addShape(pptx.ShapeType.rect, { x: PAD_X, y, w: 1, h: TITLE_RULE, fill: { color: style.accent }, line: { color: style.accent, width: 0 } });
    y += TITLE_RULE + 0.3;
  }
  if (content.pieces.length === 0) return;

  // One scale for every piece, so that the slide fits; text boxes also shrink on overflow in PowerPoint.
  const available = SLIDE_H - PAD_Y - y;
  const total = (scale: number) => content.pieces.reduce((sum, piece) => sum + pieceHeight(piece, scale), 0) + GAP * (content.pieces.length - 1);
  let scale = 1;
  while (scale > MIN_SCALE && total(scale) > available) scale = Math.max(MIN_SCALE, scale - 0.05);
  // Still too much: the boxes keep to the slide and PowerPoint shrinks their text further.
  const squeeze = Math.min(1, Math.max(0, available) / total(scale));

  for (const piece of content.pieces) {
    const h = pieceHeight(piece, scale) * squeeze;
    switch (piece.kind) {
      case 'text':
        slide.addText(textProps(piece.paragraphs, scale, style, style.fg, style.font), { x: PAD_X, y, w: CONTENT_W, h, margin: 0, valign: 'top', fit: 'shrink' });
        break;
      case 'quote':
        slide.addShape(pptx.ShapeType.rect, { x: PAD_X, y, w: 0.06, h, fill: { color: style.accent }, line: { color: style.accent, width: 0 } });
        slide.addText(textProps(piece.paragraphs, scale, style, style.quote, style.font, { italic: true }), {
          x: PAD_X + QUOTE_INSET, y, w: CONTENT_W - QUOTE_INSET, h, margin: 0, valign: 'top', fit: 'shrink',
        });
        break;
      case 'code':
        slide.addText(
          piece.lines.map((line) => ({ text: line || ' ', options: { breakLine: true, fontFace: style.monoFont, fontSize: CODE_PT * scale, color: style.codeFg } })),
          { x: PAD_X, y, w: CONTENT_W, h, margin: CODE_MARGIN * 72, valign: 'top', fit: 'shrink', fill: { color: style.codeBg }, rectRadius: 0.1, shape: pptx.ShapeType.roundRect },
        );
        break;
      case 'table':
        slide.addTable(tableRows(piece.rows, scale, style), {
          x: PAD_X, y, w: CONTENT_W, colW: tableColumnWidths(piece.rows), rowH: tableRowHeights(piece.rows, scale).map((row) => row * squeeze), margin: CELL_MARGIN * 72,
          border: { type: 'solid', pt: 1, color: style.border }, fontFace: style.font, fontSize: TABLE_PT * scale, color: style.fg, valign: 'top',
        });
        break;
      case 'image': {
        const box = imageBox(piece.picture, scale * squeeze);
        const { data, alt, href } = piece.picture;
        // pptxgenjs escapes a text run's link target but writes a picture's as given.
        slide.addImage({ data, x: PAD_X, y, ...box, altText: alt, ...(href ? { hyperlink: { url: escapeHtml(href) } } : {}) });
        break;
      }
    }
    y += h + GAP * squeeze;
  }
}

/** Paragraphs as pptxgenjs text runs: paragraph settings on the first run, a break after the last. */
function textProps(paragraphs: Paragraph[], scale: number, style: DeckStyle, color: string, fontFace: string | undefined, base: Omit<Run, 'text'> = {}): PptxGenJS.TextProps[] {
  return paragraphs.flatMap((paragraph) => {
    const size = paragraphSize(paragraph) * scale;
    const heading = paragraph.kind === 'heading';
    const paragraphColor = heading ? style.heading : paragraph.kind === 'raw' ? style.muted : color;
    const face = heading ? style.headingFont : paragraph.kind === 'raw' ? style.monoFont : fontFace;
    return paragraph.runs.map((run, i): PptxGenJS.TextProps => ({
      text: run.text,
      options: {
        ...runOptions({ ...base, ...(heading ? { bold: true } : {}), ...run }, size, style, paragraphColor, face),
        ...(i === 0
          ? {
              paraSpaceAfter: spaceAfter(paragraph, size),
              ...(paragraph.bullet
                ? { bullet: paragraph.bullet.numbered ? { type: 'number', numberStartAt: paragraph.bullet.start } : true, indentLevel: paragraph.indent }
                : {}),
            }
          : {}),
        ...(i === paragraph.runs.length - 1 ? { breakLine: true } : {}),
      },
    }));
  });
}

function runOptions(run: Omit<Run, 'text'>, size: number, style: DeckStyle, color: string, fontFace: string | undefined): PptxGenJS.TextPropsOptions {
  return {
    fontSize: size,
    fontFace: run.code ? style.monoFont : fontFace,
    color: run.href ? style.link : run.code ? style.codeFg : run.missing ? style.muted : run.bold ? style.strong : color,
    ...(run.bold ? { bold: true } : {}),
    ...(run.italic ? { italic: true } : {}),
    ...(run.strike ? { strike: 'sngStrike' as const } : {}),
    ...(run.href ? { hyperlink: { url: run.href } } : {}),
    ...(run.br ? { softBreakBefore: true } : {}),
    ...(style.lang ? { lang: style.lang } : {}),
  };
}

function tableRows(rows: TableCell[][], scale: number, style: DeckStyle): PptxGenJS.TableRow[] {
  const columns = Math.max(...rows.map((row) => row.length));
  return rows.map((row) =>
    Array.from({ length: columns }, (_, c): PptxGenJS.TableCell => {
      const cell = row[c] ?? { runs: [], header: false };
      const runs = cell.runs.map((run) => ({ text: run.text, options: runOptions({ ...(cell.header ? { bold: true } : {}), ...run }, TABLE_PT * scale, style, style.fg, style.font) }));
      return {
        text: runs.length > 0 ? runs : ' ',
        options: { ...(cell.align ? { align: cell.align } : {}), ...(cell.header ? { bold: true, fill: { color: style.tableHead } } : {}) },
      };
    }),
  );
}

// ---------------------------------------------------------------------------------------------------
// Sections and the file.

/** Longer section names are cut: PowerPoint shows them in a narrow pane. */
const SECTION_NAME_MAX = 60;

/**
 * Each slide's section: a new section starts where the beats change, and is named after its first
 * slide's title, the words the writer chose ("Slide 3" when it has none). Slides without a beat stay in
 * the section before them. Names are unique, because pptxgenjs files a slide under the first section of
 * its name.
 */
function sectionNames(deck: Deck): string[] {
  const used = new Map<string, number>();
  let beats: string | undefined;
  let section = '';
  return deck.slides.map((slide) => {
    const these = slide.beats.join(' + ');
    if (beats === undefined || (these !== '' && these !== beats)) {
      beats = these;
      const title = xmlText(slide.title).trim();
      const name = !title ? `Slide ${slide.index}` : [...title].length > SECTION_NAME_MAX ? `${[...title].slice(0, SECTION_NAME_MAX - 1).join('').trimEnd()}…` : title;
      const count = (used.get(name) ?? 0) + 1;
      used.set(name, count);
      section = count === 1 ? name : `${name} (${count})`;
    }
    return section;
  });
}

/**
 * pptxgenjs 4 writes paragraph properties before every run of a paragraph, which the schema (and
 * PowerPoint, which then offers to repair the file) allows only first; keep the first in each paragraph.
 */
async function validParagraphs(file: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(file);
  for (const name of Object.keys(zip.files).filter((path) => /^ppt\/slides\/slide\d+\.xml$/.test(path))) {
    const xml = await zip.file(name)!.async('string');
    zip.file(name, xml.replace(/(<\/a:r>|<a:br\/>)<a:pPr\b[^>]*?(?:\/>|>[\s\S]*?<\/a:pPr>)/g, '$1'));
  }
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}
