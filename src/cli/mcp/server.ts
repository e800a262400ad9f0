/**
 * The Model Context Protocol server behind `storydeck mcp`: StoryDeck's agent tools (src/core/agent/tools.ts)
 * on stdio, for Claude, Cursor and any other MCP client, over files under one root folder — the folder it
 * was started in — and never outside it. esbuild builds it as its own bundle, dist/mcp.js, so the SDK
 * loads only for `storydeck mcp` (src/cli/commands/mcp.ts) and for VS Code's MCP server definition, which
 * runs `node dist/mcp.js` (src/extension/agents/register.ts). It loads the exporter, dist/exporter.js, on
 * the first export.
 */
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { CallToolRequestSchema, ErrorCode, ListToolsRequestSchema, type CallToolRequest, type CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { basename, dirname, extname, join, relative } from 'node:path';
import {
  insertBeatResult,
  lintResult,
  outlineResult,
  TOOL_SPECS,
  ToolInputError,
  validateToolInput,
  type ExportToolResult,
  type NarrativeInput,
  type ToolInputs,
  type ToolName,
} from '../../core/agent/tools';
import { loadNearestConfig, type ConfigHost } from '../../core/lint';
import { UserError } from '../../node/errors';
import { isInside, resolveInRoot } from '../../node/fileAccess';
import { isSameFile, writeAtomically } from '../../node/write';
import { guardOutput } from '../exit';
import { exporter } from '../firstUse';
import { escapeControls, readNarrative } from '../io';
import { nodeConfigHost } from '../commands/lint';
import { renderFromTemplate } from '../commands/new';
import { loadTemplates, templateRows } from '../commands/templates';

declare const STORYDECK_VERSION: string;
const VERSION = typeof STORYDECK_VERSION === 'string' ? STORYDECK_VERSION : 'dev';

/** Serves the tools on stdin/stdout for files under `root`; resolves when the client closes the connection. */
export async function serveMcp(root: string): Promise<void> {
  const { stdin: input, stdout: output } = process;
  const server = new Server(
    { name: 'storydeck', title: 'StoryDeck', version: VERSION },
    // The root is a folder's name, which may hold newlines (an agent would read what follows one as instructions) and
    // terminal controls: it goes quoted as a JSON string, controls escaped, as in every other message.
    { capabilities: { tools: {} }, instructions: `StoryDeck checks and exports Markdown narratives under the folder ${escapeControls(JSON.stringify(root))}. Paths are relative to that folder.` },
  );
  server.setRequestHandler(ListToolsRequestSchema, () => ({
    tools: TOOL_SPECS.filter((spec) => spec.surfaces.includes('mcp')).map(({ name, title, description, inputSchema, writes }) => ({
      name,
      title,
      description,
      inputSchema: inputSchema as { type: 'object' },
      annotations: { title, readOnlyHint: !writes, openWorldHint: false },
    })),
  }));
  // The SDK checks a tools/call request against CallToolRequestSchema before this handler and answers a bad one
  // with InvalidParams; given that full schema here, it would parse first and answer InternalError instead.
  server.setRequestHandler(CallToolRequestSchema.pick({ method: true }).loose(), async (request) => {
    const { params } = request as CallToolRequest;
    return callTool(root, params.name, params.arguments);
  });

  // The SDK waits for 'drain' once per reply that finds the pipe full: a client that sends many calls at once and reads
  // slowly is no leak, and Node's MaxListenersExceededWarning on stderr would say it is.
  output.setMaxListeners(0);
  const transport = new StdioServerTransport(input, output);
  // A line that is not JSON, or JSON that is no JSON-RPC message (the SDK's schema check fails with `issues`), has no
  // id to answer: JSON-RPC's reply is an error with id null (JSON's parse error quotes the line: its controls go escaped,
  // as in every other message). Anything else (stdin failing) is said on stderr.
  transport.onerror = (error) => {
    if (!(error instanceof SyntaxError) && !('issues' in error)) {
      process.stderr.write(`storydeck mcp: ${escapeControls(error.message)}\n`);
      return;
    }
    const code = error instanceof SyntaxError ? ErrorCode.ParseError : ErrorCode.InvalidRequest;
    output.write(
      `${JSON.stringify({ jsonrpc: '2.0', id: null, error: { code, message: code === ErrorCode.ParseError ? `Parse error: ${escapeControls(error.message)}` : 'Invalid Request: not a JSON-RPC 2.0 message.' } })}\n`,
    );
  };
  const closed = new Promise<void>((resolve) => (server.onclose = resolve));
  input.once('end', () => void server.close());
  await server.connect(transport);
  await closed;
}

/** One tool call. Input the tool cannot take, a path outside the root, an unreadable file: a JSON-RPC error (InvalidParams) with one sentence. */
async function callTool(root: string, name: string, args: unknown): Promise<CallToolResult> {
  try {
    const spec = TOOL_SPECS.find((s) => s.name === name && s.surfaces.includes('mcp'));
    if (!spec)
      throw new ToolInputError(
        `unknown tool "${name}"; this server offers ${TOOL_SPECS.filter((s) => s.surfaces.includes('mcp'))
          .map((s) => s.name)
          .join(', ')}.`,
      );
    const result = await run(root, spec.name, args);
    // A client may print the text in a terminal: the narrative's control characters go as JSON escapes (the text still parses to the result).
    return { content: [{ type: 'text', text: escapeControls(JSON.stringify(result, null, 2)) }], structuredContent: result as Record<string, unknown> };
  } catch (e) {
    if (e instanceof ToolInputError || e instanceof UserError) throw new RpcError(ErrorCode.InvalidParams, escapeControls(e.message));
    throw new RpcError(ErrorCode.InternalError, escapeControls(`${name} failed: ${(e as Error)?.message ?? String(e)}`));
  }
}

/** The SDK answers a thrown error with its `code` and `message` (its own McpError would prefix the message with "MCP error <code>:"). */
class RpcError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

async function run(root: string, name: ToolName, args: unknown): Promise<object> {
  switch (name) {
    case 'storydeck_lint':
      return lintResult(narrative(root, validateToolInput(name, args).path).input);
    case 'storydeck_outline':
      return outlineResult(narrative(root, validateToolInput(name, args).path).input);
    case 'storydeck_insert_beat': {
      const { path, beat } = validateToolInput(name, args);
      const { input, absolute, bom } = narrative(root, path);
      const { text, ...result } = insertBeatResult(input, beat);
      writeAtomically(absolute, bom + text, { replace: true, shown: input.file });
      return result;
    }
    case 'storydeck_export':
      return exportTool(root, validateToolInput(name, args));
    case 'storydeck_templates': {
      validateToolInput(name, args);
      const loaded = loadTemplates(root);
      return { templates: templateRows(loaded).map((row) => ({ ...row, file: relative(root, row.file) })), problems: loaded.errors.map((e) => e.message) };
    }
    case 'storydeck_new': {
      const { template: id, answers = {}, output, replace = false } = validateToolInput(name, args);
      const target = inRoot(root, output);
      const { template, text } = renderFromTemplate(loadTemplates(root), id, answers, 'Give them in "answers".');
      writeAtomically(target, text, { replace, shown: output });
      return { output: relative(root, target), template: template.id };
    }
  }
}

async function exportTool(root: string, { path, format, replace = false, audience, notes }: ToolInputs['storydeck_export']): Promise<ExportToolResult> {
  const { input, absolute } = narrative(root, path);
  const target = inRoot(root, join(dirname(absolute), `${basename(absolute, extname(absolute))}.${format}`));
  const shown = relative(root, target);
  if (isSameFile(absolute, target)) throw new ToolInputError(`the export ${shown} would replace the narrative itself; rename the narrative to end in .md.`);
  const warnings: string[] = [];
  // The browser for a PDF is found as on the command line (CHROME_PATH, then the usual places): never a program an agent names.
  const { slides, bytes } = await exporter().exportNarrative({
    text: input.text,
    file: absolute,
    format,
    output: target,
    shown,
    replace,
    audience,
    notes,
    root,
    themes: input.config.themes,
    allowWith: 'The MCP server reads no pictures outside the folder it was started in.',
    warn: (message, line) => warnings.push(`${input.file}${line === undefined ? '' : `:${line}`}: ${message}`),
  });
  return { output: shown, format, slides, bytes, warnings };
}

/** A narrative under the root: its text, the config in force for it (config files searched no higher than the root) and the byte-order mark to write back. */
function narrative(root: string, path: string | undefined): { input: NarrativeInput; absolute: string; bom: string } {
  if (path === undefined) throw new ToolInputError(`name the narrative with "path", relative to ${root}.`);
  const absolute = inRoot(root, path);
  const { text, bom } = readNarrative(absolute);
  const loaded = loadNearestConfig(dirname(absolute), configHostIn(root), root);
  if (loaded.problems.length) throw new ToolInputError(`config ${loaded.problems[0].source}: ${loaded.problems[0].message}`);
  return { input: { text, file: relative(root, absolute), config: loaded.config }, absolute, bom };
}

/**
 * Config files as the server reads them: only under its folder, `extends` included. A config the folder holds cannot make it
 * read a file elsewhere (`extends: ~/.aws/credentials`), whose first characters a parse problem would quote to the agent.
 */
function configHostIn(root: string): ConfigHost {
  return {
    ...nodeConfigHost,
    readFile: (path) => (isInside(root, path) ? nodeConfigHost.readFile(path) : { problem: `it is outside ${root}: the StoryDeck MCP server reads only under the folder it was started in.` }),
  };
}

function inRoot(root: string, path: string): string {
  const absolute = resolveInRoot(root, path);
  if (!absolute) throw new ToolInputError(`${path} is outside ${root}: the StoryDeck MCP server reads and writes only under the folder it was started in.`);
  return absolute;
}

// `node dist/mcp.js` (VS Code's server definition) serves the folder it runs in; `storydeck mcp` requires this bundle and calls serveMcp.
if (require.main === module) {
  guardOutput(process.stdout, process.stderr, (line) => process.stderr.write(`${line}\n`));
  serveMcp(process.cwd()).catch((e: unknown) => {
    process.stderr.write(`storydeck mcp: ${escapeControls((e as Error)?.message ?? String(e))}\n`);
    process.exitCode = 2;
  });
}
