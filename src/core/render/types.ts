import type { SlideSize } from '../deck/marp';
import type { RenderedLook } from './marp';
import type { ThemeName } from './themes';

export interface RenderOptions {
  /**
   * Rewrites an image source as written in the Markdown (already checked to be http(s), relative or a
   * `data:image/png|jpeg|gif|webp` URI) into the URL the page should load: the preview returns webview
   * URIs, the HTML export data URIs. `undefined` means the image cannot be shown; its alt text is shown
   * instead. Without a resolver, sources are kept as written.
   */
  resolveImage?: (src: string) => string | undefined;
  /**
   * Raw HTML in the Markdown: `escape` (the default, and every export's) shows it as text; `keep` (the
   * preview, when the user allows it in a trusted workspace) puts it, with the inline Markdown around it,
   * as text in the `data-sd-html` attribute of an empty `.sd-raw-html` element, which the page must
   * sanitize before it inserts anything. Comments are dropped either way.
   */
  rawHtml?: 'escape' | 'keep';
}

/** One slide as HTML; `html` and `notesHtml` are safe to insert into a page (raw HTML in the Markdown is escaped). */
export interface RenderedSlide {
  /** 1-based position in the deck. */
  index: number;
  /** First and last source line (1-based, inclusive), as in `Slide`. */
  line: number;
  endLine: number;
  /** Plain text (not HTML). */
  title: string;
  /**
   * From Marp's `class` / `_class` directives, reduced to `[a-zA-Z0-9_ -]`, and `sd-marp-split-left|right`
   * for a split background; absent when none applies.
   */
  className?: string;
  /** Marp's colours and split size for this slide, which the player sets through the CSSOM; absent when none. */
  look?: RenderedLook;
  /**
   * The slide's content; every block element carries `data-line`, its 1-based source line. Marp's
   * backgrounds and header come first, its footer and page number last (src/core/render/marp.ts).
   */
  html: string;
  /** The speaker notes as escaped paragraphs; '' when the slide has none. */
  notesHtml: string;
  estimatedSeconds: number;
}

export interface RenderedDeck {
  /** Plain text (not HTML). */
  title: string;
  /** The `theme` directive when StoryDeck has it (Marp's `default`, `gaia`, `uncover` as look-alikes), else `light`. */
  theme: ThemeName;
  /** Marp's `size` directive: 16:9 (1280×720) or 4:3 (960×720). */
  size: SlideSize;
  /** The front matter `lang` when it is a language tag, else `en`. */
  lang: string;
  /** The talk length from front matter `duration`, when given. */
  durationSeconds?: number;
  estimatedSeconds: number;
  slides: RenderedSlide[];
}
