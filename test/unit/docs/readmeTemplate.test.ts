import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseDeck } from '../../../src/core/deck';

/** The README's team-template example, copied into a workspace as written, is picked up and renders a draft. */
describe("README's team template example", () => {
  it('appears beside the built-in templates and writes a why-before-what draft', () => {
    const template = /```hbs\n([\s\S]*?)```/.exec(readFileSync('README.md', 'utf8'))?.[1];
    assert.ok(template, 'the README has a ```hbs example');
    const dir = mkdtempSync(join(tmpdir(), 'storydeck-readme-template-'));
    mkdirSync(join(dir, '.storydeck/templates'), { recursive: true });
    writeFileSync(join(dir, '.storydeck/templates/team-offsite.hbs'), template);
    const cli = (...args: string[]) => spawnSync(process.execPath, [resolve('dist/cli.js'), ...args], { cwd: dir, encoding: 'utf8' });

    assert.match(cli('templates').stdout, /^team-offsite +Team offsite kickoff \(workspace\)/m);
    const result = cli('new', '--template', 'team-offsite', '--set', 'title=Two days that matter');
    assert.equal(result.status, 0, result.stderr);
    const deck = parseDeck(result.stdout);
    assert.deepEqual(deck.problems, []);
    assert.equal(deck.title, 'Two days that matter');
    assert.deepEqual(
      deck.slides.map((s) => s.beats),
      [[], ['why'], ['pain'], ['ask']],
    );
    assert.equal(deck.slides[3].title, 'What we need from you this week');
  });
});
