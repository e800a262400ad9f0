import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { beatDraftEdit } from '../../../src/core/agent/coach';
import { lintResult, TOOL_SPECS } from '../../../src/core/agent/tools';
import { handleChat } from '../../../src/extension/agents/chat';
import { prepareTool } from '../../../src/extension/agents/tools';
import { NarrativeLinter } from '../../../src/extension/diagnostics';
import { activate, askLauncher, autoSaveOff, lmDouble, openAndLint, ruleIds, workspaceUri, type StoryDeckApi } from './helpers';

// StoryDeck's language-model tools as any chat extension or agent sees them: vscode.lm.tools and vscode.lm.invokeTool.
describe('agents: language-model tools', () => {
  let api: StoryDeckApi;
  const DRAFT = 'agents/draft.md';

  let restoreAutoSave: () => Thenable<void>;

  before(async () => {
    api = await activate();
    restoreAutoSave = await autoSaveOff(); // an applied edit waits in the editor, unsaved
  });
  after(async () => {
    await restoreAutoSave();
  });
  afterEach(async () => {
    // Edits a test made stay unsaved: drop them, so the next test reads the fixture as it is on disk.
    for (const document of vscode.workspace.textDocuments.filter((d) => d.isDirty)) {
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  const invoke = async (name: string, input: object) => {
    const result = await vscode.lm.invokeTool(name, { input, toolInvocationToken: undefined });
    const [part] = result.content;
    assert.ok(part instanceof vscode.LanguageModelTextPart, `${name} answers with text`);
    return JSON.parse(part.value);
  };

  const prepare = (name: Parameters<typeof prepareTool>[0], input: object) => prepareTool(name, { input } as vscode.LanguageModelToolInvocationPrepareOptions<object>);
  /** What a MarkdownString made by appendText shows: its value with Markdown's escapes (and appendText's `&nbsp;`) taken off. */
  const unescapeMarkdown = (value: string) => value.replace(/&nbsp;/g, ' ').replace(/\\([\\`*_{}[\]()#+\-.!~<>|])/g, '$1');
  const shown = (message: string | vscode.MarkdownString | undefined) => (message instanceof vscode.MarkdownString ? unescapeMarkdown(message.value) : message);

  it('refuses the write tools until the workspace is trusted', async function () {
    if (vscode.workspace.isTrusted) this.skip(); // trusted by 0-trust.test.ts, or launched with Workspace Trust off
    await openAndLint(api, DRAFT);
    await assert.rejects(prepare('storydeck_insert_beat', { path: DRAFT, beat: 'ask' }), /Insert a missing beat runs only in a trusted workspace/);
    assert.ok((await invoke('storydeck_lint', { path: DRAFT })).findings.length > 0, 'read-only tools work everywhere');
    // The rest of the suite writes: trust the workspace as 0-trust.test.ts does.
    await vscode.commands.executeCommand('workbench.trust.manage');
    if (!(await askLauncher('trust'))) this.skip();
    await waitUntil('workspace trust', () => vscode.workspace.isTrusted);
  });

  it('lists each tool in vscode.lm.tools with the schema StoryDeck declares', async () => {
    const specs = TOOL_SPECS.filter((s) => s.surfaces.includes('vscode'));
    await waitUntil('the tools to be registered', () => specs.every((s) => vscode.lm.tools.some((t) => t.name === s.name)));
    for (const spec of specs) {
      const tool = vscode.lm.tools.find((t) => t.name === spec.name)!;
      assert.equal(tool.description, spec.description);
      assert.deepEqual(tool.inputSchema, spec.inputSchema);
    }
  });

  it('storydeck_lint returns the findings the editor shows, through vscode.lm.invokeTool', async () => {
    const { document } = await openAndLint(api, DRAFT);
    const result = await invoke('storydeck_lint', { path: DRAFT });
    assert.equal(result.file, DRAFT);
    const found = [...new Set((result.findings as { ruleId: string }[]).map((f) => f.ruleId))].sort();
    assert.deepEqual(found, [...new Set(ruleIds(document.uri))].sort(), "the same rules as the diagnostics, with the folder's config (plain-words)");
    assert.ok(found.includes('plain-words'));
    const plain = (result.findings as { ruleId: string; range: { line: number } }[]).find((f) => f.ruleId === 'plain-words')!;
    assert.equal(plain.range.line, 7);
  });

  it('storydeck_outline reads the narrative in the active editor, unsaved edits included', async () => {
    const editor = await openAndLint(api, DRAFT);
    await editor.edit((b) => b.insert(new vscode.Position(editor.document.lineCount, 0), '\n---\n\n## Unsaved slide\n\nOnly in the editor.\n'));
    const result = await invoke('storydeck_outline', {});
    assert.equal(result.audience, 'Nursing leadership');
    assert.equal(result.plannedSeconds, 300);
    assert.deepEqual(
      (result.slides as { title: string }[]).map((s) => s.title),
      ['Introducing the shiftboard', 'Why now', 'Unsaved slide'],
    );
    assert.ok((result.missing as string[]).includes('ask'));
  });

  it('refuses a path outside the workspace with one message', async () => {
    await assert.rejects(invoke('storydeck_lint', { path: '../../etc/passwd' }), /StoryDeck: "\.\.\/\.\.\/etc\/passwd" is not inside a workspace folder/);
  });

  it('validates the input before it asks: a path outside the workspace, a folder, a file that is not Markdown or a bad argument is refused, never shown for confirmation', async () => {
    await assert.rejects(prepare('storydeck_insert_beat', { path: '../../etc/passwd', beat: 'ask' }), /^Error: StoryDeck: "\.\.\/\.\.\/etc\/passwd" is not inside a workspace folder/);
    await assert.rejects(prepare('storydeck_export', { path: '/etc/passwd', format: 'html' }), /"\/etc\/passwd" is not inside a workspace folder/);
    await assert.rejects(prepare('storydeck_lint', { path: '../../etc/passwd' }), /is not inside a workspace folder/);
    await assert.rejects(prepare('storydeck_export', { path: 'agents', format: 'html' }), /StoryDeck: "agents" is not a file\./);
    await assert.rejects(prepare('storydeck_export', { path: 'agents/missing.md', format: 'html' }), /StoryDeck: "agents\/missing\.md" does not exist in the workspace\./);
    await assert.rejects(prepare('storydeck_insert_beat', { path: DRAFT, beat: 'everything' }), /"beat" must be one of /);
    await assert.rejects(prepare('storydeck_export', { path: `${'x/'.repeat(5000)}a.md`, format: 'html' }), (e: Error) => e.message.length < 400);
  });

  it('shows the validated path quoted, its controls escaped, as text that renders no Markdown', async () => {
    const name = 'agents/x\u202e\u001b[2J[go](command:workbench.action.quit).md';
    await vscode.workspace.fs.writeFile(workspaceUri(name), Buffer.from('# A narrative\n'));
    try {
      const prepared = await prepare('storydeck_export', { path: name, format: 'html' });
      const message = prepared.confirmationMessages?.message;
      assert.ok(message instanceof vscode.MarkdownString, 'a MarkdownString of plain text');
      assert.ok(!message.isTrusted, 'no command link runs');
      assert.doesNotMatch(message.value, /[\u001b\u202e]/, 'no control character');
      assert.doesNotMatch(message.value, /\[go\]\(command:/, 'no link');
      assert.equal(unescapeMarkdown(message.value), 'Export "agents/x\\u202e\\u001b[2J[go](command:workbench.action.quit).md" to HTML?');
    } finally {
      await vscode.workspace.fs.delete(workspaceUri(name));
    }
  });

  // VS Code itself shows the confirmation and calls invoke only once the user agrees. Under extension tests its
  // dialog service confirms without showing anything, so the suite checks what StoryDeck controls: the tool asks
  // (prepareInvocation returns a confirmation) without touching the file, and writes only when invoked.
  it('storydeck_insert_beat asks for confirmation, and preparing it changes nothing', async () => {
    const { document } = await openAndLint(api, DRAFT);
    const before = document.getText();
    const prepared = await prepare('storydeck_insert_beat', { path: DRAFT, beat: 'ask' });
    assert.equal(prepared.confirmationMessages?.title, 'StoryDeck: Insert a missing beat');
    assert.equal(shown(prepared.confirmationMessages?.message), `Insert a 'ask' slide skeleton into "agents/draft.md"? The edit goes into the editor, unsaved, where you can undo it.`);
    assert.equal(document.getText(), before);
    assert.equal(document.isDirty, false);
    const exporting = await prepare('storydeck_export', { format: 'pdf' });
    assert.equal(shown(exporting.confirmationMessages?.message), 'Export the active narrative, "agents/draft.md" to PDF (runs a local browser to print it)?');
    assert.equal((await prepare('storydeck_lint', {})).confirmationMessages, undefined, 'read-only tools do not ask');
  });

  it('storydeck_insert_beat, once confirmed, inserts the skeleton into the editor for the user to keep or undo', async () => {
    const { document } = await openAndLint(api, DRAFT);
    const result = await invoke('storydeck_insert_beat', { path: DRAFT, beat: 'ask' });
    assert.equal(result.beat, 'ask');
    assert.match(document.getText(), /<!-- beat: ask -->/);
    assert.ok(document.getText().includes(result.edit.text));
    assert.equal(document.isDirty, true, 'the edit waits in the editor, unsaved');
    await assert.rejects(invoke('storydeck_insert_beat', { path: DRAFT, beat: 'ask' }), /already has a slide for the 'ask' beat/);
  });

  it("storydeck_export writes through the editor's own export, and replaces a file only when asked", async () => {
    const result = await invoke('storydeck_export', { path: DRAFT, format: 'html' });
    assert.deepEqual(result, { output: 'agents/draft.html', format: 'html' });
    const written = await vscode.workspace.fs.readFile(workspaceUri('agents/draft.html'));
    assert.match(Buffer.from(written).toString('utf8'), /^<!doctype html>/i);
    await assert.rejects(invoke('storydeck_export', { path: DRAFT, format: 'html' }), /an export of that name exists \(call again with "replace": true\)/);
    assert.deepEqual(await invoke('storydeck_export', { path: DRAFT, format: 'html', replace: true }), result);
  });

  it('storydeck_export exports the cut for an audience, in a file of its own, and refuses a name that is not one', async () => {
    assert.deepEqual(await invoke('storydeck_export', { path: DRAFT, format: 'html', audience: 'board', notes: false, replace: true }), { output: 'agents/draft-board.html', format: 'html' });
    await assert.rejects(invoke('storydeck_export', { path: DRAFT, format: 'html', audience: '../../outside' }), /"audience" must match /);
  });
});

async function waitUntil(what: string, check: () => boolean, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

// The participant's handler and its button's command in the real extension host. Without any model the chat view
// sends no request at all (VS Code needs a default model), so the no-model path calls the handler as VS Code would,
// with the test model withdrawn and a request that names no model. Requests typed into the chat view, answered by a
// model the test controls, are in coach.test.ts.
describe('agents: @storydeck', () => {
  let api: StoryDeckApi;
  let linter: NarrativeLinter;
  before(async () => {
    api = await activate();
    linter = new NarrativeLinter(vscode.Uri.file(__dirname));
  });
  after(async () => {
    linter.dispose();
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('/review without a model says how to get one, and reviews from the rules alone', async function () {
    const double = await lmDouble();
    await double?.setAvailable(false);
    const said: string[] = [];
    const buttons: vscode.Command[] = [];
    let result: vscode.ChatResult;
    try {
      if ((await vscode.lm.selectChatModels()).length > 0) this.skip(); // another model is installed: not the no-model path
      await openAndLint(api, 'agents/draft.md');
      const stream = { markdown: (text: string) => said.push(text), button: (command: vscode.Command) => buttons.push(command) } as unknown as vscode.ChatResponseStream;
      const request = { command: 'review', prompt: '', model: undefined } as unknown as vscode.ChatRequest;
      result = await handleChat({ linter, extensionUri: vscode.Uri.file(__dirname) }, request, { history: [] }, stream, new vscode.CancellationTokenSource().token);
    } finally {
      await double?.setAvailable(true);
    }
    assert.deepEqual(result.metadata, { command: 'review', model: false });
    assert.match(said[0], /^No language model is available to StoryDeck\. Install an extension that provides one/);
    assert.match(said[1], /\*\*agents\/draft\.md\*\* is read as pitch \(default\)/);
    assert.match(said[1], /- Line 7 · warning · `plain-words`: Call it "Handoff Board", not "shiftboard"\./, "the folder's config applies");
    assert.deepEqual(buttons, []);
  });

  it('its button applies a proposed slide, re-lints and says what changed', async () => {
    const { document } = await openAndLint(api, 'agents/draft.md');
    const input = { text: document.getText(), file: 'agents/draft.md', config: (await linter.configFor(document.uri)).config };
    const edit = beatDraftEdit(input.text, 'value', '## Nurses start informed\n\nEvery night nurse starts the shift knowing what changed for each patient.')!;
    const proposal = { uri: document.uri.toString(), version: document.version, edit, before: lintResult(input) };
    const said = await vscode.commands.executeCommand<string | undefined>('storydeck.agents.apply', proposal);
    assert.match(document.getText(), /## Nurses start informed\n\n<!-- beat: value -->/);
    assert.match(said ?? '', /^StoryDeck: applied; resolved customer-value; \d+ findings remain \(\d+ error\(s\), \d+ warning\(s\)\)\.$/);
    assert.equal(await vscode.commands.executeCommand('storydeck.agents.apply', proposal), undefined, 'a proposal for an older version of the text is not applied');
  });
});
