/**
 * Node-side export, shared by the `storydeck export` command and VS Code's `StoryDeck: Export…`.
 * Both load it from its own bundle, dist/exporter.js, on their first export, so neither VS Code's activation
 * nor another command of the CLI loads export code. The bundle embeds the player and themes the HTML export inlines
 * (STORYDECK_EXPORT_ASSETS, see esbuild.js).
 */
import { dirname, resolve } from 'node:path';
import { readMarp } from '../core/deck/marp';
import { exportHtml, type ExportAssets } from '../core/export/html';
import { exportPptx, PPTX_IMAGE_TYPES } from '../core/export/pptx';
import { cutForAudience } from '../core/deck/cut';
import { lint, notReadyMessage, readiness, type SlideOverflow, type StoryDeckConfig } from '../core/lint';
import { parseForRender, withoutNotes } from '../core/render';
import { findBrowser } from './browser';
import { FileExistsError, UserError } from './errors';
import { projectRoot } from './fileAccess';
import { imageInliner } from './images';
import { printPdf } from './pdf';
import { exportTheme } from './themes';
import { exists, refuseLinkOut, writeAtomically } from './write';

export { FileExistsError, UserError } from './errors';

import type { ExportFormat } from './exportFormats';

export { EXPORT_FORMATS, type ExportFormat } from './exportFormats';

export interface ExportRequest {
  /** The narrative's text (in VS Code, the editor's text with unsaved edits). */
  text: string;
  /** The narrative's path: images are resolved relative to its folder. */
  file: string;
  /**
   * The folder local pictures must be in, symbolic links resolved (VS Code: the workspace folder); default
   * projectRoot(file): the narrative's repository, else its folder. Other pictures are left out with a warning.
   */
  root?: string;
  /** Read pictures from anywhere instead (regular files within the size limit): the user allowed it. */
  allowLocalFiles?: boolean;
  /** A sentence telling how to allow a picture from outside `root`, for its warning (a flag, a setting). */
  allowWith?: string;
  format: ExportFormat;
  /** Where to write. */
  output: string;
  /** Replace an existing output; otherwise FileExistsError, with the file untouched. */
  replace: boolean;
  /** Overrides the front matter `theme`: a built-in theme or one of `themes`. */
  theme?: string;
  /**
   * Absolute paths of custom themes' style sheets (the `themes:` of the narrative's config; in VS Code also
   * `storydeck.preview.themes`), each named by its file name. Read only from inside `root` (or
   * projectRoot(file)), whatever `allowLocalFiles` says.
   */
  themes?: readonly string[];
  /** PDF: the browser the user named (setting or --browser); otherwise findBrowser looks. */
  browser?: string;
  /** Receives what the export had to leave out or could not read; `line` when it has a place in the file. */
  warn?: (message: string, line?: number, column?: number) => void;
  /** The lint configuration in force for the narrative: what the "not ready" warning counts open findings with. */
  config?: StoryDeckConfig;
  /** Hears what is not ready (open findings, `TODO`s left on slides) before the export starts, when given; the export goes on. */
  notReady?: (message: string) => void;
  /** Cancels the export (and stops the browser); nothing is written. */
  signal?: AbortSignal;
  /** The output's name in messages; defaults to `output`. */
  shown?: string;
  /** Keep only the slides for this audience (`<!-- audience: … -->` markers, docs/audiences.md). */
  audience?: string;
  /** Leave the speaker notes out (a deck sent to customers); default true: notes are exported. */
  notes?: boolean;
}

declare const STORYDECK_EXPORT_ASSETS: ExportAssets | undefined;

/** The player and themes esbuild embeds in the CLI and exporter bundles (see esbuild.js); undefined when running from source. */
function bundledAssets(): ExportAssets | undefined {
  return typeof STORYDECK_EXPORT_ASSETS === 'undefined' ? undefined : STORYDECK_EXPORT_ASSETS;
}

export interface ExportResult {
  slides: number;
  bytes: number;
  /** PDF: the slides the printing browser laid out past their page (each also a warning), empty when all fit; absent when nothing was measured. */
  overflow?: SlideOverflow[];
}

/**
 * Parses the narrative, exports it and writes the output atomically (temporary file, then rename), so a
 * failed or cancelled export never leaves a truncated file where a good one was. Throws UserError (one
 * line for the user) or the signal's reason when cancelled.
 */
export async function exportNarrative(request: ExportRequest): Promise<ExportResult> {
  const { format, output, replace, signal, warn = () => undefined } = request;
  const shown = request.shown ?? output;
  // Fail before any work (a PDF takes seconds); the write checks again.
  if (!replace && exists(output)) throw new FileExistsError(shown);
  const projectFolder = request.root ?? projectRoot(request.file);
  // A link the project holds (`talk.html -> ~/.bashrc`, `exports -> /etc`) does not take the export out of it, with --force or not.
  refuseLinkOut(projectFolder, output, shown);

  const cut = request.audience === undefined ? undefined : cutForAudience(request.text, request.audience);
  if (cut?.kept === 0) throw new UserError(`nothing to export: no slide is for the audience "${request.audience}" (every slide is marked <!-- audience: … --> for others).`);
  const parsed = withoutNotes(parseForRender(cut?.text ?? request.text), request.notes === false);
  const { deck } = parsed;
  if (deck.slides.length === 0) throw new UserError(`nothing to export: ${deck.problems[0]?.message ?? 'the narrative has no slides.'}`);
  for (const problem of deck.problems) warn(problem.message, problem.line, problem.column);
  if (request.notReady) {
    const notReady = notReadyMessage(readiness(deck, lint(deck, request.config)));
    if (notReady) request.notReady(notReady);
  }
  const chosen = exportTheme({ wanted: readMarp(deck).theme?.name, override: request.theme, paths: request.themes, root: projectFolder });
  if (chosen.fellBack) warn(chosen.fellBack);
  const theme = chosen.name;
  const root = request.allowLocalFiles ? undefined : projectFolder;
  const resolveImage = imageInliner(dirname(resolve(request.file)), { root, allowWith: request.allowWith }, (message) => warn(message));

  const bundled = bundledAssets();
  const assets = bundled && chosen.css !== undefined ? { ...bundled, themes: { ...bundled.themes, [theme]: chosen.css } } : bundled;
  let data: string | Uint8Array;
  let overflow: SlideOverflow[] | undefined;
  switch (format) {
    case 'html':
      data = exportHtml(parsed, { theme, resolveImage, assets });
      break;
    case 'pdf': {
      const browser = findBrowser(request.browser);
      const printed = await printPdf(exportHtml(parsed, { theme, resolveImage, assets }), { browser, signal });
      data = printed.pdf;
      overflow = printed.overflow;
      // Said as the slide-overflow rule says it in the editor, on the first line cut.
      if (overflow?.length)
        for (const finding of lint(deck, request.config, { layout: { overflow } }).filter((f) => f.ruleId === 'slide-overflow')) warn(finding.message, finding.line, finding.column);
      break;
    }
    case 'pptx': {
      const shrunk: string[] = [];
      data = await exportPptx(parsed, {
        theme,
        assets,
        resolveImage: embeddable(PPTX_IMAGE_TYPES, resolveImage, (message) => warn(message)),
        onShrink: (slide, scale) => shrunk.push(`${slide} (${Math.round(scale * 100)}%)`),
      });
      if (shrunk.length)
        warn(
          `the text of slide${shrunk.length === 1 ? '' : 's'} ${shrunk.join(', ')} is set smaller than the theme's to fit the PowerPoint page; split ${shrunk.length === 1 ? 'it' : 'them'} or move detail to the speaker notes to keep the text at full size.`,
        );
      break;
    }
  }
  signal?.throwIfAborted();
  writeAtomically(output, data, { replace, shown });
  return { slides: deck.slides.length, bytes: typeof data === 'string' ? Buffer.byteLength(data) : data.byteLength, ...(overflow ? { overflow } : {}) };
}

/** Wraps an image resolver for an output that embeds fewer image types than a browser shows, saying which pictures fall back to their alt text. */
function embeddable(types: readonly string[], resolveImage: (src: string) => string | undefined, warn: (message: string) => void): (src: string) => string | undefined {
  return (src) => {
    const url = resolveImage(src);
    const type = url === undefined ? undefined : /^data:([^;,]+)/i.exec(url)?.[1]?.toLowerCase();
    if (type === undefined || types.includes(type)) return url;
    warn(
      `image ${src.startsWith('data:') ? `(a ${type} data: URI)` : src} is ${type}; the PowerPoint file can hold ${types.map((t) => t.slice('image/'.length).toUpperCase()).join(', ')} pictures only, so it shows the alt text.`,
    );
    return undefined;
  };
}
