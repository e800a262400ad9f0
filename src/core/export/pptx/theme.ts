// ---------------------------------------------------------------------------------------------------
// Theme: colours and fonts from the custom properties in media/themes/<name>.css.

export interface ThemeStyle {
  /** Colours as PowerPoint writes them: six hex digits, no `#`. */
  bg: string;
  fg: string;
  heading: string;
  strong: string;
  accent: string;
  link: string;
  muted: string;
  quote: string;
  border: string;
  codeBg: string;
  codeFg: string;
  tableHead: string;
  /** Text on the accent colour (a divider slide); `--sd-on-accent`, else the background. */
  onAccent: string;
  /** The band across the top that holds a slide's title (`--sd-title-band`, the corporate theme), and its text colour. */
  titleBand?: string;
  titleBandFg?: string;
  /** Font faces: the first family in each CSS font stack that names an installable font. */
  font?: string;
  headingFont?: string;
  monoFont?: string;
}

/** The theme's style and the deck's language (front matter `lang:`; without one, pptxgenjs's en-US), for PowerPoint's proofing. */
interface DeckStyle extends ThemeStyle {
  lang?: string;
}

/** Reads the theme's `--sd-*` custom properties (from its `:root` rules, `var()` resolved). */
export function themeStyle(css: string, name = 'theme'): ThemeStyle {
  const properties = new Map<string, string>();
  for (const [, body] of css.replace(/\/\*[\s\S]*?\*\//g, '').matchAll(/:root\s*\{([^}]*)\}/g)) {
    for (const [, property, value] of body.matchAll(/(--sd-[\w-]+)\s*:\s*([^;]+)/g)) properties.set(property, value.trim());
  }
  const value = (property: string, depth = 0): string | undefined => {
    const raw = properties.get(property);
    const reference = raw === undefined ? undefined : /^var\(\s*(--[\w-]+)\s*(?:,\s*([^)]*))?\)$/.exec(raw);
    if (!reference || depth > 8) return raw;
    return value(reference[1], depth + 1) ?? reference[2]?.trim();
  };
  const color = (property: string, fallback?: string): string => {
    const hex = pptxColor(value(property) ?? '');
    if (hex) return hex;
    if (fallback !== undefined) return fallback;
    throw new Error(`the ${name} theme style sheet gives no hex or rgb() colour for ${property}.`);
  };
  const bg = color('--sd-bg');
  const fg = color('--sd-fg');
  const heading = color('--sd-heading', fg);
  return {
    bg,
    fg,
    heading,
    strong: color('--sd-strong', heading),
    accent: color('--sd-accent', heading),
    link: color('--sd-link', fg),
    muted: color('--sd-muted', fg),
    quote: color('--sd-quote', fg),
    border: color('--sd-border', fg),
    codeBg: color('--sd-code-bg', bg),
    codeFg: color('--sd-code-fg', fg),
    tableHead: color('--sd-table-head', bg),
    onAccent: color('--sd-on-accent', bg),
    ...(properties.has('--sd-title-band') ? { titleBand: color('--sd-title-band', heading), titleBandFg: color('--sd-title-band-fg', bg) } : {}),
    font: fontFace(value('--sd-font')),
    headingFont: fontFace(value('--sd-heading-font')) ?? fontFace(value('--sd-font')),
    monoFont: fontFace(value('--sd-mono-font')),
  };
}

/**
 * A theme's style sheet with the player's rules for Marp's `invert` class (`.sd-slide.invert { --sd-bg: … }`, in
 * src/webview/player/marp.css) appended as `:root` rules, so that `themeStyle` reads the inverted palette over the theme's.
 */
export function invertedCss(themeCss: string, playerCss = ''): string {
  const rules = [...playerCss.replace(/\/\*[\s\S]*?\*\//g, '').matchAll(/\.sd-slide\.invert\s*\{([^}]*)\}/g)].map(([, body]) => `:root{${body}}`);
  return `${themeCss}\n${rules.join('\n')}`;
}

/** A CSS colour as PowerPoint writes it (six hex digits): `#abc`, `#aabbcc`, or `rgb(r, g, b)` / `rgb(r g b)` with 0–255 components. */
function pptxColor(css: string): string | undefined {
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(css)?.[1];
  if (hex) return (hex.length === 3 ? hex.replace(/./g, '$&$&') : hex).toUpperCase();
  const rgb = /^rgba?\(\s*(\d{1,3})\s*[, ]\s*(\d{1,3})\s*[, ]\s*(\d{1,3})\s*(?:[,/]\s*[\d.]+%?\s*)?\)$/i.exec(css);
  if (!rgb || rgb.slice(1).some((c) => Number(c) > 255)) return undefined;
  return rgb
    .slice(1)
    .map((c) => Number(c).toString(16).padStart(2, '0'))
    .join('')
    .toUpperCase();
}

/**
 * Generic families and names that only a browser resolves (the system UI font, macOS' private SF Mono
 * name) cannot be a PowerPoint font face; the first other family is the one to write.
 */
const NOT_A_FONT_FACE = /^(?:system-ui|-apple-system|BlinkMacSystemFont|ui-[a-z-]+|SFMono-Regular|sans-serif|serif|monospace|cursive|fantasy|math|emoji|fangsong)$/i;

function fontFace(stack: string | undefined): string | undefined {
  return stack
    ?.split(',')
    .map((family) => family.trim().replace(/^(['"])(.*)\1$/, '$2'))
    .find((family) => family && !NOT_A_FONT_FACE.test(family));
}

export type { DeckStyle };
