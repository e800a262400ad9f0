import { existsSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import * as vscode from 'vscode';
import { isAudienceName } from '../core/deck';
import type { StoryDeckConfig } from '../core/lint';
import type * as Exporter from '../node/exporter';
import type { AudienceCuts } from './audience';
import { exporter } from './firstUse';
import { logLines } from './outputChannel';
import { outputFolder } from './outputFolder';
import { themeSheets } from './themes';
import { noLinks } from './notifyText';

type ExportFormat = Exporter.ExportFormat;

/** For tests and agents: what the pickers and settings would otherwise decide. */
export interface ExportCommandOptions {
  /** `false` never replaces an existing output, `true` replaces it without asking. */
  overwrite?: boolean;
  /** The audience cut to export instead of the one chosen for the narrative (a name isAudienceName accepts). */
  audience?: string;
  /** Whether the speaker notes go in, instead of `storydeck.export.notes`. */
  notes?: boolean;
}

const FORMATS: ReadonlyArray<vscode.QuickPickItem & { format: ExportFormat }> = [
  { label: 'HTML', description: 'One self-contained file that presents offline in any browser', format: 'html' },
  { label: 'PowerPoint', description: 'An editable .pptx, with the speaker notes in the notes pane', format: 'pptx' },
  { label: 'PDF', description: 'One page per slide, printed by Chromium, Chrome or Edge', format: 'pdf' },
];

/**
 * The lint configuration in force for a document (NarrativeLinter.configFor): its `themes:` (as URI paths),
 * and what the "not ready" warning counts open findings with.
 */
export type ConfigFor = (document: vscode.Uri) => Promise<{ config: StoryDeckConfig }>;

/**
 * `StoryDeck: Export…`. Arguments skip the pickers (for tests and other commands): the narrative, the
 * format and whether to replace an existing file. Resolves with the written file, or undefined.
 */
export function registerExport(log: (line: string) => void, configFor: ConfigFor, cuts: AudienceCuts): vscode.Disposable {
  return vscode.commands.registerCommand('storydeck.export', (uri?: vscode.Uri, format?: ExportFormat, options?: ExportCommandOptions) => exportCommand(log, configFor, cuts, uri, format, options));
}

const SAVE_AS = 'Save As…';

/**
 * What the user can do with an export where they are. On this computer's desktop: open it (HTML in the
 * browser, PowerPoint and PDF in their applications). In a browser (code-server, vscode.dev) or a remote
 * window the file is on another machine, where "open" would hand the browser a `file:` URL of the server:
 * download it instead (the Explorer's own Download, on the revealed file). Anywhere, reveal it in the
 * Explorer when it is in the workspace.
 */
function afterExport(target: vscode.Uri): Record<string, () => Thenable<unknown>> {
  const here = vscode.env.uiKind === vscode.UIKind.Desktop && vscode.env.remoteName === undefined;
  const inWorkspace = vscode.workspace.getWorkspaceFolder(target) !== undefined;
  const reveal = () => vscode.commands.executeCommand('revealInExplorer', target);
  return {
    ...(here ? { Open: () => vscode.env.openExternal(target) } : {}),
    ...(inWorkspace ? { 'Reveal in Explorer': reveal } : {}),
    ...(!here && inWorkspace ? { Download: () => reveal().then(() => vscode.commands.executeCommand('explorer.download')) } : {}),
  };
}

/** Offers Save As for an untitled draft; resolves with the saved file, or undefined when the user declines or cancels. */
async function saveDraft(document: vscode.TextDocument): Promise<vscode.Uri | undefined> {
  const choice = await vscode.window.showInformationMessage('StoryDeck: save the draft first: an export is written next to its narrative. Once it is saved, the export goes on.', SAVE_AS);
  return choice === SAVE_AS ? vscode.workspace.save(document.uri) : undefined;
}

async function exportCommand(
  log: (line: string) => void,
  configFor: ConfigFor,
  cuts: AudienceCuts,
  uri: vscode.Uri | undefined,
  format: ExportFormat | undefined,
  options: ExportCommandOptions = {},
): Promise<vscode.Uri | undefined> {
  // An open document brings its unsaved edits: the export shows what the editor shows.
  let document = uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
  if (!document || document.languageId !== 'markdown') {
    void vscode.window.showInformationMessage('StoryDeck: open a Markdown narrative to export it.');
    return undefined;
  }
  if (document.isUntitled) {
    // A draft (from New Narrative) has no file yet, and the export goes next to it: save it first, then go on.
    const saved = await saveDraft(document);
    if (!saved) return undefined;
    document = await vscode.workspace.openTextDocument(saved);
  }
  if (document.uri.scheme !== 'file') {
    void vscode.window.showInformationMessage(
      noLinks(`StoryDeck: an export is written next to its narrative, which must be a file on disk, not a ${document.uri.scheme}: document. Save a copy as a file to export it.`),
    );
    return undefined;
  }
  const picked = format
    ? FORMATS.find((f) => f.format === format)
    : await vscode.window.showQuickPick(FORMATS, { title: 'StoryDeck: Export', placeHolder: `Export ${basename(document.uri.fsPath)} as` });
  if (!picked) {
    if (format) void vscode.window.showErrorMessage(noLinks(`StoryDeck: cannot export to "${format}"; choose html, pptx or pdf.`));
    return undefined;
  }

  const settings = vscode.workspace.getConfiguration('storydeck', document.uri);
  const file = document.uri.fsPath;
  const workspaceFolder = vscode.workspace.getWorkspaceFolder(document.uri)?.uri.fsPath;
  const where = outputFolder(file, workspaceFolder, settings.inspect<string>('export.outputDir'));
  if ('refused' in where) {
    void vscode.window.showErrorMessage(noLinks(`StoryDeck: ${where.refused}`));
    return undefined;
  }
  // The audience cut chosen for this narrative (StoryDeck: Choose Audience…) is what is exported, in a file of its own.
  const audience = options.audience ?? cuts.get(document.uri);
  if (audience !== undefined && !isAudienceName(audience)) {
    void vscode.window.showErrorMessage(noLinks(`StoryDeck: "${audience}" cannot name an audience: use letters, digits, - and _.`));
    return undefined;
  }
  const output = join(where.folder, `${basename(file, extname(file))}${audience ? `-${audience.toLowerCase()}` : ''}.${picked.format}`);
  const name = basename(output);
  let replace = false;
  if (existsSync(output)) {
    if (options.overwrite === false) return undefined;
    if (options.overwrite === undefined) {
      const choice = await vscode.window.showWarningMessage(noLinks(`${name} already exists in ${dirname(output)}. Replace it?`), { modal: true }, 'Replace');
      if (choice !== 'Replace') return undefined;
    }
    replace = true;
  }

  const { config } = await configFor(document.uri);
  const themes = themeSheets(document.uri, vscode.workspace.isTrusted ? (config.themes ?? []) : []).map((uri) => uri.fsPath);
  // dist/exporter.js, loaded on the first export so that activation never loads it.
  const exporting = exporter();
  let warnings = 0;
  try {
    const { slides } = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: noLinks(`StoryDeck: exporting ${basename(file)} to ${picked.label}…`), cancellable: true },
      async (_progress, token) => {
        const controller = new AbortController();
        const cancelled = token.onCancellationRequested(() => controller.abort(new vscode.CancellationError()));
        try {
          return await exporting.exportNarrative({
            makeFolder: true,
            text: document.getText(),
            file,
            format: picked.format,
            output,
            shown: name,
            replace,
            audience,
            notes: options.notes ?? settings.get<boolean>('export.notes') !== false,
            browser: settings.get<string>('export.browserPath') || undefined,
            // Pictures from the workspace folder only, unless the user's own settings allow any (the setting is machine-scoped).
            root: workspaceFolder,
            themes,
            allowLocalFiles: settings.get<boolean>('export.allowLocalFiles') === true,
            allowWith: 'To include it, turn on storydeck.export.allowLocalFiles in your user settings.',
            signal: controller.signal,
            config,
            // Said before the export, which goes on: open findings and TODOs left on slides.
            notReady: (message) => {
              log(`${basename(file)}: ${message}`);
              void vscode.window.showWarningMessage(noLinks(`StoryDeck: ${basename(file)}: ${message}`));
            },
            warn: (message, line) => {
              warnings++;
              log(`${basename(file)}${line === undefined ? '' : `:${line}`}: ${message}`);
            },
          });
        } finally {
          cancelled.dispose();
        }
      },
    );
    const done = `StoryDeck: exported ${slides} slide${slides === 1 ? '' : 's'}${audience ? ` for ${audience}` : ''} to ${name}${warnings ? ` (${warnings} warning${warnings === 1 ? '' : 's'} in the StoryDeck output)` : ''}.`;
    const target = vscode.Uri.file(output);
    const actions = afterExport(target);
    void vscode.window.showInformationMessage(noLinks(done), ...Object.keys(actions)).then((choice) => choice && actions[choice]());
    return target;
  } catch (e) {
    if (e instanceof vscode.CancellationError) return undefined;
    if (e instanceof exporting.UserError) void vscode.window.showErrorMessage(noLinks(`StoryDeck: ${e.message}`));
    else {
      logLines(log, `export failed: ${(e as Error)?.stack ?? e}`);
      void vscode.window.showErrorMessage(noLinks(`StoryDeck: the export failed: ${(e as Error)?.message ?? e}`));
    }
    return undefined;
  }
}
