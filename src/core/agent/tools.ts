/**
 * StoryDeck as tools for agents: the one definition of each tool (name, description, input schema) and
 * the one computation of each result, shared by the MCP server (`storydeck mcp`, src/cli/mcp/server.ts)
 * and VS Code's language-model tools (src/extension/agents/), so the two surfaces cannot drift. Reading
 * files, checking paths against a root and writing belong to the adapters; everything here is pure.
 */
import { AUDIENCE_NAME, BEAT_IDS, parseDuration, type BeatId } from '../deck';
import { applyEdits, effectiveConfig, kindChoices, lintText, type Finding, type StoryDeckConfig, type TextEdit } from '../lint';
import { missingBeatEdit } from '../scaffold/insertBeat';
import { describeKind, kindTable, outline, readStory, type KindProfile, type Outline } from '../story';

/** The subset of JSON Schema the tools' inputs use; `validateToolInput` checks exactly this subset. */
export interface InputSchema {
  type: 'object' | 'string' | 'boolean';
  description?: string;
  properties?: Record<string, InputSchema>;
  required?: string[];
  /** `false`: no other keys; a schema: every other key's value. */
  additionalProperties?: boolean | InputSchema;
  enum?: readonly string[];
  minLength?: number;
  /** A regular expression a string must match (JSON Schema's `pattern`). */
  pattern?: string;
}

export interface ToolSpec {
  name: ToolName;
  /** A few words for people (VS Code's tool picker, an MCP client's list). */
  title: string;
  /** What the model reads to decide when to call the tool. */
  description: string;
  inputSchema: InputSchema;
  /** Writes a file or runs a browser: VS Code asks for confirmation and runs it only in a trusted workspace. */
  writes: boolean;
  /** Where the tool is offered: VS Code's language-model tools and/or the MCP server. */
  surfaces: readonly ('vscode' | 'mcp')[];
}

const PATH: InputSchema = {
  type: 'string',
  minLength: 1,
  description: 'The narrative: a Markdown file, relative to the workspace folder (VS Code) or to the folder the MCP server was started in. Omit it in VS Code for the narrative in the active editor.',
};

const TRUSTED = 'In VS Code it asks the user to confirm and runs only in a trusted workspace.';

export const TOOL_SPECS: readonly ToolSpec[] = [
  {
    name: 'storydeck_lint',
    title: 'Lint a narrative',
    description:
      'Check a Markdown narrative (a pitch, talk, update or proposal) with StoryDeck\'s deterministic "why before what" rules. Returns the kind it was read as and each finding with its rule, severity, message, 1-based range and, when the finding says a story beat is missing, that beat; a beat asked for only because nothing names the kind also carries the guessed kind and the kinds that do not expect that beat (ask the user which it is; `kind:` in the front matter settles it). Read-only.',
    inputSchema: { type: 'object', properties: { path: PATH }, additionalProperties: false },
    writes: false,
    surfaces: ['vscode', 'mcp'],
  },
  {
    name: 'storydeck_outline',
    title: 'Outline a narrative',
    description:
      'The story of a Markdown narrative as StoryDeck reads it: its kind, each slide with its title, lines, story beats (why, pain, value, business, strategy, what, how, outcome, ask), words and talk time, the planned duration and audience from the front matter, and the beats its kind expects that are missing. Read-only.',
    inputSchema: { type: 'object', properties: { path: PATH }, additionalProperties: false },
    writes: false,
    surfaces: ['vscode', 'mcp'],
  },
  {
    name: 'storydeck_insert_beat',
    title: 'Insert a missing beat',
    description: `Insert the slide skeleton of a story beat the narrative lacks, where the story needs it (the same edit as StoryDeck's quick fix), and return that edit with the beats still missing afterwards. Refused when a slide already plays the beat. Changes the file: ${TRUSTED} The MCP server writes the file.`,
    inputSchema: {
      type: 'object',
      properties: { path: PATH, beat: { type: 'string', enum: BEAT_IDS, description: 'The beat to insert.' } },
      required: ['beat'],
      additionalProperties: false,
    },
    writes: true,
    surfaces: ['vscode', 'mcp'],
  },
  {
    name: 'storydeck_export',
    title: 'Export a narrative as slides',
    description: `Export a narrative next to it as self-contained HTML slides, an editable PowerPoint file or a PDF (printed by a local Chromium). Writes a file and, for PDF, runs a browser: ${TRUSTED} Never replaces an existing file unless replace is true.`,
    inputSchema: {
      type: 'object',
      properties: {
        path: PATH,
        format: { type: 'string', enum: ['html', 'pptx', 'pdf'], description: 'html, pptx or pdf.' },
        replace: { type: 'boolean', description: 'Replace an existing export of the same name.' },
        audience: {
          type: 'string',
          pattern: AUDIENCE_NAME.source,
          description: 'Keep only the slides for this audience (those marked <!-- audience: NAME --> and those marked for no one), e.g. executives.',
        },
        notes: { type: 'boolean', description: 'Include the speaker notes (default true); false for a deck that is sent rather than presented.' },
      },
      required: ['format'],
      additionalProperties: false,
    },
    writes: true,
    surfaces: ['vscode', 'mcp'],
  },
  {
    name: 'storydeck_templates',
    title: 'List narrative templates',
    description: "The templates storydeck_new can start a narrative from (built-in and the folder's .storydeck/templates), each with the answers it asks for. Read-only.",
    inputSchema: { type: 'object', properties: {}, additionalProperties: false },
    writes: false,
    surfaces: ['mcp'],
  },
  {
    name: 'storydeck_new',
    title: 'Start a narrative from a template',
    description: 'Write a new narrative from a template (see storydeck_templates) with the given answers, in why-before-what order. Writes a file; never replaces one unless replace is true.',
    inputSchema: {
      type: 'object',
      properties: {
        template: { type: 'string', minLength: 1, description: 'The template id, e.g. town-hall.' },
        answers: { type: 'object', additionalProperties: { type: 'string' }, description: 'Answers by prompt key, e.g. {"title": "Faster month-end close"}.' },
        output: { type: 'string', minLength: 1, description: 'The new file, relative to the folder the server was started in.' },
        replace: { type: 'boolean', description: 'Replace an existing file.' },
      },
      required: ['template', 'output'],
      additionalProperties: false,
    },
    writes: true,
    surfaces: ['mcp'],
  },
];

export type ToolName = 'storydeck_lint' | 'storydeck_outline' | 'storydeck_insert_beat' | 'storydeck_export' | 'storydeck_templates' | 'storydeck_new';

/** Each tool's input once validated. */
export interface ToolInputs {
  storydeck_lint: { path?: string };
  storydeck_outline: { path?: string };
  storydeck_insert_beat: { path?: string; beat: BeatId };
  storydeck_export: { path?: string; format: 'html' | 'pptx' | 'pdf'; replace?: boolean; audience?: string; notes?: boolean };
  storydeck_templates: Record<string, never>;
  storydeck_new: { template: string; answers?: Record<string, string>; output: string; replace?: boolean };
}

/** Input an agent sent that the tool cannot take: one sentence saying what is wrong. */
export class ToolInputError extends Error {
  override name = 'ToolInputError';
}

export function toolSpec(name: string): ToolSpec | undefined {
  return TOOL_SPECS.find((spec) => spec.name === name);
}

/** Checks `input` against the tool's schema; throws ToolInputError naming the first problem. */
export function validateToolInput<N extends ToolName>(name: N, input: unknown): ToolInputs[N] {
  const spec = toolSpec(name);
  if (!spec) throw new ToolInputError(`unknown tool "${name}"; StoryDeck's tools are ${TOOL_SPECS.map((s) => s.name).join(', ')}.`);
  check(spec.inputSchema, input ?? {}, 'the input');
  return (input ?? {}) as ToolInputs[N];
}

function check(schema: InputSchema, value: unknown, where: string): void {
  const is = schema.type === 'object' ? typeof value === 'object' && value !== null && !Array.isArray(value) : typeof value === schema.type;
  if (!is) throw new ToolInputError(`${where} must be ${schema.type === 'object' ? 'an object' : `a ${schema.type}`}.`);
  if (schema.enum && !schema.enum.includes(value as string)) throw new ToolInputError(`${where} must be one of ${schema.enum.join(', ')} (got ${JSON.stringify(value)}).`);
  if (schema.minLength !== undefined && (value as string).length < schema.minLength) throw new ToolInputError(`${where} must not be empty.`);
  if (schema.pattern !== undefined && !new RegExp(schema.pattern).test(value as string)) throw new ToolInputError(`${where} must match ${schema.pattern} (got ${JSON.stringify(value)}).`);
  if (schema.type !== 'object') return;
  const record = value as Record<string, unknown>;
  for (const key of schema.required ?? []) if (!Object.hasOwn(record, key)) throw new ToolInputError(`${where} needs "${key}".`);
  for (const [key, item] of Object.entries(record)) {
    const property = schema.properties && Object.hasOwn(schema.properties, key) ? schema.properties[key] : schema.additionalProperties;
    if (property === false || property === undefined)
      throw new ToolInputError(`${where} has "${key}", which the tool does not take; it takes ${Object.keys(schema.properties ?? {}).join(', ') || 'nothing'}.`);
    if (property !== true) check(property, item, `"${key}"`);
  }
}

/** A finding as the tools return it: the CLI's JSON fields, its range grouped, and the beat it says is missing. */
export interface ToolFinding {
  ruleId: string;
  severity: Finding['severity'];
  message: string;
  /** 1-based lines and columns, end column exclusive. */
  range: { line: number; column: number; endLine: number; endColumn: number };
  missingBeat?: BeatId;
  /** The beat, there in the narrative, the finding asks about only because the kind expects it (an ask with no owner, a target with no timeframe). */
  expectedBeat?: BeatId;
  /** The missing or expected beat is asked about only because nothing names the narrative's kind: the kind it was guessed to be. */
  guessedKind?: string;
  /** With `guessedKind`: the kinds that do not expect the beat (naming one in the front matter's `kind:` drops the question). */
  kindsNotExpecting?: string[];
  /** The rule has a safe fix (`storydeck lint --fix`, or the quick fix in VS Code). */
  fixable: boolean;
}

export interface ToolKind {
  id: string;
  source: string;
  evidence?: string;
  /** For a reader unsure between kinds, the kinds it weighed, most likely first: the narrative is expected to play what they are likely to expect. */
  likely?: string[];
  description: string;
}

export interface LintToolResult {
  file: string;
  kind: ToolKind;
  findings: ToolFinding[];
  counts: { error: number; warning: number; info: number };
  /** What the result leaves out, e.g. custom JavaScript rules agents never run. */
  notes: string[];
}

export interface OutlineToolResult extends Outline {
  kind: ToolKind;
  /** The front matter's `duration`, in seconds, when it has one. */
  plannedSeconds?: number;
  /** The front matter's `audience`, when it names one. */
  audience?: string;
}

export interface InsertBeatToolResult {
  file: string;
  beat: BeatId;
  /** The inserted text and where, in the text before the edit (1-based; an insertion has an empty range). */
  edit: TextEdit;
  /** Beats still missing after the edit. */
  missingBeats: BeatId[];
}

export interface ExportToolResult {
  output: string;
  format: string;
  slides?: number;
  bytes?: number;
  warnings?: string[];
}

/** What the tools need to read a narrative: its text, the name it is shown by, and the config in force for it. */
export interface NarrativeInput {
  text: string;
  /** The narrative's path as the agent should see it (relative to the root). */
  file: string;
  config: StoryDeckConfig;
}

export function lintResult({ text, file, config }: NarrativeInput): LintToolResult {
  const { deck, findings } = lintText(text, config, { file });
  const counts = { error: 0, warning: 0, info: 0 };
  for (const finding of findings) counts[finding.severity]++;
  const plugins = config.plugins ?? [];
  const kinds = kindTable(effectiveConfig(deck, config));
  return {
    file,
    kind: kindOf(deck, config),
    findings: findings.map((finding) => toolFinding(finding, kinds)),
    counts,
    notes: plugins.length ? [`${plugins.length} custom JavaScript rule module${plugins.length === 1 ? ' was' : 's were'} not run: agent tools run the built-in and declarative rules only.`] : [],
  };
}

export function outlineResult({ text, file, config }: NarrativeInput): OutlineToolResult {
  const { deck } = lintText(text, config, { file });
  const audience = deck.frontMatter.audience;
  const plannedSeconds = parseDuration(deck.frontMatter.duration);
  return {
    ...outline(deck, storyOf(deck, config)),
    kind: kindOf(deck, config),
    ...(plannedSeconds ? { plannedSeconds } : {}),
    ...(typeof audience === 'string' && audience.trim() ? { audience: audience.trim() } : {}),
  };
}

/** The insert-beat quick fix's edit for `beat`, and the text once it is applied. Throws ToolInputError when a slide already plays the beat. */
export function insertBeatResult({ text, file, config }: NarrativeInput, beat: BeatId): InsertBeatToolResult & { text: string } {
  const { deck } = lintText(text, config, { file });
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const insert = missingBeatEdit(deck, { missingBeat: beat }, eol);
  if (!insert) throw new ToolInputError(`${file} already has a slide for the '${beat}' beat; edit that slide instead.`);
  const after = applyEdits(text, [insert.edit]).text;
  return { file, beat, edit: insert.edit, missingBeats: storyOf(lintText(after, config, { file }).deck, config).missing, text: after };
}

/** The story lint judged the narrative by (memoised per deck). */
function storyOf(deck: ReturnType<typeof lintText>['deck'], config: StoryDeckConfig) {
  return readStory(deck, effectiveConfig(deck, config));
}

function kindOf(deck: ReturnType<typeof lintText>['deck'], config: StoryDeckConfig): ToolKind {
  const read = storyOf(deck, config).kind;
  return {
    id: read.id,
    source: read.source,
    ...(read.evidence ? { evidence: read.evidence } : {}),
    ...(read.likely ? { likely: [...read.likely] } : {}),
    description: describeKind(read),
  };
}

function toolFinding(finding: Finding, kinds: Readonly<Record<string, KindProfile>>): ToolFinding {
  const { ruleId, severity, message, line, column, endLine, endColumn, missingBeat, expectedBeat, guessedKind, fix } = finding;
  // kindChoices ends with the guess itself (keeping its expectations); the others are the ones that would not ask.
  const guess = guessedKind ? { guessedKind, kindsNotExpecting: kindChoices(finding, kinds).slice(0, -1) } : {};
  return {
    ruleId,
    severity,
    message,
    range: { line, column, endLine, endColumn },
    ...(missingBeat ? { missingBeat } : {}),
    ...(expectedBeat ? { expectedBeat } : {}),
    ...guess,
    fixable: (fix?.length ?? 0) > 0,
  };
}
