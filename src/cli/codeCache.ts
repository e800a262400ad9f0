import { createHash } from 'node:crypto';
import { closeSync, constants as fs, fstatSync, mkdirSync, openSync, readdirSync, readFileSync, realpathSync, renameSync, statSync, unlinkSync, writeFileSync, type Stats } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { basename, dirname, isAbsolute, join } from 'node:path';
import { constants, Script } from 'node:vm';

/**
 * V8's code cache for the CLI's own bundles (dist/core.js, dist/exporter.js, …), kept between runs. A run of the CLI is
 * short and cold: compiling the functions of a megabyte of bundled code it calls once is a tenth of an export's CPU time.
 * V8 can serialise the code it compiled and start from it next time, and the cache written after a command has run
 * holds every function that command compiled, not only the bundle's top level (docs/performance.md, session 14).
 *
 * Only the bundles in `bundleDir` are compiled this way, each from a cache file named by its content's hash, the Node
 * version and the CPU architecture, so a changed bundle or another Node never starts from a stale cache (V8 checks its
 * own version and flags too, and rejects a cache that does not match). Nothing from a narrative, a config or a workspace
 * is cached or read. The cache is best effort: a cache that cannot be read, written or trusted costs a normal compile and
 * nothing else.
 */

/** The commands whose code is cached, each on its own: `COMMANDS` (commands/index.ts), which the CLI must not load before the cache is on, since it loads the bundles. */
export const CACHED_COMMANDS: readonly string[] = ['lint', 'outline', 'new', 'templates', 'export', 'mcp'];

/**
 * Where the cache lives: `$XDG_CACHE_HOME/storydeck/v8`, by default `~/.cache/storydeck/v8`; none when
 * `NODE_DISABLE_COMPILE_CACHE` is set, as for Node's own compile cache. A relative `XDG_CACHE_HOME` is ignored, as the XDG
 * spec says: it would put the cache in the working directory, a workspace whose files (a checked-out
 * `.cache/storydeck/v8/core.js.lint.….cache`) V8 would then run. No home folder, no cache.
 */
export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env, home: string = homedir()): string | undefined {
  if (env.NODE_DISABLE_COMPILE_CACHE) return undefined;
  const base = env.XDG_CACHE_HOME && isAbsolute(env.XDG_CACHE_HOME) ? env.XDG_CACHE_HOME : home && isAbsolute(home) ? join(home, '.cache') : undefined;
  return base === undefined ? undefined : join(base, 'storydeck', 'v8');
}

interface Compiled {
  script: Script;
  file: string;
  /** Did V8 start from a cache for it? */
  cached: boolean;
}

interface Compilable {
  /** Node's own, internal: (content, filename) on Node 20, with a format after them on later Nodes. */
  _compile(content: string, filename: string, ...rest: unknown[]): unknown;
}

/**
 * Compiles the bundles in `bundleDir` from their cached code in `cacheDir` from now on, and returns what writes the cache
 * of each bundle that had none: call it when the command is done, so that the code it compiled is in the cache. Each
 * `command` has a cache of its own (a lint compiles less than an export, and would leave an export compiling the rest).
 */
export function useCodeCache(bundleDir: string, cacheDir: string | undefined, command: string): { save: () => void; cached: () => string[] } {
  const compiled: Compiled[] = [];
  const none = { save: () => undefined, cached: () => [] };
  if (cacheDir === undefined) return none;
  // From here on the folder's real path: a symlink on the way to it could be pointed elsewhere once it has been checked.
  const dir = trusted(cacheDir);
  if (dir === undefined) return none;
  const proto = Module.prototype as unknown as Compilable;
  const compile = proto._compile;
  proto._compile = function (this: NodeJS.Module, content: string, filename: string, ...rest: unknown[]) {
    // With source maps on (`--enable-source-maps`), Node maps the stack traces of the code it compiles itself, not a vm.Script's.
    if (dirname(filename) !== bundleDir || !filename.endsWith('.js') || (process.sourceMapsEnabled && SOURCE_MAP.test(content.slice(-1000)))) {
      return compile.call(this, content, filename, ...rest);
    }
    const file = join(dir, `${basename(filename)}.${command}.${key(content)}.cache`);
    const cachedData = readIfThere(file);
    // Node's own wrapper, on the bundle's first line (a `#!` line is a comment to it, not to a function body).
    const script = new Script(`(function (exports, require, module, __filename, __dirname) { ${content.replace(/^#!/, '//')}\n})`, {
      filename,
      cachedData,
      importModuleDynamically: constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
    });
    compiled.push({ script, file, cached: cachedData !== undefined && !script.cachedDataRejected });
    const wrapper = script.runInThisContext() as (...args: unknown[]) => unknown;
    return wrapper.call(this.exports, this.exports, createRequire(filename), this, filename, dirname(filename));
  };
  return {
    save() {
      for (const { script, file, cached } of compiled) if (!cached) write(file, () => script.createCachedData());
    },
    cached: () => compiled.filter((c) => c.cached).map((c) => basename(c.file)),
  };
}

/** A bundle's link to its source map (development builds; `npm run build:production` makes none). */
const SOURCE_MAP = /\n\/\/# sourceMappingURL=[^\n]*\s*$/;

function key(content: string): string {
  return createHash('sha256').update(`${process.version}\0${process.arch}\0`).update(content).digest('hex').slice(0, 16);
}

/**
 * `dir` (made if missing) by its real path, if it is the user's own with nobody else able to write to it, and nobody but
 * the user and root can rename or replace it or a folder above it: a cache others can write could hand V8 their code. A
 * folder above may be writable by others only with its sticky bit set (as /tmp), where they cannot move what is not theirs.
 */
function trusted(dir: string): string | undefined {
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const real = realpathSync(dir);
    const s = statSync(real);
    if (!s.isDirectory() || !own(s)) return undefined;
    for (let above = dirname(real); ; above = dirname(above)) {
      if (!safeAbove(statSync(above))) return undefined;
      if (dirname(above) === above) return real;
    }
  } catch {
    return undefined;
  }
}

/** A folder above the cache's: the user's or root's, and writable by nobody else unless sticky. */
function safeAbove(s: Stats): boolean {
  if (process.getuid === undefined) return true;
  return (s.uid === process.getuid() || s.uid === 0) && ((s.mode & 0o022) === 0 || (s.mode & 0o1000) !== 0);
}

/** A cache file's bytes, if it is there, a regular file of the user's that nobody else can write to (as its folder must be). */
function readIfThere(file: string): Buffer | undefined {
  let fd: number | undefined;
  try {
    // Not through a symlink: the file itself must be the user's.
    fd = openSync(file, fs.O_RDONLY | (fs.O_NOFOLLOW ?? 0));
    return own(fstatSync(fd)) && fstatSync(fd).isFile() ? readFileSync(fd) : undefined;
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Owned by the user who runs StoryDeck and writable by nobody else (always so on Windows, which has neither owners nor modes to compare). */
function own(s: Stats): boolean {
  return process.getuid === undefined || (s.uid === process.getuid() && (s.mode & 0o022) === 0);
}

/**
 * Writes `file` atomically (a reader sees the old cache or the new one, never half) and removes the older caches of its
 * bundle and command, and their temporary files. The temporary file is made new (`wx`), never opened through whatever is
 * in its place.
 */
function write(file: string, data: () => Buffer): void {
  const dir = dirname(file);
  const bundle = `${basename(file).split('.').slice(0, -2).join('.')}.`;
  const temp = `${file}.${process.pid}.tmp`;
  try {
    try {
      unlinkSync(temp); // Left by a run of the same process id that was killed while writing.
    } catch {
      // None.
    }
    writeFileSync(temp, data(), { mode: 0o600, flag: 'wx' });
    renameSync(temp, file);
    // Older caches, and temporary files a killed run left (or a run writing now, whose rename then fails: no harm).
    for (const old of readdirSync(dir)) if (old.startsWith(bundle) && /\.(cache|tmp)$/.test(old) && join(dir, old) !== file) unlinkSync(join(dir, old));
  } catch {
    // Best effort: the next run compiles as usual.
    try {
      unlinkSync(temp);
    } catch {
      // Never written.
    }
  }
}
