import type PptxGenJS from 'pptxgenjs';
import { escapeHtml } from '../../render/escape';
import { fitFontPx } from '../../render/fit';
import type { Paragraph, Picture, Piece, Run, SlideContent, TableCell } from './content';
import type { DeckStyle } from './theme';

// ---------------------------------------------------------------------------------------------------
// Layout: the player's 1280×720 px slide is PowerPoint's 13.333×7.5 in wide layout (96 px per inch), so
// the sizes below are the player's (src/webview/player/player.css) in points (0.75 pt per px).

const SLIDE_W = 13.333;
const SLIDE_H = 7.5;
const PAD_X = 88 / 96;
const PAD_Y = 64 / 96;
const CONTENT_W = SLIDE_W - 2 * PAD_X;

/** Where a slide's content goes, left to right (in): the full width, or the side a split background leaves. */
export interface Area {
  x: number;
  w: number;
}

/** The content area of a 16:9 slide without a split background. */
const FULL_AREA: Area = { x: PAD_X, w: CONTENT_W };
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
  if (paragraph.size !== undefined) return paragraph.size;
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

function pieceHeight(piece: Piece, scale: number, width: number): number {
  switch (piece.kind) {
    case 'text':
      return paragraphsHeight(piece.paragraphs, width, scale);
    case 'quote':
      return paragraphsHeight(piece.paragraphs, width - QUOTE_INSET, scale);
    case 'code':
      return (
        runsHeight(
          piece.lines.map((text, i) => ({ text, br: i > 0 })),
          CODE_PT * scale,
          width - 2 * CODE_MARGIN,
          true,
        ) +
        2 * CODE_MARGIN
      );
    case 'table':
      return tableRowHeights(piece.rows, scale, width).reduce((a, b) => a + b, 0);
    case 'image':
      return imageBox(piece.picture, scale, width).h;
  }
}

const CELL_MARGIN = 0.08;

function tableColumnWidths(rows: TableCell[][], width: number): number[] {
  const columns = Math.max(...rows.map((row) => row.length));
  const weights = Array.from({ length: columns }, (_, c) => Math.max(4, ...rows.map((row) => Math.min(60, cellText(row[c]).length))));
  const total = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => (width * w) / total);
}

function cellText(cell: TableCell | undefined): string {
  return cell?.runs.map((run) => run.text).join('') ?? '';
}

function tableRowHeights(rows: TableCell[][], scale: number, width: number): number[] {
  const widths = tableColumnWidths(rows, width);
  return rows.map((row) => Math.max(...row.map((cell, c) => runsHeight(cell.runs, TABLE_PT * scale, widths[c] - 2 * CELL_MARGIN)), inches(TABLE_PT * scale * LINE)) + 2 * CELL_MARGIN);
}

function imageBox(picture: Picture, scale: number, width: number): { w: number; h: number } {
  // A size asked for (`![w:300](…)`) may be taller than the player's image limit, as in the player.
  const maxH = picture.sized ? SLIDE_H : IMAGE_MAX_H;
  const fit = Math.min(1, width / (picture.width / 96), maxH / (picture.height / 96)) * scale;
  return { w: (picture.width / 96) * fit, h: (picture.height / 96) * fit };
}

/**
 * The slide with each fitting heading (`# <!-- fit --> …`) given the size at which its text fills `width` (in)
 * on one line: the player's first guess (src/core/render/fit.ts), since a PowerPoint file cannot be measured.
 */
function fitHeadings(content: SlideContent, width: number): SlideContent {
  const fitted = (p: Paragraph): Paragraph =>
    p.fit
      ? {
          ...p,
          size:
            fitFontPx(
              width * 96,
              p.runs.reduce((n, run) => n + run.text.length, 0),
            ) * PT,
        }
      : p;
  return {
    ...content,
    ...(content.title ? { title: fitted(content.title) } : {}),
    pieces: content.pieces.map((piece) => (piece.kind === 'text' ? { ...piece, paragraphs: piece.paragraphs.map(fitted) } : piece)),
  };
}

/**
 * Draws a slide's content into `area` (the title into the placeholder of the slide's master, which must match
 * it); returns the scale its content was set at to fit (1: as designed, below 1: shrunk).
 */
function drawSlide(pptx: PptxGenJS, slide: PptxGenJS.Slide, content: SlideContent, style: DeckStyle, area: Area = FULL_AREA): number {
  const { x, w: width } = area;
  let y = drawTitle(pptx, slide, content, style, area);
  if (content.pieces.length === 0) return 1;

  // One scale for every piece, so that the slide fits; text boxes also shrink on overflow in PowerPoint.
  const available = SLIDE_H - PAD_Y - y;
  const total = (scale: number) => content.pieces.reduce((sum, piece) => sum + pieceHeight(piece, scale, width), 0) + GAP * (content.pieces.length - 1);
  let scale = 1;
  while (scale > MIN_SCALE && total(scale) > available) scale = Math.max(MIN_SCALE, scale - 0.05);
  // Still too much: the boxes keep to the slide and PowerPoint shrinks their text further.
  const squeeze = Math.min(1, Math.max(0, available) / total(scale));

  for (const piece of content.pieces) {
    const h = pieceHeight(piece, scale, width) * squeeze;
    switch (piece.kind) {
      case 'text':
        slide.addText(textProps(piece.paragraphs, scale, style, style.fg, style.font), { x, y, w: width, h, margin: 0, valign: 'top', fit: 'shrink' });
        break;
      case 'quote':
        slide.addShape(pptx.ShapeType.rect, { x, y, w: 0.06, h, fill: { color: style.accent }, line: { color: style.accent, width: 0 } });
        slide.addText(textProps(piece.paragraphs, scale, style, style.quote, style.font, { italic: true }), {
          x: x + QUOTE_INSET,
          y,
          w: width - QUOTE_INSET,
          h,
          margin: 0,
          valign: 'top',
          fit: 'shrink',
        });
        break;
      case 'code':
        slide.addText(
          piece.lines.map((line) => ({ text: line || ' ', options: { breakLine: true, fontFace: style.monoFont, fontSize: CODE_PT * scale, color: style.codeFg } })),
          { x, y, w: width, h, margin: CODE_MARGIN * 72, valign: 'top', fit: 'shrink', fill: { color: style.codeBg }, rectRadius: 0.1, shape: pptx.ShapeType.roundRect },
        );
        break;
      case 'table':
        slide.addTable(tableRows(piece.rows, scale, style), {
          x,
          y,
          w: width,
          colW: tableColumnWidths(piece.rows, width),
          rowH: tableRowHeights(piece.rows, scale, width).map((row) => row * squeeze),
          margin: CELL_MARGIN * 72,
          border: { type: 'solid', pt: 1, color: style.border },
          fontFace: style.font,
          fontSize: TABLE_PT * scale,
          color: style.fg,
          valign: 'top',
        });
        break;
      case 'image': {
        const box = imageBox(piece.picture, scale * squeeze, width);
        const { data, alt, href } = piece.picture;
        // pptxgenjs escapes a text run's link target but writes a picture's as given.
        slide.addImage({ data, x, y, ...box, altText: alt, ...(href ? { hyperlink: { url: escapeHtml(href) } } : {}) });
        break;
      }
    }
    y += h + GAP * squeeze;
  }
  return scale * squeeze;
}

/**
 * The slide title in the plain master's placeholder, with the accent rule under it, or in the theme's title
 * band (`--sd-title-band`) across the top of the content area's side of the slide; returns where the content
 * starts (in).
 */
function drawTitle(pptx: PptxGenJS, slide: PptxGenJS.Slide, content: SlideContent, style: DeckStyle, area: Area = FULL_AREA): number {
  if (!content.title) return PAD_Y;
  const title = content.title;
  const h = runsHeight(title.runs, paragraphSize(title), area.w);
  if (style.titleBand) {
    const bandH = PAD_Y + h + 24 / 96;
    slide.addShape(pptx.ShapeType.rect, { x: area.x - PAD_X, y: 0, w: area.w + 2 * PAD_X, h: bandH, fill: { color: style.titleBand }, line: { color: style.titleBand, width: 0 } });
    slide.addText(textProps([title], 1, { ...style, heading: style.titleBandFg ?? style.bg, strong: style.titleBandFg ?? style.bg }, style.fg, style.headingFont), {
      placeholder: 'title',
      fit: 'shrink',
    });
    return bandH + 32 / 96;
  }
  slide.addText(textProps([title], 1, style, style.heading, style.headingFont), { placeholder: 'title', fit: 'shrink' });
  const rule = PAD_Y + h + 0.15;
  slide.addShape(pptx.ShapeType.rect, { x: area.x, y: rule, w: 1, h: TITLE_RULE, fill: { color: style.accent }, line: { color: style.accent, width: 0 } });
  return rule + TITLE_RULE + 0.3;
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
              ...(paragraph.bullet ? { bullet: paragraph.bullet.numbered ? { type: 'number', numberStartAt: paragraph.bullet.start } : true, indentLevel: paragraph.indent } : {}),
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

export { CONTENT_W, drawSlide, drawTitle, fitHeadings, FULL_AREA, PAD_X, PAD_Y, runOptions, runsHeight, SLIDE_H, SLIDE_W, textProps, TITLE_BOX_H };
