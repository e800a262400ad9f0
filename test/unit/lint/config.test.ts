import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import Ajv from 'ajv';
import { loadConfigFile, loadNearestConfig, lintText, mergeConfig, validateConfig, type ConfigHost } from '../../../src/core/lint';

const host: ConfigHost = {
  readFile: (p) => {
    try {
      return readFileSync(p, 'utf8');
    } catch {
      return undefined;
    }
  },
  dirname,
  resolve,
};

const schema = JSON.parse(readFileSync('schemas/storydeck.schema.json', 'utf8'));
const validateSchema = new Ajv({ allErrors: true, strict: false }).compile(schema);

describe('configuration', () => {
  const samples: [string, unknown, boolean][] = [
    ['empty', {}, true],
    ['rule settings of every shape', { rules: { jargon: false, 'talk-time': 'error', 'slide-density': { maxWords: 60, severity: 'info' }, 'why-before-what': true } }, true],
    ['objectives', { strategy: { objectives: ['Grow in mid-size hospitals'] } }, true],
    [
      'declarative rules',
      {
        declarative: [
          { id: 'no-synergy', type: 'existence', tokens: ['synergy'] },
          { id: 'say-customers', type: 'substitution', swap: { users: 'customers' } },
          { id: 'name-maria', type: 'occurrence', tokens: ['Maria'], min: 2 },
        ],
      },
      true,
    ],
    ['extends and plugins', { extends: ['./base.yaml'], plugins: ['./rules/x.js'] }, true],
    ['custom themes', { themes: ['themes/acme.css', '../brand/Acme_2.css'] }, true],
    ['a theme that is not a CSS file', { themes: ['themes/acme.scss'] }, false],
    ['a theme named like a built-in one', { themes: ['brand/dark.css'] }, false],
    ['themes not a list', { themes: 'themes/acme.css' }, false],
    ['unknown top-level key', { rulez: {} }, false],
    ['bad severity', { rules: { jargon: 'loud' } }, false],
    ['objectives not a list', { strategy: { objectives: 'growth' } }, false],
    ['occurrence without min', { declarative: [{ id: 'x', type: 'occurrence', tokens: ['a'] }] }, false],
    ['substitution without swap', { declarative: [{ id: 'x', type: 'substitution', tokens: ['a'] }] }, false],
    ['bad declarative id', { declarative: [{ id: 'Bad Id', type: 'existence', tokens: ['a'] }] }, false],
    [
      'a declarative rule at its caps',
      {
        declarative: [
          { id: 'many', type: 'existence', tokens: Array.from({ length: 1000 }, (_, i) => `word${i}`) },
          { id: 'long', type: 'substitution', swap: { ['x'.repeat(100)]: 'y' } },
        ],
      },
      true,
    ],
    ['too many tokens in a rule', { declarative: [{ id: 'x', type: 'existence', tokens: Array.from({ length: 1001 }, (_, i) => `word${i}`) }] }, false],
    ['too many words to swap in a rule', { declarative: [{ id: 'x', type: 'substitution', swap: Object.fromEntries(Array.from({ length: 1001 }, (_, i) => [`word${i}`, 'w'])) }] }, false],
    ['a token too long', { declarative: [{ id: 'x', type: 'existence', tokens: ['é'.repeat(101)] }] }, false],
    ['a word to swap too long', { declarative: [{ id: 'x', type: 'substitution', swap: { ['x'.repeat(101)]: 'y' } }] }, false],
    ['not an object', ['a'], false],
  ];
  for (const [name, value, valid] of samples) {
    it(`the validator and the shipped JSON schema agree: ${name}`, () => {
      const { problems } = validateConfig(value, 'test');
      assert.equal(problems.length === 0, valid, JSON.stringify(problems));
      assert.equal(validateSchema(value), valid, JSON.stringify(validateSchema.errors));
    });
  }

  it('leaves out the declarative rules past the tokens one config may have, with a problem for each', () => {
    const rule = (id: string, count: number) => ({ id, type: 'existence', tokens: Array.from({ length: count }, (_, i) => `${id}${i}`) });
    const { config, problems } = validateConfig({ declarative: [rule('a', 1000), rule('b', 900), rule('c', 200), rule('d', 100)] }, 'test');
    assert.deepEqual(
      config.declarative?.map((r) => r.id),
      ['a', 'b', 'd'],
    );
    assert.equal(problems.length, 1);
    assert.match(problems[0].message, /"c" is left out: with its 200 tokens, the declarative rules of one config would have more than 2000/);
  });

  it('keeps the valid part of a config with a mistake in it', () => {
    const { config, problems } = validateConfig({ rules: { jargon: false, 'talk-time': 'loud' } }, 'test');
    assert.equal(problems.length, 1);
    assert.match(problems[0].message, /talk-time/);
    assert.deepEqual(config.rules, { jargon: false });
  });

  it('merges rule options key by key, later wins', () => {
    const merged = mergeConfig({ rules: { 'slide-density': { maxWords: 60, maxBullets: 5 } } }, { rules: { 'slide-density': { maxWords: 80 } } });
    assert.deepEqual(merged.rules, { 'slide-density': { maxWords: 80, maxBullets: 5 } });
  });

  describe('files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'storydeck-config-'));
    mkdirSync(join(dir, 'team', 'talks'), { recursive: true });
    writeFileSync(join(dir, 'base.yaml'), 'rules:\n  jargon: false\n  talk-time: error\nstrategy:\n  objectives: [Base objective]\n');
    writeFileSync(join(dir, 'team', '.storydeck.json'), JSON.stringify({ extends: '../base.yaml', rules: { 'talk-time': 'info' }, plugins: ['./rule.js'] }));
    writeFileSync(join(dir, 'loop-a.yaml'), 'extends: ./loop-b.yaml\n');
    writeFileSync(join(dir, 'loop-b.yaml'), 'extends: ./loop-a.yaml\n');
    writeFileSync(join(dir, 'broken.json'), '{ "rules": { "jargon": false, }\n');
    writeFileSync(join(dir, 'broken.yaml'), 'rules:\n  jargon: [false\n');

    it('finds the nearest config upward and follows extends, the nearer file winning', () => {
      const loaded = loadNearestConfig(join(dir, 'team', 'talks'), host, dir);
      assert.deepEqual(loaded.problems, []);
      assert.deepEqual(loaded.files, [join(dir, 'team', '.storydeck.json'), join(dir, 'base.yaml')]);
      assert.deepEqual(loaded.config.rules, { jargon: false, 'talk-time': 'info' });
      assert.deepEqual(loaded.config.strategy?.objectives, ['Base objective']);
      assert.deepEqual(loaded.config.plugins, [join(dir, 'team', 'rule.js')]);
    });

    it('never looks above the root it is given, nor above the folder itself when the root is not above it', () => {
      const nested = join(dir, 'team', 'talks');
      assert.equal(loadNearestConfig(nested, host, nested).files.length, 0, 'the config in team/ is above the root');
      assert.deepEqual(loadNearestConfig(nested, host, join(dir, 'team')).files[0], join(dir, 'team', '.storydeck.json'));
      assert.equal(loadNearestConfig(nested, host, join(dir, 'elsewhere')).files.length, 0);
    });

    it('withholds the rule modules named by config files that pluginsAllowed refuses, extended ones included', () => {
      mkdirSync(join(dir, 'ws', 'talks'), { recursive: true });
      writeFileSync(join(dir, 'shared.yaml'), 'plugins: [./shared-rule.js]\n');
      writeFileSync(join(dir, 'ws', '.storydeck.yaml'), 'extends: ../shared.yaml\nplugins: [./own-rule.js]\n');
      const inside = join(dir, 'ws') + '/';
      const loaded = loadNearestConfig(join(dir, 'ws', 'talks'), host, join(dir, 'ws'), { pluginsAllowed: (file) => file.startsWith(inside) });
      assert.deepEqual(loaded.config.plugins, [join(dir, 'ws', 'own-rule.js')]);
      assert.deepEqual(loaded.withheldPlugins, [{ plugin: join(dir, 'shared-rule.js'), source: join(dir, 'shared.yaml') }]);
      assert.deepEqual(
        loadNearestConfig(join(dir, 'ws', 'talks'), host, join(dir, 'ws')).config.plugins,
        [join(dir, 'shared-rule.js'), join(dir, 'ws', 'own-rule.js')],
        'without a policy every module runs',
      );
    });

    it('reports a file the host cannot read as a config file as a problem naming it', () => {
      const refusing: ConfigHost = { ...host, readFile: (p) => (p.endsWith('base.yaml') ? { problem: 'it is not a regular file (a device, a pipe or a socket).' } : host.readFile(p)) };
      const loaded = loadNearestConfig(join(dir, 'team'), refusing, dir);
      assert.deepEqual(loaded.problems, [{ source: join(dir, 'base.yaml'), message: 'the config file cannot be read: it is not a regular file (a device, a pipe or a socket).' }]);
    });

    it('reports an extends cycle, broken JSON and broken YAML as problems naming the file', () => {
      const loop = loadConfigFile(join(dir, 'loop-a.yaml'), host);
      assert.match(loop.problems[0].message, /circle/);
      const json = loadConfigFile(join(dir, 'broken.json'), host);
      assert.equal(json.problems[0].source, join(dir, 'broken.json'));
      assert.match(json.problems[0].message, /not valid JSON/);
      const yaml = loadConfigFile(join(dir, 'broken.yaml'), host);
      assert.match(yaml.problems[0].message, /not valid YAML \(line \d+\)/);
    });

    it('prints nothing for a YAML warning: a config line with an unknown tag never reaches stderr (it would carry its escape sequences past terminalSafe)', () => {
      const file = join(dir, 'tagged.yaml');
      writeFileSync(file, 'rules:\n  jargon: !evil warning # \u001b]0;owned\u0007\n');
      const emitted: unknown[] = [];
      const emit = process.emitWarning;
      process.emitWarning = ((warning: unknown) => void emitted.push(warning)) as typeof process.emitWarning;
      try {
        assert.deepEqual(loadConfigFile(file, host).problems, []);
      } finally {
        process.emitWarning = emit;
      }
      assert.deepEqual(emitted, []);
    });

    it('reports a key a config file sets twice, at any depth, on its line', () => {
      const file = join(dir, 'twice.yaml');
      writeFileSync(file, 'rules:\n  jargon: warn\n  tone: off\n  jargon: error\n');
      const { problems } = loadConfigFile(file, host);
      assert.equal(problems.length, 1);
      assert.match(problems[0].message, /^not valid YAML \(line 4\): Map keys must be unique at line 4, column 3/);
    });
  });

  it('resolves theme paths against the config file that lists them, extended files included, and keeps them out of front matter', () => {
    const dir = mkdtempSync(join(tmpdir(), 'storydeck-config-themes-'));
    mkdirSync(join(dir, 'ws', 'talks'), { recursive: true });
    writeFileSync(join(dir, 'brand.yaml'), 'themes: [brand/acme.css]\n');
    writeFileSync(join(dir, 'ws', '.storydeck.yaml'), 'extends: ../brand.yaml\nthemes: [themes/town-hall.css]\n');
    const loaded = loadNearestConfig(join(dir, 'ws', 'talks'), host, join(dir, 'ws'));
    assert.deepEqual(loaded.problems, []);
    assert.deepEqual(loaded.config.themes, [join(dir, 'brand', 'acme.css'), join(dir, 'ws', 'themes', 'town-hall.css')]);
    assert.deepEqual(
      validateConfig({ themes: ['a.css'] }, 'front matter').problems.map((p) => p.message),
      ['"themes" belongs in .storydeck.yaml (paths relative to it), not in a narrative; pick one of them with theme: in the front matter.'],
    );
  });

  it('front matter `storydeck:` settings override the config file', () => {
    const body = '# Introducing X\n\nWe are building a new app.\n';
    const config = { rules: { 'why-before-what': 'error' as const } };
    const plain = lintText(`---\ntitle: X\n---\n${body}`, config).findings.filter((f) => f.ruleId === 'why-before-what');
    assert.deepEqual(
      plain.map((f) => f.severity),
      ['error'],
      'the config file alone makes it an error',
    );
    const local = lintText(`---\ntitle: X\nstorydeck:\n  rules:\n    why-before-what: false\n---\n${body}`, config).findings;
    assert.ok(!local.some((f) => f.ruleId === 'why-before-what'), 'front matter turned it off');
  });
});
