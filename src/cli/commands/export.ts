import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, extname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parseDeck } from '../../core/deck';
import { exportHtml } from '../../core/export/html';
import { isThemeName, THEME_NAMES } from '../../core/render/themes';
import { describeFsError, EXIT, readTextFile, UsageError, writeAtomically, type Io } from '../io';

export const summary = 'Export a narrative as slides: one self-contained HTML file.';
export const usage = 'storydeck export FILE --to html|pptx|pdf [-o OUT] [--theme NAME] [--force]';

const FORMATS = ['html', 'pptx', 'pdf'];

/** Image types an exported page may show, by file extension. */
const IMAGE_TYPES: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.svg': 'image/svg+xml',
};

export function run(args: string[], io: Io): number {
  const { values, positionals } = parseArgs({
    args,
    options: {
      to: { type: 'string' },
      output: { type: 'string', short: 'o' },
      theme: { type: 'string' },
      force: { type: 'boolean', default: false },
    },
    allowPositionals: true,
  });
  if (positionals.length !== 1) throw new UsageError(`export takes exactly one file. Usage: ${usage}`);
  if (values.to === undefined || !FORMATS.includes(values.to)) throw new UsageError(`--to must be one of ${FORMATS.join(', ')} (got ${values.to === undefined ? 'nothing' : `"${values.to}"`}).`);
  if (values.to !== 'html') throw new UsageError(`export to ${values.to.toUpperCase()} is not available yet; use --to html.`);
  if (values.theme !== undefined && !isThemeName(values.theme)) throw new UsageError(`--theme must be one of ${THEME_NAMES.join(', ')} (got "${values.theme}").`);

  const [file] = positionals;
  const source = resolve(io.cwd, file);
  const output = values.output ?? replaceExtension(file, '.html');
  const target = resolve(io.cwd, output);
  if (target === source) throw new UsageError(`the output ${output} is the source file itself; choose another with -o.`);
  if (!values.force && existsSync(target)) throw new UsageError(`${output} already exists; use --force to replace it.`);

  const deck = parseDeck(readTextFile(source));
  for (const problem of deck.problems) io.err(`${file}:${problem.line}:${problem.column}: ${problem.message}`);
  const html = exportHtml(deck, { theme: values.theme, resolveImage: imageInliner(dirname(source), (message) => io.err(`${file}: ${message}`)) });
  writeAtomically(target, html, { replace: values.force === true, shown: output });
  io.out(`Exported ${deck.slides.length} slide${deck.slides.length === 1 ? '' : 's'} to ${output} (${(Buffer.byteLength(html) / 1024).toFixed(0)} KiB).`);
  return EXIT.ok;
}

function replaceExtension(file: string, extension: string): string {
  const ext = extname(file);
  return (ext ? file.slice(0, -ext.length) : file) + extension;
}

/**
 * Resolves image sources for a page that must load nothing from outside itself: data: URIs pass, local
 * files (relative to the narrative) become data: URIs, anything else is left out with a warning.
 */
function imageInliner(base: string, warn: (message: string) => void): (src: string) => string | undefined {
  const cache = new Map<string, string | undefined>();
  return (src) => {
    if (src.startsWith('data:')) return src;
    if (!cache.has(src)) cache.set(src, inline(src));
    return cache.get(src);
  };

  function inline(src: string): string | undefined {
    if (/^https?:/i.test(src)) {
      warn(`image ${src} is not on this computer; the export loads nothing from the network, so it shows the alt text instead.`);
      return undefined;
    }
    const path = resolve(base, decodePath(src.replace(/[?#].*$/, '')));
    const type = IMAGE_TYPES[extname(path).toLowerCase()];
    if (!type) {
      warn(`image ${src} is not a PNG, JPEG, GIF, WebP, AVIF or SVG file; exported without it.`);
      return undefined;
    }
    try {
      return `data:${type};base64,${readFileSync(path).toString('base64')}`;
    } catch (e) {
      warn(`image ${src} (${basename(path)}) cannot be read: ${describeFsError(e)} Exported without it.`);
      return undefined;
    }
  }
}

/** Image sources are URL-encoded (`my%20photo.png`); file names are not. */
function decodePath(src: string): string {
  try {
    return decodeURIComponent(src);
  } catch {
    return src;
  }
}
