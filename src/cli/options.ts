import { isAudienceName } from '../core/deck';
import { UsageError } from './io';

export function formatOption<T extends string>(value: string | undefined, allowed: readonly T[]): T {
  if (value !== undefined && (allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`--format must be one of ${allowed.join(', ')} (got "${value}").`);
}

/** `--audience NAME`: an audience's name as the front matter and the `<!-- audience: … -->` markers write it, or undefined when not given. */
export function audienceOption(value: string | undefined): string | undefined {
  if (value === undefined || isAudienceName(value)) return value;
  throw new UsageError(`--audience must be an audience's name, such as executives, team or partners (got "${value}").`);
}

/** `-o FILE`: undefined when not given; an empty name (`--output=`, `-o ""`) is bad usage, not the folder it runs in. */
export function outputOption(value: string | undefined): string | undefined {
  if (value !== '') return value;
  throw new UsageError('-o needs a file name (got "").');
}
