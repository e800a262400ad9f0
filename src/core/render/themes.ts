/** The themes in `media/themes/<name>.css`. */
export const THEME_NAMES = ['light', 'dark', 'corporate'] as const;
export type ThemeName = (typeof THEME_NAMES)[number];

export function isThemeName(value: unknown): value is ThemeName {
  return (THEME_NAMES as readonly unknown[]).includes(value);
}

/** Marp's built-in themes, drawn by the StoryDeck theme that looks most like each. */
export const MARP_THEME_ALIASES: Readonly<Record<string, ThemeName>> = { default: 'light', gaia: 'corporate', uncover: 'light' };

/** The built-in theme a `theme:` value stands for, if any: one of ours by name, or the one drawing a Marp theme. */
export function builtinTheme(value: unknown): ThemeName | undefined {
  if (isThemeName(value)) return value;
  return typeof value === 'string' && Object.hasOwn(MARP_THEME_ALIASES, value) ? MARP_THEME_ALIASES[value] : undefined;
}

/** The theme a `theme:` value picks among the built-in ones: one of ours or a Marp theme's, else `light`. */
export function themeName(value: unknown): ThemeName {
  return builtinTheme(value) ?? 'light';
}

/**
 * A custom theme's name: its style sheet's file name without `.css` (`themes/acme.css` is `acme`), when
 * that is a name a front matter can write (letters, digits, `-`, `_`); else undefined.
 */
export function customThemeName(path: string): string | undefined {
  return /(?:^|[\\/])([A-Za-z0-9][\w-]*)\.css$/.exec(path)?.[1];
}

/** Custom themes by name, from their style sheets' paths; a later path wins over an earlier one of the same name. */
export function customThemes(paths: readonly string[] = []): Map<string, string> {
  const byName = new Map<string, string>();
  for (const path of paths) {
    const name = customThemeName(path);
    if (name !== undefined && !isThemeName(name)) byName.set(name, path);
  }
  return byName;
}

export interface ThemeChoice {
  /** A built-in theme's name, or a key of the custom themes. */
  name: string;
  /** The front matter's `theme:` when it names no theme StoryDeck has, so `name` fell back to a built-in one. */
  unknown?: string;
}

/**
 * The theme a deck is shown in: its front matter `theme:` when that names a custom theme or stands for a
 * built-in one, else `light`, saying which name it did not know.
 */
export function chooseTheme(wanted: unknown, custom: ReadonlyMap<string, unknown> = new Map()): ThemeChoice {
  if (typeof wanted === 'string' && custom.has(wanted)) return { name: wanted };
  const builtin = builtinTheme(wanted);
  if (builtin) return { name: builtin };
  return typeof wanted === 'string' && wanted.trim() ? { name: 'light', unknown: wanted } : { name: 'light' };
}

/** Every theme name a deck may pick, built-in first. */
export function themeNames(custom: ReadonlyMap<string, unknown> = new Map()): string[] {
  return [...THEME_NAMES, ...custom.keys()];
}
