import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { MAX_YAML_DEPTH, parseYaml } from '../../../src/core/deck/yaml';
import { lintText, loadConfigFile } from '../../../src/core/lint';
import { nested, READERS } from './yamlReaders';

describe('YAML nested deep', () => {
  it(`is one error past ${MAX_YAML_DEPTH} levels, found before the document is composed, with its line`, () => {
    const ok = parseYaml(`a: ${nested(MAX_YAML_DEPTH - 1)}\n`);
    assert.deepEqual(ok.errors, []);
    const deep = parseYaml(`a: 1\nb:\n  c: ${nested(50_000)}\n`);
    assert.deepEqual(
      deep.errors.map((e) => [e.code, e.message, e.linePos?.[0]]),
      [['RESOURCE_EXHAUSTION', `Collections nested more than ${MAX_YAML_DEPTH} deep at line 3, column ${6 + MAX_YAML_DEPTH - 2}`, { line: 3, col: 6 + MAX_YAML_DEPTH - 2 }]],
    );
  });

  it('points at the first place that nests too deep, where there are several', () => {
    for (const text of [`a: ${nested(200)}\nb: ${nested(200)}\n`, `- ${nested(200)}\n- ${nested(200)}\n`, `x: 1\n? ${nested(200)}\n: ${nested(200)}\n`]) {
      assert.deepEqual(
        parseYaml(text).errors.map((e) => e.linePos?.[0].line),
        [text.startsWith('x') ? 2 : 1],
        text.slice(0, 20),
      );
    }
  });

  for (const [where, read] of READERS) {
    it(`in ${where}: one problem that says so`, () => assert.match(JSON.stringify(read(50_000)), where === 'a directive comment' ? /^\["note"\]$/ : /nested more than 100 deep/));
  }

  it('never kills the process, whatever the readers met before (the stack ran out where V8 cannot recover)', function () {
    this.timeout(120_000);
    // The readers one after another, in a process of their own: on the old code it died with "RegExpCompiler Allocation failed".
    const script = `require(${JSON.stringify(resolve(__dirname, 'yamlReaders.ts'))}).runAll();`;
    const child = spawnSync(process.execPath, ['--require', 'tsx/cjs', '-e', script], { encoding: 'utf8' });
    assert.equal(child.status, 0, child.stderr.split('\n').find((line) => /FATAL|Error/.test(line)) ?? child.stderr.slice(0, 300));
    assert.equal(child.stdout.trim(), READERS.map(([where]) => `read ${where}`).join('\n'));
  });
});

describe('YAML read from a narrative or a config', () => {
  it('prints nothing for a key that is a collection: the warning quoted the key, terminal controls and all, on stderr', () => {
    const key = '? [ "\u202e evil \u009b2J" ]\n: 1\n';
    const emitted: unknown[] = [];
    const emit = process.emitWarning;
    process.emitWarning = ((warning: unknown) => void emitted.push(warning)) as typeof process.emitWarning;
    try {
      lintText(`---\n${key}---\n# Talk\n\nText.\n`);
      lintText(`# Talk\n\n<!--\npaginate: true\n${key}-->\n\nText.\n`);
      loadConfigFile('/c/.storydeck.yaml', { readFile: (p) => (p === '/c/.storydeck.yaml' ? key : undefined), dirname: () => '/', resolve: (d, r) => `${d}/${r}` });
      parseYaml(key).toJS();
    } finally {
      process.emitWarning = emit;
    }
    assert.deepEqual(emitted, []);
  });
});
