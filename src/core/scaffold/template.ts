import Handlebars from 'handlebars';
import { isMap, isScalar, isSeq, LineCounter, type Node as YamlNode } from 'yaml';
import { DURATION_FORMS, parseDuration } from '../deck/duration';
import { parseDeck } from '../deck/parseDeck';
import { parseYaml } from '../deck/yaml';
import { BEAT_IDS, isBeatId, type BeatId } from '../deck/types';
import { escapeComment, escapeMarkdown, yamlScalar } from './escape';
import { beatSkeleton, type BeatSkeletonOverrides } from './skeletons';

/**
 * A narrative template is a Handlebars file that starts with a header comment holding YAML:
 *
 * ```hbs
 * {{!--
 * id: town-hall
 * name: Town hall
 * description: An all-hands talk that starts from why.
 * prompts:
 *   - key: title
 *     question: What is the talk called?
 *     required: true
 *   - key: audience
 *     question: Who is in the room?
 *     default: Everyone
 * --}}
 * ---
 * title: {{yaml title}}
 * ---
 * # {{md title}}
 * ...
 * {{beat "why"}}
 * ```
 *
 * The body is a deliberately small language, checked when the template is read: answers are written only
 * through the escaping helpers `md` (slide text), `yaml` (front matter values) and `comment` (inside an HTML
 * comment); `{{beat "id"}}` writes a beat's slide skeleton; `{{#if key}}…{{else}}…{{/if}}` and `unless` test an
 * answer. Anything else (a bare `{{key}}`, `{{{key}}}`, partials, other helpers) is an error that names the
 * file and line, so no template, built-in or from a workspace, can insert an answer unescaped.
 */

export interface TemplatePrompt {
  /** The answer's name: `--set key=value`, `{{md key}}`. */
  key: string;
  /** The question asked for it. */
  question: string;
  /** Used when no answer is given; '' when the header gives none. */
  default: string;
  /** A required prompt must get a non-empty answer (or have a default). */
  required: boolean;
}

export interface TemplateHeader {
  id: string;
  name: string;
  description: string;
  prompts: TemplatePrompt[];
}

export interface Template extends TemplateHeader {
  /** The file the template was read from (as given to `parseTemplate`). */
  file: string;
  /** The compiled body; use {@link renderTemplate}, which validates and escapes answers. */
  readonly compiled: (answers: Record<string, string>) => string;
}

/** A template that cannot be used: bad header, Handlebars syntax, an unsafe or unknown expression. */
/** Larger template files are refused, wherever they are read (the CLI, VS Code). */
export const MAX_TEMPLATE_BYTES = 1024 * 1024;

export class TemplateError extends Error {
  constructor(
    readonly file: string,
    /** 1-based line in `file`, when known. */
    readonly line: number | undefined,
    /** The problem without the location. */
    readonly reason: string,
  ) {
    super(`${file}${line ? `:${line}` : ''}: ${reason}`);
    this.name = 'TemplateError';
  }
}

/** Answers that do not fit a template's prompts: unknown keys, missing required ones. */
export class AnswerError extends Error {
  constructor(
    readonly templateId: string,
    readonly unknownKeys: string[],
    readonly missingKeys: string[],
    message: string,
  ) {
    super(message);
    this.name = 'AnswerError';
  }
}

/** Helpers that write an answer, each escaping for its context. */
const VALUE_HELPERS = ['md', 'yaml', 'comment'] as const;
const BLOCK_HELPERS = ['if', 'unless'] as const;
const HELPERS = [...VALUE_HELPERS, 'beat'] as const;
/** Names a prompt key may not take: they would read as helpers or keywords. */
const RESERVED_KEYS = new Set<string>([...HELPERS, ...BLOCK_HELPERS, 'each', 'with', 'lookup', 'log', 'else', 'this', 'true', 'false', 'null', 'undefined']);
const KEY = /^[A-Za-z][A-Za-z0-9_]*$/;
const ID = /^[a-z0-9][a-z0-9-]*$/;
const BEAT_HASH_KEYS = ['heading', 'guide', 'todo'] as const;
const HEADER_KEYS = ['id', 'name', 'description', 'prompts'];
const PROMPT_KEYS = ['key', 'question', 'default', 'required'];

let environment: typeof Handlebars | undefined;

/** An isolated Handlebars environment with StoryDeck's helpers (never the global one other code may change). */
function env(): typeof Handlebars {
  if (environment) return environment;
  const hb = Handlebars.create();
  const text = (value: unknown) => (value === undefined || value === null ? '' : String(value));
  hb.registerHelper('md', (value: unknown) => new hb.SafeString(escapeMarkdown(text(value))));
  hb.registerHelper('yaml', (value: unknown) => new hb.SafeString(yamlScalar(text(value))));
  hb.registerHelper('comment', (value: unknown) => new hb.SafeString(escapeComment(text(value))));
  hb.registerHelper('beat', (beat: unknown, options: Handlebars.HelperOptions) => {
    const overrides: BeatSkeletonOverrides = {};
    for (const key of BEAT_HASH_KEYS) {
      const value = options?.hash?.[key];
      if (value !== undefined && value !== null) overrides[key] = String(value);
    }
    return new hb.SafeString(beatSkeleton(String(beat) as BeatId, overrides));
  });
  environment = hb;
  return hb;
}

/**
 * Reads a template: its header, then its body, which is parsed, checked (see above) and compiled, then
 * rendered with default answers (it must give a valid narrative) and with tricky answers (they must not
 * change its slides, blocks, comments or front matter keys). Throws one {@link TemplateError} naming `file`
 * and, when it can be known, the line.
 */
export function parseTemplate(source: string, file: string): Template {
  const text = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const { header, bodyLine, body } = readHeader(text, file);
  const ast = parseBody(body, bodyLine, file);
  checkBody(ast, header.prompts, body.split('\n'), bodyLine, file);
  const hb = env();
  const run = hb.compile(body, {
    strict: false,
    noEscape: false,
    knownHelpers: Object.fromEntries([...HELPERS, ...BLOCK_HELPERS].map((name) => [name, true])),
    knownHelpersOnly: true,
    preventIndent: true,
  });
  const compiled = (answers: Record<string, string>) => {
    try {
      return run(answers);
    } catch (e) {
      throw new TemplateError(file, undefined, `rendering failed: ${firstLine(String((e as Error)?.message ?? e))}`);
    }
  };
  const template: Template = { ...header, file, compiled };
  // A template must give a valid narrative with its defaults (required answers get a sample value).
  const sample = Object.fromEntries(header.prompts.map((p) => [p.key, p.default || (p.required ? p.question : '')]));
  checkOutput(template, compiled(sample));
  // ...and answers must not change its structure, however tricky they are. Every answer is given in both
  // renders, so {{#if}} takes the same branches and only the escaping is tested.
  const plain = Object.fromEntries(header.prompts.map((p) => [p.key, 'Sample answer']));
  const expected = structure(checkOutput(template, compiled(plain)));
  const changed = TRICKY_ANSWERS.some((answer) => {
    const tricky = Object.fromEntries(header.prompts.map((p) => [p.key, answer]));
    return structure(checkOutput(template, compiled(tricky))) !== expected;
  });
  if (changed) {
    throw new TemplateError(
      file,
      undefined,
      'answers can change the slides it produces (checked with Markdown, HTML and YAML in every answer); write answers with {{md key}} in slide text, {{yaml key}} as a whole front matter value and {{comment key}} inside comments',
    );
  }
  return template;
}

/**
 * What is wrong with an answer, in one sentence, or undefined when it will do: a required answer left blank,
 * or a `duration` (it becomes the front matter's talk length) that is not a talk length.
 */
export function answerProblem(prompt: TemplatePrompt, value: string): string | undefined {
  if (value.trim() === '') return prompt.required ? 'An answer is required.' : undefined;
  if (prompt.key === 'duration' && parseDuration(value) === undefined) return `"${value.trim()}" is not a talk length: write ${DURATION_FORMS}.`;
  return undefined;
}

/**
 * Checks answers against a template's prompts and fills in defaults. Unknown keys and missing required
 * answers (absent or blank) throw one {@link AnswerError} that lists them all; else an answer that is not
 * what its prompt needs ({@link answerProblem}) throws one naming it.
 */
export function resolveAnswers(template: TemplateHeader, answers: Readonly<Record<string, string>>): Record<string, string> {
  const known = new Map(template.prompts.map((p) => [p.key, p]));
  const unknown = Object.keys(answers).filter((key) => !known.has(key));
  const values: Record<string, string> = {};
  const missing: string[] = [];
  for (const prompt of template.prompts) {
    const given = Object.hasOwn(answers, prompt.key) ? answers[prompt.key] : undefined;
    if (given !== undefined && typeof given !== 'string') {
      throw new AnswerError(template.id, [], [], `The answer for "${prompt.key}" must be text.`);
    }
    const value = given !== undefined && given.trim() !== '' ? given : prompt.default;
    if (prompt.required && value.trim() === '') missing.push(prompt.key);
    values[prompt.key] = value;
  }
  if (unknown.length === 0 && missing.length === 0) {
    for (const prompt of template.prompts) {
      const problem = answerProblem(prompt, values[prompt.key]);
      if (problem) throw new AnswerError(template.id, [], [], `The answer for "${prompt.key}" will not do: ${problem}`);
    }
    return values;
  }
  const keys = template.prompts.map((p) => p.key).join(', ') || '(none)';
  const parts: string[] = [];
  if (unknown.length) parts.push(`unknown ${plural(unknown.length, 'key')} ${unknown.map((k) => `"${k}"`).join(', ')}`);
  if (missing.length) {
    parts.push(`missing required ${plural(missing.length, 'answer')} ${missing.map((k) => `"${k}" (${known.get(k)?.question})`).join(', ')}`);
  }
  throw new AnswerError(template.id, unknown, missing, `Template "${template.id}": ${parts.join('; ')}. Its prompts are: ${keys}.`);
}

/**
 * Renders a template with the user's answers into a new narrative (ending with a line break). Answers are
 * validated ({@link AnswerError}) and escaped by the template's helpers; the result is parsed to make sure it
 * is a valid narrative ({@link TemplateError} otherwise).
 */
export function renderTemplate(template: Template, answers: Readonly<Record<string, string>> = {}): string {
  const values = resolveAnswers(template, answers);
  return checkOutput(template, template.compiled(values));
}

/** Answers full of Markdown, HTML, YAML and Handlebars syntax, used to check that a template escapes answers. */
const TRICKY_ANSWERS = ['# a', '- b', '> c', '1. d', '---', '```', '<div>', '<!-- e -->', `"x' # y: [z] --- <!-- note --> --> *a* _b_ \`c\` <script>{{d}}</script>\n---\n- e\n# f`];

/** What answers may not change: slides, their blocks and comments, and the front matter keys. (Beats may: they read the words.) */
function structure(text: string): string {
  const deck = parseDeck(text);
  return JSON.stringify([Object.keys(deck.frontMatter), deck.slides.map((s) => [s.blocks.map((b) => b.kind), s.comments.map((c) => c.kind)])]);
}

function checkOutput(template: Template, output: string): string {
  // `(?<!\n)`: the final line breaks are looked for from the start of their run only, not again from every line break.
  const text = output.replace(/^\n+/, '').replace(/(?<!\n)\n*$/, '\n');
  const problem = parseDeck(text).problems[0];
  if (problem) {
    throw new TemplateError(template.file, undefined, `the narrative it produces has a problem on its line ${problem.line}: ${problem.message}`);
  }
  return text;
}

// ---------------------------------------------------------------------------------------------------------
// Header

const HEADER_OPEN = '{{!--';
const HEADER_CLOSE = '--}}';

function readHeader(text: string, file: string): { header: TemplateHeader; bodyLine: number; body: string } {
  const usage = 'a template must start with a {{!-- … --}} comment holding YAML with id, name, description and prompts';
  if (!text.startsWith(HEADER_OPEN)) throw new TemplateError(file, 1, usage);
  const close = text.indexOf(HEADER_CLOSE, HEADER_OPEN.length);
  if (close < 0) throw new TemplateError(file, 1, `the header comment is never closed with ${HEADER_CLOSE}`);
  const closeLine = lineAt(text, close);
  const lineEnd = text.indexOf('\n', close);
  const rest = text.slice(close + HEADER_CLOSE.length, lineEnd < 0 ? text.length : lineEnd);
  if (rest.trim() !== '') throw new TemplateError(file, closeLine, `put nothing after ${HEADER_CLOSE} on its line; the template body starts on the next line`);
  // The YAML starts on line 1 (right after `{{!--`), so its line numbers are the file's.
  const yamlText = text.slice(HEADER_OPEN.length, close);
  const header = parseHeaderYaml(yamlText, file);
  return { header, bodyLine: closeLine + 1, body: lineEnd < 0 ? '' : text.slice(lineEnd + 1) };
}

function parseHeaderYaml(yamlText: string, file: string): TemplateHeader {
  const counter = new LineCounter();
  const doc = parseYaml(yamlText, { lineCounter: counter, prettyErrors: true });
  const lineOf = (node: unknown) => {
    const range = (node as YamlNode | undefined)?.range;
    return range ? counter.linePos(range[0]).line : 1;
  };
  const error = doc.errors[0];
  if (error) {
    const reason = firstLine(error.message).replace(/ at line \d+, column \d+:?$/, '');
    throw new TemplateError(file, error.linePos?.[0]?.line ?? 1, `the header is not valid YAML: ${reason}`);
  }
  const root = doc.contents;
  if (!isMap(root)) throw new TemplateError(file, 1, 'the header must be YAML `key: value` pairs: id, name, description, prompts');

  const fields = new Map<string, unknown>();
  for (const pair of root.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    if (!HEADER_KEYS.includes(key)) {
      throw new TemplateError(file, lineOf(pair.key), `unknown header key "${key}"; a header has ${HEADER_KEYS.join(', ')}`);
    }
    fields.set(key, pair.value);
  }
  const str = (key: string, pattern?: RegExp, hint?: string): string => {
    const node = fields.get(key);
    const value = isScalar(node) ? node.value : undefined;
    if (typeof value !== 'string' || value.trim() === '') throw new TemplateError(file, node ? lineOf(node) : 1, `the header needs "${key}" as text`);
    if (pattern && !pattern.test(value)) throw new TemplateError(file, lineOf(node), `header "${key}" ${hint}`);
    return value.trim();
  };
  const id = str('id', ID, 'must be lower-case letters, digits and dashes, like "team-offsite"');
  const name = str('name');
  const description = str('description');

  const promptsNode = fields.get('prompts');
  const prompts: TemplatePrompt[] = [];
  if (promptsNode !== undefined && !(isScalar(promptsNode) && promptsNode.value === null)) {
    if (!isSeq(promptsNode)) throw new TemplateError(file, lineOf(promptsNode), '"prompts" must be a list of { key, question, default, required }');
    for (const item of promptsNode.items) {
      const line = lineOf(item);
      if (!isMap(item)) throw new TemplateError(file, line, 'each prompt must be a mapping with key, question, default, required');
      const values: Record<string, unknown> = {};
      for (const pair of item.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : '';
        if (!PROMPT_KEYS.includes(key)) throw new TemplateError(file, lineOf(pair.key), `unknown prompt field "${key}"; a prompt has ${PROMPT_KEYS.join(', ')}`);
        if (!isScalar(pair.value) && pair.value !== null) throw new TemplateError(file, lineOf(pair.value), `prompt field "${key}" must be a single value`);
        values[key] = isScalar(pair.value) ? pair.value.value : null;
      }
      const key = values.key;
      if (typeof key !== 'string' || !KEY.test(key)) {
        throw new TemplateError(file, line, 'each prompt needs a "key": a letter, then letters, digits or _ (like "title" or "launchDate")');
      }
      if (RESERVED_KEYS.has(key)) throw new TemplateError(file, line, `prompt key "${key}" is reserved; choose another name`);
      if (prompts.some((p) => p.key === key)) throw new TemplateError(file, line, `prompt key "${key}" is declared twice`);
      if (typeof values.question !== 'string' || values.question.trim() === '') throw new TemplateError(file, line, `prompt "${key}" needs a "question" as text`);
      const dflt = values.default;
      if (dflt !== undefined && dflt !== null && typeof dflt !== 'string' && typeof dflt !== 'number') {
        throw new TemplateError(file, line, `prompt "${key}": "default" must be text`);
      }
      if (values.required !== undefined && values.required !== null && typeof values.required !== 'boolean') {
        throw new TemplateError(file, line, `prompt "${key}": "required" must be true or false`);
      }
      const prompt = { key, question: values.question.trim(), default: dflt === undefined || dflt === null ? '' : String(dflt), required: values.required === true };
      const wrongDefault = prompt.default && answerProblem(prompt, prompt.default);
      if (wrongDefault) throw new TemplateError(file, line, `prompt "${key}": the default will not do: ${wrongDefault}`);
      prompts.push(prompt);
    }
  }
  return { id, name, description, prompts };
}

// ---------------------------------------------------------------------------------------------------------
// Body

type AstNode = hbs.AST.Node & { loc?: hbs.AST.SourceLocation };

/** Deeper than any template needs: Handlebars parses nested blocks in time that grows with the square of their depth (4,000 took 11 s). */
export const MAX_BLOCK_DEPTH = 30;

/**
 * A template body's block tags, `{{#name`, `{{^name`, `{{#> partial`, `{{#*inline` and `{{/name`, in one linear scan: not
 * those in a comment (one left open runs to the end: matched once, not once per `{{!` after it), nor an escaped `\{{`,
 * nor `{{^}}`, which is an else, not a block.
 */
function* blockTags(body: string): Generator<{ close: boolean; name: string; index: number }> {
  const tag = /\{\{!--[\s\S]*?(?:--\}\}|$)|\{\{![\s\S]*?(?:\}\}|$)|(?<!\\)\\\{\{|\{\{~?\s*([#^/])\s*(?:[>*]\s*)?([\w.-]+)/g;
  for (let m = tag.exec(body); m; m = tag.exec(body)) if (m[1]) yield { close: m[1] === '/', name: m[2], index: m.index };
}

/** Where blocks first nest deeper than MAX_BLOCK_DEPTH, as an offset into `body`; one pass, before Handlebars reads it. */
function tooDeepBlock(body: string): number | undefined {
  let depth = 0;
  for (const { close, index } of blockTags(body)) {
    depth = close ? Math.max(0, depth - 1) : depth + 1;
    if (depth > MAX_BLOCK_DEPTH) return index;
  }
  return undefined;
}

function parseBody(body: string, bodyLine: number, file: string): hbs.AST.Program {
  const deep = tooDeepBlock(body);
  if (deep !== undefined) throw new TemplateError(file, bodyLine - 1 + lineAt(body, deep), `blocks are nested more than ${MAX_BLOCK_DEPTH} deep here; a template needs far fewer`);
  try {
    return env().parse(body);
  } catch (e) {
    const err = e as { message?: string; lineNumber?: number };
    const message = String(err.message ?? e);
    if (/got 'EOF'/.test(message)) {
      const open = unclosedBlock(body);
      if (open) throw new TemplateError(file, bodyLine - 1 + open.line, `{{#${open.name}}} is never closed with {{/${open.name}}}`);
    }
    const line = err.lineNumber ?? Number(/on line (\d+)/.exec(message)?.[1] ?? 1);
    throw new TemplateError(file, bodyLine - 1 + line, `Handlebars syntax error: ${describeSyntaxError(message)}`);
  }
}

/** The innermost block opened and never closed, found by a plain scan (used when the parser only says "EOF"). */
function unclosedBlock(body: string): { name: string; line: number } | undefined {
  const stack: { name: string; index: number }[] = [];
  for (const { close, name, index } of blockTags(body)) {
    if (close) {
      const i = stack.map((b) => b.name).lastIndexOf(name);
      if (i >= 0) stack.length = i;
    } else {
      stack.push({ name, index });
    }
  }
  // A block's line is counted only for the one returned.
  const open = stack[stack.length - 1];
  return open && { name: open.name, line: lineAt(body, open.index) };
}

function describeSyntaxError(message: string): string {
  const lines = message.split('\n');
  const mismatch = /^(\S+) doesn't match (\S+)/.exec(lines[0]);
  if (mismatch) return `the {{#${mismatch[1]}}} opened here is closed by {{/${mismatch[2]}}}`;
  const last = lines[lines.length - 1].trim();
  if (/got 'EOF'/.test(last)) return `the file ends inside an expression or an open block (${last})`;
  return lines.length > 1 ? last : lines[0].replace(/ - \d+:\d+$/, '');
}

/** Walks the body and rejects anything outside the small, safe language described at the top of this file. */
function checkBody(ast: hbs.AST.Program, prompts: readonly TemplatePrompt[], lines: readonly string[], bodyLine: number, file: string): void {
  const keys = new Set(prompts.map((p) => p.key));
  const fm = frontMatterLines(lines);
  /** Answers go into front matter only as whole values (`key: {{yaml key}}` or `- {{yaml key}}`), and `yaml` only there. */
  const checkContext = (m: hbs.AST.MustacheStatement, name: string): void => {
    const { start, end } = m.loc;
    const inFrontMatter = fm !== undefined && start.line > fm.open && start.line < fm.close;
    if (inFrontMatter && name !== 'yaml') fail(m, `in front matter, write answers with {{yaml key}} as a whole value, like title: {{yaml title}}`);
    if (!inFrontMatter && name === 'yaml') fail(m, `{{yaml}} is for front matter values; in slide text use {{md key}}, inside a comment {{comment key}}`);
    if (inFrontMatter) {
      const line = lines[start.line - 1] ?? '';
      const before = line.slice(0, start.column);
      const after = start.line === end.line ? line.slice(end.column) : 'x';
      if (!/^\s*(?:[\w.-]+[ \t]*:|-)[ \t]+$/.test(before) || !/^[ \t]*(?:#.*)?$/.test(after)) {
        fail(m, `{{yaml}} must be a whole front matter value on its own line, like title: {{yaml title}} (it adds the quotes itself)`);
      }
    }
  };
  const keyList = prompts.map((p) => p.key).join(', ') || '(none)';
  const fail = (node: AstNode, reason: string): never => {
    throw new TemplateError(file, bodyLine - 1 + (node.loc?.start.line ?? 1), reason);
  };
  const answer = (node: hbs.AST.Expression, where: string): void => {
    if (node.type === 'StringLiteral') return;
    if (node.type !== 'PathExpression') fail(node, `${where} takes a prompt key or a "quoted text"`);
    const path = node as hbs.AST.PathExpression;
    if (path.data || path.depth > 0 || path.parts.length !== 1 || path.original.includes('this')) {
      fail(node, `${where}: "${path.original}" is not a prompt key; prompts are: ${keyList}`);
    }
    if (!keys.has(path.parts[0])) fail(node, `${where} uses "${path.original}", which is not a prompt of this template; prompts are: ${keyList}`);
  };
  const visit = (node: AstNode): void => {
    switch (node.type) {
      case 'Program':
        for (const child of (node as hbs.AST.Program).body) visit(child);
        return;
      case 'ContentStatement':
      case 'CommentStatement':
        return;
      case 'MustacheStatement': {
        const m = node as hbs.AST.MustacheStatement;
        const name = m.path.type === 'PathExpression' ? (m.path as hbs.AST.PathExpression).original : '';
        const shown = `{{${name || '…'}${m.params.length ? ' …' : ''}}}`;
        if (!m.escaped) fail(node, `{${shown}} writes raw text; use {{md key}} in slide text, {{yaml key}} in front matter or {{comment key}} in a comment`);
        if (!(HELPERS as readonly string[]).includes(name)) {
          if (m.params.length === 0 && !m.hash && keys.has(name)) {
            fail(node, `{{${name}}} would write the answer unescaped; use {{md ${name}}} in slide text, {{yaml ${name}}} in front matter or {{comment ${name}}} in a comment`);
          }
          if (m.params.length === 0 && !m.hash && KEY.test(name)) {
            fail(node, `{{${name}}}: "${name}" is not a prompt of this template (prompts are: ${keyList}); write answers with {{md key}}, {{yaml key}} or {{comment key}}`);
          }
          fail(node, `${shown} is not something a template can use; write answers with md, yaml or comment, slides with {{beat "why"}}, and test answers with {{#if key}}`);
        }
        checkContext(m, name);
        if (name === 'beat') {
          const [beat, ...extra] = m.params;
          if (!beat || beat.type !== 'StringLiteral' || !isBeatId((beat as hbs.AST.StringLiteral).value) || extra.length > 0) {
            fail(node, `{{beat …}} takes one beat id in quotes, one of ${BEAT_IDS.join(', ')}`);
          }
          for (const pair of m.hash?.pairs ?? []) {
            if (!(BEAT_HASH_KEYS as readonly string[]).includes(pair.key)) fail(node, `{{beat}} takes ${BEAT_HASH_KEYS.map((k) => `${k}="…"`).join(', ')}; not "${pair.key}"`);
            answer(pair.value, `{{beat ${pair.key}=…}}`);
          }
          return;
        }
        if (m.params.length !== 1 || m.hash) fail(node, `{{${name}}} takes exactly one prompt key, like {{${name} title}}`);
        answer(m.params[0], `{{${name}}}`);
        return;
      }
      case 'BlockStatement': {
        const b = node as hbs.AST.BlockStatement;
        const name = b.path.type === 'PathExpression' ? (b.path as hbs.AST.PathExpression).original : '';
        if (!(BLOCK_HELPERS as readonly string[]).includes(name)) fail(node, `{{#${name}}} is not supported; blocks are {{#if key}} and {{#unless key}}`);
        if (b.params.length !== 1 || b.hash) fail(node, `{{#${name}}} takes exactly one prompt key, like {{#${name} presenter}}`);
        answer(b.params[0], `{{#${name}}}`);
        visit(b.program);
        if (b.inverse) visit(b.inverse);
        return;
      }
      case 'PartialStatement':
      case 'PartialBlockStatement':
        return fail(node, 'partials are not supported; use {{beat "why"}} for a beat slide');
      default:
        return fail(node, `${node.type} is not supported in a template`);
    }
  };
  visit(ast);
}

/** The 1-based body lines of the front matter fences, when the body starts with front matter. */
function frontMatterLines(lines: readonly string[]): { open: number; close: number } | undefined {
  let i = 0;
  while (i < lines.length && lines[i].trim() === '') i++;
  if (!/^---[ \t]*$/.test(lines[i] ?? '')) return undefined;
  for (let j = i + 1; j < lines.length; j++) {
    if (/^(?:---|\.\.\.)[ \t]*$/.test(lines[j])) return { open: i + 1, close: j + 1 };
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------------------

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

function firstLine(message: string): string {
  return message.split('\n')[0].trim();
}

function plural(n: number, word: string): string {
  return n === 1 ? word : word + 's';
}
