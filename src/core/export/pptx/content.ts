import type { Token } from 'markdown-it';
import { imageSpec, type ImageSpec } from '../../deck/marp';
import { imageUrl, isFittingHeading, withoutComments, type RenderEnv } from '../../render/renderDeck';
import { linkKind } from '../../render/urls';

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
  /** Marp's fitting heading (`# <!-- fit --> …`): one line as wide as the slide's content; the layout gives it `size`. */
  fit?: boolean;
  /** The size (pt) the layout set, instead of the kind's own. */
  size?: number;
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
  /** True when Marp's `w:`/`h:` set the size (then `width` and `height` are that size). */
  sized?: boolean;
}

type Piece = { kind: 'text' | 'quote'; paragraphs: Paragraph[] } | { kind: 'code'; lines: string[] } | { kind: 'table'; rows: TableCell[][] } | { kind: 'image'; picture: Picture };

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
  const addParagraph = (runs: Run[], kind: Paragraph['kind'], level?: number, fit = false) => {
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
    const paragraph: Paragraph = { runs, kind, ...(level ? { level } : {}), indent: 0, ...(fit ? { fit } : {}) };
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
          content.title = { runs, kind: 'heading', level: heading, indent: 0, ...(isFittingHeading(token) ? { fit: true } : {}) };
        } else {
          addParagraph(runs, heading !== undefined ? 'heading' : 'body', heading, heading !== undefined && isFittingHeading(token));
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
        const spec = imageSpec(withoutComments(plainText(token.children ?? [])));
        const alt = spec.alt;
        const url = imageUrl(String(token.attrGet('src') ?? ''), env);
        const picture = url === undefined ? undefined : sized(pictureOf(url, alt), spec);
        if (picture) pictures.push(href ? { ...picture, href } : picture);
        else add(alt ? `[${alt}]` : '[image]', { missing: true });
        break;
      }
      default:
        add(token.content);
    }
  }
  // Whitespace around a paragraph's text means nothing (an image alone leaves none, nor a comment before a heading's words).
  const kept = runs.filter((run, i) => run.text.trim() || (i > 0 && i < runs.length - 1));
  if (kept.length > 0) {
    kept[0] = { ...kept[0], text: kept[0].text.trimStart() };
    kept[kept.length - 1] = { ...kept[kept.length - 1], text: kept[kept.length - 1].text.trimEnd() };
  }
  return kept;
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

/** A picture at the size Marp's `w:`/`h:` ask for; one of the two keeps the picture's proportions. */
function sized(picture: Picture | undefined, spec: ImageSpec): Picture | undefined {
  if (!picture || (spec.width === undefined && spec.height === undefined)) return picture;
  const width = spec.width ?? (picture.width * (spec.height ?? picture.height)) / picture.height;
  const height = spec.height ?? (picture.height * width) / picture.width;
  return { ...picture, width, height, sized: true };
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
    for (let i = 2; i + 9 < b.length;) {
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

export { inlineRuns, pictureOf, slideContent, xmlText, type Paragraph, type Picture, type Piece, type Run, type SlideContent, type TableCell };
