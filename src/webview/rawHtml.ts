import DOMPurify from 'dompurify';
import { isSafeImageSource, linkKind } from '../core/render/urls';

// What raw HTML from the Markdown may become in the preview (`storydeck.preview.html`, trusted
// workspaces only): formatting and structure, nothing that runs, loads a page, styles or submits.
const ALLOWED_TAGS = [
  ...['b', 'i', 'em', 'strong', 'u', 's', 'del', 'ins', 'sub', 'sup', 'small', 'mark', 'kbd', 'abbr', 'code', 'br', 'hr'],
  ...['span', 'div', 'p', 'ul', 'ol', 'li', 'details', 'summary', 'a', 'img'],
  ...['table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td'],
];
const ALLOWED_ATTR = ['href', 'src', 'alt', 'title', 'open', 'start', 'colspan', 'rowspan', 'lang', 'dir'];

const purify = DOMPurify(window);
// Links as the renderer allows them (web, mail, relative: the host opens them after asking); images
// only from https or a PNG/JPEG/GIF/WebP data URI (a relative path would resolve against the webview,
// not the document: Markdown image syntax resolves it).
purify.addHook('uponSanitizeAttribute', (_node, data) => {
  const value = data.attrValue;
  if (data.attrName === 'href' && !linkKind(value)) data.keepAttr = false;
  if (data.attrName === 'src' && !(isSafeImageSource(value) && linkKind(value) !== 'relative')) data.keepAttr = false;
});

/**
 * Replaces every `[data-sd-html]` element the renderer made (`rawHtml: 'keep'`) inside `root` by its
 * HTML, sanitized by DOMPurify (parsed inert, by the browser's own parser) to the allow-list above.
 */
export function showRawHtml(root: ParentNode): void {
  for (const element of root.querySelectorAll<HTMLElement>('[data-sd-html]')) {
    const html = element.dataset.sdHtml ?? '';
    element.removeAttribute('data-sd-html');
    element.className = 'sd-html';
    element.replaceChildren(purify.sanitize(html, { ALLOWED_TAGS, ALLOWED_ATTR, ALLOW_DATA_ATTR: false, ALLOW_ARIA_ATTR: false, RETURN_DOM_FRAGMENT: true }));
  }
}
