import { join } from 'node:path';

/**
 * A bundle that dist/extension.js loads on first use (esbuild.js builds each one): `loadBundle('preview')`
 * requires dist/preview.js. The path is computed, so esbuild cannot follow it and the bundle's code stays
 * out of activation; the module's type comes from an `import type` of its source.
 */
export function loadBundle<T>(name: 'exporter' | 'newNarrative' | 'preview'): T {
  return require(join(__dirname, `${name}.js`)) as T;
}
