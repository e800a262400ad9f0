import type PptxGenJS from 'pptxgenjs';
import type { Paragraph, Piece, SlideContent } from './content';
import { type Area, drawSlide, drawTitle, fitHeadings, PAD_X, PAD_Y, runsHeight, SLIDE_H, textProps, TITLE_BOX_H } from './layout';
import type { DeckStyle } from './theme';

// ---------------------------------------------------------------------------------------------------
// The layouts of src/webview/player/layouts.css (docs/layouts.md) as PowerPoint slides: the same classes,
// sizes (px of the 1280×720 slide, 0.75 pt each) and colours, and the corporate title band.

/** The slide classes that lay a slide out differently; Marp's `lead` centres the slide's text, as the player does. */
export type Layout = 'title' | 'divider' | 'columns' | 'big-number' | 'quote' | 'lead';

/**
 * The layout a slide's classes ask for (the first that names one), if any. A `lead` slide that holds more than
 * text (a table, a picture, code) is drawn as a plain slide, so that nothing on it is left out.
 */
export function layoutOf(className: string | undefined, content?: SlideContent): Layout | undefined {
  for (const name of className?.split(/\s+/) ?? []) {
    if (name === 'lead') return content && !textOnly(content.pieces) ? undefined : 'lead';
    if (name === 'title' || name === 'divider' || name === 'columns' || name === 'big-number' || name === 'quote') return name;
  }
  return undefined;
}

/** The slide masters' names, one per kind of title placement, so that PowerPoint users get them as layouts too. */
export const MASTERS = { plain: 'StoryDeck', title: 'StoryDeck Title', divider: 'StoryDeck Divider', lead: 'StoryDeck Lead' } as const;
type MasterKind = keyof typeof MASTERS;

const px = (n: number) => n / 96;
const pt = (n: number) => n * 0.75;
/** Where the title and divider slides put the title: a box of two large lines above the middle of the content area's side. */
const LEAD_LEFT = px(128);
const LEAD_RIGHT = px(160);
const LEAD_TITLE_H = px(84 * 1.05 * 2);
const LEAD_TITLE_Y = SLIDE_H / 2 - LEAD_TITLE_H;

/** The side of the slide an area's content sits on (the area with its padding), left to right (in). */
function sideOf(area: Area): Area {
  return { x: area.x - PAD_X, w: area.w + 2 * PAD_X };
}

/** The title box of a title or divider slide in `area`. */
function leadOf(area: Area): Area {
  const side = sideOf(area);
  return { x: side.x + LEAD_LEFT, w: side.w - LEAD_LEFT - LEAD_RIGHT };
}

/** Picks (and defines, the first time) the slide master for a layout in a content area. */
export type MasterFor = (layout: Layout | undefined, area: Area) => string;

/**
 * The slide masters: the plain one with the title at the top, the title slide's and the divider's, for
 * `full` (the content area of a slide without a split background), defined now; a placeholder's place is
 * its master's, so another content area (a split background's other side) gets its own, numbered, on first use.
 */
export function defineMasters(pptx: PptxGenJS, style: DeckStyle, full: Area): MasterFor {
  const title = (x: number, y: number, w: number, h: number, valign: 'top' | 'bottom', align: 'left' | 'center' = 'left') => ({
    placeholder: { options: { name: 'title', type: 'title' as const, x, y, w, h, margin: 0, align, valign }, text: '' },
  });
  const define = (name: string, kind: MasterKind, area: Area) => {
    const lead = leadOf(area);
    if (kind === 'plain') pptx.defineSlideMaster({ title: name, background: { color: style.bg }, objects: [title(area.x, PAD_Y, area.w, TITLE_BOX_H, 'top')] });
    else if (kind === 'title') {
      pptx.defineSlideMaster({
        title: name,
        background: { color: style.bg },
        objects: [{ rect: { x: sideOf(area).x, y: 0, w: px(32), h: SLIDE_H, fill: { color: style.accent } } }, title(lead.x, LEAD_TITLE_Y, lead.w, LEAD_TITLE_H, 'bottom')],
      });
    } else if (kind === 'lead') {
      pptx.defineSlideMaster({ title: name, background: { color: style.bg }, objects: [title(area.x, LEAD_TITLE_Y, area.w, LEAD_TITLE_H, 'bottom', 'center')] });
    } else pptx.defineSlideMaster({ title: name, background: { color: style.accent }, objects: [title(lead.x, LEAD_TITLE_Y, lead.w, LEAD_TITLE_H, 'bottom')] });
  };
  const names = new Map<string, string>();
  const counts: Record<MasterKind, number> = { plain: 0, title: 0, divider: 0, lead: 0 };
  const masterFor: MasterFor = (layout, area) => {
    const kind: MasterKind = layout === 'title' || layout === 'divider' || layout === 'lead' ? layout : 'plain';
    const key = `${kind}:${area.x.toFixed(3)}:${area.w.toFixed(3)}`;
    let name = names.get(key);
    if (name) return name;
    counts[kind] += 1;
    name = counts[kind] === 1 ? MASTERS[kind] : `${MASTERS[kind]} ${counts[kind]}`;
    names.set(key, name);
    define(name, kind, area);
    return name;
  };
  for (const layout of [undefined, 'title', 'divider'] as const) masterFor(layout, full);
  return masterFor;
}

/** Paragraphs set as plain text at `size` px in `color`, headings included (the layout decides their look). */
function setAs(paragraphs: Paragraph[], size: number, color: string, fontFace: string | undefined, style: DeckStyle, bold = false): PptxGenJS.TextProps[] {
  const plain = paragraphs.map((p): Paragraph => ({ ...p, kind: 'body', level: undefined }));
  // A bold run takes the theme's --sd-strong colour; here the layout's colour wins.
  return textProps(plain, size / 32, bold ? { ...style, strong: color } : style, color, fontFace, bold ? { bold: true } : {});
}

/** Every paragraph of the text pieces, or undefined when the slide holds anything else (a table, a picture, code). */
function textOnly(pieces: Piece[]): Paragraph[] | undefined {
  const paragraphs: Paragraph[] = [];
  for (const piece of pieces) {
    if (piece.kind !== 'text') return undefined;
    paragraphs.push(...piece.paragraphs);
  }
  return paragraphs;
}

function height(paragraphs: Paragraph[], size: number, width: number): number {
  return paragraphs.reduce((sum, p) => sum + runsHeight(p.runs, pt(size), width) + px(size * 0.6), 0);
}

/**
 * Draws a slide in its layout. The title goes into the master's title placeholder; a layout that cannot
 * hold the slide's pieces as it would in the browser (columns of a table, say) draws it as a plain slide.
 * Returns the scale a plain slide's content was set at to fit (drawSlide); a layout's boxes keep their
 * sizes (PowerPoint shrinks their text on overflow), so 1.
 */
export function drawLayoutSlide(pptx: PptxGenJS, slide: PptxGenJS.Slide, unfitted: SlideContent, style: DeckStyle, layout: Layout | undefined, area: Area): number {
  const content = fitHeadings(unfitted, area.w);
  const text = textOnly(content.pieces);
  const side = sideOf(area);
  const lead = leadOf(area);
  switch (layout) {
    case 'title':
    case 'divider': {
      const ink = layout === 'divider' ? style.onAccent : style.heading;
      const rest = layout === 'divider' ? style.onAccent : style.muted;
      if (content.title) slide.addText(setAs([content.title], layout === 'title' ? 84 : 80, ink, style.headingFont, style, true), { placeholder: 'title', fit: 'shrink' });
      const body = content.pieces.flatMap((piece) => (piece.kind === 'text' || piece.kind === 'quote' ? piece.paragraphs : []));
      if (body.length > 0) {
        const size = layout === 'title' ? 30 : 32;
        const y = SLIDE_H / 2 + px(24);
        slide.addText(setAs(body, size, rest, style.font, style), { x: lead.x, y, w: lead.w, h: Math.min(SLIDE_H - y - PAD_Y, height(body, size, lead.w)), margin: 0, valign: 'top', fit: 'shrink' });
      }
      return 1;
    }
    case 'lead': {
      // As the player's `.lead`: the title just above the middle, the text under it, both centred across the slide.
      if (content.title) slide.addText(textProps([content.title], 1, style, style.heading, style.headingFont), { placeholder: 'title', fit: 'shrink' });
      if (text && text.length > 0) {
        const y = SLIDE_H / 2 + px(24);
        slide.addText(textProps(text, 1, style, style.fg, style.font), { x: area.x, y, w: area.w, h: SLIDE_H - y - PAD_Y, margin: 0, align: 'center', valign: 'top', fit: 'shrink' });
      }
      return 1;
    }
    case 'big-number': {
      const [figure, ...caption] = text ?? [];
      if (!figure) break;
      if (content.title) slide.addText(setAs([content.title], 34, style.muted, style.headingFont, style, true), { placeholder: 'title' });
      const figureH = px(168 * 1.15);
      const captionH = Math.min(px(720 - 64) - px(300) - figureH, height(caption, 36, area.w * 0.7));
      const y = Math.max(PAD_Y + px(80), (SLIDE_H - figureH - captionH) / 2);
      slide.addText(setAs([figure], 168, style.accent, style.headingFont, style, true), { x: area.x, y, w: area.w, h: figureH, margin: 0, valign: 'bottom', fit: 'shrink' });
      if (caption.length > 0) slide.addText(setAs(caption, 36, style.fg, style.font, style), { x: area.x, y: y + figureH, w: area.w * 0.7, h: captionH, margin: 0, valign: 'top', fit: 'shrink' });
      return 1;
    }
    case 'quote': {
      const quote = content.pieces.find((piece) => piece.kind === 'quote');
      const others = content.pieces.filter((piece) => piece !== quote);
      const after = textOnly(others);
      if (!quote || quote.kind !== 'quote' || !after) break;
      if (content.title) slide.addText(setAs([content.title], 30, style.muted, style.headingFont, style, true), { placeholder: 'title' });
      const x = side.x + px(160);
      const w = side.w - 2 * px(160);
      const quoteH = height(quote.paragraphs, 46, w);
      const afterH = height(after, 28, w);
      const y = Math.max(PAD_Y + px(100), (SLIDE_H - quoteH - afterH) / 2);
      slide.addText('\u201C', { x: x - px(110), y: y - px(80), w: px(110), h: px(180), margin: 0, fontFace: 'Georgia', fontSize: pt(180), color: style.accent, valign: 'top' });
      slide.addText(setAs(quote.paragraphs, 46, style.heading, style.headingFont, style), { x, y, w, h: quoteH, margin: 0, valign: 'top', fit: 'shrink' });
      if (after.length > 0) slide.addText(setAs(after, 28, style.muted, style.font, style), { x, y: y + quoteH, w, h: afterH, margin: 0, valign: 'top', fit: 'shrink' });
      return 1;
    }
    case 'columns': {
      if (!text || text.length < 2) break;
      const top = drawTitle(pptx, slide, content, style, area);
      // As in the browser: the second `###` heading starts the right column; without one, the middle paragraph does.
      const h3 = text.flatMap((p, i) => (p.kind === 'heading' && p.level === 3 ? [i] : []));
      const split = h3.length >= 2 ? h3[1] : Math.ceil(text.length / 2);
      const gap = px(72);
      const w = (area.w - gap) / 2;
      const h = SLIDE_H - PAD_Y - top;
      [text.slice(0, split), text.slice(split)].forEach((column, i) => {
        slide.addText(textProps(column, 1, style, style.fg, style.font), { x: area.x + i * (w + gap), y: top, w, h, margin: 0, valign: 'top', fit: 'shrink' });
      });
      slide.addShape(pptx.ShapeType.line, { x: area.x + w + gap / 2, y: top, w: 0, h: h - px(16), line: { color: style.border, width: 1.5 } });
      return 1;
    }
  }
  return drawSlide(pptx, slide, content, style, area);
}
