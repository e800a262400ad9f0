import { posix } from 'node:path';
import * as vscode from 'vscode';
import { findConfigFile, loadNearestConfig, type ConfigHost, type LoadedConfig } from '../core/lint';
import { CONFIG_MAX_BYTES, unreadableReason } from '../node/boundedRead';

/**
 * Loads `.storydeck.*` configs through `vscode.workspace.fs`, so it works for local, remote and virtual
 * workspaces alike. The core's loader is synchronous, so it runs against a cache of file contents: each
 * pass records the paths it asked for and did not have, those are read, and the loader runs again until
 * it asks for nothing new. Paths are URI paths (posix) within one scheme and authority.
 *
 * The search for a document's config stops at its workspace folder (or, for a file outside every folder,
 * at the file's own folder): a config file above it does not apply. A config file may `extend` one
 * outside, but the JavaScript rule modules that one names are withheld.
 *
 * The cache lives until `clear()` (called when a config file changes, is created or deleted).
 */
export class ConfigCache {
  /** URI path -> text, null when nothing is there, or why it cannot be read. */
  private readonly files = new Map<string, string | null | { problem: string }>();
  private readonly pending = new Map<string, Promise<void>>();
  /** Bumped by clear(), so a read that was under way when a config changed is not cached. */
  private epoch = 0;

  clear(): void {
    this.epoch++;
    this.files.clear();
    this.pending.clear();
  }

  /** The config for a document: the nearest config file from its folder up to its root, with what it extends. */
  async load(document: vscode.Uri): Promise<LoadedConfig> {
    const root = configRoot(document);
    const inside = root === '/' ? '/' : `${root}/`;
    return this.settle(document, (host) => loadNearestConfig(posix.dirname(document.path), host, root, { pluginsAllowed: (file) => file.startsWith(inside) }));
  }

  /** The nearest config file from the document's folder up to its root, if any. */
  async nearest(document: vscode.Uri): Promise<string | undefined> {
    return this.settle(document, (host) => findConfigFile(posix.dirname(document.path), host, configRoot(document)));
  }

  private async settle<T>(document: vscode.Uri, compute: (host: ConfigHost) => T): Promise<T> {
    for (let pass = 0; ; pass++) {
      const missing = new Set<string>();
      const host: ConfigHost = {
        readFile: (path) => {
          const text = this.files.get(path);
          if (text === undefined) missing.add(path);
          return text ?? undefined;
        },
        dirname: posix.dirname,
        resolve: posix.resolve,
      };
      const result = compute(host);
      if (missing.size === 0 || pass > 64) return result;
      await Promise.all([...missing].map((path) => this.fetch(document.with({ path, query: '', fragment: '' }))));
    }
  }

  /** Reads one file into the cache: a regular file of at most CONFIG_MAX_BYTES, else why not (as the CLI does). */
  private fetch(uri: vscode.Uri): Promise<void> {
    const key = uri.path;
    let pending = this.pending.get(key);
    if (!pending) {
      const epoch = this.epoch;
      const store = (text: string | null | { problem: string }) => {
        // After clear() the answer may be stale; the next pass asks again.
        if (epoch === this.epoch) this.files.set(key, text);
      };
      pending = Promise.resolve(vscode.workspace.fs.stat(uri))
        .then(
          async ({ type, size }) => {
            const problem = unreadableReason({ isFile: (type & vscode.FileType.File) !== 0, isDirectory: (type & vscode.FileType.Directory) !== 0, size }, CONFIG_MAX_BYTES);
            if (problem) return store({ problem });
            try {
              store(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)));
            } catch (e) {
              store({ problem: `${String((e as Error)?.message ?? e).replace(/\.$/, '')}.` });
            }
          },
          () => store(null),
        )
        .finally(() => {
          if (this.pending.get(key) === pending) this.pending.delete(key);
        });
      this.pending.set(key, pending);
    }
    return pending;
  }
}

/** Where the config search for a document stops: its workspace folder, else the document's own folder. */
function configRoot(document: vscode.Uri): string {
  const folder = vscode.workspace.getWorkspaceFolder(document);
  if (!folder || folder.uri.scheme !== document.scheme || folder.uri.authority !== document.authority) return posix.dirname(document.path);
  const path = folder.uri.path;
  return path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
}
