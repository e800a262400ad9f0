import { dirname, extname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { customThemes, isThemeName, themeNames, THEME_NAMES } from '../../core/render/themes';
import { EXPORT_FORMATS, type ExportFormat } from '../../node/exportFormats';
import { UserError } from '../../node/errors';
import { exporter } from '../firstUse';
import { isSameFile } from '../../node/write';
import { EXIT, oneLine, readNarrative, UsageError, type Io } from '../io';
import { audienceOption, outputOption } from '../options';
import type { OptionHelp } from './index';
import { nearestConfig } from './lint';

export const summary = 'Export a narrative as slides: self-contained HTML, editable PowerPoint, or PDF.';
export const usage = 'storydeck export FILE --to html|pptx|pdf [-o OUT] [--theme NAME] [--audience NAME] [--no-notes] [--browser PATH] [--allow-local-files] [--force]';

export const options = {
  to: { type: 'string' },
  output: { type: 'string', short: 'o' },
  theme: { type: 'string' },
  audience: { type: 'string' },
  'no-notes': { type: 'boolean', default: false },
  browser: { type: 'string' },
  'allow-local-files': { type: 'boolean', default: false },
  force: { type: 'boolean', default: false },
} as const;

export const optionHelp: Record<keyof typeof options, OptionHelp> = {
  to: { value: EXPORT_FORMATS.join('|'), text: 'The format: one self-contained HTML file, an editable PowerPoint file or a PDF (required).', tried: ['format'] },
  output: { value: 'OUT', text: 'The file to write (default: the narrative’s name with the format’s extension, next to it).' },
  theme: { value: 'NAME', text: `The theme, instead of the front matter’s theme: ${THEME_NAMES.join(', ')} or one listed under themes: in .storydeck.yaml.` },
  audience: { value: 'NAME', text: 'Keep only the slides for this audience: those marked <!-- audience: NAME --> and those marked for no audience.' },
  'no-notes': { text: 'Leave the speaker notes out, for a deck you send rather than present.' },
  browser: { value: 'PATH', text: 'The Chromium, Chrome or Edge that prints a PDF (default: CHROME_PATH, then the usual install paths).' },
  'allow-local-files': { text: 'Include pictures from anywhere on this computer, not only from the narrative’s repository (or folder).' },
  force: { text: 'Replace OUT if it exists.' },
};

export async function run(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({ args, options, allowPositionals: true });
  if (positionals.length !== 1) throw new UsageError(`export takes exactly one file. Usage: ${usage}`);
  const format = values.to as ExportFormat | undefined;
  if (format === undefined || !EXPORT_FORMATS.includes(format)) throw new UsageError(`--to must be one of ${EXPORT_FORMATS.join(', ')} (got ${format === undefined ? 'nothing' : `"${format}"`}).`);
  const audience = audienceOption(values.audience);
  if (values.browser !== undefined && format !== 'pdf') throw new UsageError('--browser only applies to --to pdf.');

  const [file] = positionals;
  const source = resolve(io.cwd, file);
  const output = outputOption(values.output) ?? replaceExtension(file, `.${format}`);
  const target = resolve(io.cwd, output);
  // Real files compared: -o through a linked folder, a symbolic or a hard link to the narrative is the narrative.
  if (isSameFile(source, target)) throw new UsageError(`the output ${output} would replace the narrative itself; choose another with -o.`);
  const { text } = readNarrative(source);
  // The config `storydeck lint` reads: its custom themes, and what the "not ready" warning counts open findings with.
  const { config } = nearestConfig(dirname(source));
  // Only a --theme that names none of the config's custom themes is bad usage.
  const themes = config.themes ?? [];
  const custom = customThemes(themes);
  if (values.theme !== undefined && !isThemeName(values.theme) && !custom.has(values.theme)) {
    throw new UsageError(`--theme must be one of ${themeNames(custom).join(', ')} (got "${values.theme}").`);
  }

  // Ctrl+C stops the browser a PDF export started and removes its temporary files.
  const controller = new AbortController();
  const stop = (signal: NodeJS.Signals) => controller.abort(new UserError(`stopped by ${signal}; nothing was written.`));
  process.once('SIGINT', stop).once('SIGTERM', stop);
  try {
    const { slides, bytes } = await exporter().exportNarrative({
      text,
      file: source,
      format,
      output: target,
      shown: output,
      replace: values.force === true,
      theme: values.theme,
      config,
      themes,
      audience,
      notes: !values['no-notes'],
      browser: values.browser,
      allowLocalFiles: values['allow-local-files'],
      allowWith: 'To include it, run again with --allow-local-files.',
      signal: controller.signal,
      // One line each: a line break in the narrative's name or in a value a message quotes is escaped.
      warn: (message, line, column) => io.err(oneLine(`${file}${line === undefined ? '' : `:${line}:${column ?? 1}`}: ${message}`)),
      notReady: (message) => io.err(oneLine(`${file}: ${message}`)),
    });
    io.out(oneLine(`Exported ${slides} slide${slides === 1 ? '' : 's'} to ${output} (${(bytes / 1024).toFixed(0)} KiB).`));
    // Only a layout finds text that runs off a slide: the preview's and the browser that prints a PDF. Say so, rather than let silence read as "all fits".
    if (format === 'html') io.out(HTML_NOT_MEASURED);
    return EXIT.ok;
  } finally {
    process.off('SIGINT', stop).off('SIGTERM', stop);
  }
}

/** What an HTML export cannot say: whether every slide's text fits (docs: README, Export). */
export const HTML_NOT_MEASURED = 'Not checked: whether every slide fits its page. The preview and `--to pdf` lay the slides out and name the ones that run over (slide-overflow).';

function replaceExtension(file: string, extension: string): string {
  const ext = extname(file);
  return (ext ? file.slice(0, -ext.length) : file) + extension;
}
