import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseDeck } from '../../../src/core/deck';
import { fixText, lintText, type Finding, type StoryDeckConfig } from '../../../src/core/lint';
import { DEFAULT_BUZZWORDS, DEFAULT_SUBSTITUTIONS, DEFAULT_SUGGESTIONS, matchCase, normalizePhrase } from '../../../src/core/lint/rules/jargon';
import { editDistance, suggestKey } from '../../../src/core/lint/rules/front-matter';
import { countFigures } from '../../../src/core/lint/rules/stats-without-story';

/** Options, edge cases and fixes of the form rules that fixture files cannot express. */
const FORM_RULES = ['stats-without-story', 'slide-density', 'talk-time', 'jargon', 'front-matter', 'input'];

const of = (ruleId: string, text: string, config: StoryDeckConfig = {}): Finding[] => lintText(text, config).findings.filter((f) => f.ruleId === ruleId);
const withOptions = (ruleId: string, options: Record<string, unknown>): StoryDeckConfig => ({ rules: { [ruleId]: options } });

describe('form rules', () => {
  it('find nothing to say about examples/town-hall.md', () => {
    const findings = lintText(readFileSync('examples/town-hall.md', 'utf8')).findings.filter((f) => FORM_RULES.includes(f.ruleId));
    assert.deepEqual(
      findings.map((f) => `${f.ruleId} ${f.line}: ${f.message}`),
      [],
    );
  });

  describe('jargon', () => {
    it('replaces a buzzword with an exact edit and keeps a capital first letter', () => {
      const text = '## Plan\n\nUtilize the data. We utilize it daily. Seamless handoffs matter.\n';
      const found = of('jargon', text);
      assert.deepEqual(
        found.map((f) => f.fix),
        [
          [{ line: 3, column: 1, endLine: 3, endColumn: 8, text: 'Use' }],
          [{ line: 3, column: 22, endLine: 3, endColumn: 29, text: 'use' }],
          [{ line: 3, column: 40, endLine: 3, endColumn: 48, text: 'Smooth' }],
        ],
      );
      const fixed = fixText(text);
      assert.equal(fixed.text, '## Plan\n\nUse the data. We use it daily. Smooth handoffs matter.\n');
      assert.equal(of('jargon', fixed.text).length, 0);
    });

    it('matches phrases across spaces and hyphens, whatever the case', () => {
      const found = of('jargon', '## Plan\n\nThis will Move  the needle with best in class tools.\n');
      assert.deepEqual(
        found.map((f) => [f.column, f.endColumn, f.fix?.[0].text]),
        [
          [11, 27, 'Make a difference'],
          [33, 46, 'leading'],
        ],
      );
    });

    it('takes custom substitutions on top of the built-in ones, and drops a built-in mapped to false', () => {
      const config = withOptions('jargon', { substitutions: { 'end users': 'customers', utilize: false } });
      const text = '## Plan\n\nEnd users utilize seamless tools.\n';
      const found = of('jargon', text, config);
      assert.deepEqual(
        found.map((f) => f.fix?.[0].text),
        ['Customers', 'smooth'],
      );
      assert.equal(fixText(text, config).text, '## Plan\n\nCustomers utilize smooth tools.\n');
    });

    it('suggests, and never applies, an alternative that may not read in its sentence', () => {
      const text = '## Plan\n\nWe see synergies with the Payroll team, and we leverage our scale.\n';
      const found = of('jargon', text);
      assert.deepEqual(
        found.map((f) => [f.fix, f.suggestion?.[0].text]),
        [
          [undefined, 'gains from working together'],
          [undefined, 'use'],
        ],
      );
      assert.equal(found[0].message, '"synergies" is a buzzword: say it in plain words — "gains from working together", for example — and check that the sentence still reads.');
      assert.equal(fixText(text).text, text, 'fix all leaves the sentence as written');
      // Your own lists decide: a substitution makes a built-in suggestion a fix, and a suggestion of yours is only offered.
      const config = withOptions('jargon', { substitutions: { synergies: 'shared savings' }, suggestions: { scale: 'size', leverage: false } });
      assert.equal(fixText(text, config).text, '## Plan\n\nWe see shared savings with the Payroll team, and we leverage our scale.\n');
      assert.deepEqual(
        of('jargon', text, config).map((f) => [f.fix?.[0].text, f.suggestion?.[0].text]),
        [
          ['shared savings', undefined],
          [undefined, 'size'],
        ],
      );
    });

    it('reports custom buzzwords without a fix, and never reports ignored words', () => {
      const config = withOptions('jargon', { buzzwords: ['omnichannel'], ignore: ['synergy', 'game-changer'] });
      const found = of('jargon', '## Plan\n\nAn omnichannel game-changer with synergy.\n', config);
      assert.equal(found.length, 1);
      assert.match(found[0].message, /"omnichannel" is a buzzword/);
      assert.equal(found[0].fix, undefined);
    });

    it('leaves out buzzwords longer than 100 characters, and says so once', () => {
      const long = 'very '.repeat(25).trim();
      const config = withOptions('jargon', { buzzwords: [long, `${long} long`, 'omnichannel'] });
      const found = of('jargon', `## Plan\n\nAn omnichannel plan, ${long}.\n`, config);
      assert.deepEqual(
        found.map((f) => [f.line, f.message.slice(0, 60)]),
        [
          [1, '2 of your jargon phrases are longer than 100 characters and '],
          [3, '"omnichannel" is a buzzword: the room hears it and moves on.'],
        ],
      );
    });

    it('leaves code, links, URLs and quoted customers alone', () => {
      const text = '## Plan\n\nSee `leverage()` at https://example.com/leverage and [docs](https://x.io/synergy).\n\n> "We leverage sticky notes today," says Maria.\n\n```\nsynergy\n```\n';
      assert.deepEqual(
        of('jargon', text).map((f) => f.message),
        [],
      );
    });

    it('no default alternative is itself jargon, so fixing converges', () => {
      const phrases = new Set([...Object.keys(DEFAULT_SUBSTITUTIONS), ...Object.keys(DEFAULT_SUGGESTIONS), ...DEFAULT_BUZZWORDS].map(normalizePhrase));
      for (const value of [...Object.values(DEFAULT_SUBSTITUTIONS), ...Object.values(DEFAULT_SUGGESTIONS)]) {
        const words = normalizePhrase(value).split(' ');
        for (let i = 0; i < words.length; i++) for (let j = i + 1; j <= words.length; j++) assert.ok(!phrases.has(words.slice(i, j).join(' ')), `${value} contains a listed phrase`);
      }
      assert.equal(matchCase('LEVERAGE', 'use'), 'Use');
      assert.equal(matchCase('leverage', 'API calls'), 'API calls');
      assert.equal(matchCase('Ütilize', 'use'), 'Use');
    });

    describe('acronyms', () => {
      const acronyms = (text: string, config?: StoryDeckConfig) => of('jargon', text, config).map((f) => `${f.line}:${f.column}-${f.endColumn} ${/"([^"]+)"/.exec(f.message)?.[1]}`);

      it('reports only the first unexplained use of each acronym', () => {
        assert.deepEqual(acronyms('## Money\n\nARR grew, and ARR will grow.\n\n---\n\nOur EHR and ARR.\n'), ['3:1-4 ARR', '7:5-8 EHR']);
      });

      it('accepts an explanation at the first use, in either order, or spelled out in capitals before it', () => {
        assert.deepEqual(acronyms('## Money\n\nOur ARR (annual recurring revenue) grew. ARR matters.\n'), []);
        assert.deepEqual(acronyms('## Money\n\nOur annual recurring revenue (ARR) grew.\n'), []);
        assert.deepEqual(acronyms('## Money\n\nARR stands for annual recurring revenue.\n'), []);
        assert.deepEqual(acronyms('## Money\n\nAnnual Recurring Revenue grew.\n\n---\n\nARR is what the board watches.\n'), []);
        assert.deepEqual(acronyms('## Goals\n\nOur Objectives and Key Results are set. The first OKRs are ours.\n', withOptions('jargon', { acronyms: { allow: [] } })), []);
        assert.deepEqual(acronyms('## Law\n\nThe Department of Justice agreed. DOJ said yes.\n'), []);
      });

      it('does not accept an explanation that comes after the first use', () => {
        assert.deepEqual(acronyms('## Money\n\nARR grew.\n\n---\n\nAnnual Recurring Revenue (ARR) is our main number.\n'), ['3:1-4 ARR']);
        assert.deepEqual(acronyms('## Money\n\nNPS (we track it) went up.\n'), ['3:1-4 NPS'], 'brackets that do not spell it out are no explanation');
      });

      it('reads each spelling-out against the first use of its own acronym, not of another', () => {
        const text = '## Care\n\nThe EHR is slow.\n\nOur Net Promoter Score fell.\n\nNPS is our number. Electronic Health Records came later.\n';
        assert.deepEqual(acronyms(text), ['3:5-8 EHR']);
        assert.deepEqual(acronyms('## Care\n\nNPS fell.\n\nEHR too.\n\nNet Promoter Score is what NPS means.\n'), ['3:1-4 NPS', '5:1-4 EHR']);
      });

      it('allows the common acronyms, and yours on top', () => {
        assert.deepEqual(acronyms('## Plan\n\nThe CEO wants the API and the UI in Q1, with KPIs and OKRs. ROI by Q3.\n'), []);
        assert.deepEqual(acronyms('## Plan\n\nOur NPS and EHR work.\n', withOptions('jargon', { acronyms: { allow: ['NPS'] } })), ['3:13-16 EHR']);
        assert.deepEqual(acronyms('## Plan\n\nOur NPS and EHR work.\n', withOptions('jargon', { ignore: ['ehr'] })), ['3:5-8 NPS']);
        assert.deepEqual(acronyms('## Plan\n\nOur NPS and EHR work.\n', withOptions('jargon', { acronyms: false })), []);
      });

      it('reads a plural as its acronym, and skips code, URLs and shouted lines', () => {
        assert.deepEqual(acronyms('## Plan\n\nThree MSAs signed.\n'), ['3:7-10 MSA']);
        assert.deepEqual(acronyms('## Plan\n\nThis is O2-KR3 of our OKRs; KR3 and P1 are labels.\n'), []);
        assert.deepEqual(acronyms('## Plan\n\nCall `GET /EHR` via <https://x.io/NPS> today.\n\n# WHY THIS MATTERS NOW\n'), []);
      });
    });
  });

  describe('talk-time', () => {
    /** Three slides of about 10 seconds each: an estimate of 30 s. */
    const deck = (duration: string) => `---\ntitle: Update\nduration: ${duration}\n---\n\n## One\n\nFirst point.\n\n---\n\n## Two\n\nSecond point.\n\n---\n\n## Three\n\nThird point.\n`;

    it('fires when the estimate exceeds duration, at the duration line', () => {
      const [finding, ...rest] = of('talk-time', deck('20s'));
      assert.equal(rest.length, 0);
      assert.deepEqual([finding.line, finding.column, finding.endLine, finding.endColumn], [3, 1, 3, 14]);
      assert.match(finding.message, /about 30 s, but you have 20 s\. Cut about 10 s/);
      assert.equal(of('talk-time', deck('30s')).length, 0, 'exactly on time is on time');
    });

    it('reads every duration format', () => {
      for (const ok of ['1', '1m', '1 min', '0.5', '"0:30"', '30 seconds', '1h', '"1h 30m"']) assert.equal(of('talk-time', deck(ok)).length, 0, ok);
      for (const short of ['0.25', '"0:20"', '20s', '20 sec']) assert.equal(of('talk-time', deck(short)).length, 1, short);
    });

    it('allows the tolerance, in percent of duration', () => {
      assert.equal(of('talk-time', deck('25s')).length, 1);
      assert.equal(of('talk-time', deck('25s'), withOptions('talk-time', { tolerance: 20 })).length, 0);
      assert.equal(of('talk-time', deck('25s'), withOptions('talk-time', { tolerance: 10 })).length, 1);
      assert.equal(of('talk-time', deck('25s'), withOptions('talk-time', { tolerance: 'lots' })).length, 1, 'a bad tolerance counts as 0');
    });

    it('leaves an unreadable duration to front-matter: one finding for one problem; says nothing without one', () => {
      const found = lintText(deck('ten minutes')).findings.filter((f) => f.line === 3);
      assert.deepEqual(
        found.map((f) => f.ruleId),
        ['front-matter'],
      );
      assert.equal(found[0].message, '`duration` should be the length of your talk, but it is "ten minutes", so your talk time is not checked. Write minutes, e.g. 15m, 1h 30m, 90s or 12:30.');
      assert.equal(of('talk-time', '---\ntitle: Update\n---\n\n## One\n\nText.\n').length, 0);
      assert.equal(of('talk-time', '---\nduration:\n---\n\n## One\n\nText.\n').length, 0, 'an empty duration is no duration');
    });

    it('falls back to the document range when the duration line cannot be found', () => {
      const [finding] = of('talk-time', '---\n{ title: Update, duration: 5s }\n---\n\n## One\n\nFirst point.\n');
      assert.deepEqual([finding.line, finding.column], [5, 1], 'the first slide title');
    });
  });

  describe('front-matter', () => {
    it('renames a misspelt key in place with fixText', () => {
      const text = '---\ntitel: Plan\n"durration": 8m\nAudience: Town hall\n---\n\n## Why\n\nWe believe in it.\n';
      const found = of('front-matter', text);
      assert.deepEqual(
        found.map((f) => /Did you mean `(\w+)`\?/.exec(f.message)?.[1]),
        ['title', 'duration', 'audience'],
      );
      assert.deepEqual(found[1].fix, [{ line: 3, column: 2, endLine: 3, endColumn: 11, text: 'duration' }]);
      const fixed = fixText(text);
      assert.equal(fixed.text, '---\ntitle: Plan\n"duration": 8m\naudience: Town hall\n---\n\n## Why\n\nWe believe in it.\n');
      assert.equal(of('front-matter', fixed.text).length, 0);
    });

    it('offers no fix that would duplicate a key', () => {
      const text = '---\ntitle: Plan\ntitel: Other\ntitl: Third\n---\n\n## Why\n\nWe believe in it.\n';
      const found = of('front-matter', text);
      assert.equal(found.length, 2);
      assert.ok(found.every((f) => !f.fix));
      assert.match(found[0].message, /`title` is set too/);
    });

    it('suggests only near keys: two edits at most, one for short keys', () => {
      assert.equal(suggestKey('durration'), 'duration');
      assert.equal(suggestKey('titel'), 'title');
      assert.equal(suggestKey('backgroundcolour'), 'backgroundColor');
      assert.equal(suggestKey('dat'), 'date');
      assert.equal(suggestKey('tag'), undefined);
      assert.equal(suggestKey('tags'), undefined);
      assert.equal(editDistance('titel', 'title'), 1);
      assert.equal(editDistance('abc', 'abcdefgh'), 5);
    });

    it('leaves keys other tools read alone, reports likely typos of its own keys, and accepts allowKeys, Marp keys and _-prefixed local directives', () => {
      const others = '---\nlayout: talk\nsidebar: false\nhighlighter: shiki\noutput: html_document\nmarp: true\n_class: lead\npaginate: true\n---\n\n## Why\n\nWe believe in it.\n';
      assert.deepEqual(of('front-matter', others), []);
      const typo = '---\ntitel: Q3\nlayout: talk\n---\n\n## Why\n\nWe believe in it.\n';
      const [finding, ...rest] = of('front-matter', typo);
      assert.equal(rest.length, 0);
      assert.equal(finding.line, 2);
      assert.match(finding.message, /Did you mean `title`/);
      assert.equal(of('front-matter', typo, withOptions('front-matter', { allowKeys: ['titel'] })).length, 0);
    });

    it("reports a theme StoryDeck lacks where it is set, in front matter or a comment, and accepts its own and Marp's", () => {
      const [inFront, ...rest] = of('front-matter', '---\ntitle: Q3\ntheme: acme\n---\n\n## Why\n\nWe believe in it.\n');
      assert.equal(rest.length, 0);
      assert.equal(inFront.line, 3);
      assert.match(inFront.message, /`theme: acme` is not a theme StoryDeck has, so the slides use the light theme\. Use one of light, dark, corporate, default, gaia, uncover\./);
      const [inComment] = of('front-matter', '## Why\n\n<!-- theme: acme -->\n\nWe believe in it.\n');
      assert.equal(inComment.line, 3);
      for (const name of ['light', 'dark', 'corporate', 'default', 'gaia', 'uncover']) {
        assert.deepEqual(of('front-matter', `---\ntheme: ${name}\n---\n\n## Why\n\nWe believe in it.\n`), [], name);
      }
    });

    it("accepts a custom theme the config's themes: names, in front matter or a comment, and offers those names", () => {
      const themes: StoryDeckConfig = { themes: ['themes/acme.css', 'brand/q3-board.css'] };
      assert.deepEqual(of('front-matter', '---\ntheme: acme\n---\n\n## Why\n\nWe believe in it.\n', themes), []);
      assert.deepEqual(of('front-matter', '## Why\n\n<!-- theme: q3-board -->\n\nWe believe in it.\n', themes), []);
      const [other, ...rest] = of('front-matter', '---\ntheme: acme2\n---\n\n## Why\n\nWe believe in it.\n', themes);
      assert.equal(rest.length, 0);
      assert.match(other.message, /`theme: acme2` is not a theme StoryDeck has.*Use one of light, dark, corporate, default, gaia, uncover, acme, q3-board\./);
      // VS Code's storydeck.preview.themes style sheets, which the extension passes besides the config's.
      const fromSetting = lintText('---\ntheme: acme\n---\n\n## Why\n\nWe believe in it.\n', {}, { themes: ['/work/space/themes/acme.css'] });
      assert.deepEqual(
        fromSetting.findings.filter((f) => f.ruleId === 'front-matter'),
        [],
      );
    });

    it('names each Marp feature StoryDeck does not draw once, where it is first used, and says why', () => {
      const text = [
        '---',
        'transition: fade',
        'math: katex',
        '---',
        '',
        '## Why',
        '',
        '<!-- transition: cube -->',
        '<!-- _backgroundSize: contain -->',
        '',
        '<style scoped>h2 { color: red }</style>',
        '',
        '![bg sepia](a.png) ![w:10em](b.png)',
        '',
        '<!-- backgroundColor: url(x) -->',
        '<!-- size: A4 -->',
        '<!-- backgroundImage: linear-gradient(red, blue) -->',
      ].join('\n');
      const found = of('front-matter', text).map((f) => [f.line, f.message]);
      assert.deepEqual(
        found.map(([line]) => line),
        [2, 3, 9, 11, 13, 13, 15, 16, 17],
      );
      const messages = found.map(([, message]) => String(message));
      assert.match(messages[0], /^`transition` is a Marp feature StoryDeck does not show: slides change without an animation\.$/);
      assert.match(messages[1], /^`math` is a Marp feature StoryDeck does not show: formulas show as the text you wrote\.$/);
      assert.match(messages[2], /^`backgroundSize` is a Marp feature StoryDeck does not show/);
      assert.match(messages[3], /^`<style>` is a Marp feature StoryDeck does not show: StoryDeck pages load no style sheet from a document \(their Content Security Policy/);
      assert.match(messages[4], /^`sepia` is a Marp feature StoryDeck does not show: image filters/);
      assert.match(messages[5], /^`w:10em` is not a size StoryDeck can draw/);
      assert.match(messages[6], /^`backgroundColor: url\(x\)` is not a colour StoryDeck can use/);
      assert.match(messages[7], /^`size: A4` is not a slide size StoryDeck has, so slides stay 16:9\. Use 16:9 or 4:3\.$/);
      assert.match(messages[8], /^`backgroundImage` is a Marp feature StoryDeck does not show: only `url\(…\)` of a picture is drawn/);
    });

    it('stays quiet about every Marp directive and image keyword StoryDeck draws', () => {
      const text = [
        '---',
        'marp: true',
        'theme: gaia',
        'size: 4:3',
        'paginate: true',
        'header: "**Q3** review"',
        'footer: Team',
        'class: invert',
        'backgroundColor: "#123456"',
        'color: rgb(250, 250, 250)',
        "backgroundImage: url('a.png')",
        '---',
        '',
        '# <!-- fit --> Why',
        '',
        '<!-- _class: lead -->',
        '<!-- _paginate: false -->',
        '',
        '![bg left:40% contain](a.png) ![bg fit](b.png) ![bg vertical 50%](c.png) ![w:300 h:200px](d.png) ![width:30](e.png)',
        '',
        'We believe in it.',
      ].join('\n');
      assert.deepEqual(of('front-matter', text), []);
    });

    it('reports a kind nobody defined at its line, and accepts built-in and configured kinds', () => {
      const text = (kind: string) => `---\ntitle: Q3\nkind: ${kind}\n---\n\n## Why\n\nWe believe in it.\n`;
      const [finding, ...rest] = of('front-matter', text('pitchh'));
      assert.equal(rest.length, 0);
      assert.equal(finding.line, 3);
      assert.match(finding.message, /`kind: pitchh` is not a kind StoryDeck knows, so the narrative is read as a pitch/);
      assert.deepEqual(of('front-matter', text('exec-ask')), []);
      assert.deepEqual(of('front-matter', text('review'), { kinds: { review: { expects: ['ask'], beforeWhat: [] } } }), []);
    });

    it('checks types and reports each storydeck settings problem at the storydeck line', () => {
      const text = '---\ntitle: 42\ndescription: [a, b]\nduration: 1 fortnight\nstorydeck:\n  rules:\n    jargon: loud\n  extend: base.json\n---\n\n## Why\n\nWe believe in it.\n';
      const found = of('front-matter', text);
      assert.deepEqual(
        found.map((f) => f.line),
        [2, 3, 4, 5, 5],
      );
      assert.match(found[0].message, /`title` should be text, but it is the number 42/);
      assert.ok(found.slice(3).every((f) => f.message.startsWith('StoryDeck settings in the front matter:')));
      assert.equal(of('front-matter', '---\nstorydeck: yes\n---\n\n## Why\n\nWe believe.\n').length, 1);
      assert.equal(of('front-matter', '---\nstorydeck: true\n---\n\n## Why\n\nWe believe.\n').length, 0);
    });

    it('says what a YAML mistake means, once, on the line to change', () => {
      const body = '---\n\n## Why\n\nWe believe.\n';
      const cases: Array<[string, number, RegExp]> = [
        ['title: Payroll: the plan\nduration: 10m\n', 2, /the value of `title` has `: ` in it, which reads as a second key\. Put the value in double quotes: `title: "Payroll: the plan"`\./],
        ['title: "Payroll\nduration: 10m\n', 2, /the " opened on this line is never closed\. End the value with "\./],
        ['  title: Payroll\nduration: 10m\nstorydeck: true\n', 3, /write each setting as `key: value` on a line of its own, starting at the left edge/],
        ['title: Payroll\n  audience: Executive team\nduration: 10m\n', 2, /a line under `title` is indented, so it reads as part of its value/],
        ['title: Payroll\ntitle: Payroll plan\n', 3, /The front matter sets `title` twice\. Keep one\./],
        ['title: Payroll\n\tduration: 10m\n', 3, /this line is indented with a tab\. Indent with spaces\./],
        ['title: @payroll\n', 2, /a value cannot start with `@` unless it is in double quotes: `title: "@payroll"`/],
      ];
      for (const [yaml, line, message] of cases) {
        const found = of('front-matter', `---\n${yaml}${body}`);
        assert.equal(found.length, 1, yaml);
        assert.equal(found[0].line, line, yaml);
        assert.match(found[0].message, message);
        assert.match(found[0].message, /Until it is fixed, StoryDeck ignores the title, duration and settings in it\.$/);
      }
    });

    it('reports front matter opened with `--` on its first line, and fixes both fences', () => {
      for (const [text, fixed] of [
        ['--\ntitle: Payroll\nduration: 10m\n---\n\n## Why\n\nWe believe.\n', '---\ntitle: Payroll\nduration: 10m\n---\n\n## Why\n\nWe believe.\n'],
        ['--\ntitle: Payroll\n--\n\n## Why\n\nWe believe.\n', '---\ntitle: Payroll\n---\n\n## Why\n\nWe believe.\n'],
        ['—\ntitle: Payroll\n—\n\n## Why\n\nWe believe.\n', '---\ntitle: Payroll\n---\n\n## Why\n\nWe believe.\n'],
      ]) {
        const found = lintText(text).findings.filter((f) => f.ruleId === 'front-matter' || f.ruleId === 'input');
        assert.equal(found.length, 1, text);
        assert.equal(found[0].ruleId, 'front-matter');
        assert.deepEqual([found[0].line, found[0].column, found[0].endLine], [1, 1, 1]);
        assert.match(found[0].message, /^The front matter starts with `(--|—)` instead of `---`, so its lines show as text on the first slide\./);
        assert.equal(fixText(text).text, fixed);
        assert.equal(parseDeck(fixed).frontMatter.title, 'Payroll');
      }
      // A dash on its own line before ordinary text is not front matter.
      assert.deepEqual(of('front-matter', '--\nThe plan, in short.\n\n---\n\n## Why\n\nWe believe.\n'), []);
    });

    it('reports broken YAML once, where the parser stopped, and nothing else about the block', () => {
      const found = of('front-matter', '---\ntitel: [oops\n---\n\n## Why\n\nWe believe.\n');
      assert.equal(found.length, 1);
      assert.ok(found[0].message.startsWith('StoryDeck cannot read the front matter from here: ') && found[0].line >= 2 && found[0].line <= 3);
      const notMapping = of('front-matter', '---\n- a\n- b\n---\n\n## Why\n\nWe believe.\n');
      assert.equal(notMapping.length, 1);
      assert.match(notMapping[0].message, /key: value/);
    });
  });

  describe('slide-density', () => {
    const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');
    it('counts visible words against maxWords and list items against maxBullets', () => {
      const text = `## Title\n\n${words(70)}\n`;
      assert.equal(of('slide-density', text).length, 0, '71 words is under the default');
      const [finding] = of('slide-density', text, withOptions('slide-density', { maxWords: 50 }));
      assert.match(finding.message, /^Slide 1 has 71 words/);
      const bullets = '## Title\n\n- a\n- b\n- c\n  - nested\n';
      assert.equal(of('slide-density', bullets).length, 0);
      assert.match(of('slide-density', bullets, withOptions('slide-density', { maxBullets: 3 }))[0].message, /4 bullets/);
      assert.match(of('slide-density', `## T\n\n${words(100)}\n\n- a\n- b\n- c\n- d\n- e\n- f\n- g\n`)[0].message, /words in 7 bullets/);
    });

    it('ignores speaker notes and nonsense options', () => {
      const text = `## Title\n\nShort.\n\n<!-- ${words(300)} -->\n`;
      assert.equal(of('slide-density', text).length, 0);
      assert.equal(of('slide-density', `## T\n\n${words(70)}\n`, withOptions('slide-density', { maxWords: -3 })).length, 0, 'a bad limit falls back to the default');
    });
  });

  describe('stats-without-story', () => {
    it('counts figures, not years or labels', () => {
      assert.equal(countFigures('Revenue grew 18% to $4.2M in 2024, Q1 up 1,240.'), 3);
      assert.equal(countFigures('v2 of H1 plans, 1.,.,., 7'), 2);
    });

    it('counts durations but not dates or points in a plan', () => {
      assert.equal(countFigures('A planned swap takes 40 minutes; an unplanned one takes 3 hours.'), 2);
      assert.equal(countFigures('Weeks 1–4: map stores. Start on 30 June at 9 am, review on June 30, Week 12 readout.'), 0);
    });

    it('does not count labels, identifiers, times, day-and-month dates or telephone numbers', () => {
      assert.equal(countFigures('**1. Poll more often.** It costs 30 seconds.'), 1);
      assert.equal(countFigures('7.1 The project will be considered successful when 2 wards use it'), 1);
      assert.equal(countFigures('Ticket DP-1184 for KR 2.1; ISO 27001; see rfc-0042 and Priority 3.'), 0);
      assert.equal(countFigures('12.11. — fixed by 10:30, the meeting was at 11:00, 2 hours late.'), 1);
      assert.equal(countFigures('Unit 4, Stoke-on-Trent ST1 5AB. Call 01782 000 114.'), 0);
    });

    it('does not count the number that ends a name mid-sentence, a proposal number or a web address, but counts a quantity after a name', () => {
      assert.equal(countFigures('Users ask whether Vue 3 will run in suites like Microsoft 365, see PEP 554 and https://example.org/issues/26'), 0);
      assert.equal(countFigures('Support for Vue 3 cut builds by 40%; the Enterprise 12% discount ends'), 2);
      assert.equal(countFigures('Vue 3 is out'), 1, 'at the start of a sentence a capitalised word may be a label: "Accounts 1240"');
    });

    it('does not count versions, the second half of an academic year, or the second number of a ratio', () => {
      assert.equal(countFigures('5.0.0 released; 4.x becomes a maintenance branch; 5.0rc1 is out'), 0);
      assert.equal(countFigures('In 2024/25, 612 students did not continue.'), 1);
      assert.equal(countFigures('1 in 3 app shoppers stop, and 9 out of 10 never come back'), 2);
      assert.equal(countFigures('We served 1,200 meals in 3 towns'), 2, 'two counts side by side are two figures');
    });

    it('does not count the tail of a version glued to its letter, nor a milestone of a plan', () => {
      assert.equal(countFigures('The last release was v0.9; we expect v1.0 in spring and v1.10 by June.'), 0);
      assert.equal(countFigures('Milestone 1 payment requested; Milestones 2 through 9 are done'), 1);
      assert.equal(countFigures('Churn fell to 4.8%, with 1,240 accounts'), 2, 'a decimal is still one figure');
    });

    it('reads "e.g." as an example, as it reads "for example"', () => {
      const dump = (aside: string) => `## Attributes\n\n- The spec defines 30 attributes\n- 7 must be supported by every runtime${aside}\n- 10 must be supported by the libraries\n- 13 are metadata\n`;
      const quiet = withOptions('stats-without-story', { learned: false });
      assert.equal(of('stats-without-story', dump(''), quiet).length, 1);
      assert.equal(of('stats-without-story', dump(' (e.g. Code)'), quiet).length, 0);
      assert.equal(of('stats-without-story', dump(', for example Code'), quiet).length, 0);
    });

    it('leaves figures in a plan, a budget, the design, the ask or an appendix alone', () => {
      const rows = '\n\n| Item | Cost |\n|---|---|\n| Truck | $118,000 |\n| Driver | $41,000 |\n| Fuel | $19,000 |\n| Total | $178,000 |\n';
      assert.equal(of('stats-without-story', `## Where the money goes${rows}`).length, 1, 'a table of money under a neutral heading is a wall of numbers');
      for (const heading of ['Budget', 'Plan', 'Proposed design', 'Decision requested', 'Timeline', 'Appendix: costs', 'Benchmarks', 'Cost', '6. Costs and funding']) {
        assert.equal(of('stats-without-story', `## ${heading}${rows}`).length, 0, heading);
      }
    });

    it('takes minFigures, and exempts outcome slides and slides with a person', () => {
      const dump = '## Numbers\n\n- 12 wards\n- 40 beds\n- 3 shifts\n';
      assert.equal(of('stats-without-story', dump).length, 0, 'three figures are not a dump by default');
      assert.equal(of('stats-without-story', dump, withOptions('stats-without-story', { minFigures: 3 })).length, 1);
      assert.equal(of('stats-without-story', '## Numbers\n\n- 12 wards\n- 40 beds\n- 3 shifts\n- 9 nurses\n').length, 1);
      assert.equal(of('stats-without-story', '<!-- beat: outcome -->\n## Numbers\n\n- 12 wards\n- 40 beds\n- 3 shifts\n- 9 nurses\n').length, 0);
      assert.equal(of('stats-without-story', '## Numbers\n\n- 12 wards\n- 40 beds\n- 3 shifts\n- 9 nurses, and one nurse, Ana, said it is too many\n').length, 0);
      assert.equal(
        of('stats-without-story', '## Numbers\n\nWe grew. We hired. Sales: 4 deals and 9 demos. Outreach: 12 calls, 30 emails.\n').length,
        1,
        'one line of prose with figures in two sentences is all figures',
      );
      assert.equal(
        of('stats-without-story', '## Numbers\n\nWe grew. We hired. We shipped. It went well. Sales: 4 deals, 9 demos, 12 calls, 30 emails.\n').length,
        0,
        'one sentence, however many figures it holds, can be said aloud',
      );
      assert.equal(of('stats-without-story', '## Numbers\n\nWe grew.\n\nWe hired.\n\nWe shipped.\n\nSales: 4 deals, 9 demos, 12 calls, 30 emails.\n').length, 0, 'most lines carry no figure');
    });
  });

  describe('input', () => {
    it('reports binary input on line 1 and nothing for a readable file', () => {
      const [finding] = of('input', 'PK\u0003\u0004\u0000\u0000binary');
      assert.deepEqual([finding.line, finding.column], [1, 1]);
      assert.match(finding.message, /binary/);
      assert.equal(of('input', '## Why\n\nWe believe.\n').length, 0);
    });

    it('reports an unclosed code block at its opening fence', () => {
      const [finding] = of('input', '## How\n\n~~~\ncode');
      assert.deepEqual([finding.line, finding.column, finding.endColumn], [3, 1, 4]);
      assert.match(finding.message, /never closed/);
    });
  });
});

describe('jargon: acronyms that are names, labels or the document’s subject', () => {
  const acronyms = (text: string) =>
    lintText(text)
      .findings.filter((f) => f.ruleId === 'jargon')
      .map((f) => /"([^"]+)"/.exec(f.message)?.[1]);
  it('leaves surnames in capitals, well-known organisations, fiscal labels and the kind of document the title names alone', () => {
    assert.deepEqual(acronyms('# Sign-off\n\nOwner: Priya SHARMA, VP Operations\n\n— Dana PARK\n'), []);
    assert.deepEqual(acronyms('# Partners\n\nWe piloted with IBM and the NHS.\n'), []);
    assert.deepEqual(acronyms('# Results\n\nRevenue in FY23Q2 rose; OKR2 is on track.\n'), []);
    assert.deepEqual(acronyms('# RFC 42: a typecheck cache\n\n## Motivation\n\nThis RFC proposes a cache.\n'), []);
  });
  it('still asks for an acronym to be spelled out', () => {
    assert.deepEqual(acronyms('# Plan\n\nTrack CSAT weekly and fix the ETL jobs. Ask Priya about CSAT.\n'), ['CSAT', 'ETL']);
    assert.deepEqual(acronyms('# Faster CI\n\nOur CI takes an hour.\n'), ['CI'], 'an acronym in the title is not explained by being there');
  });
});
