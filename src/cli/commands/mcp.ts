import type * as McpServer from '../mcp/server';
import { loadBundle } from '../../node/lazy';
import { EXIT, UsageError, type Io } from '../io';

export const summary = 'Serve the lint, outline, insert-beat, export and template tools to AI agents (Model Context Protocol on stdio).';
export const usage = 'storydeck mcp';

/**
 * Runs until the client closes stdin. Files are read and written only under the folder it was started in.
 * The server and the MCP SDK are their own bundle, dist/mcp.js, so other commands never load them.
 */
export async function run(args: string[], io: Io): Promise<number> {
  if (args.length > 0) throw new UsageError(`mcp takes no arguments; it serves the folder it is started in. Usage: ${usage}`);
  await loadBundle<typeof McpServer>('mcp').serveMcp(io.cwd);
  return EXIT.ok;
}
