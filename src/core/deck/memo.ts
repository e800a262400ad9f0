/**
 * Remembers a pure function of a string. An editor re-lints the whole narrative after each pause in typing,
 * and all but one slide are unchanged, so their texts come back; this skips the regular expressions they
 * already went through. Bounded: the cache starts over once it holds `max` texts. Callers must not mutate
 * what it returns.
 */
export function memoByText<T>(fn: (text: string) => T, max = 4096): (text: string) => T {
  const cache = new Map<string, T>();
  return (text) => {
    let value = cache.get(text);
    if (value === undefined && !cache.has(text)) {
      value = fn(text);
      if (cache.size >= max) cache.clear();
      cache.set(text, value);
    }
    return value as T;
  };
}

/** A regular expression's `test`, remembered per text as {@link memoByText} does. The expression keeps no state between calls: no `g` or `y` flag. */
export function memoTest(re: RegExp, max?: number): (text: string) => boolean {
  if (re.global || re.sticky) throw new Error(`memoTest: /${re.source}/${re.flags} keeps its lastIndex between calls`);
  return memoByText((text) => re.test(text), max);
}
