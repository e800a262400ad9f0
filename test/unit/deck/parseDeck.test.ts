import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseDeck, countWords, headingBeat, WORDS_PER_MINUTE, MIN_SLIDE_SECONDS } from '../../../src/core/deck';
import { CONTENT_CUES, detectBeats, introducedNames, personMatcher, slidePassages } from '../../../src/core/deck/beats';

const example = readFileSync('examples/town-hall.md', 'utf8');

describe('parseDeck', () => {
  it('splits the example narrative into its slides with 1-based line ranges', () => {
    const deck = parseDeck(example);
    assert.equal(deck.slides.length, 10);
    assert.equal(deck.title, "Handoffs that don't drop patients");
    assert.equal(deck.slides[0].line, 12);
    for (const [i, slide] of deck.slides.entries()) {
      assert.equal(slide.index, i + 1);
      assert.ok(slide.endLine >= slide.line);
      if (i > 0) assert.equal(slide.line, deck.slides[i - 1].endLine + 2, 'a slide starts right after the separator that ends the previous one');
    }
    assert.equal(deck.slides.at(-1)!.endLine, deck.lines.length);
  });

  it('tells the example story in why-before-what order', () => {
    const beats = parseDeck(example).slides.map((s) => s.beats);
    assert.deepEqual(beats.slice(1), [['why'], ['pain'], ['value'], ['business'], ['strategy'], ['what'], ['how'], ['outcome'], ['ask']]);
  });

  it('reads front matter and reports YAML errors with their line instead of throwing', () => {
    const good = parseDeck('---\ntitle: T\nduration: 5\n---\n# One\n');
    assert.deepEqual(good.frontMatter, { title: 'T', duration: 5 });
    assert.deepEqual(good.frontMatterRange, { line: 1, endLine: 4 });
    assert.equal(good.slides[0].line, 5);

    const bad = parseDeck('---\ntitle: [unclosed\nother: x\n---\n# One\n');
    assert.equal(bad.problems.length > 0, true);
    assert.equal(bad.problems[0].code, 'front-matter-syntax');
    assert.ok(bad.problems[0].line >= 2 && bad.problems[0].line <= 4, `line ${bad.problems[0].line}`);
    assert.deepEqual(bad.frontMatter, {});
    assert.equal(bad.slides.length, 1);

    const scalar = parseDeck('---\njust a string\n---\nBody');
    assert.equal(scalar.problems[0].code, 'front-matter-type');
  });

  it('sets TOML front matter (`+++`, Hugo’s) apart from the slides without reading it, and says so on its first setting', () => {
    const deck = parseDeck('+++\ntitle = "Improve security"\n+++\n\n## Why\n\nWe believe.\n');
    assert.deepEqual(deck.frontMatterRange, { line: 1, endLine: 3 });
    assert.deepEqual(deck.frontMatter, {});
    assert.deepEqual(
      deck.slides.map((s) => s.title),
      ['Why'],
      'no slide titled “+++ title = …”',
    );
    assert.deepEqual(
      deck.problems.map((p) => [p.code, p.line]),
      [['front-matter-toml', 2]],
    );
    const unclosed = parseDeck('+++\ntitle = "x"\n\n## Why\n');
    assert.equal(unclosed.frontMatterRange, undefined, 'no closing fence: not front matter');
    assert.deepEqual(unclosed.problems, []);
  });

  it('keeps notes, drops directives, lint comments, beat markers and guidance from notes', () => {
    const deck = parseDeck(
      [
        '# Slide',
        '<!-- _class: lead -->',
        '<!-- storydeck-disable jargon -->',
        '<!-- beat: pain -->',
        '<!-- guide: Tell one customer story -->',
        '<!-- Say hello -->',
        'Text with <!-- inline note --> inside.',
      ].join('\n'),
    );
    const slide = deck.slides[0];
    assert.deepEqual(slide.notes, ['Say hello', 'inline note']);
    assert.deepEqual(slide.directives, { _class: 'lead' });
    assert.deepEqual(slide.beats, ['pain']);
    assert.equal(slide.explicitBeats, true);
    assert.deepEqual(
      slide.comments.map((c) => c.kind),
      ['directive', 'lint', 'beat', 'guidance', 'note', 'note'],
    );
  });

  it('reads a directive key spelled with YAML escapes, and a comment naming no directive as a note', () => {
    const deck = parseDeck(['# Slide', '<!-- "\\x5fcl\\u0061ss": lead -->', '<!-- Keep this short: one point, then pause -->'].join('\n'));
    assert.deepEqual(deck.slides[0].directives, { _class: 'lead' });
    assert.deepEqual(deck.slides[0].notes, ['Keep this short: one point, then pause']);
  });

  it('reads the solution in headings that name what a thing does, and a value heading only where "after" means after the change', () => {
    assert.equal(headingBeat('What Tidy does'), 'what');
    assert.equal(headingBeat('1. Deliverables'), 'what');
    assert.equal(headingBeat('Architecture'), 'what');
    assert.equal(headingBeat('What it does'), 'what');
    assert.equal(headingBeat('After'), 'value');
    assert.equal(headingBeat('Before and after'), 'value');
    assert.equal(headingBeat('Learn after the kids are asleep'), undefined);
  });

  it('reads "request" in a heading as the ask only where the request is its point, not a word describing another thing', () => {
    assert.equal(headingBeat('Funding request'), 'ask');
    assert.equal(headingBeat('Request for approval'), 'ask');
    assert.equal(headingBeat('Our request (one page)'), 'ask');
    assert.equal(headingBeat('HTTP request multiplexer'), undefined);
    assert.equal(headingBeat('Pull request workflow'), undefined);
    assert.equal(headingBeat('Request handlers'), undefined);
  });

  it('reads "decision" or "approval" in a heading as the ask only where one is asked for, not in a record of decisions or how they are made', () => {
    assert.equal(headingBeat('Decision'), 'ask');
    assert.equal(headingBeat('Decision needed by 5 June'), 'ask');
    assert.equal(headingBeat('The decision we need'), 'ask');
    assert.equal(headingBeat('Decision: fund the pilot'), 'ask');
    assert.notEqual(headingBeat('Decision record'), 'ask');
    assert.notEqual(headingBeat('Decision outcome'), 'ask');
    assert.notEqual(headingBeat('Decision drivers'), 'ask');
    assert.equal(headingBeat('Approval needed'), 'ask');
    assert.equal(headingBeat('Approval: a six-week pilot'), 'ask');
    assert.notEqual(headingBeat('Approval process'), 'ask');
  });

  it('sees a customer in a role word of its own, not inside a compound or describing a report', () => {
    const isPerson = personMatcher([]);
    assert.equal(isPerson('Users experience delays of 40 minutes'), true);
    assert.equal(isPerson('The health worker records the vaccination once'), true);
    assert.equal(isPerson('Every release goes through manual screen-reader testing'), false);
    assert.equal(isPerson('A customer-facing dashboard'), false);
    assert.equal(isPerson('Our customer survey says it feels slow'), false);
    assert.equal(isPerson('Customer satisfaction fell last year'), false);
  });

  it('reads a bold run-in label as the name of the section it opens, and bold inside a sentence as emphasis', () => {
    const deck = parseDeck(
      '# Request: handset notes\n\n**Background.** Drivers wait at the gate.\n\n**What would change**\n\nDrivers no longer queue.\n\n**Eleven** drivers waited.\n\n- **Ask:** approve it\n',
    );
    const blocks = deck.slides[0].blocks;
    assert.deepEqual(
      blocks.map((b) => b.label),
      [undefined, 'Background', 'What would change', undefined, undefined, undefined],
    );
    // The label names the section like a heading, and is not one of its sentences; a label-only paragraph says nothing itself.
    assert.deepEqual(
      slidePassages(deck.slides[0]).map((p) => [p.context.join(), p.section, p.text]),
      [
        ['', 1, 'Drivers wait at the gate.'],
        ['value', 2, 'Drivers no longer queue.'],
        ['value', 2, 'Eleven drivers waited.'],
        ['value', 2, 'Ask: approve it'],
      ],
    );
  });

  it('reads an amount in bold on its own as content, not as a label', () => {
    const deck = parseDeck('## Total requested\n\n**$53,250 USD**\n\n**40%**\n\n**2027 goals**\n\nFewer queues.\n');
    assert.deepEqual(
      deck.slides[0].blocks.map((b) => b.label),
      [undefined, undefined, undefined, '2027 goals', undefined],
    );
    assert.deepEqual(
      slidePassages(deck.slides[0]).map((p) => p.text),
      ['Total requested', '$53,250 USD', '40%', 'Fewer queues.'],
    );
  });

  it('still reads a numbered label, or one ending in a colon, in bold on its own as a label: “2. Why”, “1) API”, “2024:”', () => {
    const deck = parseDeck('## Plan\n\n**2. Why**\nNurses wait.\n\n**1) API**\nOne endpoint.\n\n**2024:**\nThe pilot.\n\n**$53,250.**\n');
    assert.deepEqual(
      deck.slides[0].blocks.map((b) => b.label),
      [undefined, '2. Why', '1) API', '2024', undefined],
    );
  });

  it('does not take a role word at the start of a sentence for a name', () => {
    assert.deepEqual(introducedNames(['Colleagues told us the tools feel outdated.', 'Priya told us she waits an hour.']), ['Priya']);
  });

  it('gives empty and TODO sections no beats', () => {
    const deck = parseDeck('## The problem\n\nTODO: write this\n\n---\n\n## The ask\n\n---\n\n## Why\n\n…\n');
    assert.deepEqual(
      deck.slides.map((s) => [s.empty, s.beats]),
      [
        [true, []],
        [true, []],
        [true, []],
      ],
    );
    assert.equal(deck.estimatedSeconds, 0);
  });

  it('does not split on --- inside code fences or under setext headings', () => {
    const deck = parseDeck('Title\n---\n\n```\n---\n```\n\n---\n\nSecond\n');
    assert.equal(deck.slides.length, 2);
    assert.equal(deck.slides[0].title, 'Title');
  });

  describe("GitPitch's slide breaks", () => {
    const gitpitch = [
      '# Hello',
      '',
      'Intro text',
      '---?image=assets/img/bg.jpg&size=auto 90%&color=#e49436',
      '## Picture',
      '',
      '+++',
      '',
      '## Drill-down',
      '---?color=teal',
      '## Teal',
      '---?include=talk/PITCHME.md',
      '## After the include',
      '---',
      '## Plain',
    ].join('\n');

    it('starts a slide at `---?image=…`, `---?color=…`, any `---?key=…` and `+++`, with or without a blank line before', () => {
      const deck = parseDeck(gitpitch);
      assert.deepEqual(
        deck.slides.map((s) => [s.title, s.line, s.endLine]),
        [
          ['Hello', 1, 3],
          ['Picture', 4, 6],
          ['Drill-down', 8, 9],
          ['Teal', 10, 11],
          ['After the include', 12, 13],
          ['Plain', 15, 15],
        ],
      );
      assert.equal(deck.slides[0].blocks.at(-1)?.text, 'Intro text', 'the break is not read as the end of the paragraph before it');
    });

    it('gives a `---?` slide its background as `![bg](…)` and `_backgroundColor` would: a picture, a colour directive', () => {
      const [, picture, , teal, include] = parseDeck(gitpitch).slides;
      assert.deepEqual(picture.images, [{ alt: 'bg', src: 'assets/img/bg.jpg', line: 4 }]);
      assert.deepEqual(picture.directives, { _backgroundColor: '#e49436' });
      assert.deepEqual(teal.directives, { _backgroundColor: 'teal' });
      assert.deepEqual([teal.images, include.images, include.directives], [[], [], {}]);
    });

    it('reads no colour that is not one and no picture address that is not one, and opens no empty slide at the top', () => {
      const deck = parseDeck('---?image=a<b>.png&color=linear-gradient(90deg, red, blue)\n# One\n---?color=x" --><script>\n# Two\n');
      assert.deepEqual(
        deck.slides.map((s) => [s.title, s.line, s.images, s.directives, s.comments]),
        [
          ['One', 1, [], {}, []],
          ['Two', 3, [], {}, []],
        ],
      );
    });

    it('ends a list, a table or a quote on the line straight after it, as `---` does, instead of reading the break as its text', () => {
      for (const before of ['- one\n- two', '- one\n  - two', '1. one', '| a | b |\n|---|---|\n| 1 | 2 |', '> one']) {
        for (const [brk, images] of [
          ['---', 0],
          ['+++', 0],
          ['---?image=bg.png', 1],
        ] as const) {
          const text = `## A\n\n${before}\n${brk}\n## B\n`;
          const deck = parseDeck(text);
          assert.deepEqual(
            deck.slides.map((s) => [s.title, s.images.length]),
            [
              ['A', 0],
              ['B', images],
            ],
            text,
          );
          assert.ok(!deck.slides[0].blocks.some((b) => b.text.includes(brk)), `${text}: the break is not text of the slide before`);
        }
      }
    });

    it('leaves what only looks like one as text: in code, indented, in a list or a quote, `---?` with no setting, `++++`', () => {
      for (const text of [
        '# A\n\n```\n+++\n---?image=x.png\n```\n',
        '# A\n\n    +++\n',
        '# A\n\n- item\n  +++\n',
        '# A\n\n> quote\n> ---?image=x.png\n',
        '# A\n\n---? why not\n\n+++ more\n\n++++\n',
      ]) {
        const deck = parseDeck(text);
        assert.equal(deck.slides.length, 1, text);
        assert.deepEqual(deck.slides[0].images, [], text);
      }
    });
  });

  it('splits at headings when front matter sets headingDivider', () => {
    const deck = parseDeck('---\nheadingDivider: 2\n---\n# A\ntext\n## B\ntext\n### C\ntext\n');
    assert.deepEqual(
      deck.slides.map((s) => s.title),
      ['A', 'B'],
    );
  });

  it('estimates speaking time at the documented rate', () => {
    const words = Array.from({ length: 260 }, (_, i) => `word${i}`).join(' ');
    const deck = parseDeck(`# T\n\n${words}\n`);
    assert.equal(deck.slides[0].words, 261);
    assert.equal(deck.slides[0].estimatedSeconds, Math.round((261 / WORDS_PER_MINUTE) * 60));
    assert.equal(parseDeck('# Hi\n\nShort.').slides[0].estimatedSeconds, MIN_SLIDE_SECONDS);
  });

  it('counts words in spaced and unspaced scripts', () => {
    assert.equal(countWords("Maria's 12-minute handover, today."), 4);
    assert.equal(countWords('患者の引き継ぎ'), 4);
  });

  it('counts every Han, Hiragana, Katakana and Hangul character, astral ones included, as half a word', () => {
    const script = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
    let checked = 0;
    for (let code = 0; code <= 0x10ffff; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      const char = String.fromCodePoint(code);
      if (!script.test(char)) continue;
      checked++;
      if (countWords(`Hi ${char}${char}`) !== 2) assert.fail(`U+${code.toString(16)} is not counted`);
    }
    assert.ok(checked > 90000);
  });

  describe('bad input never throws', () => {
    const cases: [string, string][] = [
      ['an empty file', ''],
      ['no front matter', '# Only a heading'],
      ['an unterminated fence', '# A\n\n```js\nconst x = 1;\n---\nmore'],
      ['NUL bytes', 'PK\u0003\u0004\u0000\u0000binary'],
      ['an unterminated front matter', '---\ntitle: x\n# body'],
      ['CRLF line endings', '# A\r\n\r\n---\r\n\r\n# B\r\n'],
    ];
    for (const [name, text] of cases) {
      it(name, () => {
        const deck = parseDeck(text);
        assert.ok(Array.isArray(deck.slides));
        assert.ok(Array.isArray(deck.problems));
      });
    }

    it('reports binary input and an unterminated fence as problems', () => {
      assert.equal(parseDeck('a\u0000b').problems[0].code, 'binary');
      const fence = parseDeck('# A\n\n```js\nconst x = 1;\n---\nmore');
      assert.deepEqual(
        fence.problems.map((p) => [p.code, p.line]),
        [['unterminated-fence', 3]],
      );
      assert.equal(fence.slides.length, 1, 'the --- inside the open fence is code, as Markdown renders it');
      assert.equal(parseDeck('# A\n\n```js\nconst x = 1;\n').problems[0]?.code, 'unterminated-fence', 'with a final line break too');
      assert.deepEqual(parseDeck('# A\n\n```js\nconst x = 1;\n```\n').problems, [], 'a fence closed on the last line');
    });

    it('parses a 5 MB narrative', () => {
      const slide = example.split('\n---\n').slice(1).join('\n---\n');
      let big = '';
      while (big.length < 5 * 1024 * 1024) big += slide + '\n\n---\n\n';
      const deck = parseDeck(big);
      assert.equal(deck.problems.length, 0);
      assert.ok(deck.slides.length > 5000);
    });
  });

  describe('content cues', () => {
    /** Runs `read` with each cue's pattern counted, and gives back how many bodies each scanned. */
    function scans(read: () => void): number[] {
      const cues = Object.values(CONTENT_CUES).flat();
      const counts = cues.map(() => 0);
      const tests = cues.map((cue) => cue.re.test);
      cues.forEach((cue, i) => (cue.re.test = (text: string) => (counts[i]++, tests[i].call(cue.re, text))));
      try {
        read();
      } finally {
        cues.forEach((cue, i) => (cue.re.test = tests[i]));
      }
      return counts;
    }
    const body = (text: string) => [{ kind: 'paragraph' as const, text, line: 1, endLine: 1, level: 0 }];
    const [pain, product] = [CONTENT_CUES.pain[0], CONTENT_CUES.what[4]];
    const cueIndex = (cue: (typeof CONTENT_CUES)['pain'][number]) => Object.values(CONTENT_CUES).flat().indexOf(cue);

    it('scan a body for a person who struggles, or a product introduced, only when it holds the words every match holds', () => {
      const quiet = scans(() => detectBeats(body('Our nurses and their patients met the Handoff team on Tuesday (test 1).')));
      assert.deepEqual([quiet[cueIndex(pain)], quiet[cueIndex(product)]], [0, 0]);
      let beats: string[] = [];
      const told = scans(() => (beats = detectBeats(body('Our nurses spend an hour a shift on it. Handoff is a simple tool for them (test 2).'))));
      assert.deepEqual([told[cueIndex(pain)], told[cueIndex(product)]], [1, 1]);
      assert.ok(beats.includes('pain') && beats.includes('what'), beats.join());
    });
  });
});
