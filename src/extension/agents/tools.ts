import * as vscode from 'vscode';
import { insertBeatResult, lintResult, outlineResult, toolSpec, ToolInputError, validateToolInput, type ExportToolResult, type NarrativeInput, type ToolName } from '../../core/agent/tools';
import { quoteName } from '../../core/deck/controls';
import { resolveInRoot } from '../../node/fileAccess';
import { toRange, type NarrativeLinter } from '../diagnostics';
import type { ExportCommandOptions } from '../export';

export interface AgentDeps {
  linter: NarrativeLinter;
  extensionUri: vscode.Uri;
}

/** The narrative a tool works on, with what the shared tool functions need. */
export interface OpenNarrative {
  document: vscode.TextDocument;
  input: NarrativeInput;
}

const json = (value: unknown) => new vscode.LanguageModelToolResult([new vscode.LanguageModelTextPart(JSON.stringify(value, null, 2))]);

/**
 * What VS Code shows before a tool runs, from the input once validated: the schema, then the narrative — inside
 * a workspace folder once links are resolved, a file, Markdown — shown by its workspace path, quoted, controls
 * escaped, in text that renders no Markdown. Input that fails is refused here, before any confirmation, with the
 * one message the tool would give. Tools that write a file or run a browser ask the user first, and are refused
 * in an untrusted workspace (their package.json entries are also hidden there).
 */
export async function prepareTool(name: ToolName, options: vscode.LanguageModelToolInvocationPrepareOptions<object>): Promise<vscode.PreparedToolInvocation> {
  try {
    const spec = toolSpec(name)!;
    if (spec.writes) refuseUntrusted(spec.title);
    const input = validateToolInput(name, options.input) as { path?: string; beat?: string; format?: string; replace?: boolean };
    const document = await narrativeDocument(input.path);
    const what = `${input.path === undefined ? 'the active narrative, ' : ''}${quoteName(vscode.workspace.asRelativePath(document.uri, false))}`;
    const invocationMessage = plain(`StoryDeck: ${spec.title.toLowerCase()} (${what})`);
    if (!spec.writes) return { invocationMessage };
    const message =
      name === 'storydeck_insert_beat'
        ? `Insert a '${input.beat}' slide skeleton into ${what}? The edit goes into the editor, unsaved, where you can undo it.`
        : `Export ${what} to ${String(input.format).toUpperCase()}${input.format === 'pdf' ? ' (runs a local browser to print it)' : ''}${input.replace ? ', replacing an existing export' : ''}?`;
    return { invocationMessage, confirmationMessages: { title: `StoryDeck: ${spec.title}`, message: plain(message) } };
  } catch (e) {
    throw toolError(e);
  }
}

/** Text shown as it is: Markdown's characters escaped, so a name renders no link, no command and no picture. */
const plain = (text: string) => new vscode.MarkdownString().appendText(text);

/** A tool's input error as the model reads it (it can correct its call); any other error as it is. */
const toolError = (e: unknown) => (e instanceof ToolInputError ? new Error(`StoryDeck: ${e.message}`) : e);

/** Runs a tool through the functions the MCP server shares (src/core/agent/tools.ts); input errors become one message for the model. */
export async function invokeTool(name: ToolName, deps: AgentDeps, options: vscode.LanguageModelToolInvocationOptions<object>): Promise<vscode.LanguageModelToolResult> {
  try {
    switch (name) {
      case 'storydeck_lint':
        return json(lintResult((await openNarrative(deps, validateToolInput(name, options.input).path)).input));
      case 'storydeck_outline':
        return json(outlineResult((await openNarrative(deps, validateToolInput(name, options.input).path)).input));
      case 'storydeck_insert_beat': {
        refuseUntrusted('Insert a missing beat');
        const { path, beat } = validateToolInput(name, options.input);
        const { document, input } = await openNarrative(deps, path);
        const { text, ...result } = insertBeatResult(input, beat);
        const edit = new vscode.WorkspaceEdit();
        edit.insert(document.uri, toRange(result.edit).start, result.edit.text);
        if (!(await vscode.workspace.applyEdit(edit))) throw new ToolInputError(`${input.file} could not be edited.`);
        return json(result);
      }
      case 'storydeck_export': {
        refuseUntrusted('Export a narrative');
        const { path, format, replace = false, audience, notes } = validateToolInput(name, options.input);
        const { document, input } = await openNarrative(deps, path);
        // The editor's own export (its output folder setting, its exporter bundle); `overwrite: false` never replaces a file.
        const written = await vscode.commands.executeCommand<vscode.Uri | undefined>('storydeck.export', document.uri, format, { overwrite: replace, audience, notes } satisfies ExportCommandOptions);
        if (!written)
          throw new ToolInputError(
            `${input.file} was not exported to ${format}: an export of that name exists (call again with "replace": true) or the export failed (the StoryDeck output channel says why).`,
          );
        return json({ output: vscode.workspace.asRelativePath(written, false), format } satisfies ExportToolResult);
      }
      default:
        throw new ToolInputError(`${name} is not offered in VS Code.`);
    }
  } catch (e) {
    throw toolError(e);
  }
}

function refuseUntrusted(what: string): void {
  if (!vscode.workspace.isTrusted) throw new ToolInputError(`${what} runs only in a trusted workspace; trust this workspace to use it.`);
}

/**
 * The narrative at `path` (relative to a workspace folder, and inside it once links are resolved), or the
 * one in the active editor; with its text as the editor has it (unsaved edits included) and the config the
 * diagnostics use.
 */
export async function openNarrative(deps: AgentDeps, path: string | undefined): Promise<OpenNarrative> {
  return narrativeOf(deps, await narrativeDocument(path));
}

/**
 * The document a tool names: `path`, relative to a workspace folder and inside it once links are resolved, a file
 * (not a folder, a pipe or a device, which would hang the read); else the Markdown document in the active editor.
 */
async function narrativeDocument(path: string | undefined): Promise<vscode.TextDocument> {
  if (path === undefined) {
    const document = activeNarrative();
    if (!document) throw new ToolInputError('no Markdown narrative is open in the editor; pass "path", relative to the workspace folder.');
    return document;
  }
  const uri = inWorkspace(path);
  const stat = await Promise.resolve(vscode.workspace.fs.stat(uri)).catch(() => undefined);
  if (!stat) throw new ToolInputError(`${quoteName(path)} does not exist in the workspace.`);
  if (!(stat.type & vscode.FileType.File)) throw new ToolInputError(`${quoteName(path)} is not a file.`);
  return markdownOnly(await vscode.workspace.openTextDocument(uri));
}

function markdownOnly(document: vscode.TextDocument): vscode.TextDocument {
  if (document.languageId !== 'markdown') throw new ToolInputError(`${quoteName(vscode.workspace.asRelativePath(document.uri, false))} is not a Markdown file.`);
  return document;
}

/** A Markdown document's text as the editor has it (unsaved edits included), with the config the diagnostics use. */
export async function narrativeOf(deps: AgentDeps, document: vscode.TextDocument): Promise<OpenNarrative> {
  markdownOnly(document);
  const { config } = await deps.linter.configFor(document.uri);
  return { document, input: { text: document.getText(), file: vscode.workspace.asRelativePath(document.uri, false), config } };
}

/** The Markdown document in the active editor, else in the first visible editor that shows one. */
export function activeNarrative(): vscode.TextDocument | undefined {
  const editors = [vscode.window.activeTextEditor, ...vscode.window.visibleTextEditors];
  return editors.find((editor) => editor?.document.languageId === 'markdown')?.document;
}

function inWorkspace(path: string): vscode.Uri {
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    if (folder.uri.scheme !== 'file') continue;
    const absolute = resolveInRoot(folder.uri.fsPath, path);
    if (absolute) return vscode.Uri.file(absolute);
  }
  throw new ToolInputError(`${quoteName(path)} is not inside a workspace folder; StoryDeck's tools read only files in the workspace.`);
}
