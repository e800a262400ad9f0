/**
 * A language model the integration suites control (test only; test/integration/build.js bundles it with this
 * folder's package.json into out/integration/lm-double, which the launchers load as a second development
 * extension). It registers one model for the `storydeck-test` vendor the manifest contributes, records every
 * request it receives and answers with the text a test set. `activate()` returns the controls.
 */
import * as vscode from 'vscode';

export interface LmRequest {
  /** The model the request was sent to. */
  model: string;
  /** The text of each message, in order. */
  messages: string[];
}

/** What became of a tool call the test agent made. */
export interface ToolCall {
  name: string;
  /** The tool's text answer, or the message of the error it ended with (a declined confirmation cancels it). */
  outcome: { ok: true; text: string } | { ok: false; message: string };
}

export interface LmDouble {
  /** The model's id, as `vscode.lm.selectChatModels` lists it. */
  readonly modelId: string;
  /** Every request the model received, oldest first. */
  readonly requests: LmRequest[];
  /** What the model answers (in two chunks, as a streaming model does). */
  answer: string;
  /**
   * Every tool call the test agent made. The agent is the default chat participant of this extension: a chat
   * request of the form `{"tool": name, "input": {…}}` makes it invoke that tool within the request, as Copilot's
   * agent mode does, so VS Code asks the user to confirm it in the chat view.
   */
  readonly toolCalls: ToolCall[];
  /** Offers the model, or withdraws it so that no model is available; resolves once `vscode.lm` agrees. */
  setAvailable(available: boolean): Promise<void>;
}

// The provider API is final since VS Code 1.104; the project's @types/vscode is older, so the part used here is typed locally.
interface ChatInformation {
  id: string;
  name: string;
  family: string;
  version: string;
  maxInputTokens: number;
  maxOutputTokens: number;
  capabilities: Record<string, never>;
  /** Proposed (chatProvider): a chat request goes through only when some model is the default and can be picked. */
  isDefault: boolean;
  isUserSelectable: boolean;
}
interface ChatProvider {
  onDidChangeLanguageModelChatInformation: vscode.Event<void>;
  provideLanguageModelChatInformation(options: { silent: boolean }, token: vscode.CancellationToken): ChatInformation[];
  provideLanguageModelChatResponse(
    model: ChatInformation,
    messages: readonly vscode.LanguageModelChatMessage[],
    options: unknown,
    progress: vscode.Progress<vscode.LanguageModelTextPart>,
    token: vscode.CancellationToken,
  ): Promise<void>;
  provideTokenCount(model: ChatInformation, text: string | vscode.LanguageModelChatMessage, token: vscode.CancellationToken): Promise<number>;
}
type LmWithProviders = typeof vscode.lm & { registerLanguageModelChatProvider(vendor: string, provider: ChatProvider): vscode.Disposable };

const VENDOR = 'storydeck-test';
const MODEL: ChatInformation = {
  id: 'storydeck-test-model',
  name: 'StoryDeck test model',
  family: 'storydeck-test',
  version: '1',
  maxInputTokens: 100_000,
  maxOutputTokens: 10_000,
  capabilities: {},
  isDefault: true,
  isUserSelectable: true,
};

const textOf = (message: vscode.LanguageModelChatMessage) =>
  message.content
    .filter((part): part is vscode.LanguageModelTextPart => part instanceof vscode.LanguageModelTextPart)
    .map((part) => part.value)
    .join('');

export function activate(context: vscode.ExtensionContext): LmDouble {
  let available = true;
  const changed = new vscode.EventEmitter<void>();
  const double: LmDouble = {
    modelId: MODEL.id,
    requests: [],
    answer: '',
    toolCalls: [],
    async setAvailable(offer) {
      available = offer;
      changed.fire();
      const deadline = Date.now() + 10_000;
      while ((await vscode.lm.selectChatModels({ vendor: VENDOR })).length !== (offer ? 1 : 0)) {
        if (Date.now() > deadline) throw new Error(`vscode.lm did not ${offer ? 'list' : 'drop'} the test model within 10 s`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
  };
  const provider: ChatProvider = {
    onDidChangeLanguageModelChatInformation: changed.event,
    provideLanguageModelChatInformation: () => (available ? [MODEL] : []),
    async provideLanguageModelChatResponse(model, messages, _options, progress) {
      double.requests.push({ model: model.id, messages: messages.map(textOf) });
      const half = Math.ceil(double.answer.length / 2);
      for (const chunk of [double.answer.slice(0, half), double.answer.slice(half)]) progress.report(new vscode.LanguageModelTextPart(chunk));
    },
    provideTokenCount: async (_model, text) => Math.ceil((typeof text === 'string' ? text : textOf(text)).length / 4),
  };
  // The chat view shows only once a default participant is registered (Copilot's, elsewhere): this one calls tools.
  const agent = vscode.chat.createChatParticipant('storydeck-test.default', async (request) => {
    let call: { tool: string; input: object };
    try {
      call = JSON.parse(request.prompt) as { tool: string; input: object };
    } catch {
      return {};
    }
    try {
      const result = await vscode.lm.invokeTool(call.tool, { input: call.input, toolInvocationToken: request.toolInvocationToken });
      const text = result.content.map((part) => (part instanceof vscode.LanguageModelTextPart ? part.value : '')).join('');
      double.toolCalls.push({ name: call.tool, outcome: { ok: true, text } });
    } catch (e) {
      double.toolCalls.push({ name: call.tool, outcome: { ok: false, message: String((e as Error)?.message ?? e) } });
    }
    return {};
  });
  context.subscriptions.push(agent);
  context.subscriptions.push(changed, (vscode.lm as LmWithProviders).registerLanguageModelChatProvider(VENDOR, provider));
  return double;
}
