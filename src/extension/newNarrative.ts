import { mkdir } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import * as vscode from 'vscode';
import { FileExistsError, UserError } from '../node/errors';
import { isInside } from '../node/fileAccess';
import { writeAtomically } from '../node/write';
import {
  AnswerError,
  answerProblem,
  collectTemplates,
  MAX_TEMPLATE_BYTES,
  renderTemplate,
  TEMPLATE_EXTENSION,
  TemplateError,
  WORKSPACE_TEMPLATES_DIR,
  type Template,
  type TemplateSource,
} from '../core/scaffold';
import { noLinks } from './notifyText';

// Loaded on the first `StoryDeck: New Narrative` (Handlebars is not needed before).

export type NarrativeTarget = 'untitled' | vscode.Uri;
/** The command's optional arguments, for scripting it. */
export type NewNarrativeArgs = [templateId?: string, answers?: Record<string, string>, target?: NarrativeTarget];

/**
 * `StoryDeck: New Narrative`: pick a template (built-in, then the workspace's `.storydeck/templates/` when the
 * workspace is trusted), answer its prompts, then open the draft as an untitled document or save it as a new
 * file. Esc at any step leaves nothing behind; an existing file is never overwritten. The arguments script it
 * (tests): a template id, the answers (no prompts are shown then) and the target. Resolves to the new
 * document's URI, or undefined when nothing was created.
 */
export async function newNarrative(extensionUri: vscode.Uri, ...[templateId, answers, target]: NewNarrativeArgs): Promise<vscode.Uri | undefined> {
  const { templates, skipped } = await loadTemplates(extensionUri);
  const questions = new Questions();
  try {
    const template = templateId === undefined ? await pickTemplate(questions, templates, skipped) : templates.find((t) => t.id === templateId);
    if (!template) {
      const untrusted = skipped ? ' Workspace templates load only in a trusted workspace.' : '';
      if (templateId !== undefined) void vscode.window.showErrorMessage(noLinks(`StoryDeck: there is no template "${templateId}". Templates: ${templates.map((t) => t.id).join(', ')}.${untrusted}`));
      return undefined;
    }
    const given = answers ?? (await askAnswers(questions, template));
    if (!given) return undefined;
    let text: string;
    try {
      text = renderTemplate(template, given);
    } catch (e) {
      if (!(e instanceof AnswerError || e instanceof TemplateError)) throw e;
      void vscode.window.showErrorMessage(noLinks(`StoryDeck: ${e.message}`));
      return undefined;
    }
    const where = target ?? (await pickTarget(questions, template, given));
    if (!where) return undefined;
    questions.dispose(); // before the draft opens: closing the last question hands the focus back
    return await write(where, text);
  } finally {
    questions.dispose();
  }
}

/** Opens the draft as an untitled document, or writes it as a new file and opens that; undefined when the file cannot be created. */
async function write(where: NarrativeTarget, text: string): Promise<vscode.Uri | undefined> {
  if (where === 'untitled') {
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: text });
    await vscode.window.showTextDocument(document);
    return document.uri;
  }
  const created = await createFile(where, text).catch((e: Error) => e);
  if (created !== true) {
    const path = vscode.workspace.asRelativePath(where);
    const why = !created
      ? `${path} already exists. StoryDeck never overwrites a file: choose another name.`
      : created instanceof UserError
        ? created.message
        : `cannot write ${path}: ${created.message}`;
    void vscode.window.showErrorMessage(noLinks(`StoryDeck: ${why}`));
    return undefined;
  }
  await vscode.window.showTextDocument(where);
  return where;
}

/** Built-in templates, and the workspace's only in a trusted workspace: Handlebars compiles them. */
async function loadTemplates(extensionUri: vscode.Uri): Promise<{ templates: Template[]; skipped: number }> {
  const problems: TemplateError[] = [];
  const builtin = await readTemplates(vscode.Uri.joinPath(extensionUri, 'templates'), problems);
  const workspace = await Promise.all(
    (vscode.workspace.workspaceFolders ?? []).map(async ({ uri: root }) => {
      const folder = vscode.Uri.joinPath(root, WORKSPACE_TEMPLATES_DIR);
      // A templates folder that is a link out of the workspace folder lends nothing: its entries would look like plain files.
      if (root.scheme === 'file' && !isInside(root.fsPath, folder.fsPath)) {
        problems.push(new TemplateError(folder.fsPath, undefined, 'a symbolic link takes this folder outside the workspace folder, and templates are read only from inside it'));
        return [];
      }
      return readTemplates(folder, problems);
    }),
  );
  const trusted = vscode.workspace.isTrusted;
  const collected = collectTemplates(trusted ? [builtin, ...workspace] : [builtin]);
  const { templates } = collected;
  const errors = [...problems, ...collected.errors];
  if (errors.length) {
    const list = errors.map((e) => `${vscode.workspace.asRelativePath(e.file)}${e.line ? `:${e.line}` : ''}: ${e.reason}`);
    void vscode.window.showWarningMessage(noLinks(`StoryDeck: ${errors.length === 1 ? 'a template was' : `${errors.length} templates were`} left out. ${list.join(' · ')}`));
  }
  return { templates, skipped: trusted ? 0 : workspace.flat().length };
}

/** The `*.hbs` files of a folder; one larger than MAX_TEMPLATE_BYTES is not read but added to `problems` (with the other problems: the warning lists them). */
async function readTemplates(dir: vscode.Uri, problems: TemplateError[]): Promise<TemplateSource[]> {
  let entries: [string, vscode.FileType][];
  try {
    entries = await vscode.workspace.fs.readDirectory(dir);
  } catch {
    return []; // no such folder
  }
  const names = entries
    .filter(([name, type]) => type === vscode.FileType.File && name.endsWith(TEMPLATE_EXTENSION))
    .map(([name]) => name)
    .sort();
  const sources = await Promise.all(
    names.map(async (name): Promise<TemplateSource | undefined> => {
      const uri = vscode.Uri.joinPath(dir, name);
      const file = uri.scheme === 'file' ? uri.fsPath : uri.toString();
      if ((await vscode.workspace.fs.stat(uri)).size > MAX_TEMPLATE_BYTES) {
        problems.push(new TemplateError(file, undefined, `larger than ${MAX_TEMPLATE_BYTES / 1024 / 1024} MB, the most a template may be`));
        return undefined;
      }
      return { file, source: new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)) };
    }),
  );
  return sources.filter((source) => source !== undefined);
}

/**
 * The questions of one New Narrative, each shown over the one before without closing it: the focus stays in
 * the quick input from the template to the last answer. (Closing a quick input gives the focus back to what
 * had it before; run from a walkthrough's button, that is the walkthrough, and what the writer typed next went
 * there instead of into the next question.)
 */
class Questions implements vscode.Disposable {
  private shown: vscode.QuickInput | undefined;

  /** The item picked; undefined on Esc. */
  pick<T extends vscode.QuickPickItem>(items: readonly T[], options: { title: string; placeholder?: string }): Promise<T | undefined> {
    const quickPick = vscode.window.createQuickPick<T>();
    quickPick.title = options.title;
    quickPick.placeholder = options.placeholder;
    quickPick.items = items;
    quickPick.matchOnDescription = true;
    quickPick.matchOnDetail = true;
    return this.show(quickPick, (done) => [quickPick.onDidAccept(() => done(quickPick.selectedItems[0]))]);
  }

  /** The answer typed, once `problem` finds nothing wrong with it; undefined on Esc. */
  ask(options: { title: string; prompt: string; value: string; problem: (text: string) => string | undefined }): Promise<string | undefined> {
    const input = vscode.window.createInputBox();
    input.title = options.title;
    input.prompt = options.prompt;
    input.value = options.value;
    input.ignoreFocusOut = true;
    return this.show(input, (done) => [
      input.onDidChangeValue((text) => (input.validationMessage = options.problem(text))),
      input.onDidAccept(() => {
        input.validationMessage = options.problem(input.value);
        if (!input.validationMessage) done(input.value);
      }),
    ]);
  }

  dispose(): void {
    this.shown?.dispose();
    this.shown = undefined;
  }

  private show<T>(input: vscode.QuickInput, wire: (done: (value: T) => void) => vscode.Disposable[]): Promise<T | undefined> {
    return new Promise((resolve) => {
      const subscriptions: vscode.Disposable[] = [];
      const done = (value: T | undefined) => {
        for (const subscription of subscriptions) subscription.dispose();
        resolve(value);
      };
      subscriptions.push(
        ...wire(done),
        input.onDidHide(() => done(undefined)),
      );
      // Shown over the previous question, which closes without handing the focus back.
      const previous = this.shown;
      this.shown = input;
      input.show();
      previous?.dispose();
    });
  }
}

async function pickTemplate(questions: Questions, templates: readonly Template[], skipped: number): Promise<Template | undefined> {
  const items = templates.map((template) => ({ label: template.name, description: template.id, detail: template.description, template }));
  const picked = await questions.pick(items, {
    title: 'New narrative: choose a template',
    placeholder: skipped
      ? `${skipped} workspace template${skipped === 1 ? ' is' : 's are'} not shown: templates run code, so they load only in a trusted workspace.`
      : 'Each template tells the story why before what.',
  });
  return picked?.template;
}

/** One question per prompt, its default filled in; undefined when one is cancelled. */
async function askAnswers(questions: Questions, template: Template): Promise<Record<string, string> | undefined> {
  const answers: Record<string, string> = {};
  for (const [i, prompt] of template.prompts.entries()) {
    const value = await questions.ask({
      title: `${template.name} (${i + 1}/${template.prompts.length})`,
      prompt: prompt.question,
      value: prompt.default,
      problem: (text) => answerProblem(prompt, text),
    });
    if (value === undefined) return undefined;
    answers[prompt.key] = value;
  }
  return answers;
}

async function pickTarget(questions: Questions, template: Template, answers: Record<string, string>): Promise<NarrativeTarget | undefined> {
  const untitled = 'Untitled document';
  const picked = await questions.pick([{ label: untitled }, { label: 'Save in workspace…' }], { title: 'New narrative: where should it go?' });
  if (picked === undefined) return undefined;
  questions.dispose(); // the Save dialog comes next
  if (picked.label === untitled) return 'untitled';
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const name = `${slug(answers.title ?? '') || template.id}.md`;
  return vscode.window.showSaveDialog({ defaultUri: folder && vscode.Uri.joinPath(folder, name), filters: { Markdown: ['md'] }, title: 'Save the new narrative' });
}

/** Writes a new file; false when one is already there (it is left untouched). */
async function createFile(uri: vscode.Uri, text: string): Promise<boolean> {
  const bytes = new TextEncoder().encode(text);
  if (uri.scheme === 'file') {
    try {
      await mkdir(dirname(uri.fsPath), { recursive: true });
      // The same writer as `storydeck new`: a temporary file moved into place only if the name is free.
      writeAtomically(uri.fsPath, bytes, { replace: false, shown: basename(uri.fsPath) });
      return true;
    } catch (e) {
      if (e instanceof FileExistsError) return false;
      throw e;
    }
  }
  const exists = await vscode.workspace.fs.stat(uri).then(
    () => true,
    () => false,
  );
  if (exists) return false;
  await vscode.workspace.fs.writeFile(uri, bytes);
  return true;
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
}
