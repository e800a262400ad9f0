/**
 * Messages between the extension host (src/extension/preview) and the preview webview (src/webview),
 * both ways. Both sides import these types; nothing else crosses the boundary.
 */
import type { SlideOverflow } from '../core/lint/types';
import type { RenderedDeck, RenderedSlide } from '../core/render/types';

export type { RenderedDeck, SlideOverflow };

/** A lint finding as the preview shows it in a slide's badge (lines 1-based). */
export interface PreviewFinding {
  line: number;
  ruleId: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
}

/** The page's startup data, as escaped JSON in the `data-state` attribute of `#storydeck`. */
export interface PreviewStartup {
  /** New for every page the host builds: VS Code loads the same page again when a hidden preview is shown. */
  page: string;
  /** The document shown, so that a restored panel (after a window reload) can find it again. */
  uri: string;
  locked: boolean;
  deck: RenderedDeck;
  findings: PreviewFinding[];
  /** 0-based slide to show first. */
  start: number;
  /**
   * `StoryDeck: Present`'s pages: `audience` shows the slide alone (no badges, notes or other views),
   * `presenter` the presenter view that drives it. Absent for the preview.
   */
  present?: PresentRole;
}

export type PresentRole = 'audience' | 'presenter';

/** What the webview keeps across reloads with `vscode.setState`; the panel serializer reads it back. */
export interface PreviewState {
  page: string;
  uri: string;
  locked: boolean;
  current: number;
}

/** The deck without its slides: sent with every update. */
export type DeckSummary = Omit<RenderedDeck, 'slides'> & { slideCount: number };

export type HostToWebview =
  /** The text changed: the slides listed (0-based index) replace their old versions; `slideCount` truncates or extends. */
  | { type: 'update'; deck: DeckSummary; slides: Array<{ index: number; slide: RenderedSlide }> }
  /** The theme's style sheet changed (front matter `theme:` or `storydeck.preview.themes`): swap it in place. */
  | { type: 'theme'; href: string }
  /** The editor's cursor moved into slide `index` (0-based). */
  | { type: 'show'; index: number }
  /** The linter's latest findings for the document. */
  | { type: 'findings'; findings: PreviewFinding[] }
  /** The preview was locked to its document, or unlocked (kept for a restore after a reload). */
  | { type: 'locked'; locked: boolean };

export type WebviewToHost =
  /** The page `page` (PreviewStartup.page) is listening: a late word from a page since replaced is ignored. */
  | { type: 'ready'; page: string }
  /** Slide `index` (0-based) is on show. */
  | { type: 'shown'; index: number }
  /** Reveal this 1-based source line in the editor. */
  | { type: 'reveal'; line: number }
  /** The reader clicked a link; the host asks before opening it. */
  | { type: 'openLink'; href: string }
  /** The reader pressed `f`: the webview cannot use the Fullscreen API, VS Code toggles full screen. */
  | { type: 'fullScreen' }
  /**
   * The audience view of `StoryDeck: Present` is up. `fullScreen`: the window already fills the screen, so VS Code's
   * full screen is left as it is (an extension cannot read it: the `isFullscreen` context key is for `when` clauses).
   */
  | { type: 'presenting'; fullScreen: boolean }
  /** The presenter asks to move the presenter view into a window of its own (another screen). */
  | { type: 'newWindow' }
  /** Every slide that does not fit its page, as the page laid it out (sent when that changes): the slide-overflow finding. */
  | { type: 'overflow'; overflow: SlideOverflow[] };
