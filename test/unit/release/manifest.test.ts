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

  it('packages from an allow-list: .vscodeignore leaves out everything it does not name', () => {
    const rules = readFileSync('.vscodeignore', 'utf8').split('\n').filter((line) => line.trim() && !line.startsWith('#'));
    assert.equal(rules[0], '**');
    assert.ok(rules.slice(1).every((rule) => rule.startsWith('!')), 'after **, only exceptions');
  });
});
