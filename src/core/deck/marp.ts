import { COLOUR_FUNCTION, shorthandColour } from './colours';
import { directives } from './comments';
import { refusedGitpitchImage } from './gitpitch';
import { sharedParser } from './markdown';
import type { Deck } from './types';

/**
 * Marp's directives and image keywords as StoryDeck reads them, once per deck: what each slide looks like
 * (`SlideLook`), the deck's theme and size, and a notice for everything Marp would draw that StoryDeck does
 * not (or a value it cannot use). The renderer, the PowerPoint export and the `front-matter` rule all read
 * this one result.
 */

export type SlideSize = '16:9' | '4:3';
export const SLIDE_SIZES: readonly SlideSize[] = ['16:9', '4:3'];

/** What Marp's local directives make of one slide. */
export interface SlideLook {
  /** Whether the slide shows a page number (`paginate: true` or `hold`). */
  paginate: boolean;
  /** The number it shows, when it shows one: Marp counts every slide but those whose `paginate` is `hold` or `skip`. */
  page?: number;
  /** Markdown, rendered inline. */
  header?: string;
  footer?: string;
  /** Reduced to `[a-zA-Z0-9_ -]`. */
  className?: string;
  /** A CSS colour (checked: hex, a name, or a colour function of numbers). */
  backgroundColor?: string;
  color?: string;
  /** The address inside the `backgroundImage: url(…)` directive. */
  backgroundImage?: string;
}

/** Something Marp would show that StoryDeck does not, or a directive value it cannot use. */
export interface MarpNotice {
  /** The directive or keyword (`transition`, `style`, `blur`…). */
  key: string;
  message: string;
  /** The comment, HTML block or image line; undefined for a front matter key. */
  line?: number;
}

export interface MarpReading {
  /** The last `theme` set, as written, with the comment line (undefined: front matter). */
  theme?: { name: string; line?: number };
  size: SlideSize;
  /** One per slide, aligned with `deck.slides`. */
  looks: SlideLook[];
  notices: MarpNotice[];
}

const LOOK_KEYS = ['paginate', 'header', 'footer', 'class', 'backgroundColor', 'backgroundImage', 'color'] as const;
type LookKey = (typeof LOOK_KEYS)[number];
const isLookKey = (key: string): key is LookKey => (LOOK_KEYS as readonly string[]).includes(key);

const NOT_SHOWN = (key: string, why: string) => `\`${key}\` is a Marp feature StoryDeck does not show: ${why}`;
const STYLE_WHY =
  'StoryDeck pages load no style sheet from a document (their Content Security Policy allows only the theme), so this CSS is not applied. Use a theme, or `class` with a layout the theme has.';
/** Marp directives StoryDeck reads and does not draw, with what the audience sees instead. */
const UNSUPPORTED: Record<string, string> = {
  transition: 'slides change without an animation.',
  style: STYLE_WHY,
  math: 'formulas show as the text you wrote.',
  backgroundPosition: 'a background picture is centred; use `![bg left]` or `![bg right]` to place it.',
  backgroundRepeat: 'a background picture is drawn once.',
  backgroundSize: 'use `![bg contain]`, `![bg cover]` or `![bg 50%]` in the image instead.',
};

const GITPITCH_IMAGE = (address: string) =>
  `\`image=${address.length > 60 ? `${address.slice(0, 60)}…` : address}\` is not a picture StoryDeck draws, so this slide has no background picture: only a picture file or an http(s) address is shown, never a \`javascript:\`, \`file:\` or other address that could run or read something.`;

const COLOUR_SHORTHAND = (keyword: string, colour: string, key: string) =>
  `\`![${keyword}](${colour})\` is Marp's old colour shorthand: StoryDeck paints the colour, but Marp 4 no longer reads it (it looks for a picture named "${colour}"). Write \`<!-- _${key}: "${colour}" -->\` to have the colour in both.`;

/** `#abc`, a colour name, or a colour function of numbers, units, commas and slashes: nothing that loads or escapes. */
const CSS_COLOR = /^(?:#[0-9a-f]{3,8}|[a-z]{3,30})$/i;
const CSS_URL = /^url\(\s*(["']?)([^"'()\s]+)\1\s*\)$/i;

const memo = new WeakMap<Deck, MarpReading>();

/** The deck's Marp reading; computed once per deck. */
export function readMarp(deck: Deck): MarpReading {
  let reading = memo.get(deck);
  if (!reading) {
    reading = computeMarp(deck);
    memo.set(deck, reading);
  }
  return reading;
}

function computeMarp(deck: Deck): MarpReading {
  const notices: MarpNotice[] = [];
  const noticed = new Set<string>();
  const notice = (key: string, message: string, line: number | undefined) => {
    if (noticed.has(key)) return; // one finding per feature: the first place it is used
    noticed.add(key);
    notices.push({ key, message, ...(line !== undefined ? { line } : {}) });
  };
  let theme: MarpReading['theme'];
  let size: SlideSize = '16:9';
  const inherited: Partial<Record<LookKey, unknown>> = {};
  const spots: Array<Partial<Record<LookKey, unknown>>> = deck.slides.map(() => ({}));
  const lineOf: Partial<Record<LookKey, number | undefined>> = {};

  /** One source of directives: the front matter (line undefined, applies from the first slide) or a comment on slide `at`. */
  const apply = (set: Record<string, unknown>, at: number, line: number | undefined) => {
    for (const [rawKey, value] of Object.entries(set)) {
      const spot = rawKey.startsWith('_');
      const key = spot ? rawKey.slice(1) : rawKey;
      if (key === 'theme' && !spot) {
        if (typeof value === 'string' && value.trim()) theme = { name: value.trim(), ...(line !== undefined ? { line } : {}) };
      } else if (key === 'size' && !spot) {
        const wanted = String(value).trim();
        if ((SLIDE_SIZES as readonly string[]).includes(wanted)) size = wanted as SlideSize;
        else notice('size', `\`size: ${wanted}\` is not a slide size StoryDeck has, so slides stay ${size}. Use 16:9 or 4:3.`, line);
      } else if (key in UNSUPPORTED) {
        notice(key, NOT_SHOWN(key, UNSUPPORTED[key]), line);
      } else if (isLookKey(key)) {
        const checked = checkValue(key, value, (message) => notice(`${key}-value`, message, line));
        if (spot) {
          if (at < spots.length) spots[at][key] = checked;
        } else {
          inherited[key] = checked;
          lineOf[key] = line;
        }
      }
    }
  };

  apply(deck.frontMatter, 0, undefined);
  let page = 0;
  const looks = deck.slides.map((slide, i): SlideLook => {
    for (const comment of slide.comments) {
      if (comment.kind !== 'directive') continue;
      const set = directives(comment.text);
      if (set) apply(set, i, comment.line);
    }
    const refused = refusedGitpitchImage(sharedParser(), deck.lines[slide.line - 1] ?? '');
    if (refused !== undefined) notice('gitpitch-image', GITPITCH_IMAGE(refused), slide.line);
    for (const block of slide.blocks) {
      if (block.kind === 'html' && isStyleBlock(deck.lines[block.line - 1] ?? '')) notice('style', NOT_SHOWN('<style>', STYLE_WHY), block.line);
    }
    for (const image of slide.images) {
      const spec = imageSpec(image.alt);
      const colour = shorthandColour(image.src);
      if (colour !== undefined) {
        const key = spec.bg ? 'backgroundColor' : 'color';
        if (i < spots.length) spots[i][key] = colour;
        notice('colour-shorthand', COLOUR_SHORTHAND(spec.bg ? 'bg' : '', colour, key), image.line);
        continue;
      }
      for (const filter of spec.filters) notice(filter, NOT_SHOWN(filter, 'image filters are not applied, so the picture shows as it is.'), image.line);
      for (const bad of spec.badSizes) notice(`size-${bad}`, `\`${bad}\` is not a size StoryDeck can draw, so the picture keeps its own size. Give it in pixels, such as \`w:300\`.`, image.line);
    }
    const values = { ...inherited, ...spots[i] };
    const paginate = paginateMode(values.paginate);
    if (paginate === 'show' || paginate === 'hide') page += 1;
    // A `hold` before any counted slide shows 1, as Marp's does.
    return look(values, paginate === 'show' || paginate === 'hold' ? Math.max(page, 1) : undefined);
  });
  return { ...(theme ? { theme } : {}), size, looks, notices };
}

/**
 * Marp Core 4's `paginate` values: `true` shows the page number, `false` hides it, `hold` shows the number of the
 * slide before (the slide is not counted) and `skip` hides it and does not count the slide either.
 */
function paginateMode(value: unknown): 'show' | 'hide' | 'hold' | 'skip' {
  const word = String(value ?? '')
    .trim()
    .toLowerCase();
  return word === 'true' ? 'show' : word === 'hold' || word === 'skip' ? word : 'hide';
}

/** A slide's look from the directive values in force on it, with the page number it shows (undefined: none). */
function look(values: Partial<Record<LookKey, unknown>>, page: number | undefined): SlideLook {
  const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v : undefined);
  const out: SlideLook = { paginate: page !== undefined, ...(page !== undefined ? { page } : {}) };
  const header = text(values.header);
  const footer = text(values.footer);
  const className = cssClass(values.class);
  if (header) out.header = header;
  if (footer) out.footer = footer;
  if (className) out.className = className;
  for (const key of ['backgroundColor', 'color', 'backgroundImage'] as const) {
    const value = text(values[key]);
    if (value) out[key] = value;
  }
  return out;
}

/** A directive value as StoryDeck keeps it: a usable colour or image address, else undefined (with a notice). */
function checkValue(key: LookKey, value: unknown, complain: (message: string) => void): unknown {
  if (key === 'backgroundColor' || key === 'color') {
    const colour = String(value ?? '').trim();
    if (CSS_COLOR.test(colour) || COLOUR_FUNCTION.test(colour)) return colour;
    complain(`\`${key}: ${colour}\` is not a colour StoryDeck can use, so it is ignored. Write a hex colour (#1e3a5f), a colour name or rgb(…).`);
    return undefined;
  }
  if (key === 'backgroundImage') {
    const address = CSS_URL.exec(String(value ?? '').trim())?.[2];
    if (address) return address;
    complain(NOT_SHOWN('backgroundImage', `only \`url(…)\` of a picture is drawn, not "${String(value)}". Use \`![bg](picture.png)\` or \`backgroundColor\`.`));
    return undefined;
  }
  return value;
}

/** Marp's class directive reduced to safe class names. */
function cssClass(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const clean = value
    .replace(/[^a-zA-Z0-9_ -]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return clean || undefined;
}

/** An HTML block that is a style sheet (Marp's `<style>` / `<style scoped>`). */
export function isStyleBlock(html: string): boolean {
  return /^\s*<style\b/i.test(html);
}

// ---------------------------------------------------------------------------------------------------
// Image keywords: `![bg right:40% contain](…)`, `![w:300](…)`.

export type BackgroundSize = 'cover' | 'contain' | 'auto' | `${number}%`;

export interface ImageSpec {
  /** The alt text without Marp's keywords. */
  alt: string;
  /** A background picture rather than one in the flow. */
  bg: boolean;
  size: BackgroundSize;
  /** `left` / `right` (`:40%`): the picture takes that side and the content moves beside it. */
  split?: { side: 'left' | 'right'; percent: number };
  /** Several backgrounds stack top to bottom rather than side by side. */
  vertical: boolean;
  /** Pixels. */
  width?: number;
  height?: number;
  /** Filters Marp would apply (`blur`, `sepia:50%`…), which StoryDeck does not. */
  filters: string[];
  /** `w:`/`h:` values that are not pixels. */
  badSizes: string[];
}

const FILTERS = /^(blur|brightness|contrast|drop-shadow|grayscale|hue-rotate|invert|opacity|saturate|sepia)(?::.*)?$/;
const DIMENSION = /^(w|width|h|height):(.*)$/;
const PIXELS = /^(\d{1,5}(?:\.\d+)?)(?:px)?$/;
const PERCENT = /^(\d{1,3}(?:\.\d+)?)%$/;
const SPLIT = /^(left|right)(?::(\d{1,3}(?:\.\d+)?)%)?$/;

/** Reads Marp's keywords out of an image's alt text; words that are not keywords stay the alt text. Linear in the text. */
export function imageSpec(altText: string): ImageSpec {
  const spec: ImageSpec = { alt: '', bg: false, size: 'cover', vertical: false, filters: [], badSizes: [] };
  const rest: string[] = [];
  for (const word of altText.split(/\s+/)) {
    if (!word) continue;
    const dimension = DIMENSION.exec(word);
    const split = SPLIT.exec(word);
    const percent = PERCENT.exec(word);
    if (word === 'bg') spec.bg = true;
    else if (word === 'cover' || word === 'contain' || word === 'auto') spec.size = word;
    else if (word === 'fit') spec.size = 'contain';
    else if (word === 'vertical') spec.vertical = true;
    else if (percent) spec.size = `${Number(percent[1])}%`;
    else if (split) spec.split = { side: split[1] as 'left' | 'right', percent: Math.min(100, Number(split[2] ?? 50)) };
    else if (FILTERS.test(word)) spec.filters.push(word.split(':')[0]);
    else if (dimension) {
      const px = PIXELS.exec(dimension[2]);
      if (!px) spec.badSizes.push(word);
      else if (dimension[1].startsWith('w')) spec.width = Number(px[1]);
      else spec.height = Number(px[1]);
    } else rest.push(word);
  }
  spec.alt = rest.join(' ');
  // Placement keywords mean something only to a background.
  if (!spec.bg) {
    spec.split = undefined;
    spec.vertical = false;
    spec.size = 'cover';
  }
  return spec;
}
