/** The themes in `media/themes/<name>.css`. */
export const THEME_NAMES = ['light', 'dark', 'corporate'] as const;
export type ThemeName = (typeof THEME_NAMES)[number];

export function isThemeName(value: unknown): value is ThemeName {
  return (THEME_NAMES as readonly unknown[]).includes(value);
}

/** The theme a front matter `theme:` value picks: one of ours, else `light` (Marp decks name Marp's themes). */
export function themeName(value: unknown): ThemeName {
  return isThemeName(value) ? value : 'light';
}
