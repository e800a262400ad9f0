import type * as Scaffold from '../core/scaffold';
import type * as Exporter from '../node/exporter';
import type * as TemplateFiles from '../node/templates';
import type * as McpServer from './mcp/server';

// Code that only some commands run, required when one of them first needs it, so that the others neither load nor
// run it: `import` would run it whenever the CLI starts. The exporter (with pptxgenjs and JSZip behind it) and the
// MCP server are their own bundles (esbuild.js, ON_FIRST_USE: each `require` of one becomes `require('./NAME.js')`);
// the templates and Handlebars stay in dist/cli.js, where esbuild wraps a module that is required this way so that
// its top-level code runs on the first call, not at start-up.

/** `storydeck export`, and the MCP server's export tool: dist/exporter.js. */
export const exporter = () => require('../node/exporter') as typeof Exporter;

/** `storydeck mcp`: the MCP server and its SDK, dist/mcp.js. */
export const mcpServer = () => require('./mcp/server') as typeof McpServer;

/** `storydeck new` and `templates`: the template engine and Handlebars. */
export const scaffold = () => require('../core/scaffold') as typeof Scaffold;

/** `storydeck new` and `templates`: the template files on disk. */
export const templateFiles = () => require('../node/templates') as typeof TemplateFiles;
