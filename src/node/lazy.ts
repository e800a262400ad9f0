import { join } from 'node:path';

/**
 * A bundle loaded on first use from the folder of the bundle that asks (esbuild.js builds each one into
 * dist/): `loadBundle('preview')` requires dist/preview.js. The path is computed, so esbuild cannot follow
 * it and the loaded code stays out of the caller's bundle; the module's type comes from an `import type` of
 * its source. The extension loads its panels, exporter and agents this way; the CLI loads the MCP server.
 */
export function loadBundle<T>(name: 'agents' | 'exporter' | 'mcp' | 'newNarrative' | 'preview'): T {
  return require(join(__dirname, `${name}.js`)) as T;
}
