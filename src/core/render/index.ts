export { parseForRender, renderDeck, renderedForAudience, withoutNotes, type ParsedDeck } from './renderDeck';
export { escapeHtml } from './escape';
export { THEME_NAMES, isThemeName, themeName, type ThemeName } from './themes';
export { linkKind, isSafeImageSource, type LinkKind } from './urls';
export type { RenderOptions, RenderedDeck, RenderedSlide } from './types';
