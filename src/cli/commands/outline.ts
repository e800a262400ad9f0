import { parseArgs } from 'node:util';
import { parseDeck } from '../../core/deck';
import { formatOutline, outline, readStory } from '../../core/story';
import { EXIT, readTextFile, UsageError, type Io } from '../io';
import { formatOption } from '../options';

export const summary = 'Print the slides, beats and timing of a narrative.';
export const usage = 'storydeck outline FILE [--format text|json]';

export function run(args: string[], io: Io): number {
  const { values, positionals } = parseArgs({ args, options: { format: { type: 'string', default: 'text' } }, allowPositionals: true });
  const format = formatOption(values.format, ['text', 'json']);
  if (positionals.length !== 1) throw new UsageError(`outline takes exactly one file. Usage: ${usage}`);
  const deck = parseDeck(readTextFile(positionals[0]));
  for (const problem of deck.problems) io.err(`${positionals[0]}:${problem.line}:${problem.column}: ${problem.message}`);
  const story = readStory(deck);
  io.out(format === 'json' ? JSON.stringify(outline(deck, story), null, 2) : formatOutline(deck, story));
  return EXIT.ok;
}
