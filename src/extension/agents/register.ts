import * as vscode from 'vscode';
import { TOOL_SPECS } from '../../core/agent/tools';
import type { NarrativeLinter } from '../diagnostics';
import { agents as loadAgents } from '../firstUse';
import type * as Agents from './index';

/** The `@storydeck` participant's id (package.json `chatParticipants`). */
export const PARTICIPANT_ID = 'storydeck.coach';
/** Applies an edit the participant proposed, when the user presses its button; then re-lints and says what changed. */
export const APPLY_COMMAND = 'storydeck.agents.apply';

/**
 * StoryDeck for agents in VS Code, registered at activation: the language-model tools (package.json
 * `languageModelTools`), the `@storydeck` chat participant and the MCP server definition. Their code is
 * dist/agents.js, loaded the first time a tool is prepared or invoked, the participant gets a request or a
 * proposal is applied; the MCP server is dist/mcp.js, a process VS Code starts when an agent wants it.
 */
export function registerAgents(context: vscode.ExtensionContext, linter: NarrativeLinter): void {
  let agents: typeof Agents | undefined;
  const load = () => (agents ??= loadAgents());
  const deps = { linter, extensionUri: context.extensionUri };

  for (const spec of TOOL_SPECS.filter((s) => s.surfaces.includes('vscode'))) {
    context.subscriptions.push(
      vscode.lm.registerTool<object>(spec.name, {
        prepareInvocation: (options) => load().prepareTool(spec.name, options),
        invoke: (options) => load().invokeTool(spec.name, deps, options),
      }),
    );
  }

  const participant = vscode.chat.createChatParticipant(PARTICIPANT_ID, (request, chatContext, stream, token) => load().handleChat(deps, request, chatContext, stream, token));
  participant.iconPath = vscode.Uri.joinPath(context.extensionUri, 'media', 'icon.png');
  context.subscriptions.push(
    participant,
    vscode.commands.registerCommand(APPLY_COMMAND, (proposal: Agents.Proposal) => load().applyProposal(deps, proposal)),
    vscode.lm.registerMcpServerDefinitionProvider('storydeck.mcp', { provideMcpServerDefinitions: () => mcpServers(context) }),
  );
}

/**
 * `storydeck mcp` for each workspace folder on disk, run with the editor's own Node.js (ELECTRON_RUN_AS_NODE
 * makes VS Code's executable behave as Node), so agents see StoryDeck's tools without any setup.
 */
function mcpServers(context: vscode.ExtensionContext): vscode.McpStdioServerDefinition[] {
  const server = vscode.Uri.joinPath(context.extensionUri, 'dist', 'mcp.js').fsPath;
  const version = String((context.extension.packageJSON as { version?: string }).version ?? '');
  const folders = (vscode.workspace.workspaceFolders ?? []).filter((folder) => folder.uri.scheme === 'file');
  return folders.map((folder) => {
    const definition = new vscode.McpStdioServerDefinition(folders.length > 1 ? `StoryDeck (${folder.name})` : 'StoryDeck', process.execPath, [server], { ELECTRON_RUN_AS_NODE: '1' }, version);
    definition.cwd = folder.uri;
    return definition;
  });
}
