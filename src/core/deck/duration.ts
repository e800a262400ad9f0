/** How a talk length may be written, for messages and prompts. */
export const DURATION_FORMS = 'minutes, e.g. 15m, 1h 30m, 90s or 12:30';

/**
 * Reads a talk length from front matter `duration`: a number of minutes (`15`), or a string such as
 * `15m`, `15 min`, `1h 30m`, `90s`, `12:30` (minutes:seconds). Returns seconds, or undefined when the
 * value cannot be read.
 */
export function parseDuration(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && value > 0 ? Math.round(value * 60) : undefined;
  if (typeof value !== 'string') return undefined;
  const text = value.trim().toLowerCase();
  const clock = /^(\d{1,3}):([0-5]\d)$/.exec(text);
  if (clock) return Number(clock[1]) * 60 + Number(clock[2]);
  if (/^\d+(\.\d+)?$/.test(text)) return parseDuration(Number(text));
  // A number starts after neither a digit nor a dot: tried from inside a long run of digits, the pattern would read the
  // rest of the run again from every digit. (Such a match leaves a digit unread, so the value is refused either way.)
  const unit = /(?<![\d.])(\d+(?:\.\d+)?)\s*(h|hours?|hrs?|m|mins?|minutes?|s|secs?|seconds?)\b/g;
  let total = 0;
  let matched = '';
  for (let m = unit.exec(text); m; m = unit.exec(text)) {
    const n = Number(m[1]);
    total += m[2].startsWith('h') ? n * 3600 : m[2].startsWith('m') ? n * 60 : n;
    matched += m[0];
  }
  if (!matched || text.replace(unit, '').trim() !== '') return undefined;
  return total > 0 ? Math.round(total) : undefined;
}
