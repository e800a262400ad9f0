/**
 * Marp's fitting heading, `# <!-- fit --> Title`: one line, as large as the slide's width allows. The player
 * (src/webview/player/look.ts) sizes it from this first guess and then measures the text; the PowerPoint export,
 * which cannot measure, keeps the guess. Kept free of imports: the player, inlined in every exported page, embeds it.
 */

/** Average glyph width of a heading, in em. */
export const GLYPH_EM = 0.55;
const FIT_MIN_PX = 24;
const FIT_MAX_PX = 240;

/** A fitting heading's font size (px) clamped to what stays readable and on the slide. */
export const clampFit = (px: number): number => Math.round(Math.min(FIT_MAX_PX, Math.max(FIT_MIN_PX, px)));

/** The first guess: the size (px) at which `chars` characters fill `width` px. */
export const fitFontPx = (width: number, chars: number): number => clampFit(width / (Math.max(1, chars) * GLYPH_EM));
