import { posix } from 'node:path';
import * as vscode from 'vscode';
import { findConfigFile, loadNearestConfig, type ConfigHost, type LoadedConfig } from '../core/lint';

/**
 * Loads `.storydeck.*` configs through `vscode.workspace.fs`, so it works for local, remote and virtual
 * workspaces alike. The core's loader is synchronous, so it runs against a cache of file contents: each
 * pass records the paths it asked for and did not have, those are read, and the loader runs again until
 * it asks for nothing new. Paths are URI paths (posix) within one scheme and authority.
 *
 * The cache lives until `clear()` (called when a config file changes, is created or deleted).
 */
export class ConfigCache {
  /** URI path -> text, or null when the file does not exist. */
  private readonly files = new Map<string, string | null>();
  private readonly pending = new Map<string, Promise<void>>();
  /** Bumped by clear(), so a read that was under way when a config changed is not cached. */
  private epoch = 0;

  clear(): void {
    this.epoch++;
    this.files.clear();
    this.pending.clear();
  }

  /** The config for a document: the nearest config file at or above its folder, with what it extends. */
  async load(document: vscode.Uri): Promise<LoadedConfig> {
    const dir = posix.dirname(document.path);
    return this.settle(document, (host) => loadNearestConfig(dir, host));
  }

  /** The nearest config file at or above `document`'s folder and not above `root` (a URI path), if any. */
  async nearestWithin(document: vscode.Uri, root: string): Promise<string | undefined> {
    const dir = posix.dirname(document.path);
    const stop = root.endsWith('/') && root !== '/' ? root.slice(0, -1) : root;
    const file = await this.settle(document, (host) =>
      findConfigFile(dir, {
        ...host,
        // Stop the walk at the root: its parent is itself.
        dirname: (p) => (p === stop || !p.startsWith(stop) ? p : posix.dirname(p)),
      }),
    );
    return file && (file.startsWith(stop + '/') || stop === '/') ? file : undefined;
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

  private fetch(uri: vscode.Uri): Promise<void> {
    const key = uri.path;
    let pending = this.pending.get(key);
    if (!pending) {
      const epoch = this.epoch;
      const store = (text: string | null) => {
        // After clear() the answer may be stale; the next pass asks again.
        if (epoch === this.epoch) this.files.set(key, text);
      };
      pending = Promise.resolve(vscode.workspace.fs.readFile(uri))
        .then(
          (bytes) => store(new TextDecoder().decode(bytes)),
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
