import * as vscode from 'vscode';
import { slideReading, storyStatusText, storyStatusTooltip, storySummary, storyTree, type StoryNode } from '../core/story';
import type { AudienceCuts } from './audience';
import type { NarrativeLinter } from './diagnostics';

export const STORY_VIEW = 'storydeck.story';
/** The context key the Story view's `when` clause (package.json) reads: a narrative was linted in this window. */
const HAS_NARRATIVE = 'storydeck.hasNarrative';
/** The context key for menus that only a narrative gets (the slide preview button): the active editor is one. */
const ACTIVE_NARRATIVE = 'storydeck.activeNarrative';

/** What the status item shows, for the integration tests. */
export interface StoryStatusSnapshot {
  visible: boolean;
  text: string;
  tooltip: string;
  /** What a click runs. */
  command: string | undefined;
}

const SEVERITY_ICON = { error: 'error', warning: 'warning', info: 'info' } as const;

/**
 * The active narrative at a glance in the status bar: beats present, talk time against `duration`, number of
 * findings; the tooltip lists the missing beats and a click opens the Story view. Hidden for other files,
 * and the `storydeck.activeNarrative` context key says which it is.
 */
export function registerStoryStatus(context: vscode.ExtensionContext, linter: NarrativeLinter, cuts: AudienceCuts): () => StoryStatusSnapshot {
  const item = vscode.window.createStatusBarItem('storydeck.status', vscode.StatusBarAlignment.Right, 100);
  item.name = 'StoryDeck story';
  item.command = { title: 'Show the Story view', command: `${STORY_VIEW}.focus` };
  let visible: boolean | undefined;
  const update = () => {
    const document = vscode.window.activeTextEditor?.document;
    const state = document && linter.state(document.uri);
    if (visible !== (state !== undefined)) void vscode.commands.executeCommand('setContext', ACTIVE_NARRATIVE, state !== undefined);
    visible = state !== undefined;
    if (!state) {
      item.hide();
      return;
    }
    const summary = storySummary(state.deck, state.findings, state.story, cuts.get(document.uri));
    item.text = `$(book) StoryDeck ${storyStatusText(summary)}`;
    item.tooltip = `${storyStatusTooltip(summary)}\nClick to open the Story view.`;
    item.show();
  };
  context.subscriptions.push(
    item,
    vscode.window.onDidChangeActiveTextEditor(update),
    linter.onDidLint((uri) => {
      if (uri.toString() === vscode.window.activeTextEditor?.document.uri.toString()) update();
    }),
    cuts.onDidChange((uri) => {
      if (uri.toString() === vscode.window.activeTextEditor?.document.uri.toString()) update();
    }),
  );
  update();
  const command = () => (typeof item.command === 'string' ? item.command : item.command?.command);
  return () => ({ visible: visible === true, text: item.text, tooltip: typeof item.tooltip === 'string' ? item.tooltip : (item.tooltip?.value ?? ''), command: command() });
}

/**
 * A hover on a slide's title: the beats StoryDeck reads the slide as playing, with the words that decided,
 * so a writer sees the reading lint judges by and can correct it with a marker. The narrative's words are
 * shown as text, never as Markdown.
 */
export function registerSlideHover(linter: NarrativeLinter): vscode.Disposable {
  return vscode.languages.registerHoverProvider(
    { language: 'markdown' },
    {
      provideHover(document, position) {
        const state = linter.state(document.uri);
        if (!state || state.version !== document.version) return undefined;
        const reading = slideReading(state.deck, state.story, position.line + 1);
        if (!reading) return undefined;
        const text = new vscode.MarkdownString();
        if (reading.beats.length === 0) text.appendMarkdown(`**StoryDeck reads no beat on slide ${reading.slide}.**`);
        else text.appendMarkdown(`**StoryDeck reads slide ${reading.slide} as:**\n`);
        for (const { title, evidence } of reading.beats) {
          text.appendMarkdown(`\n- ${title}`);
          if (!evidence) continue;
          text.appendMarkdown(' — ');
          text.appendText(evidence.words);
          text.appendMarkdown(` (line ${evidence.line})`);
        }
        for (const doubt of reading.doubts) {
          text.appendMarkdown('\n- ');
          text.appendText(doubt);
        }
        text.appendMarkdown('\n\nNot what you meant? Mark the beat the slide plays with `<!-- beat: … -->`.');
        return new vscode.Hover(text);
      },
    },
  );
}

/** The Story view: the slides of the last active narrative grouped by beat, with their findings; a click reveals the line. */
export class StoryTreeProvider implements vscode.TreeDataProvider<StoryNode> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  /** The narrative shown: the active Markdown editor's, kept while another kind of editor is active. */
  private uri: vscode.Uri | undefined;

  constructor(
    private readonly linter: NarrativeLinter,
    private readonly cuts: AudienceCuts,
  ) {
    this.uri = markdownUri(vscode.window.activeTextEditor);
  }

  /** Follow the active editor, when it is Markdown. */
  follow(editor: vscode.TextEditor | undefined): void {
    const uri = markdownUri(editor);
    if (!uri || uri.toString() === this.uri?.toString()) return;
    this.uri = uri;
    this.changed.fire();
  }

  /** Redraw when the narrative shown was linted again or closed. */
  refresh(uri: vscode.Uri): void {
    if (uri.toString() === this.uri?.toString()) this.changed.fire();
  }

  /** Each node of the tree last given out, with the node it hangs under (for `TreeView.reveal`). */
  private parents = new WeakMap<StoryNode, StoryNode>();

  getChildren(node?: StoryNode): StoryNode[] {
    const children = node ? (node.kind === 'group' || node.kind === 'slide' ? node.children : []) : this.roots();
    if (node) for (const child of children) this.parents.set(child, node);
    return children;
  }

  getParent(node: StoryNode): StoryNode | undefined {
    return this.parents.get(node);
  }

  private roots(): StoryNode[] {
    const state = this.uri && this.linter.state(this.uri);
    return state && this.uri ? storyTree(state.deck, state.findings, state.story, this.cuts.get(this.uri)) : [];
  }

  getTreeItem(node: StoryNode): vscode.TreeItem {
    const item = new vscode.TreeItem(node.label);
    item.description = node.description;
    if (node.kind === 'group') {
      item.collapsibleState = node.children.length ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None;
      item.iconPath = new vscode.ThemeIcon(node.description === 'missing' ? 'circle-large-outline' : node.beat ? 'pass' : 'symbol-misc');
      item.tooltip = node.tooltip;
      return item;
    }
    if (node.kind === 'slide') {
      item.collapsibleState = node.children.length ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None;
      item.iconPath = new vscode.ThemeIcon('preview');
    } else if (node.kind === 'stakeholder') {
      item.iconPath = new vscode.ThemeIcon(node.addressed ? 'pass' : 'circle-large-outline');
      item.tooltip = node.tooltip;
    } else {
      item.iconPath = new vscode.ThemeIcon(SEVERITY_ICON[node.finding.severity]);
      item.tooltip = `${node.finding.message} (${node.finding.ruleId})`;
    }
    if (this.uri) {
      const at = new vscode.Range(node.line - 1, 0, node.line - 1, 0);
      item.command = { title: 'Reveal', command: 'vscode.open', arguments: [this.uri, { selection: at } satisfies vscode.TextDocumentShowOptions] };
    }
    return item;
  }
}

export function registerStoryView(context: vscode.ExtensionContext, linter: NarrativeLinter, cuts: AudienceCuts): { provider: StoryTreeProvider; view: vscode.TreeView<StoryNode> } {
  const provider = new StoryTreeProvider(linter, cuts);
  const view = vscode.window.createTreeView(STORY_VIEW, { treeDataProvider: provider, showCollapseAll: true });
  // The view appears with the first narrative and stays, wherever the Explorer's selection is: it follows the
  // active narrative editor, and for any other file says how to get a story.
  let hasNarrative = false;
  context.subscriptions.push(
    view,
    vscode.window.onDidChangeActiveTextEditor((editor) => provider.follow(editor)),
    linter.onDidLint((uri) => {
      provider.refresh(uri);
      if (hasNarrative || !linter.state(uri)) return;
      hasNarrative = true;
      void vscode.commands.executeCommand('setContext', HAS_NARRATIVE, true);
    }),
    vscode.workspace.onDidCloseTextDocument((document) => provider.refresh(document.uri)),
    cuts.onDidChange((uri) => {
      provider.refresh(uri);
      view.description = cuts.get(uri) ? `for ${cuts.get(uri)}` : undefined;
    }),
  );
  return { provider, view };
}

function markdownUri(editor: vscode.TextEditor | undefined): vscode.Uri | undefined {
  return editor?.document.languageId === 'markdown' ? editor.document.uri : undefined;
}
