#!/usr/bin/env bash
# Packages the extension exactly as it ships (npm run package: production bundles, .vscodeignore allow-list),
# checks the package's contents and size (test/release), then installs the .vsix into code-server and runs the
# smoke suite (test/smoke) against the installed copy: activation, lint of the example, preview, HTML export.
set -euo pipefail
cd "$(dirname "$0")/.."
version="$(node -p "require('./package.json').version")"
vsix="storydeck-$version.vsix"
rm -f "$vsix"
npm run package --silent >/dev/null
npx mocha --no-config --require tsx/cjs --extension ts --timeout 20000 'test/release/**/*.test.ts'
node test/integration/build.js
STORYDECK_TEST_VSIX="$PWD/$vsix" bash scripts/code-server-test.sh
