/**
 * Where scripts/kind-eval.ts keeps the rules' findings per document and kind between runs: a file named by a hash of
 * the lint's source (src/core), so a change to a rule, the parser or a reading starts a new cache rather than scoring
 * with findings of the old code.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A hash of every file under `dir` (names and contents, in a fixed order). */
export function sourceHash(dir: string): string {
  const hash = createHash('sha256');
  const files = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort();
  for (const file of files)
    hash
      .update(`${file.slice(dir.length)}\0`)
      .update(readFileSync(file))
      .update('\0');
  return hash.digest('hex').slice(0, 16);
}

/** The cache file for the lint code in `coreDir`. */
export function lintCacheFile(cacheDir: string, coreDir: string): string {
  return join(cacheDir, `lint-cache-${sourceHash(coreDir)}.json`);
}
