import { isMap, isScalar, LineCounter, parseDocument, visit, YAMLParseError, type Document, type DocumentOptions, type ParseOptions, type SchemaOptions } from 'yaml';

export type YamlOptions = ParseOptions & DocumentOptions & SchemaOptions;

/**
 * YAML as StoryDeck reads it everywhere — front matter, directive comments, config files, template headers: the
 * `yaml` package's `parseDocument`, with its check that a map's keys are unique done here in one pass. The package
 * compares each key with every key before it, so a front matter or a config file of 20,000 keys took seconds and
 * one of 100,000 minutes; here each map keeps a set of its scalar keys, and a key seen before is the same
 * `DUPLICATE_KEY` error, at the same place (`linePos` filled in as `prettyErrors` would). Nothing is printed:
 * unlike the package's `parse`, warnings (an unknown tag) stay in `doc.warnings`, never on stderr.
 */
export function parseYaml(source: string, options: YamlOptions = {}): Document.Parsed {
  const lineCounter = options.lineCounter ?? new LineCounter();
  const doc = parseDocument(source, { ...options, lineCounter, uniqueKeys: false });
  const duplicates: YAMLParseError[] = [];
  visit(doc, {
    Map(_, map) {
      if (!isMap(map)) return;
      const seen = new Set<unknown>();
      for (const { key } of map.items) {
        if (!isScalar(key)) continue;
        if (!seen.has(key.value)) {
          seen.add(key.value);
          continue;
        }
        const [start, end] = key.range ?? [0, 0];
        const error = new YAMLParseError([start, end], 'DUPLICATE_KEY', 'Map keys must be unique');
        if (options.prettyErrors !== false) {
          error.linePos = [lineCounter.linePos(start), lineCounter.linePos(end)];
          error.message += ` at line ${error.linePos[0].line}, column ${error.linePos[0].col}`;
        }
        duplicates.push(error);
      }
    },
  });
  if (duplicates.length > 0) doc.errors = [...doc.errors, ...duplicates].sort((a, b) => a.pos[0] - b.pos[0]);
  return doc;
}
