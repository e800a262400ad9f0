import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDeck } from '../../../src/core/deck';
import { BUILTIN_RULES, fixText, lintText, type Finding, type LintOptions, type MeasuredLayout } from '../../../src/core/lint';

/**
 * Every built-in rule runs on every fixture in test/fixtures/rules/<id>/, and each fixture says which findings it
 * expects where: `<!-- storydeck-expect rule-id, other-id -->` on the line where each of those rules reports (a finding
 * of that rule starts on that line), with an optional reason after ` -- `. In front matter the marker follows a YAML
 * `#`. A finding no marker expects fails, and so does a marker no finding meets. Each folder's
 * findings.snapshot.json holds every finding's message, range and fix; `UPDATE_SNAPSHOTS=1` rewrites it.
 * `fires-*.md` fixtures expect their folder's rule, `quiet-*.md` ones do not. Fixes are applied and the result
 * re-linted: a fixed finding must not come back. Each rule's docs page has a failing and a passing example that
 * behave as they say. A rule that reads the measured layout (`slide-overflow`) gets it from `<fixture>.layout.json` next to
 * the fixture, and on its docs page from a `json` code block after the example.
 */
const ROOT = 'test/fixtures/rules';
const SNAPSHOT = 'findings.snapshot.json';
const UPDATE = process.env.UPDATE_SNAPSHOTS === '1';
const MARKER = /<!--\s*storydeck-expect\s+(.*?)\s*-->/g;
/** A marker with what comes before it on its line: a space, and the `#` of a YAML comment in front matter. */
const MARKER_IN_LINE = /[ \t]*(?:#[ \t]*)?<!--\s*storydeck-expect\b.*?-->/g;

interface Expected {
  line: number;
  ruleId: string;
}

type Snapshot = Record<string, Omit<Finding, 'file' | 'missingBeat' | 'expectedBeat' | 'guessedKind'>[]>;

function markers(text: string): Expected[] {
  return text.split(/\r\n|\r|\n/).flatMap((line, i) =>
    [...line.matchAll(MARKER)].flatMap((m) =>
      m[1]
        .split(' -- ')[0]
        .split(/[\s,]+/)
        .filter(Boolean)
        .map((ruleId) => ({ line: i + 1, ruleId })),
    ),
  );
}

const at = (f: Expected) => `line ${f.line}: ${f.ruleId}`;

function snapshotOf(findings: readonly Finding[]): Snapshot[string] {
  return findings.map(({ ruleId, severity, line, column, endLine, endColumn, message, fix, suggestion }) => ({
    ruleId,
    severity,
    line,
    column,
    endLine,
    endColumn,
    message,
    ...(fix ? { fix } : {}),
    ...(suggestion ? { suggestion } : {}),
  }));
}

/** What a browser measured for a fixture, from `<name>.layout.json` beside it: the slides' layout lint cannot see itself. */
function layoutOf(path: string): Pick<LintOptions, 'layout'> {
  const file = path.replace(/\.md$/, '.layout.json');
  return existsSync(file) ? { layout: JSON.parse(readFileSync(file, 'utf8')) as MeasuredLayout } : {};
}

const fixturesOf = (dir: string) =>
  existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.md'))
        .sort()
    : [];

describe('built-in rules against their fixtures', () => {
  for (const rule of BUILTIN_RULES) {
    describe(rule.id, () => {
      const dir = join(ROOT, rule.id);
      const files = fixturesOf(dir);
      const texts = new Map(files.map((file) => [file, readFileSync(join(dir, file), 'utf8')]));
      const snapshotFile = join(dir, SNAPSHOT);
      const recorded: Snapshot = existsSync(snapshotFile) ? JSON.parse(readFileSync(snapshotFile, 'utf8')) : {};
      const actual: Snapshot = {};

      after(() => {
        if (UPDATE && Object.keys(actual).length === files.length) writeFileSync(snapshotFile, `${JSON.stringify(actual, null, 2)}\n`);
      });

      it('has fixtures that fire and fixtures that stay quiet, named for what they expect of it', () => {
        const expectsRule = (file: string) => markers(texts.get(file)!).some((m) => m.ruleId === rule.id);
        assert.ok(files.some(expectsRule), `no fixture in ${dir} expects ${rule.id}`);
        assert.ok(
          files.some((file) => !expectsRule(file)),
          `every fixture in ${dir} expects ${rule.id}`,
        );
        for (const file of files) assert.equal(file.startsWith('fires-'), expectsRule(file), `${file}: fires-*.md expects ${rule.id}, quiet-*.md does not`);
        assert.deepEqual(
          files.filter((file) => !/^(fires|quiet)-/.test(file)),
          [],
          'fixtures are named fires-*.md or quiet-*.md',
        );
      });

      it(`has ${SNAPSHOT} for exactly its fixtures`, function () {
        if (UPDATE) this.skip();
        assert.deepEqual(Object.keys(recorded).sort(), files, `run with UPDATE_SNAPSHOTS=1 to write ${snapshotFile}`);
      });

      it('its docs page has a failing example that fires and a passing example that stays quiet', () => {
        const page = readFileSync(rule.docs, 'utf8');
        const example = (heading: string) => {
          const section = page.split(`## ${heading}\n`)[1] ?? '';
          const m = /^(`{3,})markdown\n([\s\S]*?)\n\1$/m.exec(section);
          assert.ok(m, `${rule.docs} has a ${heading.toLowerCase()} in a markdown code block`);
          // The layout a browser measured for the example, when the page shows one: a json block before the next heading.
          const layout = /^```json\n([\s\S]*?)\n```$/m.exec(section.slice(m.index + m[0].length).split('\n## ')[0]);
          return { text: m[2], options: layout ? { layout: JSON.parse(layout[1]) as MeasuredLayout } : {} };
        };
        const own = ({ text, options }: { text: string; options: LintOptions }) => lintText(text, {}, options).findings.filter((f) => f.ruleId === rule.id);
        assert.ok(own(example('Failing example')).length > 0, 'failing example fires');
        assert.deepEqual(
          own(example('Passing example')).map((f) => f.message),
          [],
        );
      });

      for (const file of files) {
        it(`${file}: every rule reports exactly where the markers expect, as in the snapshot`, () => {
          const text = texts.get(file)!;
          const { findings } = lintText(text, {}, { file, ...layoutOf(join(dir, file)) });
          const expected = markers(text);
          const expectedAt = new Set(expected.map(at));
          const foundAt = new Set(findings.map(at));
          assert.deepEqual(
            findings.filter((f) => !expectedAt.has(at(f))).map((f) => `${at(f)}: ${f.message}`),
            [],
            'findings no marker expects',
          );
          assert.deepEqual(expected.filter((m) => !foundAt.has(at(m))).map(at), [], 'markers no finding meets');
          for (const f of findings) assert.ok(f.message.length > 20, `${at(f)}: a message a product manager understands`);
          actual[file] = snapshotOf(findings);
          if (!UPDATE) assert.deepEqual(actual[file], recorded[file], `${file} differs from ${snapshotFile}; if the change is right, run with UPDATE_SNAPSHOTS=1`);
        });

        const fixable = lintText(texts.get(file)!, {}, { file }).findings.filter((f) => f.fix);
        if (fixable.length > 0) {
          it(`${file}: fixes apply, and what they fixed is gone after re-lint`, () => {
            const text = texts.get(file)!;
            const fixed = fixText(text, {}, { file });
            assert.notEqual(fixed.text, text, 'the fixes changed the text');
            const again = lintText(fixed.text, {}, { file }).findings;
            assert.deepEqual(
              again.filter((f) => fixable.some((x) => x.ruleId === f.ruleId && x.message === f.message)).map((f) => `${at(f)}: ${f.message}`),
              [],
            );
          });
        }
      }
    });
  }
});

describe('storydeck-expect markers', () => {
  const fixtures = readdirSync(ROOT).flatMap((id) => fixturesOf(join(ROOT, id)).map((file) => join(ROOT, id, file)));

  it('are lint comments: every fixture has the same slides, notes, words, talk time and findings without them', () => {
    const reading = (text: string) => ({
      slides: parseDeck(text).slides.map(({ title, notes, beats, empty, words, noteWords, estimatedSeconds }) => ({ title, notes, beats, empty, words, noteWords, estimatedSeconds })),
      findings: lintText(text).findings.map((f) => `${at(f)}: ${f.message}`),
    });
    for (const path of fixtures) {
      const text = readFileSync(path, 'utf8');
      const without = text.replace(MARKER_IN_LINE, '');
      assert.notEqual(without, text, `${path} has markers`);
      assert.deepEqual(reading(text), reading(without), path);
    }
  });

  it('are read only when they start the comment: a speaker note that says "expect…" stays a note', () => {
    const deck = parseDeck('# Why\n\nWe believe in it. <!-- storydeck-expect jargon -->\n\n<!-- Expect questions on budget: storydeck-expect them -->\n');
    assert.deepEqual(deck.slides[0].notes, ['Expect questions on budget: storydeck-expect them']);
    assert.deepEqual(markers(deck.text), [{ line: 3, ruleId: 'jargon' }]);
  });
});
