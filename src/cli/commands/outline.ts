import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { cutForAudience, parseDeck } from '../../core/deck';
import { effectiveConfig } from '../../core/lint';
import { formatOutline, outline, readStory } from '../../core/story';
import { EXIT, oneLine, readNarrative, UsageError, type Io } from '../io';
import { audienceOption, formatOption } from '../options';
import type { OptionHelp } from './index';
import { nearestConfig } from './lint';

export const summary = 'Print the slides, beats and timing of a narrative.';
export const usage = 'storydeck outline FILE [--format text|json] [--audience NAME]';

export const options = { format: { type: 'string', default: 'text' }, audience: { type: 'string' } } as const;

export const optionHelp: Record<keyof typeof options, OptionHelp> = {
  format: { value: 'text|json', text: 'How to print the outline (default: text).' },
  audience: { value: 'NAME', text: 'The outline of the cut for this audience: only the slides marked for it and those marked for no audience.' },
};

export function run(args: string[], io: Io): number {
  const { values, positionals } = parseArgs({ args, options, allowPositionals: true });
  const format = formatOption(values.format, ['text', 'json']);
  if (positionals.length !== 1) throw new UsageError(`outline takes exactly one file. Usage: ${usage}`);
  const audience = audienceOption(values.audience);
  const { text } = readNarrative(positionals[0]);
  const deck = parseDeck(audience === undefined ? text : cutForAudience(text, audience).text);
  // A file that is no narrative at all (binary, too large) has no outline, as it has nothing to export.
  if (deck.slides.length === 0 && deck.problems.length > 0) throw new UsageError(`nothing to outline: ${deck.problems[0].message}`);
  for (const problem of deck.problems) io.err(oneLine(`${positionals[0]}:${problem.line}:${problem.column}: ${problem.message}`));
  // The story lint judges by: the same config (a `kind:` in .storydeck.yaml included) and the front matter's settings.
  const { config } = nearestConfig(dirname(resolve(io.cwd, positionals[0])));
  const story = readStory(deck, effectiveConfig(deck, config));
  io.out(format === 'json' ? JSON.stringify(outline(deck, story), null, 2) : formatOutline(deck, story));
  return EXIT.ok;
}
