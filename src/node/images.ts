import { basename, extname, resolve } from 'node:path';
import { describeFsError } from './errors';
import { readLocalFile, ReadRefused, type ReadScope } from './fileAccess';

/** Image types an export may embed, by file extension. */
const IMAGE_TYPES: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.svg': 'image/svg+xml',
};

/** Which local pictures an export may read (see readLocalFile), and how the user allows more. */
export interface PictureAccess extends ReadScope {
  /** A sentence telling how to include a picture from outside `root`, added to its warning. */
  allowWith?: string;
}

/**
 * Resolves image sources for an export that must load nothing from outside itself: data: URIs pass, local
 * files (relative to `base`, the narrative's folder) that `access` allows become data: URIs, anything else
 * is left out with a warning. Each source is read once.
 */
export function imageInliner(base: string, access: PictureAccess, warn: (message: string) => void): (src: string) => string | undefined {
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
      const bytes = readLocalFile(path, access);
      // A name is not a picture: `logo.png -> .git/config` (where CI keeps its checkout token) is inside the root.
      if (!isPicture(bytes)) {
        warn(`image ${src} (${basename(path)}) is not a picture: its bytes are no PNG, JPEG, GIF, WebP, AVIF or SVG image; exported without it.`);
        return undefined;
      }
      return `data:${type};base64,${bytes.toString('base64')}`;
    } catch (e) {
      if (e instanceof ReadRefused) warn(`image ${src} (${e.real}) ${e.message}; exported without it.${e.outside && access.allowWith ? ` ${access.allowWith}` : ''}`);
      else warn(`image ${src} (${basename(path)}) cannot be read: ${describeFsError(e)} Exported without it.`);
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

/**
 * Whether `bytes` are a picture of one of the types an export embeds, by their signature: PNG, JPEG, GIF, WebP, AVIF
 * (an ISO media file whose brands name AVIF) or SVG (markup whose first element is `<svg`, {@link svgFirst}). Which of them the
 * name says is not checked: a JPEG saved as `.png` shows as before.
 */
export function isPicture(bytes: Buffer): boolean {
  const ascii = (start: number, end: number) => bytes.toString('latin1', start, end);
  if (bytes.subarray(0, 8).equals(PNG_SIGNATURE) || (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff)) return true;
  if (ascii(0, 6) === 'GIF87a' || ascii(0, 6) === 'GIF89a' || (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP')) return true;
  if (ascii(4, 8) === 'ftyp') {
    const box = Math.min(bytes.length, bytes.readUInt32BE(0));
    for (let at = 8; at + 4 <= box; at += at === 8 ? 8 : 4) if (AVIF_BRANDS.has(ascii(at, at + 4))) return true;
    return false;
  }
  // SVG is text whose first element is <svg>, in its first 64 KiB: an HTML page or an XML file that holds an <svg> further on is none.
  return svgFirst(bytes.toString('utf8', 0, 64 * 1024));
}

/**
 * Whether markup's first element is `<svg` (`<svg:svg` too), after what may come before it: a byte-order mark, blanks, an XML
 * declaration or processing instruction, comments and a doctype, with its internal subset (`<!DOCTYPE svg [ <!ENTITY …> ]>`,
 * as Illustrator writes). Read once, from the start: each step goes on from where the last ended.
 */
function svgFirst(text: string): boolean {
  let at = text.startsWith('\uFEFF') ? 1 : 0;
  const skip = (close: string, from: number) => {
    const end = text.indexOf(close, from);
    return end < 0 ? -1 : end + close.length;
  };
  while (at >= 0 && at < text.length) {
    if (/\s/.test(text[at])) at++;
    else if (text.startsWith('<?', at)) at = skip('?>', at + 2);
    else if (text.startsWith('<!--', at)) at = skip('-->', at + 4);
    else if (text.slice(at, at + 9).toUpperCase() === '<!DOCTYPE') {
      const close = text.indexOf('>', at);
      const subset = text.indexOf('[', at);
      const afterSubset = subset >= 0 && close >= 0 && subset < close ? skip(']', subset) : undefined;
      at = afterSubset === undefined ? (close < 0 ? -1 : close + 1) : afterSubset < 0 ? -1 : skip('>', afterSubset);
    } else return /^<(?:[\w.-]+:)?svg[\s>/]/i.test(text.slice(at, at + 64));
  }
  return false;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const AVIF_BRANDS = new Set(['avif', 'avis']);
