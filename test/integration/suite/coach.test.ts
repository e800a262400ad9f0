import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { LmDouble } from '../lm-double/extension';
import { activate, askLauncher, autoSaveOff, clickInWorkbench, countInWorkbench, eventually, lmDouble, openAndLint, ruleIds, waitFor, workspaceUri, type StoryDeckApi } from './helpers';

// @storydeck as a user meets it: a request typed into the chat view, answered by a language model. The model is the
// test double of test/integration/lm-double (installed by the code-server launcher): it records the prompt it
// receives and answers with what the test sets, so the suite checks both sides of the participant.
describe('agents: @storydeck with a language model', () => {
  let api: StoryDeckApi;
  let double: LmDouble;
  const DRAFT = 'agents/draft.md';
  let restoreAutoSave: (() => Thenable<void>) | undefined;

  before(async function () {
    const found = await lmDouble();
    if (!found) this.skip(); // not under code-server's launcher (no test model installed)
    double = found;
    api = await activate();
    restoreAutoSave = await autoSaveOff(); // a proposal's edit waits in the editor, unsaved
    await double.setAvailable(true);
    // The chat view, in Ask mode (where participants answer); its first opening takes a moment.
    await vscode.commands.executeCommand('workbench.action.chat.open', { mode: 'ask' });
  });
  after(async () => {
    // The suites after this one expect the workbench as they found it: no chat view holding the focus.
    await vscode.commands.executeCommand('workbench.action.closeAuxiliaryBar');
    await restoreAutoSave?.();
  });
  afterEach(async () => {
    for (const document of vscode.workspace.textDocuments.filter((d) => d.isDirty)) {
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });

  /** Sends `query` from the chat view, as a user who types it and presses Enter, and resolves with the prompt the model received. */
  async function ask(query: string): Promise<string[]> {
    const before = double.requests.length;
    // Not awaited: the command settles with the chat's response, which the test follows through the model instead.
    void vscode.commands.executeCommand('workbench.action.chat.open', { query, mode: 'ask' });
    const deadline = Date.now() + 20_000;
    while (double.requests.length === before) {
      if (Date.now() > deadline) assert.fail(`the model received no request for "${query}" within 20 s`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.equal(double.requests.length, before + 1, 'one request to the model');
    assert.equal(double.requests[before].model, double.modelId);
    return double.requests[before].messages;
  }

  it("/review sends the model the narrative, its slides and the rules' findings, as facts to explain", async () => {
    const { document } = await openAndLint(api, DRAFT);
    double.answer = 'Slide 1, "Introducing the shiftboard", opens with the solution: say why first.';
    const [instruction, facts, ...rest] = await ask('@storydeck /review');
    assert.deepEqual(rest, [], 'two messages: the instruction, then the facts');
    assert.match(instruction, /^You are StoryDeck's coach .* StoryDeck's deterministic rules are the source of truth/);
    assert.match(instruction, /Walk the writer through the findings below, most severe first\. .* to this audience \(Nursing leadership\)/);
    assert.match(facts, /^Narrative: agents\/draft\.md, read as pitch \(default\), for Nursing leadership; talk time about 20s of 5m00s planned\./);
    assert.match(facts, /\nSlides:\n1\. Introducing the shiftboard — beats: what; about 10s\n2\. Why now — beats: pain; about 10s\n/);
    assert.match(facts, /- line 7, warning, plain-words: Call it "Handoff Board", not "shiftboard"\./, "the folder's config applies");
    for (const ruleId of new Set(ruleIds(document.uri))) assert.ok(facts.includes(`, ${ruleId}: `), `the prompt carries the ${ruleId} finding the editor shows`);
    assert.ok(facts.endsWith(`\`\`\`\`markdown\n${document.getText()}\n\`\`\`\``), 'the narrative as the editor has it, last');
  });

  it("/beat drafts the missing beat from the model's answer, and its button inserts the slide and re-lints", async function () {
    const { document } = await openAndLint(api, DRAFT);
    assert.ok(ruleIds(document.uri).includes('customer-value'));
    double.answer = [
      'From slide 2:',
      '',
      '```markdown',
      '## Nurses start informed',
      '',
      'Every night nurse starts the shift knowing what changed for each patient, instead of losing twenty minutes.',
      '```',
      '',
      'Check the twenty minutes against your own figures.',
    ].join('\n');
    const [instruction, facts] = await ask('@storydeck /beat value');
    assert.match(instruction, /Draft the missing 'value' beat \(what changes for the customer\) from what the narrative already says/);
    assert.match(instruction, /the line <!-- beat: value -->/);
    assert.match(facts, /^Missing beats: [^\n]*\bvalue\b/m);
    assert.equal(document.getText().includes('Nurses start informed'), false, 'nothing is written before the user asks');

    await clickInWorkbench(this, 'button', "Insert this 'value' slide");
    await waitFor('the drafted slide in the editor', () => document.getText().includes('## Nurses start informed\n\n<!-- beat: value -->\n\nEvery night nurse starts the shift'));
    assert.equal(document.isDirty, true, 'the edit waits in the editor, unsaved, where the user can undo it');
    await waitFor('the re-lint without customer-value', () => !ruleIds(document.uri).includes('customer-value'));
  });

  // A write tool called by an agent within a chat request: VS Code asks the user in the chat view (the tool's
  // prepareInvocation), and the user declines. The agent is the test extension's default participant.
  for (const { tool, input, untouched } of [
    { tool: 'storydeck_insert_beat', input: { path: DRAFT, beat: 'ask' }, untouched: DRAFT },
    { tool: 'storydeck_export', input: { path: DRAFT, format: 'pptx' }, untouched: 'agents/draft.pptx' },
  ]) {
    it(`${tool}, declined in the chat view, writes nothing`, async function () {
      if (!vscode.workspace.isTrusted) {
        // Write tools are refused before any confirmation in an untrusted workspace: trust it as 0-trust.test.ts does.
        await vscode.commands.executeCommand('workbench.trust.manage');
        if (!(await askLauncher('trust'))) this.skip();
        await eventually('workspace trust', async () => vscode.workspace.isTrusted);
      }
      const { document } = await openAndLint(api, DRAFT);
      const text = document.getText();
      const existed = await exists(workspaceUri(untouched));
      const calls = double.toolCalls.length;
      void vscode.commands.executeCommand('workbench.action.chat.open', { query: JSON.stringify({ tool, input }), mode: 'ask' });
      await sleepUntil('the confirmation', async () => (await countInWorkbench(this, 'button', 'Skip', { exact: false })) > 0);
      await clickInWorkbench(this, 'button', 'Skip', false);
      await sleepUntil('the tool call to end', async () => double.toolCalls.length > calls);
      const [call] = double.toolCalls.slice(calls);
      assert.equal(call.name, tool);
      // VS Code answers the agent itself (or cancels the call): StoryDeck's invoke never ran.
      assert.match(call.outcome.ok ? call.outcome.text : call.outcome.message, /^The user chose to skip the tool call/);
      assert.equal(document.getText(), text, 'the narrative is as it was');
      assert.equal(document.isDirty, false);
      assert.equal(await exists(workspaceUri(untouched)), existed, `${untouched} was not written`);
    });
  }
});

async function exists(uri: vscode.Uri): Promise<boolean> {
  return vscode.workspace.fs.stat(uri).then(
    () => true,
    () => false,
  );
}

async function sleepUntil(what: string, check: () => Promise<boolean>): Promise<void> {
  await eventually(what, check, 20_000);
}
