#!/usr/bin/env bash
# Fetches the real, public documents of test/fixtures/corpus-real and corpus-real-2 to corpus-real-24 (each manifest.json
# names a document's repository, commit and path) into that folder's docs/, which git ignores: the
# documents are other people's writing and stay out of this repository; only the sources and the labels
# are kept. Then `npx mocha test/unit/lint/corpus.test.ts` scores the rules on them. Needs curl and github.com.
#
#   bash scripts/fetch-real-corpus.sh            every set
#   bash scripts/fetch-real-corpus.sh DIR…       the corpora in these folders
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DIRS=("$@")
[[ ${#DIRS[@]} -gt 0 ]] || DIRS=("$ROOT/test/fixtures/corpus-real" "$ROOT/test/fixtures/corpus-real-2" "$ROOT/test/fixtures/corpus-real-3" "$ROOT/test/fixtures/corpus-real-4" "$ROOT/test/fixtures/corpus-real-5" "$ROOT/test/fixtures/corpus-real-6" "$ROOT/test/fixtures/corpus-real-7" "$ROOT/test/fixtures/corpus-real-8" "$ROOT/test/fixtures/corpus-real-9" "$ROOT/test/fixtures/corpus-real-10" "$ROOT/test/fixtures/corpus-real-11" "$ROOT/test/fixtures/corpus-real-12" "$ROOT/test/fixtures/corpus-real-13" "$ROOT/test/fixtures/corpus-real-14" "$ROOT/test/fixtures/corpus-real-15" "$ROOT/test/fixtures/corpus-real-16" "$ROOT/test/fixtures/corpus-real-17" "$ROOT/test/fixtures/corpus-real-18" "$ROOT/test/fixtures/corpus-real-19" "$ROOT/test/fixtures/corpus-real-20" "$ROOT/test/fixtures/corpus-real-21" "$ROOT/test/fixtures/corpus-real-22" "$ROOT/test/fixtures/corpus-real-23" "$ROOT/test/fixtures/corpus-real-24")
for DIR in "${DIRS[@]}"; do
  mkdir -p "$DIR/docs"
  node -e '
    const m = require(require("node:path").resolve(process.argv[1]));
    // The path goes into a URL: each of its parts percent-encoded ("Old Pages/…", "SP59: GovAlpha Budget.md").
    for (const [file, s] of Object.entries(m)) console.log([file, s.repo, s.commit, s.path.split("/").map(encodeURIComponent).join("/")].join("\t"));
  ' "$DIR/manifest.json" | while IFS=$'\t' read -r file repo commit path; do
    [[ "$file" =~ ^[a-z0-9-]+\.md$ ]] || { echo "fetch-real-corpus: skipping a bad file name: $file" >&2; continue; }
    # A document its manifest marks `unavailable` may be gone at its commit: say so and go on (training leaves it out anyway).
    if curl -fsSL --max-time 60 -o "$DIR/docs/$file" "https://raw.githubusercontent.com/$repo/$commit/$path"; then
      echo "$file  ← $repo@${commit:0:7}:$path"
    else
      rm -f "$DIR/docs/$file"
      echo "fetch-real-corpus: could not fetch $file ($repo@${commit:0:7}:$path)" >&2
    fi
  done
done
