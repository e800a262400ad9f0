import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUILTIN_RULES, fixText, lintText } from '../../../src/core/lint';

/**
 * Every built-in rule has a docs page whose failing and passing examples behave as they say, and
 * fixtures in test/fixtures/rules/<id>/:
 * `fires-*.md` must produce at least one finding of the rule, `quiet-*.md` none.
 * A fixture may pin expected lines with a first-line comment `<!-- expect-lines: 3, 9 -->`.
 * Fixes are applied and the result re-linted: a fixed finding must not come back.
 */
const root = 'test/fixtures/rules';

describe('built-in rules against their fixtures', () => {
  for (const rule of BUILTIN_RULES) {
    describe(rule.id, () => {
      const dir = join(root, rule.id);
      const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.md')).sort() : [];

      it('has fixtures that fire and fixtures that stay quiet, and a docs page', () => {
        assert.ok(files.some((f) => f.startsWith('fires-')), `no fires-*.md in ${dir}`);
        assert.ok(files.some((f) => f.startsWith('quiet-')), `no quiet-*.md in ${dir}`);
        assert.equal(rule.docs, `docs/rules/${rule.id}.md`);
        assert.ok(existsSync(rule.docs), `missing ${rule.docs}`);
      });

      it('its docs page has a failing example that fires and a passing example that stays quiet', () => {
        const page = readFileSync(rule.docs, 'utf8');
        const example = (heading: string) => {
          const section = page.split(`## ${heading}\n`)[1] ?? '';
          const m = /^(`{3,})markdown\n([\s\S]*?)\n\1$/m.exec(section);
          assert.ok(m, `${rule.docs} has a ${heading.toLowerCase()} in a markdown code block`);
          return m[2];
        };
        const own = (t: string) => lintText(t).findings.filter((f) => f.ruleId === rule.id);
        assert.ok(own(example('Failing example')).length > 0, 'failing example fires');
        assert.deepEqual(own(example('Passing example')).map((f) => f.message), []);
      });

      for (const file of files) {
        const text = readFileSync(join(dir, file), 'utf8');
        const own = (t: string) => lintText(t, {}, { file }).findings.filter((f) => f.ruleId === rule.id);
        if (file.startsWith('fires-')) {
          it(`fires on ${file}`, () => {
            const findings = own(text);
            assert.ok(findings.length > 0, `${rule.id} stayed quiet on ${file}`);
            const pinned = /^<!-- expect-lines: ([\d,\s]+) -->/.exec(text);
            if (pinned) assert.deepEqual(findings.map((f) => f.line), pinned[1].split(',').map((n) => Number(n.trim())));
            for (const f of findings) assert.ok(f.message.length > 20, 'a message a product manager understands');
            if (findings.some((f) => f.fix)) {
              const fixed = fixText(text);
              assert.notEqual(fixed.text, text, 'the fix changed the text');
              assert.ok(own(fixed.text).filter((f) => f.fix).length < findings.filter((f) => f.fix).length, 'fixed findings are gone after re-lint');
            }
          });
        } else if (file.startsWith('quiet-')) {
          it(`stays quiet on ${file}`, () => {
            assert.deepEqual(own(text).map((f) => `${f.line}: ${f.message}`), []);
          });
        }
      }
    });
  }
});
