import * as vscode from 'vscode';
import type { Deck } from '../core/deck';
import { effectiveConfig, lintText, mergeConfig, rulesFor, validateConfig, type Finding, type LoadedConfig, type MeasuredLayout, type Rule, type Severity, type StoryDeckConfig } from '../core/lint';
import { readStory, type Story } from '../core/story';
import { loadPlugins } from '../node/plugins';
import { ConfigCache } from './config';
import { narrativeReason } from './narratives';
import { logLines } from './outputChannel';
import { rulePageUri } from './rulePages';
import { readSettings } from './settings';
import { themeSheets } from './themes';

export const SOURCE = 'storydeck';
/** Typing pauses this long before a lint. */
export const LINT_DELAY_MS = 300;

/** What the last lint of a document found; code actions read it back. */
export interface LintState {
  version: number;
  deck: Deck;
  findings: Finding[];
  /** The reading the findings were judged by (the same one, memoised per deck). */
  story: Story;
  config: StoryDeckConfig;
  plugins: Rule[];
}

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

/** 1-based lines and columns, end column exclusive -> a 0-based vscode Range. */
export function toRange(r: { line: number; column: number; endLine: number; endColumn: number }): vscode.Range {
  return new vscode.Range(Math.max(r.line - 1, 0), Math.max(r.column - 1, 0), Math.max(r.endLine - 1, 0), Math.max(r.endColumn - 1, 0));
}

/**
 * Lints the in-memory text of open narratives into one DiagnosticCollection: on open, on change
 * (debounced) and on save. Each request takes a new per-document generation; a result is dropped when
 * a newer request was made or the document changed while it was computed.
 */
export class NarrativeLinter implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection(SOURCE);
  readonly configs = new ConfigCache();
  private readonly generations = new Map<string, number>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly states = new Map<string, LintState>();
  /** What the preview last measured of each document's slides (slide-overflow), as JSON to compare. */
  private readonly layouts = new Map<string, { layout: MeasuredLayout; json: string }>();
  private readonly toldUntrusted = new Set<string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  /** Fires after the diagnostics of a document were set or cleared. */
  readonly onDidLint = this.changed.event;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly log: (line: string) => void = () => {},
  ) {}

  state(uri: vscode.Uri): LintState | undefined {
    return this.states.get(uri.toString());
  }

  /** Lint after the typing pause (or right away with `delay` 0). */
  schedule(document: vscode.TextDocument, delay = LINT_DELAY_MS): void {
    const key = document.uri.toString();
    const generation = (this.generations.get(key) ?? 0) + 1;
    this.generations.set(key, generation);
    clearTimeout(this.timers.get(key));
    if (delay <= 0) {
      void this.run(document, generation);
      return;
    }
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        void this.run(document, generation);
      }, delay),
    );
  }

  /** Lint every open Markdown document again (settings, config files or trust changed). */
  relintAll(): void {
    for (const document of vscode.workspace.textDocuments) if (document.languageId === 'markdown') this.schedule(document, 0);
  }

  /** The preview measured the document's slides: lint again at once when that changed what overflows. */
  setLayout(uri: vscode.Uri, layout: MeasuredLayout): void {
    const key = uri.toString();
    const json = JSON.stringify(layout);
    if (this.layouts.get(key)?.json === json) return;
    this.layouts.set(key, { layout, json });
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
    if (document && this.states.has(key)) this.schedule(document, 0);
  }

  forget(uri: vscode.Uri): void {
    const key = uri.toString();
    this.layouts.delete(key);
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.states.delete(key);
    this.collection.delete(uri);
    this.generations.delete(key); // a lint under way for it is dropped: its generation is gone
  }

  private isCurrent(document: vscode.TextDocument, generation: number, version: number): boolean {
    return !document.isClosed && document.version === version && this.generations.get(document.uri.toString()) === generation;
  }

  private async run(document: vscode.TextDocument, generation: number): Promise<void> {
    const key = document.uri.toString();
    const version = document.version;
    try {
      const settings = readSettings(document.uri);
      const reason = settings.enable ? await narrativeReason(document, settings, this.configs) : undefined;
      if (!this.isCurrent(document, generation, version)) return;
      if (!reason) {
        this.states.delete(key);
        if (this.collection.has(document.uri)) this.collection.delete(document.uri);
        this.changed.fire(document.uri);
        return;
      }
      const { loaded, config } = await this.configFor(document.uri);
      if (!this.isCurrent(document, generation, version)) return;
      const diagnostics: vscode.Diagnostic[] = loaded.problems.map((p) => problemDiagnostic(`StoryDeck config ${p.source}: ${p.message}`));
      const plugins = this.plugins(document, config, diagnostics);
      if (vscode.workspace.isTrusted) {
        for (const { plugin, source } of loaded.withheldPlugins)
          diagnostics.push(problemDiagnostic(`StoryDeck: custom rule module ${plugin} not loaded: ${source} names it, and that config file is outside the workspace folder.`));
      }
      const { deck, findings } = lintText(document.getText(), config, {
        file: document.uri.fsPath,
        plugins,
        layout: this.layouts.get(key)?.layout,
        // The setting's style sheets are themes too (the preview and VS Code's export draw them).
        themes: themeSheets(document.uri).map((uri) => uri.path),
      });
      const docs = new Map(rulesFor(config, plugins).map((rule) => [rule.id, rule.docs]));
      for (const finding of findings) diagnostics.push(this.toDiagnostic(finding, docs.get(finding.ruleId)));
      this.states.set(key, { version, deck, findings, story: readStory(deck, effectiveConfig(deck, config)), config, plugins });
      this.collection.set(document.uri, diagnostics);
      this.changed.fire(document.uri);
    } catch (e) {
      // The core never throws on text; anything here is a bug (or a broken custom rule module): it goes to
      // the log and, as one diagnostic, to the Problems panel, and the listeners hear that this lint is over.
      logLines(this.log, `lint ${document.uri.toString(true)} failed: ${(e as Error)?.stack ?? e}`);
      if (!this.isCurrent(document, generation, version)) return;
      this.states.delete(key);
      const reason = String((e as Error)?.message ?? e).split('\n')[0];
      this.collection.set(document.uri, [problemDiagnostic(`StoryDeck could not lint this file: ${reason}. The details are in the StoryDeck output.`, LINT_FAILED)]);
      this.changed.fire(document.uri);
    }
  }

  /**
   * The config in force for a document: the nearest `.storydeck.*` file, with the `storydeck.rules` setting on top,
   * checked as a config file's `rules:` is: a value no rule takes (`null`, `"fatal"`) is a config problem, not a failed lint.
   */
  async configFor(uri: vscode.Uri): Promise<{ loaded: LoadedConfig; config: StoryDeckConfig }> {
    const loaded = await this.configs.load(uri);
    const { rules } = readSettings(uri);
    if (Object.keys(rules).length === 0) return { loaded, config: loaded.config };
    const setting = validateConfig({ rules }, '"storydeck.rules" in settings');
    return { loaded: { ...loaded, problems: [...loaded.problems, ...setting.problems] }, config: mergeConfig(loaded.config, setting.config) };
  }

  /** JavaScript rules run only in a trusted workspace; declarative rules need no code and always run. */
  private plugins(document: vscode.TextDocument, config: StoryDeckConfig, diagnostics: vscode.Diagnostic[]): Rule[] {
    const paths = config.plugins ?? [];
    if (paths.length === 0) return [];
    if (!vscode.workspace.isTrusted) {
      if (this.toldUntrusted.has(document.uri.toString())) return [];
      this.toldUntrusted.add(document.uri.toString());
      this.log(`${document.uri.toString(true)}: ${paths.length} custom rule module(s) not loaded: the workspace is not trusted.`);
      return [];
    }
    if (document.uri.scheme !== 'file') return [];
    const { rules, problems } = loadPlugins(paths.map((p) => document.uri.with({ path: p }).fsPath));
    for (const problem of problems) diagnostics.push(problemDiagnostic(`StoryDeck: ${problem}`));
    return rules;
  }

  private toDiagnostic(finding: Finding, docs: string | undefined): vscode.Diagnostic {
    const diagnostic = new vscode.Diagnostic(toRange(finding), finding.message, SEVERITY[finding.severity]);
    diagnostic.source = SOURCE;
    diagnostic.code = docs ? { value: finding.ruleId, target: this.docsUri(docs) } : finding.ruleId;
    return diagnostic;
  }

  private docsUri(docs: string): vscode.Uri {
    return /^[a-z][a-z0-9+.-]*:\/\//i.test(docs) ? vscode.Uri.parse(docs) : (rulePageUri(docs) ?? vscode.Uri.joinPath(this.extensionUri, docs));
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    this.collection.dispose();
    this.changed.dispose();
  }
}

/** The code of the diagnostic that says a lint failed. */
const LINT_FAILED = 'lint-failed';

/** A problem of the setup (config, rule modules) or of the lint itself, not a finding of a rule: no rule's quick fixes apply. */
function problemDiagnostic(message: string, code: 'config' | typeof LINT_FAILED = 'config'): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(new vscode.Range(0, 0, 0, 0), message, code === LINT_FAILED ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning);
  diagnostic.source = SOURCE;
  diagnostic.code = code;
  return diagnostic;
}

/** Which code (rule id) a StoryDeck diagnostic carries. */
export function ruleIdOf(diagnostic: vscode.Diagnostic): string | undefined {
  if (diagnostic.source !== SOURCE) return undefined;
  const code = diagnostic.code;
  const id = typeof code === 'object' && code !== null ? code.value : code;
  return id === undefined || id === 'config' || id === LINT_FAILED ? undefined : String(id);
}
