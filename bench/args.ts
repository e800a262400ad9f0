// The benchmarks' command-line options, read one way for all of them: `--name value`, or `--name` alone
// for a flag. An unknown option or a bad value stops the run, rather than benchmarking something else.

import { parseArgs } from 'node:util';

/** A mistake on the command line: printed as one line, without a stack. */
export class UsageError extends Error {}

export interface BenchArgs {
  /** A whole number of at least `min` (default 1), or `fallback` when the option is absent. */
  count<F extends number | undefined>(name: string, fallback: F, min?: number): number | F;
  /** A comma-separated list of positive whole numbers, e.g. `--sizes 10,100`. */
  counts(name: string, fallback: readonly number[]): number[];
  /** A comma-separated list of some of `allowed`, e.g. `--formats html,pdf`. */
  choices<T extends string>(name: string, allowed: readonly T[]): T[];
  /** The option's text, or `undefined` when it is absent. */
  text(name: string): string | undefined;
  flag(name: string): boolean;
}

/** `valued` names the options that take a value; `flags` those that stand alone. */
export function benchArgs(argv: readonly string[], valued: readonly string[], flags: readonly string[] = []): BenchArgs {
  let values: Record<string, unknown>;
  try {
    values = parseArgs({
      args: [...argv],
      options: Object.fromEntries([...valued.map((n) => [n, { type: 'string' }] as const), ...flags.map((n) => [n, { type: 'boolean' }] as const)]),
    }).values;
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const text = (name: string) => values[name] as string | undefined;
  const whole = (name: string, raw: string, min: number) => {
    const n = Number(raw);
    if (raw.trim() === '' || !Number.isInteger(n) || n < min) throw new UsageError(`--${name} needs a whole number of at least ${min}, not "${raw}"`);
    return n;
  };
  const list = (name: string) => text(name)?.split(',');
  return {
    count: (name, fallback, min = 1) => {
      const raw = text(name);
      return raw === undefined ? fallback : whole(name, raw, min);
    },
    counts: (name, fallback) => list(name)?.map((raw) => whole(name, raw, 1)) ?? [...fallback],
    choices: (name, allowed) => {
      const picked = list(name) ?? [...allowed];
      const unknown = picked.filter((p) => !(allowed as readonly string[]).includes(p));
      if (unknown.length) throw new UsageError(`--${name} takes ${allowed.join(', ')}; not ${unknown.join(', ')}`);
      return picked as (typeof allowed)[number][];
    },
    text,
    flag: (name) => values[name] === true,
  };
}
