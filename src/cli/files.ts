import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { escapeRegExp } from '../core/deck/regexp';
import { UsageError } from './io';

const SKIP_DIRS = new Set(['node_modules', '.git', 'dist', 'out']);
const MARKDOWN = /\.(md|markdown)$/i;

/**
 * Expands CLI arguments into Markdown files: a file as given, a folder recursively (its .md and
 * .markdown files, skipping node_modules, .git, dist and out), or a glob with `*`, `**` and `?` — its Markdown
 * files, unless it names an extension of its own (`notes/*.txt`), as a folder gives: `talks/**` is not its pictures.
 * Returns paths as the user would write them (relative to cwd), sorted and de-duplicated.
 */
export function expandPaths(args: readonly string[], cwd: string): string[] {
  const found = new Set<string>();
  for (const arg of args) {
    const absolute = resolve(cwd, arg);
    if (/[*?]/.test(arg)) {
      const base = resolve(cwd, arg.slice(0, globBaseLength(arg)) || '.');
      const pattern = globToRegExp(absolute.split(sep).join('/'));
      const ownExtension = /\.[^./*?]+$/.test(arg);
      const matches = walk(base).filter((file) => pattern.test(file.split(sep).join('/')) && (ownExtension || MARKDOWN.test(file)));
      if (matches.length === 0) throw new UsageError(`no files match ${arg}.`);
      for (const m of matches) found.add(m);
      continue;
    }
    let isDirectory: boolean;
    try {
      isDirectory = statSync(absolute).isDirectory();
    } catch {
      throw new UsageError(`cannot read ${arg}: no such file or folder.`);
    }
    if (isDirectory) for (const file of walk(absolute).filter((f) => MARKDOWN.test(f))) found.add(file);
    else found.add(absolute);
  }
  return [...found].sort().map((file) => relative(cwd, file) || file);
}

function globBaseLength(glob: string): number {
  const first = glob.search(/[*?]/);
  return glob.lastIndexOf('/', first) + 1;
}

/** `**` any folders, `*` anything but a slash, `?` one character; everything else literal. */
export function globToRegExp(glob: string): RegExp {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i];
    if (ch === '*' && glob[i + 1] === '*') {
      out += glob[i + 2] === '/' ? '(?:[^/]*/)*' : '.*';
      i += glob[i + 2] === '/' ? 2 : 1;
    } else if (ch === '*') out += '[^/]*';
    else if (ch === '?') out += '[^/]';
    else out += escapeRegExp(ch);
  }
  return new RegExp(`^${out}$`);
}

function walk(dir: string): string[] {
  const out: string[] = [];
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return out;
  }
  for (const entry of entries) {
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name)) out.push(...walk(join(dir, entry.name)));
    } else if (entry.isFile()) out.push(join(dir, entry.name));
  }
  return out;
}

/** The repository `dir` is in: the nearest folder at or above it that holds `.git` (a folder, or a file in a worktree or submodule). */
export function repositoryRoot(dir: string): string | undefined {
  for (let current = dir; ; current = dirname(current)) {
    if (existsSync(join(current, '.git'))) return current;
    if (dirname(current) === current) return undefined;
  }
}
