// The preview panel. Built into its own bundle, dist/preview.js (see esbuild.js), which register.ts loads
// the first time a preview is opened or restored: activation never parses it.
import * as vscode from 'vscode';
import { readMarp } from '../../core/deck/marp';
import type { Finding, MeasuredLayout, StoryDeckConfig } from '../../core/lint';
import { linkKind, parseForRender, renderDeck, renderedForAudience, type RenderedDeck } from '../../core/render';
import { chooseTheme, customThemes } from '../../core/render/themes';
import { slideAtLine } from '../../shared/lines';
import { inside, themeSheets } from '../themes';
import type { HostToWebview, PresentRole, PreviewFinding, PreviewState, WebviewToHost } from '../../shared/protocol';
import { deckUpdate, previewHtml, randomNonce } from './page';
import { noLinks } from '../notifyText';

const VIEW_TYPE = 'storydeck.preview';
/** `StoryDeck: Present`'s panels (not restored after a reload: a presentation starts afresh). */
const PRESENT_VIEW_TYPE: Record<PresentRole, string> = { audience: 'storydeck.audience', presenter: 'storydeck.presenter' };
/** Typing pauses this long before the preview updates. */
const UPDATE_DELAY_MS = 100;

/** The linter's last result per document (NarrativeLinter). */
export interface LintSource {
  state(uri: vscode.Uri): { findings: Finding[]; config?: StoryDeckConfig } | undefined;
  onDidLint: vscode.Event<vscode.Uri>;
  /** What the preview measured of the document's slides: the slide-overflow rule reports from it. */
  setLayout(uri: vscode.Uri, layout: MeasuredLayout): void;
}

/** The audience cut chosen per document (AudienceCuts): the preview shows only its slides. */
export interface AudienceSource {
  get(uri: vscode.Uri): string | undefined;
  onDidChange: vscode.Event<vscode.Uri>;
}

/** Opens, restores and locks the one StoryDeck preview, and runs `StoryDeck: Present`'s two views. */
export class PreviewManager implements vscode.Disposable {
  private preview: Preview | undefined;
  /** The audience view and the presenter view while presenting. */
  private presentation: Preview[] = [];

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly lint: LintSource,
    private readonly cuts: AudienceSource,
  ) {}

  /** Shows `uri` (or the active Markdown editor's document) in the preview; false when there is none. */
  async open(toSide: boolean, uri?: vscode.Uri): Promise<boolean> {
    const document = uri instanceof vscode.Uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
    if (!document || document.languageId !== 'markdown') {
      void vscode.window.showInformationMessage('StoryDeck: open a Markdown narrative to preview it.');
      return false;
    }
    if (this.preview) {
      if (this.preview.document !== document) this.preview.show(document);
      this.preview.panel.reveal(undefined, toSide);
      return true;
    }
    const panel = vscode.window.createWebviewPanel(VIEW_TYPE, 'StoryDeck Preview', toSide ? { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true } : vscode.ViewColumn.Active, {
      enableScripts: true,
      enableFindWidget: true,
    });
    this.attach(panel, document, false);
    return true;
  }

  /**
   * `StoryDeck: Present` for `uri`, the active narrative or (from the preview itself) the one shown: the
   * audience view (the slide alone, from slide 1) and, beside it, the presenter view (notes, next slide, a
   * fresh timer) that drives it, each a panel of its own, so the presenter view can move to another window
   * (its **New window** button). VS Code goes full screen (toggled when the audience page says the window
   * does not fill the screen yet). Closing either view ends the presentation.
   */
  async present(uri?: vscode.Uri): Promise<void> {
    const shown = uri instanceof vscode.Uri || vscode.window.activeTextEditor ? undefined : this.preview?.document.uri;
    const target = uri instanceof vscode.Uri ? uri : shown;
    const document = target ? await vscode.workspace.openTextDocument(target) : vscode.window.activeTextEditor?.document;
    if (!document || document.languageId !== 'markdown') {
      void vscode.window.showInformationMessage('StoryDeck: open a Markdown narrative to present it.');
      return;
    }
    for (const view of this.presentation.splice(0)) view.panel.dispose();
    const name = document.uri.path.split('/').pop() ?? '';
    const open = (role: PresentRole, column: vscode.ViewColumn) => {
      const title = role === 'audience' ? `Presenting ${name}` : `Presenter view: ${name}`;
      const panel = vscode.window.createWebviewPanel(PRESENT_VIEW_TYPE[role], title, { viewColumn: column, preserveFocus: role === 'audience' }, { enableScripts: true });
      const view = new Preview(panel, this.extensionUri, this.lint, this.cuts, true, role);
      view.show(document, 0);
      return view;
    };
    const audience = open('audience', vscode.ViewColumn.Active);
    const presenter = open('presenter', vscode.ViewColumn.Beside);
    this.presentation = [audience, presenter];
    audience.onShown = (index) => presenter.goTo(index);
    presenter.onShown = (index) => audience.goTo(index);
    for (const view of this.presentation)
      view.panel.onDidDispose(() => {
        if (!this.presentation.includes(view)) return;
        for (const other of this.presentation.splice(0)) if (other !== view) other.panel.dispose();
      });
  }

  /** A panel VS Code kept over a window reload: show its document again, at the slide it showed. */
  async restore(panel: vscode.WebviewPanel, state: Partial<PreviewState> | undefined): Promise<void> {
    const document = typeof state?.uri === 'string' ? await vscode.workspace.openTextDocument(vscode.Uri.parse(state.uri)).then(undefined, () => undefined) : undefined;
    if (!document || this.preview) {
      panel.dispose();
      return;
    }
    this.attach(panel, document, state?.locked === true, typeof state?.current === 'number' ? state.current : 0);
  }

  toggleLock(): void {
    this.preview?.toggleLock();
  }

  dispose(): void {
    this.preview?.panel.dispose();
    for (const view of this.presentation.splice(0)) view.panel.dispose();
  }

  private attach(panel: vscode.WebviewPanel, document: vscode.TextDocument, locked: boolean, start?: number): void {
    const preview = new Preview(panel, this.extensionUri, this.lint, this.cuts, locked);
    this.preview = preview;
    panel.onDidDispose(() => {
      if (this.preview === preview) this.preview = undefined;
    });
    preview.show(document, start);
  }
}

/** A rendering of the document: its slides, the theme its front matter names and the URL of that theme's style sheet. */
interface Rendering {
  deck: RenderedDeck;
  wanted: unknown;
  theme: string;
}

/** One panel showing one document (the active narrative editor's, unless locked). */
class Preview {
  document!: vscode.TextDocument;
  /** What the webview shows, and what its page was built with (VS Code reloads a hidden preview's page). */
  private shown: Rendering | undefined;
  private page: Rendering | undefined;
  /** The page the webview was last given (PreviewStartup.page), and whether it said it is ready. */
  private pageId = '';
  private ready = false;
  private current = 0;
  /** The slide the editor's cursor moved to while the page was loading. */
  private cursorMoved: number | undefined;
  /** Hears the slide the page moved to (`StoryDeck: Present`: the other view follows). */
  onShown: ((index: number) => void) | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly extensionUri: vscode.Uri,
    private readonly lint: LintSource,
    private readonly cuts: AudienceSource,
    private locked: boolean,
    /** `StoryDeck: Present`'s view this panel is; undefined for the preview. */
    private readonly role?: PresentRole,
  ) {
    this.subscriptions.push(
      panel.webview.onDidReceiveMessage((message: WebviewToHost) => this.receive(message)),
      vscode.window.onDidChangeActiveTextEditor((editor) => this.follow(editor)),
      vscode.workspace.onDidChangeTextDocument(({ document, contentChanges }) => {
        if (document !== this.document || contentChanges.length === 0) return;
        clearTimeout(this.timer);
        this.timer = setTimeout(() => this.update(), UPDATE_DELAY_MS);
      }),
      vscode.window.onDidChangeTextEditorSelection(({ textEditor, selections }) => {
        // While presenting, the slides go where the presenter takes them, not where the cursor is.
        if (this.role || textEditor.document !== this.document || !this.shown || !selections[0]) return;
        const index = slideAtLine(this.shown.deck.slides, selections[0].active.line + 1);
        if (!this.ready)
          this.cursorMoved = index; // shown when the page is ready
        else if (index !== this.current) this.post({ type: 'show', index });
      }),
      lint.onDidLint((uri) => {
        if (uri.toString() === this.document.uri.toString()) {
          this.post({ type: 'findings', findings: this.findings() });
          this.refreshTheme(); // the config's `themes:` came with the lint
        }
        // A document opened just now is a narrative once it is linted.
        else if (uri.toString() === vscode.window.activeTextEditor?.document.uri.toString()) this.follow(vscode.window.activeTextEditor);
      }),
      // A new theme or `storydeck.preview.html` applies at once, on the slide shown.
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('storydeck.preview', this.document.uri)) this.update();
      }),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.update()),
      // Another audience cut: its slides, on a fresh page (the slide count changes).
      cuts.onDidChange((uri) => {
        if (uri.toString() === this.document.uri.toString()) this.show(this.document);
      }),
    );
    panel.onDidDispose(() => {
      clearTimeout(this.timer);
      for (const subscription of this.subscriptions) subscription.dispose();
    });
  }

  /** Loads `document` into a fresh page, at slide `start` (default: the one under the editor's cursor). */
  show(document: vscode.TextDocument, start?: number): void {
    clearTimeout(this.timer);
    this.document = document;
    this.ready = false;
    this.cursorMoved = undefined;
    const folder = vscode.workspace.getWorkspaceFolder(document.uri);
    const webview = this.panel.webview;
    webview.options = {
      enableScripts: true,
      localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'media'), vscode.Uri.joinPath(this.extensionUri, 'dist'), ...(folder ? [folder.uri] : [])],
    };
    const rendering = this.render();
    const { deck, theme } = rendering;
    const editor = vscode.window.visibleTextEditors.find((e) => e.document === document);
    this.current = start ?? (editor ? slideAtLine(deck.slides, editor.selection.active.line + 1) : 0);
    this.shown = this.page = rendering;
    this.title();
    const asset = (path: string) => webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, path)).toString();
    this.pageId = randomNonce();
    webview.html = previewHtml(
      { page: this.pageId, uri: document.uri.toString(), locked: this.locked, deck, findings: this.findings(), start: this.current, ...(this.role ? { present: this.role } : {}) },
      { cspSource: webview.cspSource, script: asset('dist/webview.js'), style: asset('dist/webview.css'), theme, nonce: randomNonce() },
    );
  }

  /** Shows the active editor's document, unless the preview is locked or it is not a narrative (a README, a page of docs). */
  private follow(editor: vscode.TextEditor | undefined): void {
    if (this.role || this.locked || !editor || editor.document === this.document || !this.lint.state(editor.document.uri)) return;
    this.show(editor.document);
  }

  /** Shows slide `index` (0-based), now or when the page is ready. */
  goTo(index: number): void {
    if (index === this.current) return;
    this.current = index;
    if (this.ready) this.post({ type: 'show', index });
    else this.cursorMoved = index;
  }

  toggleLock(): void {
    this.locked = !this.locked;
    this.title();
    this.post({ type: 'locked', locked: this.locked });
  }

  /** Sends the webview its new theme, if it changed, and only the slides that changed since what it shows. */
  private update(): void {
    if (!this.ready || !this.shown) return;
    const rendering = this.render();
    if (rendering.theme !== this.shown.theme) this.post({ type: 'theme', href: rendering.theme });
    const message = deckUpdate(this.shown.deck, rendering.deck);
    this.shown = rendering;
    if (message) this.post(message);
  }

  private receive(message: WebviewToHost): void {
    switch (message?.type) {
      case 'ready':
        if (message.page !== this.pageId) break;
        // The page has the rendering and findings it was built with: bring it up to date.
        this.ready = true;
        this.shown = this.page;
        this.update();
        this.post({ type: 'findings', findings: this.findings() });
        if (this.cursorMoved !== undefined) this.post({ type: 'show', index: this.cursorMoved });
        this.cursorMoved = undefined;
        break;
      case 'shown':
        this.current = message.index;
        this.onShown?.(message.index);
        break;
      case 'reveal':
        void this.reveal(message.line);
        break;
      case 'openLink':
        void this.openLink(message.href);
        break;
      case 'fullScreen':
        void toggleFullScreen();
        break;
      case 'presenting':
        if (!message.fullScreen) void toggleFullScreen();
        break;
      case 'newWindow':
        void this.toNewWindow();
        break;
      case 'overflow':
        if (Array.isArray(message.overflow)) this.lint.setLayout(this.document.uri, { overflow: message.overflow });
        break;
    }
  }

  /** The panel into a window of its own (VS Code's auxiliary windows), which the presenter can drag to another screen. */
  private async toNewWindow(): Promise<void> {
    this.panel.reveal(undefined, false);
    await vscode.commands.executeCommand('workbench.action.moveEditorToNewWindow').then(undefined, () => undefined);
  }

  private post(message: HostToWebview): void {
    if (this.ready) void this.panel.webview.postMessage(message);
  }

  private title(): void {
    const name = this.document.uri.path.split('/').pop() ?? '';
    if (this.role) return; // set by present()
    const cut = this.cuts.get(this.document.uri);
    this.panel.title = `${this.locked ? '[Locked] ' : ''}Preview ${name}${cut ? ` for ${cut}` : ''}`;
  }

  private render(): Rendering {
    // Parsed for this one render: the render reuses the parse's tokens instead of parsing again.
    const parsed = parseForRender(this.document.getText());
    // Raw HTML reaches the page (sanitized there) only when the user allows it and trusts the workspace.
    const html = vscode.workspace.isTrusted && vscode.workspace.getConfiguration('storydeck.preview', this.document.uri).get('html') === true;
    const source = parsed.deck;
    const deck = renderedForAudience(renderDeck(parsed, { resolveImage: (src) => this.resolveImage(src), rawHtml: html ? 'keep' : 'escape' }), source, this.cuts.get(this.document.uri));
    // The theme the deck names last, in front matter or a `<!-- theme: … -->` comment, as the renderer reads it.
    const wanted = readMarp(source).theme?.name;
    return { deck, wanted, theme: this.themeUrl(wanted) };
  }

  private findings(): PreviewFinding[] {
    if (this.role) return []; // lint badges never show while presenting
    return (this.lint.state(this.document.uri)?.findings ?? []).map(({ line, ruleId, severity, message }) => ({ line, ruleId, severity, message }));
  }

  /** http(s) and data: images as written; a relative path only when it stays inside the document's workspace folder. */
  private resolveImage(src: string): string | undefined {
    if (/^(?:https?|data):/i.test(src.trim())) return src;
    const target = this.workspaceFile(src);
    return target && this.panel.webview.asWebviewUri(target).toString();
  }

  /** A path from the document (relative to it, or to its workspace folder when it starts with /), if it is inside that folder. */
  private workspaceFile(reference: string): vscode.Uri | undefined {
    const folder = vscode.workspace.getWorkspaceFolder(this.document.uri);
    if (!folder) return undefined;
    let path: string;
    try {
      path = decodeURIComponent(reference.replace(/[?#].*$/s, ''));
    } catch {
      return undefined;
    }
    // A backslash is a folder separator on Windows but a plain character in a URI's path, so `..\..\x.png` (written
    // `..%5C..%5Cx.png` in Markdown) would pass the inside check here and be read outside the folder there: refused.
    if (!path || path.includes('\\')) return undefined;
    const target = path.startsWith('/') ? vscode.Uri.joinPath(folder.uri, path) : vscode.Uri.joinPath(this.document.uri, '..', path);
    return inside(folder.uri, target) ? target : undefined;
  }

  /** Posts the theme's style sheet again when the config's `themes:` (read by the lint) changed it. */
  private refreshTheme(): void {
    if (!this.ready || !this.shown) return;
    const theme = this.themeUrl(this.shown.wanted);
    if (theme === this.shown.theme) return;
    this.shown = { ...this.shown, theme };
    this.post({ type: 'theme', href: theme });
  }

  /** The style sheet of the theme the front matter names: a custom one (customThemeSheets), else one of ours. */
  private themeUrl(wanted: unknown): string {
    const sheets = this.customThemeSheets();
    const { name } = chooseTheme(wanted, sheets);
    const sheet = sheets.get(name) ?? vscode.Uri.joinPath(this.extensionUri, 'media/themes', `${name}.css`);
    return this.panel.webview.asWebviewUri(sheet).toString();
  }

  /** Custom themes by name (themeSheets); a later one of the same name wins. */
  private customThemeSheets(): Map<string, vscode.Uri> {
    const uris = themeSheets(this.document.uri, this.lint.state(this.document.uri)?.config?.themes);
    const byPath = new Map(uris.map((uri) => [uri.path, uri]));
    return new Map([...customThemes([...byPath.keys()])].map(([name, path]) => [name, byPath.get(path)!]));
  }

  private async reveal(line: number): Promise<void> {
    const editor = vscode.window.visibleTextEditors.find((e) => e.document === this.document);
    const at = new vscode.Range(line - 1, 0, line - 1, 0);
    const shown = await vscode.window.showTextDocument(this.document, { viewColumn: editor?.viewColumn ?? vscode.ViewColumn.One, selection: at });
    shown.revealRange(at, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  /** Web and mail links open outside after the user confirms; a relative link opens its workspace file. */
  private async openLink(href: string): Promise<void> {
    const kind = linkKind(href);
    if (kind === 'relative') {
      const target = this.workspaceFile(href);
      if (target) await vscode.commands.executeCommand('vscode.open', target);
      return;
    }
    if (!kind) return;
    const open = 'Open';
    const choice = await vscode.window.showWarningMessage(noLinks(`Open ${href}?`), { modal: true, detail: 'The link is in the narrative you are previewing.' }, open);
    if (choice === open) await vscode.env.openExternal(vscode.Uri.parse(href, true));
  }
}

/** VS Code's own full screen (a browser may refuse it, as code-server's does without a user gesture). */
function toggleFullScreen(): Thenable<unknown> {
  return vscode.commands.executeCommand('workbench.action.toggleFullScreen').then(undefined, () => undefined);
}
