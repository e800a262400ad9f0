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
      return `data:${type};base64,${readLocalFile(path, access).toString('base64')}`;
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
