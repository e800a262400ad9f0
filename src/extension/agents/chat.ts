import * as vscode from 'vscode';
import {
  beatArgument,
  beatDraftEdit,
  coachPrompt,
  COACH_COMMANDS,
  describeChange,
  fencedMarkdown,
  NO_MODEL,
  replaceAllEdit,
  reviewFromRules,
  type CoachCommand,
  type CoachContext,
} from '../../core/agent/coach';
import { lintResult, outlineResult, ToolInputError, type LintToolResult } from '../../core/agent/tools';
import type { BeatId } from '../../core/deck';
import type { TextEdit } from '../../core/lint';
import { toRange } from '../diagnostics';
import { APPLY_COMMAND } from './register';
import { narrativeOf, openNarrative, type AgentDeps } from './tools';
import { noLinks } from '../notifyText';

/** An edit the participant proposes; the user applies it with the button under the answer. */
export interface Proposal {
  uri: string;
  /** The document version the edit was computed on: a changed document is not edited. */
  version: number;
  edit: TextEdit;
  /** The findings before the edit, to say what the edit changed. */
  before: LintToolResult;
}

/**
 * `@storydeck`: /review, /beat <id>, /audience <name>, /tighten on the active narrative, answered by the
 * model the user picked (`request.model`, else the first of `vscode.lm.selectChatModels()`). Without a
 * model it says how to get one, and /review still answers from the rules.
 */
export async function handleChat(
  deps: AgentDeps,
  request: vscode.ChatRequest,
  _context: vscode.ChatContext,
  stream: vscode.ChatResponseStream,
  token: vscode.CancellationToken,
): Promise<vscode.ChatResult> {
  const command: CoachCommand = (COACH_COMMANDS as readonly string[]).includes(request.command ?? '') ? (request.command as CoachCommand) : 'review';
  let narrative;
  try {
    narrative = await openNarrative(deps, undefined);
  } catch (e) {
    if (!(e instanceof ToolInputError)) throw e;
    stream.markdown('Open a Markdown narrative in the editor, then ask again: StoryDeck coaches the narrative you are writing.');
    return { metadata: { command } };
  }
  const { document, input } = narrative;
  const context: CoachContext = { file: input.file, text: input.text, lint: lintResult(input), outline: outlineResult(input) };
  let argument = request.prompt.trim();
  let beat: BeatId | undefined;
  if (command === 'beat') {
    const parsed = beatArgument(argument, input.text, context.outline);
    if ('problem' in parsed) {
      stream.markdown(parsed.problem);
      return { metadata: { command } };
    }
    argument = beat = parsed.beat;
  }
  if (command === 'audience' && !argument) {
    if (!context.outline.audience) {
      stream.markdown('Name the room: `/audience CFO and finance leads`, or set `audience:` in the front matter.');
      return { metadata: { command } };
    }
    argument = context.outline.audience;
  }

  const noModel = (why: string) => {
    stream.markdown(why);
    if (command === 'review') stream.markdown(`\n\n${reviewFromRules(context)}`);
    return { metadata: { command, model: false } };
  };
  const model = request.model ?? (await vscode.lm.selectChatModels())[0];
  if (!model) return noModel(NO_MODEL);
  let answer = '';
  try {
    const response = await model.sendRequest(
      coachPrompt(command, argument, context).map((text) => vscode.LanguageModelChatMessage.User(text)),
      { justification: 'StoryDeck sends the narrative and its findings to the model you picked.' },
      token,
    );
    for await (const chunk of response.text) {
      answer += chunk;
      stream.markdown(chunk);
    }
  } catch (e) {
    if (!(e instanceof vscode.LanguageModelError)) throw e;
    return noModel(`The language model could not answer (${e.message}). ${NO_MODEL}`);
  }

  const draft = command === 'beat' || command === 'tighten' ? fencedMarkdown(answer) : undefined;
  if (draft !== undefined) {
    const edit = beat ? beatDraftEdit(input.text, beat, draft) : replaceAllEdit(input.text, draft);
    if (edit) {
      const proposal: Proposal = { uri: document.uri.toString(), version: document.version, edit, before: context.lint };
      stream.button({ command: APPLY_COMMAND, title: command === 'beat' ? `Insert this '${argument}' slide` : 'Apply the tightened narrative', arguments: [proposal] });
    }
  } else if (command === 'beat' || command === 'tighten') {
    stream.markdown('\n\nThe answer has no ```markdown block to apply; ask again.');
  }
  return { metadata: { command } };
}

/** The button's command: applies the proposal (undoable, unsaved), re-lints and says what changed. Resolves with that sentence, or undefined when nothing was applied. */
export async function applyProposal(deps: AgentDeps, proposal: Proposal): Promise<string | undefined> {
  const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(proposal.uri));
  if (document.version !== proposal.version) {
    void vscode.window.showWarningMessage('StoryDeck: the narrative changed since this proposal; ask @storydeck again.');
    return undefined;
  }
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, document.validateRange(toRange(proposal.edit)), proposal.edit.text);
  if (!(await vscode.workspace.applyEdit(edit))) return undefined;
  const { input } = await narrativeOf(deps, document);
  const change = `StoryDeck: applied; ${describeChange(proposal.before, lintResult(input))}`;
  void vscode.window.showInformationMessage(noLinks(change));
  return change;
}
