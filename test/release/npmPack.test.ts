import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { appendFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * `npm pack` as a release runs it (`npm publish` packs the same way): it builds the production bundles first
 * (`prepack`), whatever dist/ held, and what it packs installs on its own, with no package from the registry
 * (`npx storydeck` installs nothing but StoryDeck). scripts/vsix-test.sh runs this after `npm run package`.
 */
describe('npm pack', function () {
  this.timeout(120_000);
  const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
  let dir: string;
  let tarball: string;

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'storydeck-pack-'));
    // A stale dist/: packed as it is, this line would ship.
    appendFileSync('dist/cli.js', '\n// stale build\n');
    // Not --json: the build's output shares npm's stdout.
    execFileSync('npm', ['pack', '--pack-destination', dir], { stdio: 'ignore' });
    tarball = join(dir, `storydeck-${version}.tgz`);
  });

  after(() => rmSync(dir, { recursive: true, force: true }));

  it('builds the production bundles before it packs', () => {
    const cli = execFileSync('tar', ['-xzOf', tarball, 'package/dist/cli.js'], { encoding: 'utf8' });
    assert.doesNotMatch(cli, /stale build/, 'npm pack shipped dist/ as it was, without building');
    // A development build links its source map on a line of its own; the code may name such a line (codeCache.ts does).
    assert.doesNotMatch(cli, /^\/\/# sourceMappingURL=/m, 'npm pack shipped a development build');
  });

  it('installs offline into an empty folder, alone, and runs: the CLI and its MCP server', () => {
    const app = join(dir, 'app');
    mkdirSync(app);
    writeFileSync(join(app, 'package.json'), '{ "private": true }\n');
    execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', tarball], { cwd: app, stdio: 'ignore' });
    assert.deepEqual(
      readdirSync(join(app, 'node_modules')).filter((name) => !name.startsWith('.')),
      ['storydeck'],
    );
    const storydeck = join(app, 'node_modules', '.bin', 'storydeck');
    assert.equal(execFileSync(storydeck, ['--version'], { cwd: app, encoding: 'utf8' }).trim(), version);
    // The MCP server, whose SDK's validator (ajv) carries `require(…)` as text for code it could generate.
    const requests = [
      { jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'test', version: '1' } } },
      { jsonrpc: '2.0', method: 'notifications/initialized' },
      { jsonrpc: '2.0', id: 2, method: 'tools/list' },
    ];
    const replies = execFileSync(storydeck, ['mcp'], { cwd: app, encoding: 'utf8', input: requests.map((r) => JSON.stringify(r)).join('\n') + '\n', timeout: 20_000 });
    assert.match(replies, /"name":"storydeck_lint"/);
  });
});
