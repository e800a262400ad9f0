import * as vscode from 'vscode';
import { effectiveConfig, fixText, kindChoices, setKindEdit, type Finding, type TextEdit } from '../core/lint';
import { kindTable } from '../core/story/kinds';
import { missingBeatEdit } from '../core/scaffold/insertBeat';
import { BEAT_SKELETONS } from '../core/scaffold/skeletons';
import { SOURCE, ruleIdOf, toRange, type LintState, type NarrativeLinter } from './diagnostics';

export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append(SOURCE);

const NEXT_LINE = /^(\s*)<!--\s*storydeck-disable-next-line\b(.*?)-->\s*$/;
const FILE_DISABLE = /^(\s*)<!--\s*storydeck-disable\b(?!-)(.*?)-->\s*$/;

/**
 * Quick fixes for StoryDeck diagnostics: the rule's own fix, "insert a '<beat>' slide" for a missing beat,
 * "disable <rule> for this line", "disable <rule> for this file", "set kind: <kind>" for a beat asked about (missing,
 * or there and asked about: `expectedBeat`) only because the kind is a guess, and "fix all" (also as `source.fixAll.storydeck` for editor.codeActionsOnSave).
 */
export class StoryDeckCodeActions implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND];

  constructor(private readonly linter: NarrativeLinter) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const state = this.linter.state(document.uri);
    if (!state || state.version !== document.version) return [];
    const actions: vscode.CodeAction[] = [];
    const wants = (kind: vscode.CodeActionKind) => !context.only || context.only.contains(kind) || kind.contains(context.only);

    if (wants(vscode.CodeActionKind.QuickFix)) {
      const guessed: { finding: Finding; diagnostic: vscode.Diagnostic }[] = [];
      for (const diagnostic of context.diagnostics) {
        const ruleId = ruleIdOf(diagnostic);
        const finding = ruleId && findingFor(state, diagnostic, ruleId);
        if (!ruleId || !finding) continue;
        if (finding.fix?.length) actions.push(ruleFix(document, finding, finding.fix, diagnostic, true));
        // A suggestion is the writer's choice: offered, never preferred, never part of fix all.
        if (finding.suggestion?.length) actions.push(ruleFix(document, finding, finding.suggestion, diagnostic, false));
        const beat = insertBeat(document, state, finding, diagnostic);
        if (beat) actions.push(beat);
        const line = disableForLine(document, state, finding, diagnostic);
        if (line) actions.push(line);
        actions.push(disableForFile(document, state, finding, diagnostic));
        if (finding.guessedKind) guessed.push({ finding, diagnostic });
      }
      actions.push(...setKind(document, state, guessed));
      if (actions.length && state.findings.filter((f) => f.fix?.length).length > 1) {
        const all = fixAll(document, state, vscode.CodeActionKind.QuickFix);
        if (all) actions.push(all);
      }
    }
    if (wants(FIX_ALL_KIND) && context.only && state.findings.some((f) => f.fix?.length)) {
      const all = fixAll(document, state, FIX_ALL_KIND);
      if (all) actions.push(all);
    }
    return actions;
  }
}

function findingFor(state: LintState, diagnostic: vscode.Diagnostic, ruleId: string): Finding | undefined {
  return state.findings.find((f) => f.ruleId === ruleId && f.message === diagnostic.message && toRange(f).isEqual(diagnostic.range));
}

function toWorkspaceEdit(document: vscode.TextDocument, edits: readonly TextEdit[]): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  for (const e of edits) edit.replace(document.uri, document.validateRange(toRange(e)), e.text);
  return edit;
}

function ruleFix(document: vscode.TextDocument, finding: Finding, edits: readonly TextEdit[], diagnostic: vscode.Diagnostic, preferred: boolean): vscode.CodeAction {
  const only = edits.length === 1 ? edits[0] : undefined;
  const old = only && only.line === only.endLine ? document.getText(toRange(only)) : '';
  const title = only && old && only.text ? `Replace "${old}" with "${only.text}"` : only && old && !only.text ? `Remove "${old}"` : `Fix this ${finding.ruleId} problem`;
  const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
  action.edit = toWorkspaceEdit(document, edits);
  action.diagnostics = [diagnostic];
  action.isPreferred = preferred;
  return action;
}

/**
 * The missing beat's slide skeleton, where the story needs it (see src/core/scaffold/insertBeat.ts); then its
 * placeholder line is shown and selected, so what the writer types replaces it.
 */
function insertBeat(document: vscode.TextDocument, state: LintState, finding: Finding, diagnostic: vscode.Diagnostic): vscode.CodeAction | undefined {
  const insert = missingBeatEdit(state.deck, finding, eol(document));
  if (!insert) return undefined;
  const action = new vscode.CodeAction(`Insert ${/^[aeiou]/.test(insert.beat) ? 'an' : 'a'} '${insert.beat}' slide`, vscode.CodeActionKind.QuickFix);
  action.edit = toWorkspaceEdit(document, [insert.edit]);
  const { todo } = BEAT_SKELETONS[insert.beat];
  const before = insert.edit.text.slice(0, insert.edit.text.indexOf(todo));
  const line = insert.edit.line - 1 + (before.match(/\n/g)?.length ?? 0);
  // The placeholder may sit inside markup on its line (`> TODO…` in a quote layout); on the first line of the edit, after the edit's column.
  const column = before.length - (before.lastIndexOf('\n') + 1) + (before.includes('\n') ? 0 : insert.edit.column - 1);
  const selection = new vscode.Range(line, column, line, column + todo.length);
  action.command = { title: 'Show the new slide', command: 'vscode.open', arguments: [document.uri, { selection } satisfies vscode.TextDocumentShowOptions] };
  action.diagnostics = [diagnostic];
  action.isPreferred = true;
  return action;
}

/**
 * "Set kind: <kind>" once per kind for the guessed kind's questions in view (several share the title line): each
 * kind that does not expect their beats (configured kinds too), then the guess, whose beats stay expected (missing
 * ones as warnings). Never preferred and never in fix all: the kind is the writer's choice.
 */
function setKind(document: vscode.TextDocument, state: LintState, guessed: readonly { finding: Finding; diagnostic: vscode.Diagnostic }[]): vscode.CodeAction[] {
  if (guessed.length === 0) return [];
  const kinds = kindTable(effectiveConfig(state.deck, state.config));
  const settles = new Map<string, vscode.Diagnostic[]>();
  for (const { finding, diagnostic } of guessed) for (const kind of kindChoices(finding, kinds)) settles.set(kind, [...(settles.get(kind) ?? []), diagnostic]);
  const guesses = new Set(guessed.map(({ finding }) => finding.guessedKind));
  // The kinds table's order, the guess last.
  const order = Object.keys(kinds)
    .filter((kind) => settles.has(kind))
    .sort((a, b) => Number(guesses.has(a)) - Number(guesses.has(b)));
  const text = document.getText();
  return order.flatMap((kind) => {
    const edit = setKindEdit(text, kind);
    if (!edit) return [];
    const action = new vscode.CodeAction(`Set kind: ${kind}`, vscode.CodeActionKind.QuickFix);
    action.edit = toWorkspaceEdit(document, [edit]);
    action.diagnostics = settles.get(kind);
    return [action];
  });
}

/** `<!-- storydeck-disable-next-line id -->` above the finding's first line (joins one already there). */
function disableForLine(document: vscode.TextDocument, state: LintState, finding: Finding, diagnostic: vscode.Diagnostic): vscode.CodeAction | undefined {
  const fm = state.deck.frontMatterRange;
  if (fm && finding.line <= fm.endLine) return undefined; // no HTML comments inside YAML
  const line = Math.min(finding.line - 1, document.lineCount - 1);
  const action = new vscode.CodeAction(`Disable ${finding.ruleId} for this line`, vscode.CodeActionKind.QuickFix);
  action.edit = new vscode.WorkspaceEdit();
  const above = line > 0 ? NEXT_LINE.exec(document.lineAt(line - 1).text) : null;
  if (above) {
    const ids = above[2].split(/[\s,]+/).filter(Boolean);
    if (ids.length === 0 || ids.includes(finding.ruleId)) return undefined;
    action.edit.replace(document.uri, document.lineAt(line - 1).range, `${above[1]}<!-- storydeck-disable-next-line ${[...ids, finding.ruleId].join(' ')} -->`);
  } else {
    const indent = /^\s*/.exec(document.lineAt(line).text)![0];
    action.edit.insert(document.uri, new vscode.Position(line, 0), `${indent}<!-- storydeck-disable-next-line ${finding.ruleId} -->${eol(document)}`);
  }
  action.diagnostics = [diagnostic];
  return action;
}

/** `<!-- storydeck-disable id -->` at the start of the first slide, after the front matter. */
function disableForFile(document: vscode.TextDocument, state: LintState, finding: Finding, diagnostic: vscode.Diagnostic): vscode.CodeAction {
  const first = state.deck.slides[0]?.line ?? (state.deck.frontMatterRange ? state.deck.frontMatterRange.endLine + 1 : 1);
  const line = Math.min(Math.max(first - 1, 0), document.lineCount);
  const action = new vscode.CodeAction(`Disable ${finding.ruleId} for this file`, vscode.CodeActionKind.QuickFix);
  action.edit = new vscode.WorkspaceEdit();
  const existing = line < document.lineCount ? FILE_DISABLE.exec(document.lineAt(line).text) : null;
  const ids = existing ? existing[2].split(/[\s,]+/).filter(Boolean) : [];
  if (existing && ids.length > 0) {
    action.edit.replace(document.uri, document.lineAt(line).range, `${existing[1]}<!-- storydeck-disable ${[...ids, finding.ruleId].join(' ')} -->`);
  } else {
    const atEnd = line >= document.lineCount;
    action.edit.insert(
      document.uri,
      atEnd ? document.lineAt(document.lineCount - 1).range.end : new vscode.Position(line, 0),
      atEnd ? `${eol(document)}<!-- storydeck-disable ${finding.ruleId} -->` : `<!-- storydeck-disable ${finding.ruleId} -->${eol(document)}`,
    );
  }
  action.diagnostics = [diagnostic];
  return action;
}

/** Every available fix, re-linting after each pass (as `storydeck lint --fix`), as one edit. */
export function fixAll(document: vscode.TextDocument, state: LintState, kind: vscode.CodeActionKind): vscode.CodeAction | undefined {
  const text = document.getText();
  const result = fixText(text, state.config, { file: document.uri.fsPath, plugins: state.plugins });
  if (result.text === text) return undefined;
  const action = new vscode.CodeAction('Fix all auto-fixable StoryDeck problems', kind);
  action.edit = new vscode.WorkspaceEdit();
  action.edit.replace(document.uri, new vscode.Range(document.positionAt(0), document.positionAt(text.length)), result.text);
  return action;
}

function eol(document: vscode.TextDocument): string {
  return document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
}
