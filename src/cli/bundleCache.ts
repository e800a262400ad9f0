import { CACHED_COMMANDS, defaultCacheDir, useCodeCache } from './codeCache';

const command = process.argv[2];

/**
 * The code cache of the CLI's bundles (codeCache.ts), on before any of them loads: `index.ts` imports this module right
 * after `v8Flags.ts`, whose flags a cache must be made under to be accepted. `__dirname` is the bundles' folder, dist/.
 */
export const bundleCache = useCodeCache(__dirname, defaultCacheDir(), CACHED_COMMANDS.includes(command) ? command : 'other');
