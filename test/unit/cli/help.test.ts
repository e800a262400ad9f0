import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { COMMANDS } from '../../../src/cli/commands';
import { runCli as run } from './run';

describe('storydeck help', () => {
  const dir = mkdtempSync(join(tmpdir(), 'storydeck-help-'));

  for (const [name, command] of Object.entries(COMMANDS)) {
    it(`${name}: --help, -h and "help ${name}" print its usage, what it does and every option`, async () => {
      const asked = [await run(dir, name, '--help'), await run(dir, name, '-h'), await run(dir, 'help', name), await run(dir, name, 'some.md', '--help')];
      for (const result of asked) {
        assert.equal(result.code, 0, result.stderr);
        assert.equal(result.stderr, '');
        assert.equal(result.stdout, asked[0].stdout);
      }
      const lines = asked[0].stdout.split('\n');
      assert.equal(lines[0], `Usage: ${command.usage}`);
      assert.ok(lines.includes(command.summary));
      for (const option of Object.keys(command.options ?? {})) {
        const line = lines.find((l) => new RegExp(`^  (-\\w, )?--${option}\\b`).test(l));
        assert.ok(line, `--${option} is listed`);
        assert.match(line, /\s{2}[A-Z].+\.$/, `--${option} says what it does`);
      }
      assert.ok(lines.some((l) => /^ {2}-h, --help {2,}Show this help\.$/.test(l)));
    });
  }

  it('lists every command with its summary, and how to get a command’s help', async () => {
    const { code, stdout } = await run(dir, '--help');
    assert.equal(code, 0);
    for (const [name, command] of Object.entries(COMMANDS)) assert.match(stdout, new RegExp(`^ {2}${name} +${command.summary.replace(/[.()]/g, '\\$&')}$`, 'm'));
    assert.match(stdout, /storydeck <command> --help, or storydeck help <command>/);
  });

  it('names an unknown option in one line, with the closest option and the usage line', async () => {
    const cases: Array<[string[], string]> = [
      [['export', 'talk.md', '--formt', 'html'], `unknown option --formt; did you mean --to? Usage: ${COMMANDS.export.usage}`],
      [['export', 'talk.md', '--format=pptx'], `unknown option --format; did you mean --to? Usage: ${COMMANDS.export.usage}`],
      [['export', 'talk.md', '--forse'], `unknown option --forse; did you mean --force? Usage: ${COMMANDS.export.usage}`],
      [['lint', '--fxi'], `unknown option --fxi; did you mean --fix? Usage: ${COMMANDS.lint.usage}`],
      [['outline', 'talk.md', '--json'], `unknown option --json. Usage: ${COMMANDS.outline.usage}`],
      [['lint', '-q'], `unknown option -q. Usage: ${COMMANDS.lint.usage}`],
      [['export', 'talk.md', '--to'], `--to needs a value. Usage: ${COMMANDS.export.usage}`],
      // Node's own message for these runs over three lines: one line here.
      [
        ['export', 'talk.md', '--to', 'html', '-o', '-talk.html'],
        `-o needs a value, and the next argument starts with a dash; to give a value that does, write --output=-XYZ or -o-XYZ. Usage: ${COMMANDS.export.usage}`,
      ],
      [['lint', '--max-warnings', '-1'], `--max-warnings needs a value, and the next argument starts with a dash; to give a value that does, write --max-warnings=-XYZ. Usage: ${COMMANDS.lint.usage}`],
    ];
    for (const [argv, line] of cases) {
      const { code, stdout, stderr } = await run(dir, ...argv);
      assert.equal(code, 2, argv.join(' '));
      assert.equal(stdout, '');
      assert.equal(stderr, `storydeck ${argv[0]}: ${line}\n`);
    }
  });

  it('refuses help for a command that does not exist', async () => {
    const { code, stderr } = await run(dir, 'help', 'exprot');
    assert.equal(code, 2);
    assert.equal(stderr, `storydeck: unknown command "exprot". Commands: ${Object.keys(COMMANDS).join(', ')}.\n`);
  });
});
