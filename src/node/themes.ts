/**
 * The theme an export is drawn in: a built-in one (embedded in the bundle) or a custom style sheet from
 * the `themes:` list of `.storydeck.yaml` (or VS Code's `storydeck.preview.themes`), read through the one
 * read policy (fileAccess.ts): inside the narrative's root only.
 */
import { themeStyle } from '../core/export/pptx/theme';
import { chooseTheme, customThemes, isThemeName, themeNames } from '../core/render/themes';
import { describeFsError, UserError } from './errors';
import { readLocalFile, ReadRefused } from './fileAccess';

/** A theme's style sheet is a page of CSS, not a picture: 1 MiB is far more than any theme needs. */
export const THEME_MAX_BYTES = 1024 * 1024;

export interface ThemeRequest {
  /** The front matter's `theme:`. */
  wanted: unknown;
  /** A theme the user named (`--theme`), instead of the front matter's. */
  override?: string;
  /** Absolute paths of custom themes' style sheets. */
  paths?: readonly string[];
  /** The folder custom style sheets must be in. */
  root: string;
}

export interface ExportTheme {
  name: string;
  /** The custom theme's style sheet; undefined for a built-in theme, which the bundle holds. */
  css?: string;
  /** Why the front matter's theme was not used, for a warning. */
  fellBack?: string;
}

/**
 * Picks the export's theme and reads its style sheet when it is a custom one. Throws UserError (one line)
 * for a `--theme` StoryDeck does not have, and for a custom style sheet that cannot be read or sets no
 * colours a PowerPoint file can take.
 */
export function exportTheme({ wanted, override, paths, root }: ThemeRequest): ExportTheme {
  const custom = customThemes(paths);
  const known = () => themeNames(custom).join(', ');
  let name: string;
  let fellBack: string | undefined;
  if (override !== undefined) {
    if (!isThemeName(override) && !custom.has(override)) throw new UserError(`there is no theme "${override}"; use one of ${known()}.`);
    name = override;
  } else {
    const choice = chooseTheme(wanted, custom);
    name = choice.name;
    if (choice.unknown !== undefined) {
      fellBack = `theme "${choice.unknown}" is not a StoryDeck theme (${known()}), so the export uses ${name}. To use your own, list its CSS file under themes: in .storydeck.yaml.`;
    }
  }
  const path = custom.get(name);
  return path === undefined ? { name, fellBack } : { name, css: readTheme(name, path, root), fellBack };
}

function readTheme(name: string, path: string, root: string): string {
  let css: string;
  try {
    css = readLocalFile(path, { root, maxBytes: THEME_MAX_BYTES }).toString('utf8');
  } catch (e) {
    throw new UserError(
      `the ${name} theme (${path}) ${e instanceof ReadRefused ? `${e.message}${e.outside ? "; a theme must be in the narrative's project" : ''}.` : `cannot be read: ${describeFsError(e)}`}`,
    );
  }
  try {
    themeStyle(css, name);
  } catch (e) {
    throw new UserError(`${(e as Error).message.replace(/\.$/, '')}: a theme sets --sd-bg and --sd-fg (and the other --sd-* colours) as hex or rgb() colours in :root (see docs/themes.md).`);
  }
  return css;
}
