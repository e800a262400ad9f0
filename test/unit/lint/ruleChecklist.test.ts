import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUILTIN_RULES } from '../../../src/core/lint';

/**
 * Every place a built-in rule must appear, checked against BUILTIN_RULES (src/core/lint/rules/index.ts), so that a
 * new rule cannot be half added and a removed one leaves nothing behind: its docs page, with the severity, tags and
 * fix the code has; its fixtures folder; its entry in the JSON schema; its row in the README's rule table.
 * CONTRIBUTING.md walks through adding a rule. The corpus test and ruleFixtures.test.ts take their rule lists from
 * BUILTIN_RULES themselves.
 */
const ids = BUILTIN_RULES.map((rule) => rule.id);
const FIXTURES = 'test/fixtures/rules';
const schema = JSON.parse(readFileSync('schemas/storydeck.schema.json', 'utf8'));
const readme = readFileSync('README.md', 'utf8');

/** The README's "Lint rules" table: rule id, docs link and default severity per row. */
function readmeRows(): { id: string; link: string; severity: string }[] {
  const section = readme.split('\n## Lint rules\n')[1]?.split('\n## ')[0] ?? '';
  return [...section.matchAll(/^\| \[`([^`]+)`\]\(([^)]+)\) \| .+ \| (\w+) \|$/gm)].map((m) => ({ id: m[1], link: m[2], severity: m[3] }));
}

/** Rules with at least one fixed finding in a fixture snapshot. */
function rulesWithFixes(): Set<string> {
  const fixed = new Set<string>();
  for (const dir of readdirSync(FIXTURES)) {
    const file = join(FIXTURES, dir, 'findings.snapshot.json');
    if (!existsSync(file)) continue;
    const snapshot = JSON.parse(readFileSync(file, 'utf8')) as Record<string, { ruleId: string; fix?: unknown }[]>;
    for (const finding of Object.values(snapshot).flat()) if (finding.fix) fixed.add(finding.ruleId);
  }
  return fixed;
}

describe('every built-in rule is everywhere a rule must be', () => {
  it('has unique ids in kebab case', () => {
    assert.equal(new Set(ids).size, ids.length);
    for (const id of ids) assert.match(id, /^[a-z]+(-[a-z]+)*$/);
  });

  it('has a docs page docs/rules/<id>.md whose header says what the code does, and no page is left without a rule', () => {
    const fixed = rulesWithFixes();
    for (const rule of BUILTIN_RULES) {
      assert.equal(rule.docs, `docs/rules/${rule.id}.md`);
      assert.ok(existsSync(rule.docs), `missing ${rule.docs}`);
      const [title, , header] = readFileSync(rule.docs, 'utf8').split('\n');
      assert.equal(title, `# ${rule.id}`, `${rule.docs}: first line`);
      assert.match(header, new RegExp(`^\\*\\*Default severity:\\*\\* ${rule.defaultSeverity}\\b`), `${rule.docs}: default severity`);
      assert.match(header, new RegExp(` · \\*\\*Tags:\\*\\* ${rule.tags.join(', ')} · `), `${rule.docs}: tags`);
      assert.match(header, new RegExp(` · \\*\\*Fix:\\*\\* ${fixed.has(rule.id) ? 'yes' : 'no'}\\b`), `${rule.docs}: fix (a fix shows in a fixture snapshot)`);
    }
    assert.deepEqual(
      readdirSync('docs/rules')
        .map((f) => f.replace(/\.md$/, ''))
        .filter((id) => !ids.includes(id)),
      [],
      'docs/rules pages without a rule',
    );
  });

  it(`has a fixtures folder ${FIXTURES}/<id>/, and no folder is left without a rule`, () => {
    for (const id of ids) assert.ok(existsSync(join(FIXTURES, id)), `missing ${FIXTURES}/${id}/`);
    assert.deepEqual(
      readdirSync(FIXTURES).filter((dir) => !ids.includes(dir)),
      [],
      `folders in ${FIXTURES} without a rule`,
    );
  });

  it('has a rule setting in schemas/storydeck.schema.json, and the schema names no other rule', () => {
    const properties = schema.properties.rules.properties as Record<string, unknown>;
    assert.deepEqual(Object.keys(properties).sort(), [...ids].sort());
  });

  it("has a row in the README's rule table linking its docs page with its default severity, in BUILTIN_RULES order", () => {
    assert.deepEqual(
      readmeRows(),
      BUILTIN_RULES.map((rule) => ({ id: rule.id, link: rule.docs, severity: rule.defaultSeverity })),
    );
  });
});
