import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';

/** What a release needs from the manifest and the changelog, checked without packaging (test/release does that). */
describe('release manifest', () => {
  const manifest = JSON.parse(readFileSync('package.json', 'utf8'));
  const changelog = readFileSync('CHANGELOG.md', 'utf8');

  it('has the version of the newest release in CHANGELOG.md, dated, under an [Unreleased] section', () => {
    const releases = [...changelog.matchAll(/^## \[(\d+\.\d+\.\d+)\] - (\d{4}-\d{2}-\d{2})$/gm)].map((m) => m[1]);
    assert.ok(releases.length > 0, 'CHANGELOG.md has no dated release');
    assert.equal(releases[0], manifest.version, 'package.json and the newest CHANGELOG release disagree');
    assert.ok(changelog.indexOf('## [Unreleased]') < changelog.indexOf(`## [${manifest.version}]`), '[Unreleased] comes first');
  });

  it('has what the Marketplace shows: icon, categories, keywords, repository, license', () => {
    const png = readFileSync(manifest.icon);
    assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
    assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [128, 128], 'a 128×128 icon');
    assert.ok(manifest.categories.includes('Linters'));
    assert.ok(manifest.keywords.length >= 5);
    assert.match(manifest.repository.url, /^https:\/\//);
    assert.equal(manifest.license, 'MIT');
    assert.ok(existsSync('LICENSE'));
  });

  /** Settings a workspace must not set, and why: user (machine) settings. Every other setting is resource-scoped. */
  const MACHINE: Record<string, string> = {
    'storydeck.export.browserPath': 'it names a program StoryDeck runs',
    'storydeck.export.allowLocalFiles': "it lets a narrative's pictures read any file on the computer into an export",
  };

  it('scopes every setting to the resource, but those a workspace must not set, which only the user sets (machine)', () => {
    const properties: Record<string, { scope?: string }> = manifest.contributes.configuration.properties;
    for (const [key, property] of Object.entries(properties)) {
      assert.equal(property.scope, key in MACHINE ? 'machine' : 'resource', `${key} scope${key in MACHINE ? `: ${MACHINE[key]}` : ''}`);
    }
    for (const key of Object.keys(MACHINE)) assert.ok(key in properties, `${key} is not contributed`);
  });

  it('packages from an allow-list: .vscodeignore leaves out everything it does not name', () => {
    const rules = readFileSync('.vscodeignore', 'utf8')
      .split('\n')
      .filter((line) => line.trim() && !line.startsWith('#'));
    assert.equal(rules[0], '**');
    assert.ok(
      rules.slice(1).every((rule) => rule.startsWith('!')),
      'after **, only exceptions',
    );
  });
});
