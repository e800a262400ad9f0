import { Composer, CST, Document, isMap, isScalar, LineCounter, Parser, visit, YAMLParseError, type DocumentOptions, type ParseOptions, type SchemaOptions } from 'yaml';

export type YamlOptions = ParseOptions & DocumentOptions & SchemaOptions;

/** Deeper collections than any front matter, config or template header needs; the `yaml` package composes them recursively. */
export const MAX_YAML_DEPTH = 100;

/**
 * YAML as StoryDeck reads it everywhere — front matter, directive comments, config files, template headers: the
 * `yaml` package's `parseDocument`, with three changes.
 * - Collections nested deeper than MAX_YAML_DEPTH are one error, found on the package's syntax tree (built without
 *   recursion) before it is composed: composing 1,000 nested `[` ran out of stack, and depending on where V8 was,
 *   that killed the process ("RegExpCompiler Allocation failed") instead of becoming an error.
 * - The package's check that a map's keys are unique compares each key with every key before it, so 20,000 keys
 *   took seconds and 100,000 minutes; here each map keeps a set of its scalar keys, and a key seen before is the
 *   same `DUPLICATE_KEY` error, at the same place.
 * - Nothing is printed: unlike the package's `parse`, warnings (an unknown tag) stay in `doc.warnings`, never on
 *   stderr, and `toJS` says nothing either (its warning for a key that is a collection quoted that key, raw, on stderr):
 *   the documents' `logLevel` is `error` unless the caller sets one.
 * Errors get `linePos` and " at line L, column C" as `prettyErrors` gives them (without the quoted source after it).
 */
export function parseYaml(source: string, given: YamlOptions = {}): Document.Parsed {
  const options: YamlOptions = { logLevel: 'error', ...given };
  const lineCounter = options.lineCounter ?? new LineCounter();
  const tokens = [...new Parser(lineCounter.addNewLine).parse(source)];
  const deep = tooDeep(tokens);
  let doc: Document.Parsed | undefined;
  if (deep !== undefined) {
    doc = new Document(null, options) as unknown as Document.Parsed;
    doc.errors.push(new YAMLParseError([deep, deep + 1], 'RESOURCE_EXHAUSTION', `Collections nested more than ${MAX_YAML_DEPTH} deep`));
  } else {
    for (const next of new Composer({ ...options, uniqueKeys: false }).compose(tokens, true, source.length)) {
      if (!doc) doc = next;
      else if (options.logLevel !== 'silent') {
        doc.errors.push(new YAMLParseError([next.range[0], next.range[1]], 'MULTIPLE_DOCS', 'Source contains multiple documents; please use YAML.parseAllDocuments()'));
        break;
      }
    }
    doc!.errors.push(...duplicateKeys(doc!));
    doc!.errors.sort((a, b) => a.pos[0] - b.pos[0]);
  }
  if (options.prettyErrors !== false) {
    for (const error of [...doc!.errors, ...doc!.warnings]) {
      if (error.pos[0] < 0) continue;
      const [start, end] = [lineCounter.linePos(error.pos[0]), lineCounter.linePos(error.pos[1])];
      error.linePos = [start, end];
      error.message += ` at line ${start.line}, column ${start.col}`;
    }
  }
  return doc!;
}

/**
 * The offset of the first collection nested deeper than MAX_YAML_DEPTH, or undefined; a walk with a stack of its own, in
 * the order of the text (what is pushed last is taken first, so each token's parts are pushed last to first).
 */
function tooDeep(tokens: readonly CST.Token[]): number | undefined {
  const stack: Array<[CST.Token, number]> = tokens.map((token): [CST.Token, number] => [token, 0]).reverse();
  for (let next = stack.pop(); next; next = stack.pop()) {
    const [token, depth] = next;
    if (token.type === 'document') {
      if (token.value) stack.push([token.value, depth]);
    } else if (token.type === 'block-map' || token.type === 'block-seq' || token.type === 'flow-collection') {
      if (depth >= MAX_YAML_DEPTH) return token.offset;
      const items = token.items as Array<{ key?: CST.Token | null; value?: CST.Token }>;
      for (let i = items.length - 1; i >= 0; i--) {
        if (items[i].value) stack.push([items[i].value!, depth + 1]);
        if (items[i].key) stack.push([items[i].key!, depth + 1]);
      }
    }
  }
  return undefined;
}

/** A DUPLICATE_KEY error for each scalar key its map has had before. */
function duplicateKeys(doc: Document.Parsed): YAMLParseError[] {
  const found: YAMLParseError[] = [];
  visit(doc, {
    Map(_, map) {
      if (!isMap(map)) return;
      const seen = new Set<unknown>();
      for (const { key } of map.items) {
        if (!isScalar(key)) continue;
        if (!seen.has(key.value)) seen.add(key.value);
        else found.push(new YAMLParseError([key.range?.[0] ?? 0, key.range?.[1] ?? 0], 'DUPLICATE_KEY', 'Map keys must be unique'));
      }
    },
  });
  return found;
}
