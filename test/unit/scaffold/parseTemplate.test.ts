import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseDeck } from '../../../src/core/deck';
import { AnswerError, collectTemplates, parseTemplate, renderTemplate, resolveAnswers, TemplateError } from '../../../src/core/scaffold';
import { findBuiltinTemplatesDir, listTemplates } from '../../../src/node/templates';

const HEADER = `{{!--
id: team-offsite
name: Team offsite
description: Our house style.
prompts:
  - key: title
    question: Title?
    required: true
  - key: audience
    question: Who?
    default: The team
  - key: duration
    question: How long?
    default: 20
--}}`;

const BODY = `---
title: {{yaml title}}
audience: {{yaml audience}}
duration: {{yaml duration}}
storydeck: true
---

# {{md title}}

{{#if audience}}For {{md audience}}{{else}}For everyone{{/if}}

<!-- guide: Say hello to {{comment audience}}. -->

---

{{beat "why"}}

---

{{beat "ask" heading="Help us" todo=audience}}
`;

const GOOD = `${HEADER}\n${BODY}`;

/** Asserts that parsing `source` fails with one line naming the file and `line`, matching `reason`. */
function assertBroken(source: string, line: number | undefined, reason: RegExp) {
  assert.throws(
    () => parseTemplate(source, 'team.hbs'),
    (e: unknown) => {
      assert.ok(e instanceof TemplateError, String(e));
      assert.equal(e.file, 'team.hbs');
      assert.equal(e.line, line, e.message);
      assert.match(e.reason, reason);
      assert.equal(e.message, `team.hbs${line ? `:${line}` : ''}: ${e.reason}`);
      assert.ok(!e.message.includes('\n'), `one line: ${e.message}`);
      return true;
    },
  );
}

describe('parseTemplate', () => {
  it('reads the header and renders the body with defaults and helpers', () => {
    const template = parseTemplate(GOOD, 'team.hbs');
    assert.equal(template.id, 'team-offsite');
    assert.equal(template.name, 'Team offsite');
    assert.deepEqual(template.prompts, [
      { key: 'title', question: 'Title?', default: '', required: true },
      { key: 'audience', question: 'Who?', default: 'The team', required: false },
      { key: 'duration', question: 'How long?', default: '20', required: false },
    ]);
    const text = renderTemplate(template, { title: 'Hello' });
    const deck = parseDeck(text);
    assert.deepEqual(deck.problems, []);
    assert.deepEqual(deck.frontMatter, { title: 'Hello', audience: 'The team', duration: '20', storydeck: true });
    assert.deepEqual(
      deck.slides.map((s) => [s.title, s.beats]),
      [
        ['Hello', []],
        ["Why we're doing this", ['why']],
        ['Help us', ['ask']],
      ],
    );
    assert.match(text, /^For The team$/m);
    assert.match(text, /<!-- guide: Say hello to The team\. -->/);
    assert.match(text, /^TODO: The team$/m);
    assert.match(renderTemplate(template, { title: 'Hello', audience: '   ' }), /^For The team$/m, 'a blank answer takes the default');
  });

  it('accepts CRLF line endings and a byte order mark', () => {
    const template = parseTemplate('\uFEFF' + GOOD.replace(/\n/g, '\r\n'), 'team.hbs');
    assert.equal(parseDeck(renderTemplate(template, { title: 'x' })).slides.length, 3);
  });

  it('counts only blocks that nest toward the depth limit: not `{{^}}` (an else), a commented-out block or an escaped `\\{{#`', () => {
    for (const line of ['{{#if title}}a{{^}}b{{/if}}', '{{!-- {{#if title}} --}}', '{{! {{#if title}} }}', '\\{{#if title}}']) {
      const template = parseTemplate(`${HEADER}\n# Why\n\n${`${line}\n`.repeat(40)}`, 'team.hbs');
      assert.equal(template.id, 'team-offsite', line);
    }
    assert.match(renderTemplate(parseTemplate(`${HEADER}\n# Why\n\n${'{{#if title}}a{{^}}b{{/if}}\n'.repeat(40)}`, 'team.hbs'), { title: 'x' }), /^(a\n){40}$/m);
  });

  describe('a broken template gives one error naming the file and the line', () => {
    it('no header', () => assertBroken(BODY, 1, /must start with a \{\{!-- … --\}\} comment/));
    it('an unclosed header', () => assertBroken('{{!--\nid: x\n', 1, /never closed/));
    it('text after the header on its line', () => assertBroken(HEADER + ' ---\n' + BODY, 15, /nothing after --\}\}/));
    it('a duration default that is not a talk length', () =>
      assertBroken(GOOD.replace('default: 20', 'default: a while'), 12, /prompt "duration": the default will not do: "a while" is not a talk length: write minutes, e\.g\. 15m/));
    it('blocks nested more than 30 deep (Handlebars takes time that grows with the square of their depth)', () =>
      assertBroken(`${HEADER}\n# Why\n\n${'{{#if title}}\n'.repeat(31)}x\n${'{{/if}}\n'.repeat(31)}`, 48, /^blocks are nested more than 30 deep here; a template needs far fewer$/));
    it('header YAML syntax', () => assertBroken(HEADER.replace('name: Team offsite', 'name: [Team offsite'), 4, /not valid YAML: Flow sequence/));
    it('an unknown header key', () => assertBroken(HEADER.replace('name:', 'nmae:'), 3, /unknown header key "nmae"/));
    it('a bad id', () => assertBroken(HEADER.replace('id: team-offsite', 'id: Team Offsite'), 2, /lower-case/));
    it('a missing description', () => assertBroken(HEADER.replace('description: Our house style.\n', ''), 1, /needs "description"/));
    it('a prompt without a question', () => assertBroken(HEADER.replace('    question: Who?\n', ''), 9, /prompt "audience" needs a "question"/));
    it('an unknown prompt field', () => assertBroken(HEADER.replace('    question: Who?', '    question: Who?\n    deafult: x'), 11, /unknown prompt field "deafult"/));
    it('a reserved prompt key', () => assertBroken(HEADER.replace('key: audience', 'key: md'), 9, /"md" is reserved/));
    it('a duplicate prompt key', () => assertBroken(HEADER.replace('key: audience', 'key: title'), 9, /"title" is declared twice/));
    it('an unclosed block', () => assertBroken(`${HEADER}\n${BODY}\n{{#if title}}\nx\n{{#unless audience}}y{{/unless}}\n`, 37, /^\{\{#if\}\} is never closed with \{\{\/if\}\}$/));
    it('a mismatched block', () => assertBroken(`${HEADER}\n---\ntitle: x\n---\n\n{{#if title}}\nx\n{{/unless}}\n`, 20, /the \{\{#if\}\} opened here is closed by \{\{\/unless\}\}/));
    it('a bad expression', () => assertBroken(`${HEADER}\n---\ntitle: x\n---\n\n{{md title=}}\n`, 20, /Handlebars syntax error/));
    it('a bare answer', () => assertBroken(`${HEADER}\n---\ntitle: x\n---\n\n# {{title}}\n`, 20, /\{\{title\}\} would write the answer unescaped; use \{\{md title\}\}/));
    it('a triple-stash answer', () => assertBroken(`${HEADER}\n---\ntitle: x\n---\n\n# {{{title}}}\n`, 20, /writes raw text/));
    it('an unknown answer', () => assertBroken(`${HEADER}\n---\ntitle: x\n---\n\n# {{md titel}}\n`, 20, /"titel", which is not a prompt.*prompts are: title, audience, duration/));
    it('a bare name that is not a prompt', () =>
      assertBroken(`${HEADER}\n---\ntitle: x\n---\n\n# {{name}}\n`, 20, /"name" is not a prompt of this template \(prompts are: title, audience, duration\)/));
    it('an unknown helper', () => assertBroken(`${HEADER}\n---\ntitle: x\n---\n\n# {{upper title}}\n`, 20, /not something a template can use/));
    it('an unknown beat', () => assertBroken(`${HEADER}\n---\ntitle: x\n---\n\n{{beat "pian"}}\n`, 20, /one beat id in quotes/));
    it('a partial', () => assertBroken(`${HEADER}\n---\ntitle: x\n---\n\n{{> beat}}\n`, 20, /partials are not supported/));
    it('an each block', () => assertBroken(`${HEADER}\n---\ntitle: x\n---\n\n{{#each title}}x{{/each}}\n`, 20, /\{\{#each\}\} is not supported/));
    it('a body that is not a valid narrative', () =>
      assertBroken(`${HEADER}\n---\ntitle: [x\n---\n\n# Hi\n`, undefined, /narrative it produces has a problem on its line 2: StoryDeck cannot read the front matter from here/));
    it('an answer in front matter without yaml', () => assertBroken(`${HEADER}\n---\ntitle: {{md title}}\n---\n\n# Hi\n`, 17, /in front matter, write answers with \{\{yaml key\}\}/));
    it('yaml inside quotes', () => assertBroken(`${HEADER}\n---\ntitle: "{{yaml title}}"\n---\n\n# Hi\n`, 17, /must be a whole front matter value/));
    it('yaml in slide text', () => assertBroken(`${HEADER}\n---\ntitle: x\n---\n\n# {{yaml title}}\n`, 20, /\{\{yaml\}\} is for front matter values/));
    it('(but an optional slide under {{#if}} is fine)', () => {
      const template = parseTemplate(`${HEADER}\n---\ntitle: x\n---\n\n# Hi\n{{#if audience}}\n\n---\n\n## For {{md audience}}\n{{/if}}\n`, 'team.hbs');
      assert.equal(parseDeck(renderTemplate(template, { title: 'x' })).slides.length, 2);
      assert.equal(parseDeck(renderTemplate(template, { title: 'x', audience: '---' })).slides.length, 2);
    });
    it('an answer that can add slides', () => assertBroken(`${HEADER}\n---\ntitle: x\n---\n\n# Hi\n\n{{comment title}}\n`, undefined, /answers can change the slides it produces/));
  });
});

describe('resolveAnswers', () => {
  const template = parseTemplate(GOOD, 'team.hbs');

  it('applies defaults and keeps given answers', () => {
    assert.deepEqual(resolveAnswers(template, { title: 'T', duration: '5m' }), { title: 'T', audience: 'The team', duration: '5m' });
  });

  it('lists every unknown and missing key in one message', () => {
    assert.throws(
      () => resolveAnswers(template, { colour: 'x', size: 'y' }),
      (e: unknown) =>
        e instanceof AnswerError &&
        e.unknownKeys.join() === 'colour,size' &&
        e.missingKeys.join() === 'title' &&
        e.message === 'Template "team-offsite": unknown keys "colour", "size"; missing required answer "title" (Title?). Its prompts are: title, audience, duration.',
    );
  });

  it('refuses answers that are not text', () => {
    assert.throws(() => resolveAnswers(template, { title: 42 as unknown as string }), /must be text/);
  });

  it('does not read prototype keys as answers', () => {
    assert.throws(() => resolveAnswers(template, JSON.parse('{"__proto__": {"title": "x"}}')), AnswerError);
  });
});

describe('listTemplates', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'storydeck-templates-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('lists built-ins, lets a workspace template with the same id replace one, and reports broken ones', () => {
    const workspace = join(root, '.storydeck', 'templates');
    mkdirSync(workspace, { recursive: true });
    writeFileSync(join(workspace, 'mine.hbs'), GOOD);
    writeFileSync(join(workspace, 'town-hall.hbs'), GOOD.replace('id: team-offsite', 'id: town-hall').replace('name: Team offsite', 'name: Our town hall'));
    writeFileSync(join(workspace, 'broken.hbs'), GOOD.replace('{{md title}}', '{{title}}'));
    writeFileSync(join(workspace, 'notes.txt'), 'not a template');
    const { templates, errors } = listTemplates(['templates', workspace, join(root, 'missing')]);
    const ids = templates.map((t) => t.id);
    assert.equal(ids.length, 7);
    assert.ok(ids.includes('team-offsite') && ids.includes('product-pitch'));
    assert.equal(templates.find((t) => t.id === 'town-hall')?.name, 'Our town hall');
    assert.equal(errors.length, 1);
    assert.equal(errors[0].file, join(workspace, 'broken.hbs'));
    assert.equal(errors[0].line, 23);
  });

  it('reports a template that links to /dev/zero, a pipe or a file over 1 MB as one error naming it, and reads the others', function () {
    if (process.platform === 'win32') this.skip();
    const folder = join(root, 'templates');
    mkdirSync(folder);
    writeFileSync(join(folder, 'mine.hbs'), GOOD);
    symlinkSync('/dev/zero', join(folder, 'zero.hbs'));
    execFileSync('mkfifo', [join(folder, 'pipe.hbs')]);
    writeFileSync(join(folder, 'large.hbs'), `${GOOD}${' '.repeat(1024 * 1024)}`);
    const { templates, errors } = listTemplates([folder]);
    assert.deepEqual(
      templates.map((t) => t.id),
      ['team-offsite'],
    );
    const notRegular = 'cannot read this file: it is not a regular file (a device, a pipe or a socket).';
    assert.deepEqual(
      errors.map((e) => e.message),
      [`${join(folder, 'large.hbs')}: cannot read this file: it is larger than 1 MB.`, `${join(folder, 'pipe.hbs')}: ${notRegular}`, `${join(folder, 'zero.hbs')}: ${notRegular}`],
    );
  });

  it("reads a workspace's templates only from inside it: a template, or the templates folder, that links out is one error naming it", function () {
    if (process.platform === 'win32') this.skip();
    const outside = join(root, 'elsewhere');
    const project = join(root, 'project');
    mkdirSync(outside);
    mkdirSync(join(project, '.storydeck', 'templates'), { recursive: true });
    writeFileSync(join(outside, 'lent.hbs'), GOOD.replace('id: team-offsite', 'id: lent'));
    writeFileSync(join(project, '.storydeck', 'templates', 'mine.hbs'), GOOD);
    symlinkSync(join(outside, 'lent.hbs'), join(project, '.storydeck', 'templates', 'lent.hbs'));
    const inside = listTemplates([{ dir: join(project, '.storydeck', 'templates'), within: project }]);
    assert.deepEqual(
      inside.templates.map((t) => t.id),
      ['team-offsite'],
    );
    assert.deepEqual(
      inside.errors.map((e) => e.message),
      [`${join(project, '.storydeck', 'templates', 'lent.hbs')}: cannot read this file: a symbolic link takes it outside ${project}, and templates are read only from inside it.`],
    );
    // The whole folder a link to elsewhere: nothing read from it.
    const linked = join(root, 'linked');
    mkdirSync(join(linked, '.storydeck'), { recursive: true });
    symlinkSync(outside, join(linked, '.storydeck', 'templates'));
    writeFileSync(join(outside, 'second.hbs'), GOOD.replace('id: team-offsite', 'id: second'));
    const folder = listTemplates([{ dir: join(linked, '.storydeck', 'templates'), within: linked }]);
    assert.equal(folder.templates.length, 0);
    // One error naming the folder, however many templates lie behind it: their names are outside too.
    assert.deepEqual(
      folder.errors.map((e) => e.message),
      [`${join(linked, '.storydeck', 'templates')}: cannot read this folder: a symbolic link takes it outside ${linked}, and templates are read only from inside it.`],
    );
  });

  it('reports a second template with the same id in one folder', () => {
    const { templates, errors } = collectTemplates([
      [
        { file: 'a.hbs', source: GOOD },
        { file: 'b.hbs', source: GOOD },
      ],
    ]);
    assert.deepEqual(
      templates.map((t) => t.file),
      ['a.hbs'],
    );
    assert.equal(errors[0].message, 'b.hbs:2: id "team-offsite" is already used by a.hbs');
  });

  it('finds the built-in templates folder from the sources and from dist/', () => {
    const expected = resolve('templates');
    assert.equal(findBuiltinTemplatesDir(resolve('src/cli/commands')), expected);
    assert.equal(findBuiltinTemplatesDir(resolve('dist')), expected);
    assert.equal(findBuiltinTemplatesDir(root), undefined);
  });
});

describe('docs/templates.md', () => {
  it('has a worked example that is a valid template giving the beats in order', () => {
    const docs = readFileSync('docs/templates.md', 'utf8');
    const example = /`\.storydeck\/templates\/team-offsite\.hbs`[^\n]*\n\n```hbs\n([\s\S]*?)```/.exec(docs)?.[1];
    assert.ok(example, 'the worked example is in the docs');
    const template = parseTemplate(example, 'team-offsite.hbs');
    assert.equal(template.id, 'team-offsite');
    const deck = parseDeck(renderTemplate(template, { title: 'Why we are here', host: 'Priya' }));
    assert.deepEqual(deck.problems, []);
    assert.deepEqual(deck.frontMatter, { title: 'Why we are here', audience: 'Platform', duration: '20m', storydeck: true });
    assert.deepEqual(
      deck.slides.map((s) => s.beats.join()),
      ['', 'why', 'pain', 'strategy', 'what', 'ask'],
    );
  });
});
