/** What the cache keeps for a result that is undefined. */
const NONE: unique symbol = Symbol('undefined');

/**
 * A bounded cache of what was made for a key: `remember(key, make)` calls `make(key)` only for a key it does not hold.
 * It starts over once it holds `max` keys. Callers must not mutate what it returns.
 */
export function keyedCache<T>(max = 4096): (key: string, make: (key: string) => T) => T {
  // An undefined result is kept as NONE, so that one look-up answers: a first lint asks about thousands of texts once each.
  const cache = new Map<string, T | typeof NONE>();
  return (key, make) => {
    const kept = cache.get(key);
    if (kept === NONE) return undefined as T;
    if (kept !== undefined) return kept;
    const value = make(key);
    if (cache.size >= max) cache.clear();
    cache.set(key, value === undefined ? NONE : value);
    return value;
  };
}

/**
 * Remembers a pure function of a string. An editor re-lints the whole narrative after each pause in typing,
 * and all but one slide are unchanged, so their texts come back; this skips the regular expressions they
 * already went through. Bounded: the cache starts over once it holds `max` texts. Callers must not mutate
 * what it returns.
 */
export function memoByText<T>(fn: (text: string) => T, max = 4096): (text: string) => T {
  const remember = keyedCache<T>(max);
  // `fn` itself, not a closure made per call: a first lint asks tens of thousands of times.
  return (text) => remember(text, fn);
}

/** A regular expression's `test`, remembered per text as {@link memoByText} does. The expression keeps no state between calls: no `g` or `y` flag. */
export function memoTest(re: RegExp, max?: number): (text: string) => boolean {
  if (re.global || re.sticky) throw new Error(`memoTest: /${re.source}/${re.flags} keeps its lastIndex between calls`);
  return memoByText((text) => re.test(text), max);
}
