import { readMarp } from '../../deck/marp';
import type { Deck } from '../../deck/types';
import { deckOf, languageTag, slideTokens, type ParsedDeck } from '../../render/renderDeck';
import { chooseTheme } from '../../render/themes';
import type { RenderOptions } from '../../render/types';
import type { ExportAssets } from '../html';
import { slideContent, xmlText } from './content';
import { defineMasters, drawLayoutSlide, layoutOf } from './layouts';
import { contentArea, drawBackdrop, drawMargins, lookStyle, PPTX_LAYOUTS } from './marp';
import { sectionNames, validParagraphs } from './sections';
import { invertedCss, themeStyle, type DeckStyle } from './theme';

export { PPTX_IMAGE_TYPES } from './content';
export { themeStyle, type ThemeStyle } from './theme';

export interface PptxExportOptions extends RenderOptions {
  /** Overrides the front matter `theme`: a built-in theme's name or a key of `assets.themes`. */
  theme?: string;
  /**
   * Needed: the theme style sheets, and the player's (for Marp's `invert` class; without it an inverted slide keeps the
   * theme's colours). `exportNarrative` (src/node/exporter.ts) passes those esbuild embeds in its bundle.
   */
  assets?: Pick<ExportAssets, 'themes'> & Partial<Pick<ExportAssets, 'playerCss'>>;
  /** Hears of each slide (1-based) whose text was set smaller than designed so that it fits, with the scale (0–1). */
  onShrink?: (slide: number, scale: number) => void;
}

/**
 * An editable PowerPoint file (16:9) of the deck: each slide's title, text, lists, quotes, tables, code
 * and images as real PowerPoint objects in the theme's colours and fonts, its speaker notes in the
 * notes pane, and its beats as section names. Images are embedded only when `resolveImage` turns them
 * into PNG, JPEG or GIF `data:` URIs; any other image shows its alt text. Pure: no DOM, no file system.
 * Pass what `parseForRender` returned to walk its tokens.
 */
export async function exportPptx(source: Deck | ParsedDeck, options: PptxExportOptions = {}): Promise<Uint8Array> {
  const deck = deckOf(source);
  if (deck.slides.length === 0) {
    throw new Error(`nothing to export: ${deck.problems[0]?.message ?? 'the narrative has no slides.'}`);
  }
  const themes = options.assets?.themes;
  if (!themes) throw new Error('exportPptx needs the theme style sheets: pass options.assets (src/node/exporter.ts passes those esbuild embeds).');
  const marp = readMarp(deck);
  const theme = options.theme ?? chooseTheme(marp.theme?.name, new Map(Object.entries(themes))).name;
  const css = themes[theme];
  if (css === undefined) throw new Error(`the build has no style sheet for the ${theme} theme.`);
  const style: DeckStyle = { ...themeStyle(css, theme), lang: languageTag(deck.frontMatter.lang) };

  // Loaded here, not at the top: pptxgenjs and the zip code it brings are most of the CLI's bundle, and only this export runs them.
  const { default: PptxGenJS } = await import('pptxgenjs');
  const pptx = new PptxGenJS();
  pptx.layout = PPTX_LAYOUTS[marp.size];
  pptx.title = xmlText(deck.title);
  pptx.theme = { headFontFace: style.headingFont, bodyFontFace: style.font };
  // Titles go into the layout's title placeholder, so PowerPoint knows them (outline view, accessibility). A
  // placeholder's place is its master's, so each layout and content area (a split background's other side) has one.
  const masterFor = defineMasters(pptx, style, contentArea(marp.size, []));

  const { perSlide, backgrounds, env } = slideTokens(source, options);
  let invertedStyle: DeckStyle | undefined;
  const sections = sectionNames(deck);
  deck.slides.forEach((slide, i) => {
    const sectionTitle = sections[i];
    if (sectionTitle !== sections[i - 1]) pptx.addSection({ title: sectionTitle });
    const look = marp.looks[i];
    const content = slideContent(perSlide[i], env);
    const layout = layoutOf(look?.className, content);
    const area = contentArea(marp.size, backgrounds[i]);
    const inverted = look?.className?.split(' ').includes('invert') ? (invertedStyle ??= { ...themeStyle(invertedCss(css, options.assets?.playerCss), theme), lang: style.lang }) : undefined;
    const slideStyle = lookStyle(inverted ?? style, look);
    const target = pptx.addSlide({ masterName: masterFor(layout, area), sectionTitle });
    // Marp's `invert`: the player's dark palette over the theme's (src/webview/player/marp.css); a backgroundColor directive still wins.
    if (inverted) target.background = { color: inverted.bg };
    drawBackdrop(target, look, backgrounds[i], env, marp.size);
    const scale = drawLayoutSlide(pptx, target, content, slideStyle, layout, area);
    if (scale < 1) options.onShrink?.(i + 1, scale);
    drawMargins(target, look, area, env, slideStyle, marp.size);
    const notes = xmlText(slide.notes.join('\n\n'));
    if (notes.trim()) target.addNotes(notes);
  });

  const written = (await pptx.write({ outputType: 'uint8array', compression: false })) as Uint8Array;
  return validParagraphs(written);
}
