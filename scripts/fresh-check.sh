#!/usr/bin/env bash
# Runs the README's two set-up commands as a new machine would: on a clean clone of HEAD (committed work
# only), with an empty test cache (STORYDECK_TEST_CACHE), and prints how long each took. Run it before
# resolving any change to the install or test scripts: CI's machine may already hold the cache, and a
# green CI can then hide a missing install step.
#
#   bash scripts/fresh-check.sh      exits with the first failing command's code
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/storydeck-fresh.XXXXXX")"
git clone --quiet "$root" "$work/clone"
export STORYDECK_TEST_CACHE="$work/test-cache"
cd "$work/clone"
echo "fresh-check: $(git log -1 --format='%h %s') in $work" >&2

started=$SECONDS
npm ci && npm run example
example=$((SECONDS - started))
started=$SECONDS
CI=true bash .ci/run
tests=$((SECONDS - started))
echo "fresh-check: passed. npm ci && npm run example: ${example} s; CI=true bash .ci/run: ${tests} s" >&2
