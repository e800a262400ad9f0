import assert from 'node:assert/strict';
import { lintText } from '../../../src/core/lint';
import { readStory } from '../../../src/core/story';
import type * as CodeActions from '../../../src/extension/codeActions';
import type * as Diagnostics from '../../../src/extension/diagnostics';
import { EndOfLine, Position, Range, withVscodeStub, type CodeAction, type WorkspaceEdit } from './vscodeStub';

/* eslint-disable @typescript-eslint/no-require-imports -- the modules are loaded with `vscode` resolved to the stub */
const { StoryDeckCodeActions } = withVscodeStub(() => require('../../../src/extension/codeActions') as typeof CodeActions);
const { toRange } = withVscodeStub(() => require('../../../src/extension/diagnostics') as typeof Diagnostics);
/* eslint-enable @typescript-eslint/no-require-imports */

/** The quick fixes VS Code would offer for the findings of `ruleId` whose message matches `message`, for `text` as an open document. */
function quickFixes(text: string, ruleId: string, message: RegExp): CodeAction[] {
  const { deck, findings } = lintText(text);
  const state = { version: 1, deck, findings, story: readStory(deck, {}), config: {}, plugins: [] };
  const lines = text.split('\n');
  const document = {
    uri: 'file:///deck.md',
    version: 1,
    eol: EndOfLine.LF,
    lineCount: lines.length,
    getText: () => text,
    lineAt: (line: number) => ({ text: lines[line], range: new Range(line, 0, line, lines[line].length) }),
    validateRange: (range: Range) => range,
    positionAt: () => new Position(0, 0),
  };
  const diagnostics = findings.filter((f) => f.ruleId === ruleId && message.test(f.message)).map((f) => ({ source: 'storydeck', code: f.ruleId, message: f.message, range: toRange(f) }));
  assert.equal(diagnostics.length, 1, `one ${ruleId} finding`);
  const linter = { state: () => state } as unknown as ConstructorParameters<typeof StoryDeckCodeActions>[0];
  const actions = new StoryDeckCodeActions(linter).provideCodeActions(document as never, diagnostics[0].range as never, { diagnostics, only: undefined } as never);
  return actions as unknown as CodeAction[];
}

const UNOWNED_ASK =
  '# Faster depot checks\n\n## The problem\n\nDrivers wait forty minutes at the depot gate every morning while a clerk checks each van by hand.\n\n## What we propose\n\nPut a tablet at the gate so drivers check their own van in two minutes.\n\n## Success\n\nGate waits drop from forty minutes to five minutes by June.\n\n## Next steps\n\nWe need approval to buy twelve tablets.\n';

describe('VS Code code actions (with a stub of the vscode module)', () => {
  it('offer "Set kind: …" for the ask question when the kind is a guess, and no slide to insert: the ask is there', () => {
    const actions = quickFixes(UNOWNED_ASK, 'call-to-action', /^Is this the ask\?/);
    const titles = actions.map((a) => a.title);
    assert.ok(titles.includes('Set kind: talk'), titles.join(', '));
    assert.equal(titles.at(-1), 'Set kind: pitch', 'the guess last');
    assert.ok(!titles.some((t) => t.startsWith('Insert ')), titles.join(', '));
    const talk = actions.find((a) => a.title === 'Set kind: talk')!;
    assert.deepEqual(
      (talk.edit as WorkspaceEdit).edits.map(([, , text]) => text),
      ['---\nkind: talk\n---\n\n'],
    );
  });

  it('offer no "Set kind: …" for it when the front matter names the kind', () => {
    const titles = quickFixes(`---\nkind: pitch\n---\n\n${UNOWNED_ASK}`, 'call-to-action', /^Is this the ask\?/).map((a) => a.title);
    assert.deepEqual(
      titles.filter((t) => t.startsWith('Set kind: ')),
      [],
    );
    assert.ok(titles.includes('Disable call-to-action for this line'), titles.join(', '));
  });
});
