import * as vscode from 'vscode';
import { escapeHtml } from '../core/render/escape';
import { createMarkdownIt } from '../core/deck/markdown';
import { randomNonce } from './preview/page';

/**
 * A rule's page (docs/rules/<id>.md, shipped with the extension), opened from a diagnostic's link: read-only
 * and rendered, in an editor of its own, instead of the Markdown source as an editable file (which the slide
 * preview would then show as slides). Diagnostics link to `storydeck-rule:/docs/rules/<id>.md`; the custom
 * editor `storydeck.rulePage` (package.json `customEditors`, for that scheme only) reads the page from the
 * extension's folder.
 */
export const RULE_PAGE_SCHEME = 'storydeck-rule';
const VIEW_TYPE = 'storydeck.rulePage';
/** The pages there are: built-in rules' pages only, never another path of the extension's folder. */
const RULE_PAGE = /^\/docs\/rules\/[a-z0-9-]+\.md$/;

/** The link for a rule's `docs` path, when it is a built-in rule's page. */
export function rulePageUri(docs: string): vscode.Uri | undefined {
  const path = `/${docs}`;
  return RULE_PAGE.test(path) ? vscode.Uri.from({ scheme: RULE_PAGE_SCHEME, path }) : undefined;
}

export function registerRulePages(extensionUri: vscode.Uri): vscode.Disposable {
  const provider: vscode.CustomReadonlyEditorProvider = {
    openCustomDocument: (uri) => ({ uri, dispose: () => undefined }),
    async resolveCustomEditor(document, panel) {
      panel.webview.options = { enableScripts: false, localResourceRoots: [] };
      panel.webview.html = await rulePageHtml(extensionUri, document.uri);
    },
  };
  return vscode.window.registerCustomEditorProvider(VIEW_TYPE, provider, { supportsMultipleEditorsPerDocument: true });
}

async function rulePageHtml(extensionUri: vscode.Uri, page: vscode.Uri): Promise<string> {
  if (!RULE_PAGE.test(page.path)) return html('Not a rule page', `<p>${escapeHtml(page.toString(true))} is not a StoryDeck rule page.</p>`);
  const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extensionUri, page.path)));
  const md = createMarkdownIt();
  const tokens = md.parse(text, {});
  // A link to another rule's page opens it here too; any other relative link leads nowhere the extension ships, so it stays text.
  for (const token of tokens.flatMap((t) => t.children ?? [])) {
    if (token.type !== 'link_open') continue;
    const href = String(token.attrGet('href') ?? '#');
    if (href.startsWith('#') || /^[a-z][a-z0-9+.-]*:/i.test(href)) continue;
    const target = new URL(href, `${RULE_PAGE_SCHEME}:${page.path}`);
    if (RULE_PAGE.test(target.pathname)) token.attrSet('href', `${RULE_PAGE_SCHEME}:${target.pathname}${target.hash}`);
    else token.attrs = null;
  }
  return html(page.path.split('/').pop()!.replace(/\.md$/, ''), md.renderer.render(tokens, md.options, {}));
}

function html(title: string, body: string): string {
  const nonce = randomNonce();
  return `<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-${nonce}'">
<title>${escapeHtml(title)}</title>
<style nonce="${nonce}">
body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); max-width: 52rem; margin: 0 auto; padding: 1rem 2rem 3rem; line-height: 1.55; }
a[href] { color: var(--vscode-textLink-foreground); }
code, pre { font-family: var(--vscode-editor-font-family); background: var(--vscode-textCodeBlock-background); }
code { padding: 0 0.2em; border-radius: 3px; }
pre { padding: 0.75em 1em; overflow-x: auto; white-space: pre-wrap; }
pre code { padding: 0; background: none; }
table { border-collapse: collapse; }
th, td { border: 1px solid var(--vscode-panel-border); padding: 0.25em 0.6em; text-align: left; vertical-align: top; }
</style>
</head>
<body>
${body}
</body>
</html>
`;
}
