import * as vscode from 'vscode';
import { parseDeck } from '../core/deck';
import { formatOutline, readStory } from '../core/story';
import { registerAgents } from './agents/register';
import { AudienceCuts, registerAudiencePicker } from './audience';
import { StoryDeckCodeActions, fixAll } from './codeActions';
import { NarrativeLinter } from './diagnostics';
import type * as NewNarrative from './newNarrative';
import { registerExport } from './export';
import { newNarrative } from './firstUse';
import { channelLog, logLines } from './outputChannel';
import { registerPreview } from './preview/register';
import { registerRulePages } from './rulePages';
import { readSettings } from './settings';
import type { StoryNode } from '../core/story';
import { registerSlideHover, registerStoryStatus, registerStoryView, type StoryStatusSnapshot, type StoryTreeProvider } from './story';

let output: vscode.OutputChannel | undefined;
const channel = () => (output ??= vscode.window.createOutputChannel('StoryDeck'));
const log = channelLog(channel);

/** What activate() returns; the integration tests use it to wait for lint results. */
export interface StoryDeckApi {
  onDidLint: vscode.Event<vscode.Uri>;
  /** What the story status item shows now. */
  storyStatus(): StoryStatusSnapshot;
  /** The Story view's data. */
  storyView: StoryTreeProvider;
  /** The Story view itself (whether it is visible). */
  storyTreeView: vscode.TreeView<StoryNode>;
}

// Activation stays light: the lint core only. Preview, export, browser and agent code load on first use.
export function activate(context: vscode.ExtensionContext): StoryDeckApi {
  const linter = new NarrativeLinter(context.extensionUri, log);
  const markdown: vscode.DocumentSelector = { language: 'markdown' };
  const cuts = new AudienceCuts();

  context.subscriptions.push(
    linter,
    { dispose: () => output?.dispose() },
    vscode.commands.registerCommand('storydeck.showOutline', () => showOutline(linter)),
    vscode.commands.registerCommand('storydeck.fixAll', () => fixAllInEditor(linter)),
    // dist/newNarrative.js (templates and their compiler) loads on first use.
    vscode.commands.registerCommand('storydeck.newNarrative', (...args: NewNarrative.NewNarrativeArgs) => newNarrative().newNarrative(context.extensionUri, ...args)),
    cuts,
    registerAudiencePicker(cuts),
    registerExport(log, (uri) => linter.configFor(uri), cuts),
    registerRulePages(context.extensionUri),
    vscode.languages.registerCodeActionsProvider(markdown, new StoryDeckCodeActions(linter), { providedCodeActionKinds: StoryDeckCodeActions.kinds }),
    registerSlideHover(linter),

    vscode.workspace.onDidOpenTextDocument((document) => {
      if (document.languageId === 'markdown') linter.schedule(document, 0);
    }),
    vscode.workspace.onDidChangeTextDocument(({ document, contentChanges }) => {
      if (contentChanges.length === 0 || document.languageId !== 'markdown') return;
      if (readSettings(document.uri).run === 'onType') linter.schedule(document);
    }),
    vscode.workspace.onDidSaveTextDocument((document) => {
      if (document.languageId === 'markdown') linter.schedule(document, 0);
    }),
    vscode.workspace.onDidCloseTextDocument((document) => linter.forget(document.uri)),

    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('storydeck')) linter.relintAll();
    }),
    // JavaScript rules from the workspace may now run.
    vscode.workspace.onDidGrantWorkspaceTrust(() => linter.relintAll()),
  );

  const watcher = vscode.workspace.createFileSystemWatcher('**/.storydeck.{json,yaml,yml}');
  const configChanged = () => {
    linter.configs.clear();
    linter.relintAll();
  };
  context.subscriptions.push(watcher, watcher.onDidChange(configChanged), watcher.onDidCreate(configChanged), watcher.onDidDelete(configChanged));

  registerPreview(context, linter, cuts);
  registerAgents(context, linter);
  const storyStatus = registerStoryStatus(context, linter, cuts);
  const { provider: storyView, view: storyTreeView } = registerStoryView(context, linter, cuts);
  linter.relintAll();
  return { onDidLint: linter.onDidLint, storyStatus, storyView, storyTreeView };
}

export function deactivate(): void {}

function showOutline(linter: NarrativeLinter): void {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== 'markdown') {
    void vscode.window.showInformationMessage('StoryDeck: open a Markdown narrative to see its outline.');
    return;
  }
  // The story lint judged by, with the narrative's configuration; a file that is not linted is read on its own.
  const state = linter.state(editor.document.uri);
  const deck = state?.version === editor.document.version ? state.deck : parseDeck(editor.document.getText());
  const out = channel();
  out.clear();
  logLines(log, formatOutline(deck, state?.deck === deck ? state.story : readStory(deck)));
  for (const problem of deck.problems) log(`line ${problem.line}: ${problem.message}`);
  out.show(true);
}

async function fixAllInEditor(linter: NarrativeLinter): Promise<boolean> {
  const document = vscode.window.activeTextEditor?.document;
  const state = document && linter.state(document.uri);
  if (!document || !state || state.version !== document.version) {
    void vscode.window.showInformationMessage('StoryDeck: open a narrative to fix its problems.');
    return false;
  }
  const action = fixAll(document, state, vscode.CodeActionKind.QuickFix);
  if (!action?.edit) {
    void vscode.window.showInformationMessage('StoryDeck: nothing to fix automatically.');
    return false;
  }
  return vscode.workspace.applyEdit(action.edit);
}
