import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import { COACH_COMMANDS } from '../../../src/core/agent/coach';
import { insertBeatResult, lintResult, outlineResult, TOOL_SPECS, ToolInputError, validateToolInput, type ToolName } from '../../../src/core/agent/tools';
import { BEAT_IDS } from '../../../src/core/deck';

const NARRATIVE = `---
title: Faster month-end close
audience: Finance leadership
duration: 5m
storydeck: true
---

# Faster month-end close

We built a reconciliation engine that matches ledger lines automatically.

---

## How it works

It reads both ledgers every night and flags mismatches.
`;

const input = (text = NARRATIVE) => ({ text, file: 'talks/close.md', config: {} });

describe('agent tools', () => {
  describe('input schemas', () => {
    const ajv = new Ajv({ strict: true });

    for (const spec of TOOL_SPECS) {
      it(`${spec.name}: a valid JSON Schema for an object, with a title and a description that says whether it changes files`, () => {
        assert.ok(ajv.validateSchema(spec.inputSchema), ajv.errorsText(ajv.errors));
        assert.equal(spec.inputSchema.type, 'object');
        assert.match(spec.name, /^storydeck_[a-z_]+$/);
        assert.ok(spec.title && spec.description.length > 40);
        if (!spec.writes) assert.match(spec.description, /Read-only\./);
        if (spec.writes && spec.surfaces.includes('vscode')) assert.match(spec.description, /confirm and runs only in a trusted workspace/);
      });
    }

    // validateToolInput checks a subset of JSON Schema by hand: it must agree with a real validator on every case.
    const cases: [ToolName, unknown][] = [
      ['storydeck_lint', {}],
      ['storydeck_lint', { path: 'talk.md' }],
      ['storydeck_lint', { path: '' }],
      ['storydeck_lint', { path: 3 }],
      ['storydeck_lint', { file: 'talk.md' }],
      ['storydeck_lint', []],
      ['storydeck_lint', 'talk.md'],
      ['storydeck_insert_beat', { path: 'talk.md', beat: 'why' }],
      ['storydeck_insert_beat', { path: 'talk.md' }],
      ['storydeck_insert_beat', { beat: 'purpose' }],
      ['storydeck_export', { format: 'pdf', replace: true }],
      ['storydeck_export', { format: 'docx' }],
      ['storydeck_export', { format: 'html', replace: 'yes' }],
      ['storydeck_export', { format: 'html', audience: 'executives', notes: false }],
      ['storydeck_export', { format: 'html', audience: '../../outside' }],
      ['storydeck_export', { format: 'html', audience: '' }],
      ['storydeck_templates', {}],
      ['storydeck_templates', { id: 'x' }],
      ['storydeck_new', { template: 'town-hall', output: 'a.md', answers: { title: 'T' } }],
      ['storydeck_new', { template: 'town-hall', output: 'a.md', answers: { title: 4 } }],
      ['storydeck_new', { template: 'town-hall' }],
    ];
    for (const [name, value] of cases) {
      it(`${name} ${JSON.stringify(value)}: accepted exactly when the JSON Schema accepts it`, () => {
        const spec = TOOL_SPECS.find((s) => s.name === name)!;
        const expected = ajv.validate(spec.inputSchema, value);
        let problem: string | undefined;
        try {
          assert.deepEqual(validateToolInput(name, value), value);
        } catch (e) {
          if (!(e instanceof ToolInputError)) throw e;
          problem = e.message;
        }
        assert.equal(problem === undefined, expected, problem ?? `accepted what the schema refuses: ${ajv.errorsText(ajv.errors)}`);
        if (problem) assert.match(problem, /^(the input|")[^\n]+\.$/, 'one sentence naming what is wrong');
      });
    }

    it('names an unknown tool and the tools there are', () => {
      assert.throws(() => validateToolInput('storydeck_delete' as ToolName, {}), /unknown tool "storydeck_delete"; StoryDeck's tools are storydeck_lint, /);
    });
  });

  it('package.json contributes each VS Code tool as the shared spec defines it, the write tools for trusted workspaces only', () => {
    const { contributes } = JSON.parse(readFileSync('package.json', 'utf8'));
    const specs = TOOL_SPECS.filter((s) => s.surfaces.includes('vscode'));
    assert.deepEqual(
      contributes.languageModelTools.map((t: { name: string }) => t.name),
      specs.map((s) => s.name),
    );
    for (const spec of specs) {
      const tool = contributes.languageModelTools.find((t: { name: string }) => t.name === spec.name);
      assert.deepEqual([tool.displayName, tool.modelDescription, tool.inputSchema], [spec.title, spec.description, JSON.parse(JSON.stringify(spec.inputSchema))], spec.name);
      assert.equal(tool.when, spec.writes ? 'isWorkspaceTrusted' : undefined, spec.name);
    }
    const [participant] = contributes.chatParticipants;
    assert.equal(participant.name, 'storydeck');
    assert.deepEqual(
      participant.commands.map((c: { name: string }) => c.name),
      [...COACH_COMMANDS],
    );
  });

  describe('results', () => {
    it('lint: the kind and each finding with rule, severity, message, range, missing beat and fixability', () => {
      const result = lintResult(input());
      assert.equal(result.file, 'talks/close.md');
      assert.deepEqual(Object.keys(result.kind), ['id', 'source', 'description']);
      assert.equal(result.kind.id, 'pitch');
      assert.ok(result.findings.length > 0);
      for (const finding of result.findings) {
        assert.deepEqual(Object.keys(finding.range), ['line', 'column', 'endLine', 'endColumn']);
        assert.ok(finding.ruleId && finding.message && ['error', 'warning', 'info'].includes(finding.severity));
        assert.equal(typeof finding.fixable, 'boolean');
      }
      const why = result.findings.find((f) => f.ruleId === 'why-before-what');
      assert.ok(why, 'a solution-first narrative gets why-before-what');
      assert.equal(result.counts.error + result.counts.warning + result.counts.info, result.findings.length);
      assert.ok(result.findings.some((f) => f.missingBeat === 'pain'));
      assert.deepEqual(result.notes, []);
    });

    it('lint: a kind the reader is unsure of carries the kinds it weighed, most likely first', () => {
      // A report leaning to an update and a proposal, a pitch not far behind (test/unit/story/kindModel.test.ts reads it too).
      const report = `---\nstorydeck: true\n---\n# Where search goes next\n\n## Where we are\n\nSearch shipped its ranking rewrite last quarter and progress on latency has been steady. We shipped two more releases since the last update.\n\n## What we propose\n\nWe propose to move the index to a columnar store. This proposal changes the write path; comments welcome.\n\n## Open questions\n\nWho owns the migration?\n\n## Rollout\n\nBehind a flag, one region at a time.\n`;
      const { kind } = lintResult(input(report));
      // The update and the proposal are about as likely; their order moves with each retrain, so only the leader's place is asserted.
      assert.deepEqual([kind.id, kind.source, kind.likely?.[0], [...(kind.likely ?? [])].sort()], ['pitch', 'guessed', 'pitch', ['pitch', 'proposal', 'update']]);
      const [, second, third] = kind.likely ?? [];
      assert.match(kind.description, new RegExp(`^pitch, ${second} or ${third} \\(unsure`), 'the description names them in the reading’s order');
      assert.equal(lintResult(input()).kind.likely, undefined, 'a kind read whole names no others');
    });

    it('lint: a beat asked for only because nothing names the kind carries the guess and the kinds that would not ask', () => {
      const pain = lintResult(input()).findings.find((f) => f.missingBeat === 'pain');
      assert.equal(pain?.guessedKind, 'pitch');
      assert.ok(pain.kindsNotExpecting && pain.kindsNotExpecting.length > 0 && !pain.kindsNotExpecting.includes('pitch'));
      // Each kind offered reads the narrative without asking for the beat.
      for (const kind of pain.kindsNotExpecting) {
        const named = lintResult(input(NARRATIVE.replace('storydeck: true', `storydeck: true\nkind: ${kind}`)));
        assert.equal(named.kind.id, kind);
        assert.ok(!named.findings.some((f) => f.missingBeat === 'pain'), kind);
      }
      // A kind the writer named is no guess.
      const named = lintResult(input(NARRATIVE.replace('storydeck: true', 'storydeck: true\nkind: pitch')));
      assert.ok(named.findings.some((f) => f.missingBeat === 'pain'));
      assert.ok(named.findings.every((f) => f.guessedKind === undefined && f.kindsNotExpecting === undefined));
    });

    it('lint: a question about a beat that is there, asked because a guessed kind expects it, names the beat and the kinds that would not ask', () => {
      const text =
        '# Faster depot checks\n\n## The problem\n\nDrivers wait forty minutes at the depot gate every morning.\n\n## What we propose\n\nA tablet at the gate.\n\n## Next steps\n\nWe need approval to buy twelve tablets.\n';
      const ask = lintResult(input(text)).findings.find((f) => f.ruleId === 'call-to-action');
      assert.deepEqual([ask?.expectedBeat, ask?.missingBeat, ask?.guessedKind], ['ask', undefined, 'pitch']);
      assert.ok(ask?.kindsNotExpecting?.includes('talk'), JSON.stringify(ask));
    });

    it('lint: says when custom JavaScript rules were not run', () => {
      assert.deepEqual(lintResult({ ...input(), config: { plugins: ['./rules/a.js', './rules/b.js'] } }).notes, [
        '2 custom JavaScript rule modules were not run: agent tools run the built-in and declarative rules only.',
      ]);
    });

    it('outline: slides with beats and time, planned duration, audience and the missing beats the rules report', () => {
      const result = outlineResult(input());
      assert.equal(result.title, 'Faster month-end close');
      assert.equal(result.plannedSeconds, 300);
      assert.equal(result.audience, 'Finance leadership');
      assert.equal(result.kind.description, 'pitch (default)');
      assert.deepEqual(
        result.slides.map((s) => [s.index, s.line, s.title]),
        [
          [1, 7, 'Faster month-end close'],
          [2, 13, 'How it works'],
        ],
      );
      assert.ok(result.slides.every((s) => Array.isArray(s.beats) && s.estimatedSeconds > 0));
      const reported = new Set(lintResult(input()).findings.flatMap((f) => (f.missingBeat ? [f.missingBeat] : [])));
      assert.deepEqual(
        result.missing,
        BEAT_IDS.filter((b) => reported.has(b)),
      );
      assert.ok(result.missing.includes('ask'));
    });

    it('insert beat: the quick fix edit, the text with it applied, and the beats still missing', () => {
      const result = insertBeatResult(input(), 'ask');
      assert.equal(result.beat, 'ask');
      assert.equal(result.edit.line, result.edit.endLine);
      assert.equal(result.edit.column, result.edit.endColumn, 'an insertion');
      assert.ok(result.text.includes(result.edit.text));
      assert.equal(result.text.length, NARRATIVE.length + result.edit.text.length);
      assert.deepEqual(outlineResult(input(result.text)).missing, result.missingBeats);
      // A skeleton is a slide still to write: the rule now points at its TODO instead of the first slide.
      const ask = lintResult(input(result.text)).findings.find((f) => f.ruleId === 'call-to-action');
      assert.ok(ask && ask.range.line > result.edit.line, JSON.stringify(ask));
      assert.match(result.edit.text, /<!-- beat: ask -->/);
    });

    it('insert beat: keeps CRLF line breaks, and refuses a beat a slide already plays', () => {
      const crlf = NARRATIVE.replace(/\n/g, '\r\n');
      const { text } = insertBeatResult(input(crlf), 'why');
      assert.ok(!/[^\r]\n/.test(text), 'every line break stays CRLF');
      assert.throws(() => insertBeatResult(input(text), 'why'), new ToolInputError("talks/close.md already has a slide for the 'why' beat; edit that slide instead."));
    });
  });
});
