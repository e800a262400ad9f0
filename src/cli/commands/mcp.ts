import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { mcpServer } from '../firstUse';
import { EXIT, UsageError, type Io } from '../io';

export const summary = 'Serve the lint, outline, insert-beat, export and template tools to AI agents (Model Context Protocol on stdio).';
export const usage = 'storydeck mcp [FOLDER]';

/**
 * Runs until the client closes stdin. Files are read and written only under FOLDER, or the folder it was started
 * in: clients that cannot set a working directory (Claude Desktop) name the project instead. The server and the
 * MCP SDK are their own bundle, dist/mcp.js, so other commands never load them.
 */
export async function run(args: string[], io: Io): Promise<number> {
  if (args.length > 1 || args.some((arg) => arg.startsWith('-'))) throw new UsageError(`mcp takes one folder at most, the one it serves. Usage: ${usage}`);
  const root = resolve(io.cwd, args[0] ?? '.');
  if (!statSync(root, { throwIfNoEntry: false })?.isDirectory()) throw new UsageError(`${args[0]} is not a folder. Usage: ${usage}`);
  await mcpServer().serveMcp(root);
  return EXIT.ok;
}
