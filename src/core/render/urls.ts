/**
 * Which link and image URLs may reach the page. markdown-it's own `validateLink` is left as it is,
 * because it also decides how reference definitions parse and so where slides split; these checks run
 * when rendering instead.
 */

const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
const SAFE_DATA_IMAGE = /^data:image\/(?:png|jpeg|gif|webp)[;,]/i;

export type LinkKind = 'web' | 'mail' | 'relative';

/** The kind of a link that may become a live `<a>`, or undefined for anything else (javascript:, data:, file:, //host…). */
export function linkKind(href: string): LinkKind | undefined {
  const url = asBrowserReads(href);
  const scheme = SCHEME.exec(url)?.[1].toLowerCase();
  if (scheme === 'http' || scheme === 'https') return 'web';
  if (scheme === 'mailto') return 'mail';
  return scheme === undefined && isPathRelative(url) ? 'relative' : undefined;
}

/** True for image sources the page may load: http(s), relative paths and PNG/JPEG/GIF/WebP data URIs. */
export function isSafeImageSource(src: string): boolean {
  const url = asBrowserReads(src);
  if (SAFE_DATA_IMAGE.test(url)) return true;
  const kind = linkKind(url);
  return kind === 'web' || kind === 'relative';
}

/** Browsers drop tabs and newlines anywhere in a URL and trim C0 controls and spaces before reading its scheme. */
function asBrowserReads(url: string): string {
  return url.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+/, '');
}

/**
 * A relative reference that stays on the page's own scheme and host: not `//host/…` nor `\\host\…`, and
 * no colon in its first segment (RFC 3986 forbids it there; `java%09script:` is such a look-alike).
 */
function isPathRelative(url: string): boolean {
  return !/^[\\/]{2}/.test(url) && !/^[^/?#]*:/.test(url);
}
