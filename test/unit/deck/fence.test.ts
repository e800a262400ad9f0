import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import ts from 'typescript';
import '../../../src/core/lint';
import '../../../src/core/story';
import { CASELESS } from '../../../src/core/deck/fold';
import { fence, regExp } from '../../../src/core/deck/fence';

/** Every match of `re` in `text` (as `matchAll` finds them, `re` made global): where, what, and each group. */
function matches(re: RegExp, text: string): unknown[] {
  const all = new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`);
  return [...text.matchAll(all)].map((m) => ({ index: m.index, groups: [...m], named: m.groups ? { ...m.groups } : undefined }));
}

/** Patterns whose alternatives overlap, are prefixes of one another, capture, refer back, look around and repeat. */
const PATTERNS: (readonly [string, string])[] = [
  ['(?:a|ab|abc)(?:c|bc)?', ''],
  ['(?:abc|ab|a)(?:bc|c)?', ''],
  ['\\bfor (?:the |our |your |each |every )?(?:customers?|custom|users?|us|u)\\b', 'i'],
  ["\\bwhat(?:'|’)?s in it for (?!(?:the |our )?(?:customers?|users?)\\b)", 'i'],
  ['(a|ab)(c|bcd)(d*)', ''],
  ['(?<first>a|ab)(?:x|(?<second>b))\\k<first>', ''],
  ['(a+)+b|(a|b)\\1', ''],
  ['(?<=(?:a|ab))(?:c|bc)', ''],
  ['(?<!(?:x|yx))(?:ab|a)+?', ''],
  ['(?:(?:a|b)(?:c|d)){1,3}?(?:e|)', ''],
  ['[(](?:\\(|\\))(?:[()]|\\\\)', ''],
  ['(?:\\p{L}+|\\d+)(?:\\s(?:\\p{L}+|\\d+))*', 'u'],
  ['^(?:a|b)$|(?:c|d)', 'm'],
  ['(?:ſ|s|\u212a|k)+(?:t|T)', 'iu'],
  ['x(?:)y|(?:)', ''],
];

const ALPHABET = ['a', 'b', 'c', 'd', 'e', 'x', 'y', 'A', 'B', 'k', 's', 'ſ', '\u212a', 't', '(', ')', '\\', ' ', '\n', '1', 'é'];
const WORDS = ['for ', 'the ', 'our ', 'customers', 'custom', 'users', 'us', 'u', "what's in it ", 'what’s in it ', 'FOR '];

describe('fence', () => {
  it('puts an empty lookahead before each group that comes after a choice (a quantifier or a group)', () => {
    assert.equal(fence('\\bfor (?:the |our )?(?:customers?|users?)\\b'), '\\bfor (?:the |our )?(?=)(?:customers?|users?)\\b');
    assert.equal(fence('(a|b)(c)(?<n>d)'), '(a|b)(?=)(c)(?=)(?<n>d)');
    assert.equal(fence('x?((?:a|b))'), 'x?(?=)((?=)(?:a|b))');
    assert.equal(fence('a+(?:b)|(?:c)(?:d)'), 'a+(?=)(?:b)|(?:c)(?=)(?:d)');
  });

  it('leaves lookarounds, escapes, classes and the groups before any choice alone', () => {
    for (const source of ['a(?=b)(?!c)(?<=d)(?<!e)(?:f)', '\\(a\\)[(*](?:x)', 'a[\\](?]b', '(?:x|y)z', '\\p{L}(?:x)', 'abc', 'x((?:a|b))']) {
      assert.equal(fence(source, 'u'), source);
    }
    assert.equal(fence('\\(a\\)?[(](?:x)'), '\\(a\\)?[(](?=)(?:x)');
    assert.equal(fence('a?(?:[[a-z]--[aeiou]]|b)', 'v'), 'a?(?:[[a-z]--[aeiou]]|b)');
  });

  it('fences once: a fenced pattern is fenced already', () => {
    for (const [source, flags] of PATTERNS) assert.equal(fence(fence(source, flags), flags), fence(source, flags));
  });

  it('matches the same texts at the same places with the same groups (chosen patterns, random texts)', () => {
    assert.ok(PATTERNS.filter(([source, flags]) => fence(source, flags) !== source).length >= 12);
    for (const [source, flags] of PATTERNS) {
      const plain = new RegExp(source, flags);
      const fenced = regExp(source, flags);
      fc.assert(
        fc.property(fc.array(fc.constantFrom(...ALPHABET, ...WORDS), { maxLength: 24 }), (parts) => {
          const text = parts.join('');
          assert.deepEqual(matches(fenced, text), matches(plain, text), `${source} on ${JSON.stringify(text)}`);
        }),
        { numRuns: 300 },
      );
    }
  });

  it('reads escapes, classes and group openings as syntax: a group that holds no other, a lookaround with a quantifier in it', () => {
    // A group that holds no other is a choice once closed; a lookaround only when a quantifier is in it (outside its classes).
    assert.equal(fence('(?=a+)(?:b)'), '(?=a+)(?=)(?:b)');
    assert.equal(fence('(?=[a+])(?:b)'), '(?=[a+])(?:b)');
    assert.equal(fence('(?=\\p{L})(?:b)', 'u'), '(?=\\p{L})(?:b)');
    assert.equal(fence('(?<![\\p{L}\\p{N}])(a)(b)', 'u'), '(?<![\\p{L}\\p{N}])(a)(?=)(b)');
    // Parentheses and bars in a class or escaped are characters; a `?` right after `(` opens a group's syntax.
    assert.equal(fence('[(|]x(?:a)\\((?:b)'), '[(|]x(?:a)\\((?=)(?:b)');
    assert.equal(fence('\\(?(?:a)'), '\\(?(?:a)');
    assert.equal(fence('a|(?:b)(?<name>c|d)|(?:e)'), 'a|(?:b)(?=)(?<name>c|d)|(?:e)');
    assert.equal(fence('\\u{1F600}(?:a)', 'u'), '\\u{1F600}(?:a)');
    assert.equal(fence('x{2}(?:a)'), 'x{2}(?=)(?:a)');
  });

  it('matches the same texts at the same places with the same groups (random patterns, random texts)', () => {
    const atom = fc.constantFrom('a', 'b', 'x', ' ', '\\s', '\\b', '\\(', '\\)', '\\|', '[ab]', '[()|?]', '[^a]', '.', '\\p{L}');
    const pattern = fc.letrec<{ alternatives: string; sequence: string; piece: string }>((tie) => ({
      alternatives: fc.array(tie('sequence'), { minLength: 1, maxLength: 3 }).map((parts) => parts.join('|')),
      sequence: fc.array(tie('piece'), { maxLength: 4 }).map((parts) => parts.join('')),
      // Groups repeat a bounded number of times, so that no random pattern backtracks for ever.
      piece: fc.oneof(
        { depthSize: 'small' },
        fc.tuple(atom, fc.constantFrom('', '', '?', '*', '+', '{1,2}', '??', '+?')).map(([piece, quantifier]) => (piece === '\\b' ? piece : piece + quantifier)),
        fc
          .tuple(fc.constantFrom('(', '(?:', '(?=', '(?!', '(?<=', '(?<!'), tie('alternatives'), fc.constantFrom('', '', '?', '{1,2}', '??'))
          .map(([open, inner, quantifier]) => `${open}${inner})${open.startsWith('(?') && open !== '(?:' ? '' : quantifier}`),
      ),
    })).alternatives;
    fc.assert(
      fc.property(pattern, fc.array(fc.constantFrom('a', 'b', 'x', ' ', '(', ')', '|', '?', 'é'), { maxLength: 16 }), (source, parts) => {
        const text = parts.join('');
        for (const flags of ['', 'u']) {
          const fenced = fence(source, flags);
          assert.equal(fence(fenced, flags), fenced, source);
          assert.deepEqual(matches(new RegExp(fenced, flags), text), matches(new RegExp(source, flags), text), `${source} fenced ${fenced} on ${JSON.stringify(text)}`);
        }
      }),
      { numRuns: 2000 },
    );
  });

  /** The non-blank lines of the examples and the rules' fixtures. */
  const fixtureLines = (): string[] =>
    ['examples', 'test/fixtures/rules']
      .flatMap((dir) =>
        readdirSync(dir, { recursive: true })
          .map(String)
          .filter((file) => file.endsWith('.md'))
          .map((file) => readFileSync(join(dir, file), 'utf8')),
      )
      .flatMap((text) => text.split('\n'))
      .filter((line) => line.trim());

  it('matches as the plain pattern on the core’s own regular expression literals (hundreds of real patterns), on the fixtures', () => {
    const literals: [string, string][] = [];
    for (const dir of ['src/core/deck', 'src/core/lint', 'src/core/story']) {
      for (const file of readdirSync(dir, { recursive: true }).map(String)) {
        if (!file.endsWith('.ts')) continue;
        const source = ts.createSourceFile(file, readFileSync(join(dir, file), 'utf8'), ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
        const visit = (node: ts.Node): void => {
          if (node.kind !== ts.SyntaxKind.RegularExpressionLiteral) return void ts.forEachChild(node, visit);
          const text = node.getText(source);
          const slash = text.lastIndexOf('/');
          literals.push([text.slice(1, slash), text.slice(slash + 1)]);
        };
        visit(source);
      }
    }
    const fenced = literals.filter(([body, flags]) => fence(body, flags) !== body);
    assert.ok(literals.length > 400 && fenced.length > 100, `${literals.length} literals, ${fenced.length} fenced`);
    const lines = fixtureLines();
    for (const [body, flags] of fenced) {
      const plain = new RegExp(body, flags);
      const after = new RegExp(fence(body, flags), flags);
      for (const line of lines) assert.deepEqual(matches(after, line), matches(plain, line), `/${body.slice(0, 80)}/ on ${line}`);
    }
  });

  it("matches as the product's patterns do, on the examples and the rules' fixtures", () => {
    const lines = fixtureLines();
    assert.ok(CASELESS.length > 100 && lines.length > 500);
    // The patterns built at run time are fenced already (`regExp`): compared with their sources unfenced.
    for (const re of CASELESS) {
      const flags = re.flags.replace('i', '');
      const plain = new RegExp(re.source.split('(?=)').join(''), flags);
      const fenced = new RegExp(fence(re.source, flags), flags);
      for (const line of lines) assert.deepEqual(matches(fenced, line.toLowerCase()), matches(plain, line.toLowerCase()), `${re.source.slice(0, 80)} on ${line}`);
    }
  });
});
