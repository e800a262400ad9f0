import { suggestKey } from '../core/lint/rules/front-matter';
import type { Command } from './commands';

/** `--help` or `-h` among a command's arguments (before a `--` that ends the options). */
export function asksForHelp(args: readonly string[]): boolean {
  const end = args.indexOf('--');
  return (end < 0 ? args : args.slice(0, end)).some((arg) => arg === '--help' || arg === '-h');
}

/** `storydeck --help`: every command with its summary. */
export function generalHelp(commands: Readonly<Record<string, Command>>): string {
  const width = Math.max(...Object.keys(commands).map((name) => name.length));
  const rows = Object.entries(commands).map(([name, command]) => `  ${name.padEnd(width)}  ${command.summary}`);
  return [
    'Usage: storydeck <command> [options]',
    '',
    'Commands:',
    ...rows,
    '',
    'Run storydeck <command> --help, or storydeck help <command>, for its options. storydeck --version prints the version.',
  ].join('\n');
}

/** `storydeck <command> --help`: its usage line, what it does and each option. */
export function commandHelp(command: Command): string {
  const options = Object.entries(command.options ?? {}).map(([name, option]) => {
    const help = command.optionHelp?.[name];
    const flag = `${option.short ? `-${option.short}, ` : ''}--${name}${help?.value ? ` ${help.value}` : ''}`;
    return [flag, help?.text ?? ''] as const;
  });
  options.push(['-h, --help', 'Show this help.']);
  const width = Math.max(...options.map(([flag]) => flag.length));
  return [`Usage: ${command.usage}`, '', command.summary, '', 'Options:', ...options.map(([flag, text]) => `  ${flag.padEnd(width)}  ${text}`.trimEnd())].join('\n');
}

/**
 * One line for an argument `parseArgs` refused: an unknown option named, with the closest option the command
 * has (by spelling, or a name people try for it), then the usage line.
 */
export function argumentErrorLine(command: Command, message: string): string {
  const missing = /^Option '(?:-\w, )?(-{1,2}[^ ']+) <value>' argument missing/.exec(message);
  if (missing) return `${missing[1]} needs a value. Usage: ${command.usage}`;
  // `-o -talk.html`, `--max-warnings -1` or `-o --force`: Node's message runs over three lines.
  const ambiguous = /^Option '(-{1,2}[^ ']+)' argument is ambiguous\.[^]*use ('[^']+'(?: or '[^']+')?)\.?$/.exec(message);
  if (ambiguous) return `${ambiguous[1]} needs a value, and the next argument starts with a dash; to give a value that does, write ${ambiguous[2].replaceAll("'", '')}. Usage: ${command.usage}`;
  const unknown = /^Unknown option '(-{1,2})([^'=]+)/.exec(message);
  if (!unknown) return `${message.replace(/\s*\n\s*/g, ' ').replace(/\.?$/, '.')} Usage: ${command.usage}`;
  const [, dashes, name] = unknown;
  const closest = dashes === '--' ? closestOption(command, name) : undefined;
  return `unknown option ${dashes}${name}${closest ? `; did you mean --${closest}?` : '.'} Usage: ${command.usage}`;
}

function closestOption(command: Command, name: string): string | undefined {
  const meant = new Map<string, string>();
  for (const option of Object.keys(command.options ?? {})) meant.set(option, option);
  for (const [option, help] of Object.entries(command.optionHelp ?? {})) for (const tried of help.tried ?? []) if (!meant.has(tried)) meant.set(tried, option);
  const key = suggestKey(name, [...meant.keys()]);
  return key === undefined ? undefined : meant.get(key);
}
