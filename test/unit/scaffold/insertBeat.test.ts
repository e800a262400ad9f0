import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { BEAT_IDS, parseDeck, type BeatId } from '../../../src/core/deck';
import { applyEdits, lint } from '../../../src/core/lint';
import { beatSkeleton } from '../../../src/core/scaffold';
import { insertBeatEdit, missingBeatEdit } from '../../../src/core/scaffold/insertBeat';

const TOWN_HALL = readFileSync('examples/town-hall.md', 'utf8');

/** The town hall without the slides with these titles (each with the separator above it). */
function without(titles: readonly string[]): string {
  const deck = parseDeck(TOWN_HALL);
  const drop = deck.slides.filter((s) => titles.includes(s.title));
  assert.equal(drop.length, titles.length, `slides ${titles.join(', ')}`);
  return deck.lines.filter((_, i) => !drop.some((s) => i + 1 >= s.line - 1 && i + 1 <= s.endLine)).join('\n');
}

function insert(text: string, beat: BeatId, eol = '\n'): string {
  return applyEdits(text, [insertBeatEdit(parseDeck(text), beat, eol)]).text;
}

const titles = (text: string) => parseDeck(text).slides.map((s) => s.title);

describe('insert a missing beat', () => {
  // The finding each "beat absent" rule gives, the slides removed to make it fire, and the beat's original title.
  const cases: { beat: BeatId; ruleId: string; remove: string[] }[] = [
    { beat: 'why', ruleId: 'why-before-what', remove: ['Why we exist', 'Meet Maria'] },
    { beat: 'pain', ruleId: 'customer-pain', remove: ['Meet Maria'] },
    { beat: 'value', ruleId: 'customer-value', remove: ['What changes for Maria'] },
    { beat: 'business', ruleId: 'business-value', remove: ['Why it matters for the business'] },
    { beat: 'strategy', ruleId: 'strategic-tie-in', remove: ['Where this fits'] },
    { beat: 'outcome', ruleId: 'outcome-metric', remove: ["How we'll know it worked"] },
    { beat: 'ask', ruleId: 'call-to-action', remove: ['What we need from you'] },
  ];

  for (const { beat, ruleId, remove } of cases) {
    it(`${ruleId}: puts the "${beat}" skeleton where the story lost it, and the finding moves onto it`, () => {
      const text = without(remove);
      const deck = parseDeck(text);
      // Read as a pitch, the kind that expects every beat (the example is otherwise read as a town hall, which needs no business beat).
      const finding = lint(deck, { kind: 'pitch' }).find((f) => f.ruleId === ruleId);
      assert.equal(finding?.missingBeat, beat, `${ruleId} says "${beat}" is missing`);
      const fix = missingBeatEdit(deck, finding!);
      assert.equal(fix?.beat, beat);

      const after = applyEdits(text, [fix!.edit]).text;
      assert.ok(after.includes(`\n\n---\n\n${beatSkeleton(beat)}\n`), 'the skeleton, after a separator');
      // In the place of the first slide removed.
      const expected = titles(TOWN_HALL).flatMap((t) => (t === remove[0] ? [parseDeck(beatSkeleton(beat)).slides[0].title] : remove.includes(t) ? [] : [t]));
      assert.deepEqual(titles(after), expected);
      assert.equal(after.slice(0, 200), text.slice(0, 200), 'the front matter and the title slide are untouched');

      // Still a placeholder to write, so the rule still asks for it, now on the new slide; nothing more to insert.
      const again = parseDeck(after);
      const inserted = again.slides.find((s) => s.beats.includes(beat))!;
      const still = lint(again, { kind: 'pitch' }).find((f) => f.ruleId === ruleId && f.missingBeat === beat);
      if (ruleId !== 'why-before-what') assert.equal(still?.line, inserted.titleLine, 'the finding points at the inserted slide');
      assert.equal(missingBeatEdit(again, still ?? { missingBeat: beat }), undefined);
    });
  }

  it('only the findings of absent beats carry a missingBeat', () => {
    const findings = lint(parseDeck(without(['What we need from you'])));
    assert.deepEqual(
      findings.filter((f) => f.missingBeat !== undefined).map((f) => f.ruleId),
      ['call-to-action'],
    );
    // A tie to strategy that names none of the configured objectives is there, only not in their words.
    const unnamed = lint(parseDeck(TOWN_HALL.replace('**Safer care at every handoff**', 'our safety goal').replace('**Grow in mid-size hospitals**', 'growth')));
    const tie = unnamed.find((f) => f.ruleId === 'strategic-tie-in');
    assert.ok(tie, 'strategic-tie-in fires when no configured objective is named');
    assert.equal(tie.missingBeat, undefined);
    // An ask without owner or date is a weak ask, not a missing one.
    const weak = lint(parseDeck(TOWN_HALL.replace(/- \*\*Engineering leads[^\n]*\n- \*\*Customer success[^\n]*\n/, '- Please support the pilot.\n')));
    const cta = weak.find((f) => f.ruleId === 'call-to-action');
    assert.ok(cta, 'call-to-action fires on an ask with no owner and no date');
    assert.equal(cta.missingBeat, undefined);
  });

  it('offers nothing when a slide for the beat is there, even unwritten', () => {
    const skeleton = `---\nstorydeck: true\n---\n\n# Talk\n\n---\n\n${beatSkeleton('pain')}\n`;
    assert.equal(missingBeatEdit(parseDeck(skeleton), { missingBeat: 'pain' }), undefined);
    const heading = `# Talk\n\n---\n\n## The problem\n\nTODO\n`;
    assert.equal(missingBeatEdit(parseDeck(heading), { missingBeat: 'pain' }), undefined);
    assert.equal(missingBeatEdit(parseDeck(heading), {}), undefined);
  });

  it('puts a missing why before the solution, after the title slide', () => {
    const text =
      '---\nstorydeck: true\n---\n\n# Handoff Board\n\nTown hall\n\n---\n\n## Introducing Handoff Board\n\nWe are building a new dashboard.\n\n---\n\n## The plan\n\nPilot in Q1 with two wards.\n';
    const after = insert(text, 'why');
    assert.deepEqual(titles(after), ['Handoff Board', "Why we're doing this", 'Introducing Handoff Board', 'The plan']);
    assert.ok(after.startsWith('---\nstorydeck: true\n---\n\n# Handoff Board\n\nTown hall\n\n---\n\n## Why'));
  });

  it('puts a beat before the first slide when that slide plays a later beat, never inside the front matter', () => {
    const text = '---\ntitle: Pitch\nstorydeck: true\n---\n## Introducing Handoff Board\n\nWe are building a new dashboard.\n';
    const after = insert(text, 'why');
    assert.ok(after.startsWith(`---\ntitle: Pitch\nstorydeck: true\n---\n${beatSkeleton('why')}\n\n---\n\n## Introducing`), after);
    const deck = parseDeck(after);
    assert.deepEqual(deck.frontMatter, { title: 'Pitch', storydeck: true });
    assert.deepEqual(
      deck.slides.map((s) => s.beats),
      [['why'], ['what']],
    );
  });

  it('puts a missing ask after the last beat, before a closing slide that plays none', () => {
    const text = '# Talk\n\n---\n\n## Why we exist\n\nWe believe every nurse deserves a calm handover.\n\n---\n\n## Questions?\n';
    assert.deepEqual(titles(insert(text, 'ask')), ['Talk', 'Why we exist', 'What we need from you', 'Questions?']);
  });

  it('appends when no slide plays a beat, and starts the story when there is none', () => {
    assert.deepEqual(titles(insert('# Talk\n\nA subtitle', 'ask')), ['Talk', 'What we need from you']);
    assert.equal(insert('# Talk\n', 'why'), `# Talk\n\n---\n\n${beatSkeleton('why')}\n`);
    assert.equal(insert('# Talk\n\n', 'why'), `# Talk\n\n---\n\n${beatSkeleton('why')}\n`);
    assert.equal(insert('---\nstorydeck: true\n---\n', 'why'), `---\nstorydeck: true\n---\n\n${beatSkeleton('why')}\n`);
    assert.equal(insert('', 'why'), `${beatSkeleton('why')}\n`);
    assert.equal(insert('# Talk\n\n---\n', 'ask'), `# Talk\n\n---\n\n${beatSkeleton('ask')}\n`);
  });

  it('keeps a line of text above a new separator from becoming a heading', () => {
    // `***` may follow a paragraph directly; a `---` there would make the paragraph a heading.
    const text = '# Talk\nWe believe every nurse deserves a calm handover.\n***\n## The plan\n\nPilot in Q1 with two wards.\n';
    const after = insert(text, 'pain');
    assert.deepEqual(titles(after), ['Talk', 'The problem', 'The plan']);
    assert.equal(parseDeck(after).slides[0].blocks.filter((b) => b.kind === 'heading').length, 1);
  });

  it('adds a separator of its own at a slide that Marp starts at a heading (headingDivider)', () => {
    const text = '---\nheadingDivider: 2\n---\n\n## Why we exist\n\nWe believe every nurse deserves a calm handover.\n\n## The plan\n\nPilot in Q1 with two wards.\n';
    assert.deepEqual(titles(insert(text, 'pain')), ['Why we exist', 'The problem', 'The plan']);
  });

  it("keeps the document's line breaks", () => {
    const text = '# Talk\r\n\r\n---\r\n\r\n## The plan\r\n\r\nPilot in Q1 with two wards.\r\n';
    const after = insert(text, 'why', '\r\n');
    assert.ok(!/[^\r]\n/.test(after), 'only CRLF line breaks');
    assert.deepEqual(titles(after), ['Talk', "Why we're doing this", 'The plan']);
  });

  it('keeps every beat in why-before-what order when each is inserted in turn into an empty story', () => {
    let text = '# Talk\n';
    for (const beat of [...BEAT_IDS].reverse()) text = insert(text, beat);
    assert.deepEqual(
      parseDeck(text).slides.map((s) => s.beats[0]),
      [undefined, ...BEAT_IDS],
    );
  });
});

describe('insert a missing beat into a GitPitch deck', () => {
  // Its breaks (`+++`, `---?image=…`) are breaks already: a `---` put before one left an empty slide.
  const decks = [
    '# Why this matters\n\nCustomers wait.\n\n+++\n\n## Next steps\n\nWe need budget from you by Friday.\n',
    '# Why this matters\n\nCustomers wait.\n---?image=a.png\n## Next steps\n\nWe need budget from you by Friday.\n',
    '---?image=a.png\n# Our plan\n\nWe will build a tool.\n---?color=red\n## Done\n',
  ];
  const empty = (text: string) => parseDeck(text).slides.filter((s) => s.blocks.length === 0).length;
  for (const text of decks) {
    for (const beat of ['why', 'pain', 'what'] as const) {
      it(`${beat} into ${JSON.stringify(text.slice(0, 40))}…: one slide more, none empty`, () => {
        const after = insert(text, beat);
        assert.equal(empty(after), 0, after);
        assert.equal(parseDeck(after).slides.length, parseDeck(text).slides.length + 1, after);
        assert.ok(titles(after).includes(titles(beatSkeleton(beat))[0]), after);
      });
    }
  }
});
