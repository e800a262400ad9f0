import assert from 'node:assert/strict';
import { parseDeck } from '../../../src/core/deck';
import { applyEdits, fixText, kindChoices, lintText, setKindEdit, type Finding, type StoryDeckConfig } from '../../../src/core/lint';
import { kindTable, readKind } from '../../../src/core/story/kinds';

/** An RFC in all but name: background, a change, risks and a decision wanted; nothing names its kind, so it is read as a pitch. */
const RFC = [
  '# Retire the nightly export job',
  '',
  '## Background',
  '',
  'Every night the export job copies the whole orders table to the reporting database. It takes four hours, and when it fails the on-call engineer restarts it by hand at 3 am. Last quarter Dana, on call, restarted it eleven times.',
  '',
  '## Why change it',
  '',
  'We believe reports should be fresh without anyone waking up for them.',
  '',
  '## What we would do instead',
  '',
  'Stream order changes to the reporting database as they happen, with change data capture on the orders table.',
  '',
  '## Decision wanted',
  '',
  'Platform leads: approve the change by 15 January, so the team can start in the next sprint.',
  '',
].join('\n');

/** The beats a pitch expects and a proposal does not: what the RFC above is asked about. */
const PITCH_ONLY = ['business', 'outcome', 'strategy', 'value'];

const guesses = (findings: readonly Finding[]) => findings.filter((f) => f.guessedKind !== undefined);
const setKind = (text: string, kind: string) => {
  const edit = setKindEdit(text, kind);
  assert.ok(edit, `an edit that sets kind: ${kind}`);
  return applyEdits(text, [edit]).text;
};

describe('set a narrative’s kind from a guessed kind’s question', () => {
  it('marks a beat missing only because the kind is a guess with the kind guessed, and no other finding', () => {
    const { findings } = lintText(RFC);
    assert.deepEqual(
      guesses(findings)
        .map((f) => [f.missingBeat, f.guessedKind, f.severity])
        .sort(),
      PITCH_ONLY.map((b) => [b, 'pitch', 'info']),
    );
    assert.deepEqual(
      findings.filter((f) => f.guessedKind === undefined && f.missingBeat),
      [],
    );
    // Named in the front matter, in the configuration or read from the headings, the kind is no guess.
    assert.deepEqual(guesses(lintText(`---\nkind: pitch\n---\n\n${RFC}`).findings), []);
    assert.deepEqual(guesses(lintText(RFC, { kind: 'pitch' }).findings), []);
    assert.deepEqual(guesses(lintText(RFC.replace('# Retire', '# RFC: Retire')).findings), []);
    // A severity the writer set stands, and it is still a guess a kind would settle.
    const configured = lintText(RFC, { rules: { 'business-value': 'error' } }).findings.find((f) => f.ruleId === 'business-value');
    assert.deepEqual([configured?.severity, configured?.guessedKind], ['error', 'pitch']);
  });

  it('offers every kind that does not expect the beat, in the kinds table’s order, then the guess; a configured kind counts', () => {
    const kinds = kindTable();
    assert.deepEqual(kindChoices({ missingBeat: 'business', guessedKind: 'pitch' }, kinds), ['town-hall', 'update', 'proposal', 'talk', 'pitch']);
    assert.deepEqual(kindChoices({ missingBeat: 'outcome', guessedKind: 'pitch' }, kinds), ['proposal', 'talk', 'pitch']);
    const config: StoryDeckConfig = { kinds: { proposal: { expects: ['why', 'business'], beforeWhat: [] }, 'design-review': { expects: ['why'], beforeWhat: [] } } };
    assert.deepEqual(kindChoices({ missingBeat: 'business', guessedKind: 'pitch' }, kindTable(config)), ['town-hall', 'update', 'talk', 'design-review', 'pitch']);
    assert.deepEqual(kindChoices({ missingBeat: 'business' }, kinds), [], 'not a guess');
    assert.deepEqual(kindChoices({ guessedKind: 'pitch' }, kinds), [], 'no beat missing');
  });

  it('each kind offered settles the question: a kind that does not expect the beat drops it, pitch makes it a warning', () => {
    for (const f of guesses(lintText(RFC).findings)) {
      for (const kind of kindChoices(f, kindTable())) {
        const after = lintText(setKind(RFC, kind)).findings.filter((g) => g.ruleId === f.ruleId && g.missingBeat === f.missingBeat);
        if (kind === 'pitch') {
          assert.deepEqual(
            after.map((g) => [g.severity, g.guessedKind, g.message.includes('Read as a pitch')]),
            [['warning', undefined, false]],
            f.ruleId,
          );
        } else assert.deepEqual(after, [], `${f.ruleId} with kind: ${kind}`);
      }
    }
    assert.deepEqual(guesses(lintText(setKind(RFC, 'proposal')).findings), []);
    assert.deepEqual(
      lintText(setKind(RFC, 'proposal')).findings.filter((f) => f.missingBeat),
      [],
    );
  });

  it('creates front matter when there is none, above the first line, with a blank line after it', () => {
    assert.deepEqual(setKindEdit(RFC, 'proposal'), { line: 1, column: 1, endLine: 1, endColumn: 1, text: '---\nkind: proposal\n---\n\n' });
    assert.equal(setKind('', 'talk'), '---\nkind: talk\n---\n');
    assert.equal(setKind('\n# Talk\n', 'talk'), '---\nkind: talk\n---\n\n# Talk\n');
  });

  it('adds the kind to front matter with other keys, before its closing fence, and leaves them as they were', () => {
    const text = `---\ntitle: Retire the nightly export job\ndescription: |\n  Stream changes instead.\nstakeholders:\n  - name: Platform leads\n---\n\n${RFC}`;
    const after = setKind(text, 'proposal');
    assert.equal(after, text.replace('  - name: Platform leads\n---\n', '  - name: Platform leads\nkind: proposal\n---\n'));
    const deck = parseDeck(after);
    assert.equal(deck.frontMatter.title, 'Retire the nightly export job');
    assert.equal(deck.frontMatter.description, 'Stream changes instead.\n');
    assert.deepEqual(readKind(deck), { id: 'proposal', profile: kindTable().proposal, source: 'front-matter' });
    // Closed by `...`, as YAML allows.
    assert.equal(setKind('---\ntitle: X\n...\n\n# X\n', 'update'), '---\ntitle: X\nkind: update\n...\n\n# X\n');
  });

  it('keeps the file’s line endings: CRLF in, CRLF out', () => {
    const crlf = RFC.replace(/\n/g, '\r\n');
    assert.equal(setKind(crlf, 'proposal'), `---\r\nkind: proposal\r\n---\r\n\r\n${crlf}`);
    const withFrontMatter = `---\r\ntitle: Export\r\n---\r\n\r\n${crlf}`;
    assert.equal(setKind(withFrontMatter, 'proposal'), `---\r\ntitle: Export\r\nkind: proposal\r\n---\r\n\r\n${crlf}`);
    assert.doesNotMatch(setKind(withFrontMatter, 'proposal'), /[^\r]\n/);
  });

  it('puts new front matter above a comment the document starts with, where front matter must be', () => {
    const text = `<!-- Draft: do not circulate -->\n\n${RFC}`;
    const after = setKind(text, 'proposal');
    assert.equal(after, `---\nkind: proposal\n---\n\n${text}`);
    const deck = parseDeck(after);
    assert.equal(deck.frontMatter.kind, 'proposal');
    assert.deepEqual(deck.slides[0].notes, parseDeck(text).slides[0].notes, 'the comment is still the first slide’s');
  });

  it('adds the kind to a Marp deck’s front matter and leaves its slides as they were', () => {
    const text = '---\nmarp: true\ntheme: gaia\npaginate: true\n---\n\n# Retire the export job\n\n---\n\n## Background\n\nIt takes four hours.\n\n---\n\n## Decision wanted\n\nApprove it by Friday.\n';
    const after = setKind(text, 'proposal');
    assert.equal(after, text.replace('paginate: true\n---', 'paginate: true\nkind: proposal\n---'));
    const titles = (t: string) => parseDeck(t).slides.map((s) => s.title);
    assert.deepEqual(titles(after), titles(text));
    assert.deepEqual(parseDeck(after).frontMatter, { marp: true, theme: 'gaia', paginate: true, kind: 'proposal' });
  });

  it('replaces a kind nobody defined in place, and quotes a configured kind YAML would read otherwise', () => {
    const unknown = `---\ntitle: Export\nkind: rfc\nauthor: Dana\n---\n\n${RFC}`;
    const { findings } = lintText(unknown);
    assert.ok(guesses(findings).length > 0, 'read as a pitch: its questions are a guess’s');
    assert.equal(setKind(unknown, 'proposal'), unknown.replace('kind: rfc\n', 'kind: proposal\n'));
    assert.equal(setKind(RFC, 'design: review'), `---\nkind: "design: review"\n---\n\n${RFC}`);
    assert.equal(setKind(RFC, 'true'), `---\nkind: "true"\n---\n\n${RFC}`);
  });

  it('offers no edit where the kind would not be read: TOML front matter, or YAML StoryDeck cannot read', () => {
    assert.equal(setKindEdit(`+++\ntitle = "Export"\n+++\n\n${RFC}`, 'proposal'), undefined);
    assert.equal(setKindEdit(`---\ntitle: "Export\n---\n\n${RFC}`, 'proposal'), undefined);
    assert.equal(setKindEdit(`---\n[a, b]\n---\n\n${RFC}`, 'proposal'), undefined);
  });

  it('is never a fix: fix-all and `--fix` leave the kind to the writer', () => {
    const config: StoryDeckConfig = { declarative: [{ id: 'plain-words', type: 'substitution', swap: { nightly: 'night-time' } }] };
    const { text, findings } = fixText(RFC, config);
    assert.match(text, /night-time export/, 'the fixes there are were applied');
    assert.doesNotMatch(text, /^kind:/m);
    assert.ok(guesses(findings).length > 0);
    for (const f of guesses(lintText(RFC).findings)) assert.equal(f.fix, undefined, f.ruleId);
  });
});

/** A pitch in all but name whose ask names no owner and no date, and whose success target says by when. */
const UNOWNED_ASK = [
  '# Faster depot checks',
  '',
  '## The problem',
  '',
  'Drivers wait forty minutes at the depot gate every morning while a clerk checks each van by hand. Last month Sam missed three deliveries because of it.',
  '',
  '## What we propose',
  '',
  'Put a tablet at the gate so drivers check their own van in two minutes.',
  '',
  '## Success',
  '',
  'Gate waits drop from forty minutes to five minutes by June.',
  '',
  '## Next steps',
  '',
  'We need approval to buy twelve tablets.',
  '',
].join('\n');

/** The same narrative with an owned, dated ask and a success target that does not say by when. */
const UNTIMED_TARGET = UNOWNED_ASK.replace('five minutes by June.', 'five minutes.').replace(
  'We need approval to buy twelve tablets.',
  'Operations board: approve twelve tablets by Friday, 14 March.',
);

const DEFAULT_HINT = ' (Read as a pitch: nothing names its kind. If it is a proposal, a talk, an update or another kind, set `kind:`.)';

describe('questions about a beat that is there, asked only because the kind expects it (expectedBeat)', () => {
  const cases = [
    { ruleId: 'call-to-action', beat: 'ask', text: UNOWNED_ASK, question: /^Is this the ask\? “We need approval to buy twelve tablets\.” names no owner and no date: / },
    { ruleId: 'outcome-metric', beat: 'outcome', text: UNTIMED_TARGET, question: /^Your success target has no timeframe\. / },
  ] as const;
  const withKind = (text: string, kind: string) => `---\nkind: ${kind}\n---\n\n${text}`;
  for (const { ruleId, beat, text, question } of cases) {
    const asked = (t: string) => lintText(t).findings.filter((f) => f.ruleId === ruleId && question.test(f.message));

    it(`${ruleId}: read as a pitch by default, the question says the kind was a guess and offers to set one`, () => {
      const [f, ...more] = asked(text);
      assert.deepEqual(more, []);
      assert.ok(f, 'asked');
      assert.ok(f.message.endsWith(DEFAULT_HINT), f.message);
      assert.deepEqual([f.severity, f.expectedBeat, f.missingBeat, f.guessedKind], ['info', beat, undefined, 'pitch']);
      // The kinds that do not expect the beat, then the guess; not a missing beat, so no slide to insert.
      const choices = kindChoices(f, kindTable());
      assert.deepEqual(choices, [...Object.keys(kindTable()).filter((k) => k !== 'pitch' && !kindTable()[k].expects.includes(beat)), 'pitch']);
      assert.ok(choices.includes('talk'));
      for (const kind of choices.slice(0, -1)) assert.deepEqual(asked(withKind(text, kind)), [], `kind: ${kind} drops it`);
    });

    it(`${ruleId}: with kind: pitch, the same question without the hint; with kind: talk, none`, () => {
      const pitch = asked(withKind(text, 'pitch'));
      assert.deepEqual(
        pitch.map((f) => [f.severity, f.guessedKind, f.message.includes('Read as a pitch')]),
        [['info', undefined, false]],
      );
      assert.equal(pitch[0].message, asked(text)[0].message.slice(0, -DEFAULT_HINT.length));
      assert.deepEqual(asked(withKind(text, 'talk')), []);
      // A configured severity still wins, guess or not.
      const configured = lintText(text, { rules: { [ruleId]: 'error' } }).findings.filter((f) => f.ruleId === ruleId && question.test(f.message));
      assert.deepEqual(
        configured.map((f) => [f.severity, f.guessedKind]),
        [['error', 'pitch']],
      );
    });
  }
});
