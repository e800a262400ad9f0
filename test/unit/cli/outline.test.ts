import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../../src/cli/main';

async function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { out: (t) => (stdout += t + '\n'), err: (t) => (stderr += t + '\n'), cwd: process.cwd() });
  return { code, stdout, stderr };
}

describe('storydeck outline', () => {
  it('prints the JSON outline contract', async () => {
    const { code, stdout } = await run('outline', 'examples/town-hall.md', '--format', 'json');
    assert.equal(code, 0);
    const outline = JSON.parse(stdout);
    assert.deepEqual(Object.keys(outline), ['title', 'kind', 'missing', 'evidence', 'uncertain', 'frontMatter', 'estimatedSeconds', 'slides', 'audience', 'stakeholders']);
    assert.equal(outline.audience, 'All-hands town hall, product and engineering', 'free words for the room, no profile');
    assert.deepEqual(outline.stakeholders, []);
    assert.deepEqual(outline.kind, { id: 'town-hall', source: 'inferred', evidence: '“Town hall · Care Coordination team” under the title' });
    assert.deepEqual(outline.missing, []);
    assert.deepEqual(outline.uncertain, {}, 'no beat in doubt');
    assert.deepEqual(outline.evidence.pain, { slide: 3, line: outline.evidence.pain.line, words: outline.evidence.pain.words });
    assert.match(outline.evidence.pain.words, /copies vitals/);
    assert.deepEqual(Object.keys(outline.slides[0]), ['index', 'line', 'endLine', 'title', 'beats', 'notes', 'words', 'estimatedSeconds']);
    assert.equal(outline.slides[0].index, 1);
    assert.equal(
      outline.estimatedSeconds,
      outline.slides.reduce((s: number, x: { estimatedSeconds: number }) => s + x.estimatedSeconds, 0),
    );
  });

  it('--audience outlines the cut for that audience: its slides and its talk time', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'storydeck-outline-'));
    try {
      const file = join(dir, 'talk.md');
      writeFileSync(file, '---\naudience: team\n---\n\n# Why\n\nWe believe in it.\n\n---\n\n## Budget\n<!-- audience: executives -->\n\nTwo engineers.\n');
      const all = JSON.parse((await run('outline', file, '--format', 'json')).stdout);
      const team = JSON.parse((await run('outline', file, '--format', 'json', '--audience', 'team')).stdout);
      assert.deepEqual(
        all.slides.map((s: { title: string }) => s.title),
        ['Why', 'Budget'],
      );
      assert.deepEqual(
        team.slides.map((s: { title: string }) => s.title),
        ['Why'],
      );
      assert.ok(team.estimatedSeconds < all.estimatedSeconds);
      assert.equal(team.audience, 'team');
      assert.equal((await run('outline', file, '--audience', '')).code, 2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('prints a readable text outline', async () => {
    const { code, stdout } = await run('outline', 'examples/town-hall.md');
    assert.equal(code, 0);
    assert.match(stdout, /10 slides/);
    assert.match(stdout, /Meet Maria\s+\(pain\)/);
    assert.match(stdout, /^Read as: town-hall \(read from “Town hall · Care Coordination team” under the title; set `kind:` to change\)$/m);
    assert.match(stdout, /^Every beat a town-hall needs is there\.$/m);
  });

  it('reads the kind a .storydeck.yaml sets, as lint does', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sd-outline-'));
    try {
      writeFileSync(join(dir, '.storydeck.yaml'), 'kind: update\n');
      writeFileSync(join(dir, 'depot.md'), '# Depot checks\n\nOn-time delivery rose from 81% to 93%; the target was 90% by the end of Q3.\n');
      const { code, stdout } = await run('outline', join(dir, 'depot.md'), '--format', 'json');
      assert.equal(code, 0);
      const json = JSON.parse(stdout);
      assert.deepEqual(json.kind, { id: 'update', source: 'config' });
      const lint = JSON.parse((await run('lint', join(dir, 'depot.md'), '--format', 'json')).stdout);
      assert.deepEqual(json.missing, [], 'an update with a target misses nothing');
      assert.deepEqual(
        lint.filter((f: { ruleId: string }) => ['customer-pain', 'call-to-action'].includes(f.ruleId)),
        [],
        'and lint, reading the same kind, reports no missing pain or ask',
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('shows the beats lint judges by: a pain customer-pain does not accept is not on the outline, and is listed missing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sd-outline-'));
    try {
      const text = '# Claims\n\n## The problem\n\nCustomers are frustrated with the current experience.\n\n## What we are building\n\nA new claims portal.\n';
      writeFileSync(join(dir, 'claims.md'), text);
      const { stdout } = await run('outline', join(dir, 'claims.md'), '--format', 'json');
      const json = JSON.parse(stdout);
      // It says why the work matters (the problem it answers), but no customer is shown struggling.
      assert.deepEqual(json.slides[1].beats, ['why'], 'a "problem" heading over a vague complaint plays no pain');
      assert.ok(json.missing.includes('pain'));
      const lint = await run('lint', join(dir, 'claims.md'), '--format', 'json');
      const missing = JSON.parse(lint.stdout).filter((f: { ruleId: string }) => f.ruleId === 'customer-pain');
      assert.equal(missing.length, 1, 'and lint reports it missing');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('says which kind it read from the title or headings, and why', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sd-outline-'));
    try {
      writeFileSync(join(dir, 'rfc.md'), '# Typecheck cache\n\n## Motivation\n\nBuilds are slow.\n\n## Alternatives considered\n\nNone.\n');
      const { code, stdout } = await run('outline', join(dir, 'rfc.md'));
      assert.equal(code, 0);
      assert.match(stdout, /^Read as: proposal \(read from the headings “Motivation”, “Alternatives considered”; set `kind:` to change\)$/m);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('exits 2 with one clear line for a file that is no narrative (binary), not an outline of nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'storydeck-outline-'));
    try {
      const file = join(dir, 'picture.md');
      writeFileSync(file, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]));
      const { code, stdout, stderr } = await run('outline', file);
      assert.equal(code, 2);
      assert.equal(stdout, '');
      assert.match(stderr, /^storydeck outline: nothing to outline: This file contains NUL bytes/);
      assert.equal(stderr.trim().split('\n').length, 1, stderr);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('exits 2 with one clear line for a missing file, bad format or unknown option', async () => {
    for (const argv of [['outline', 'nope.md'], ['outline', 'examples/town-hall.md', '--format', 'xml'], ['outline', 'examples/town-hall.md', '--bogus'], ['outline'], ['frobnicate']]) {
      const { code, stderr } = await run(...argv);
      assert.equal(code, 2, argv.join(' '));
      assert.equal(stderr.trim().split('\n').length, 1, `one line for ${argv.join(' ')}: ${stderr}`);
      assert.doesNotMatch(stderr, /\n\s+at /, 'no stack trace');
    }
  });

  it('runs as the built bin with a shebang', function () {
    const result = spawnSync(process.execPath, ['dist/cli.js', 'outline', 'examples/town-hall.md', '--format', 'json'], { encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
    assert.equal(JSON.parse(result.stdout).slides.length, 10);
  });
});
