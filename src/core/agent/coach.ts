/**
 * The `@storydeck` chat participant's words and edits, without VS Code: the prompts it sends the user's
 * own model, the rules-only review it gives without one, the edits it proposes from an answer, and what a
 * re-lint says changed. The rules stay the judge: prompts carry the findings as facts, never as opinions.
 */
import { BEAT_IDS, parseDeck, type BeatId } from '../deck';
import { formatDuration } from '../story/outline';
import { beatGaps } from '../story/sectionModel';
import type { TextEdit } from '../lint';
import { escapeMarkdown } from '../scaffold/escape';
import { hasBeatSlide, insertBeatEdit } from '../scaffold/insertBeat';
import { beatSkeleton } from '../scaffold/skeletons';
import type { LintToolResult, OutlineToolResult } from './tools';

export const COACH_COMMANDS = ['review', 'beat', 'audience', 'tighten'] as const;
export type CoachCommand = (typeof COACH_COMMANDS)[number];

/** What a prompt is built from: the narrative as the editor has it, and what the rules say about it. */
export interface CoachContext {
  file: string;
  text: string;
  lint: LintToolResult;
  outline: OutlineToolResult;
}

export const NO_MODEL =
  'No language model is available to StoryDeck. Install an extension that provides one (GitHub Copilot Chat, or any other chat model provider), sign in if it asks, and pick the model in the chat view; StoryDeck sends the narrative only to the model you pick. Until then `/review` answers from the rules alone.';

const ROLE =
  "You are StoryDeck's coach for narratives that must win support: \"why before what\". StoryDeck's deterministic rules are the source of truth: take their findings as facts, never contradict them, and never invent findings of your own. Speak in the narrative's own terms: quote its words and name slides by number and title.";

/** The messages sent to the model, in order (all user messages: the chat API has no system role). */
export function coachPrompt(command: CoachCommand, argument: string, context: CoachContext): string[] {
  return [`${ROLE}\n\n${instruction(command, argument, context)}`, facts(context)];
}

function instruction(command: CoachCommand, argument: string, { outline }: CoachContext): string {
  switch (command) {
    case 'review':
      return `Walk the writer through the findings below, most severe first. For each: what the rule saw, in the narrative's own words; why it matters to ${outline.audience ? `this audience (${outline.audience})` : 'the audience'}; one concrete change. End with the single change that helps most.${argument ? ` The writer adds: ${argument}` : ''}`;
    case 'beat':
      return `Draft the missing '${argument}' beat (${BEAT_HINTS[argument as BeatId] ?? ''}) from what the narrative already says: reuse its facts, numbers and names; invent none — write TODO where a fact is missing. Answer with one slide in a \`\`\`markdown fenced block: a "## " heading, then the line <!-- beat: ${argument} -->, then the slide's text. No front matter and no --- separators. After the block, one sentence on what the writer must check.`;
    case 'audience':
      return `The room: ${argument}. Say what this audience needs to act that the draft lacks or buries — the questions they will ask, the proof they expect, the ask that fits them — as a short list, each item naming the slide to change or the slide to add.`;
    case 'tighten': {
      const planned = outline.plannedSeconds;
      const target = planned ? `its planned duration of ${formatDuration(planned)}` : 'a talk about two thirds as long';
      return `The narrative's talk time is about ${formatDuration(outline.estimatedSeconds)}; cut it to ${target}. Keep the front matter, every <!-- beat: … --> marker, the slide order and the ask; cut repetition, detail the audience does not need to decide, and filler words. Answer with the complete revised narrative in one \`\`\`markdown fenced block, then one sentence on what you cut.`;
    }
  }
}

const BEAT_HINTS: Record<BeatId, string> = {
  why: 'why this matters now',
  pain: "the customer's problem, in their terms",
  value: 'what changes for the customer',
  business: 'what it is worth to the business',
  strategy: 'which company objective it serves',
  what: 'the solution',
  how: 'the plan',
  outcome: 'the measurable result and by when',
  ask: 'the explicit request: decision, people, budget or next step, from whom, by when',
};

/** The beats in doubt (`beatGaps`), apart from the missing ones: found, but the words read otherwise, so the rules ask about them. */
const inDoubt = (doubts: readonly string[]): string => `In doubt (found, but StoryDeck asks about the words):\n${doubts.map((d) => `- ${d}`).join('\n')}`;

function facts({ file, text, lint, outline }: CoachContext): string {
  const findings = lint.findings.length ? lint.findings.map((f) => `- line ${f.range.line}, ${f.severity}, ${f.ruleId}: ${f.message}`).join('\n') : '- none: every rule is satisfied.';
  const { absent, doubts } = beatGaps(outline.missing, outline.uncertain);
  const slides = outline.slides.map((s) => `${s.index}. ${s.title || '(untitled)'} — beats: ${s.beats.join(', ') || 'none'}; about ${formatDuration(s.estimatedSeconds)}`).join('\n');
  return [
    `Narrative: ${file}, read as ${lint.kind.description}${outline.audience ? `, for ${outline.audience}` : ''}; talk time about ${formatDuration(outline.estimatedSeconds)}${outline.plannedSeconds ? ` of ${formatDuration(outline.plannedSeconds)} planned` : ''}.`,
    `Missing beats: ${absent.join(', ') || 'none'}.`,
    ...(doubts.length ? [inDoubt(doubts)] : []),
    `Slides:\n${slides}`,
    `StoryDeck's findings:\n${findings}`,
    `The narrative's Markdown:\n\`\`\`\`markdown\n${text}\n\`\`\`\``,
  ].join('\n\n');
}

/** `/review` without a model: the findings in the rules' own words, grouped as the story reads. */
export function reviewFromRules({ file, lint, outline }: CoachContext): string {
  // The chat view renders this as Markdown: the file's name, the kind it is read as (which quotes a front matter
  // `kind:` nobody defined, or the headings that decided), the words in doubt and what a finding quotes from the
  // narrative (a front matter value) go in as text, so they show no picture and no link.
  const head = `**${escapeMarkdown(file)}** is read as ${escapeMarkdown(lint.kind.description)}. ${lint.counts.error} error(s), ${lint.counts.warning} warning(s), ${lint.counts.info} info.`;
  const { absent, doubts } = beatGaps(outline.missing, outline.uncertain);
  const missing = absent.length ? `\n\nMissing beats: ${absent.map((b) => `\`${b}\``).join(', ')} — \`/beat ${absent[0]}\` drafts one once a model is available.` : '';
  const doubted = doubts.length ? `\n\n${inDoubt(doubts.map(escapeMarkdown))}` : '';
  const rows = lint.findings.map((f) => `- Line ${f.range.line} · ${f.severity} · \`${f.ruleId}\`: ${escapeMarkdown(f.message)}`);
  return `${head}${missing}${doubted}\n\n${rows.length ? rows.join('\n') : 'No findings: the story has what its kind needs.'}`;
}

/** The first ```markdown (or ```md) fenced block of an answer, without its fences; undefined when there is none. */
export function fencedMarkdown(answer: string): string | undefined {
  const match = /^(`{3,}|~{3,})[ \t]*(?:markdown|md)[ \t]*\r?\n([\s\S]*?)\r?\n\1[ \t]*$/im.exec(answer);
  return match ? match[2] : undefined;
}

/**
 * The edit that inserts a drafted slide for `beat` where the insert-beat quick fix would put its skeleton,
 * the draft taking the skeleton's place. The draft keeps (or gets, after its heading) the beat marker, so
 * the rules read it as that beat. Undefined when a slide already plays the beat.
 */
export function beatDraftEdit(text: string, beat: BeatId, draft: string): TextEdit | undefined {
  const deck = parseDeck(text);
  if (hasBeatSlide(deck, beat)) return undefined;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const edit = insertBeatEdit(deck, beat, eol);
  const marker = `<!-- beat: ${beat} -->`;
  const lines = draft.trim().split(/\r?\n/);
  if (!draft.includes(marker)) lines.splice(/^#{1,6}\s/.test(lines[0] ?? '') ? 1 : 0, 0, '', marker);
  return { ...edit, text: edit.text.replace(beatSkeleton(beat).replace(/\n/g, eol), lines.join(eol)) };
}

/** The edit that replaces the whole narrative with a revision. */
export function replaceAllEdit(text: string, revision: string): TextEdit {
  const lines = text.split(/\r\n|\r|\n/);
  return { line: 1, column: 1, endLine: lines.length, endColumn: lines.at(-1)!.length + 1, text: revision.endsWith('\n') || !text.endsWith('\n') ? revision : `${revision}\n` };
}

/** What a re-lint says changed, in one paragraph: findings resolved, findings new, and what remains. */
export function describeChange(before: LintToolResult, after: LintToolResult): string {
  const key = (f: LintToolResult['findings'][number]) => `${f.ruleId}\u0000${f.message}`;
  const was = new Set(before.findings.map(key));
  const now = new Set(after.findings.map(key));
  const resolved = [...new Set(before.findings.filter((f) => !now.has(key(f))).map((f) => f.ruleId))];
  const added = [...new Set(after.findings.filter((f) => !was.has(key(f))).map((f) => f.ruleId))];
  const parts = [
    resolved.length ? `resolved ${resolved.join(', ')}` : 'resolved nothing',
    ...(added.length ? [`new: ${added.join(', ')}`] : []),
    `${after.findings.length} finding${after.findings.length === 1 ? '' : 's'} remain${after.findings.length === 1 ? 's' : ''} (${after.counts.error} error(s), ${after.counts.warning} warning(s))`,
  ];
  return `${parts.join('; ')}.`;
}

/** The beat `/beat` names, if the narrative has no slide for it yet; otherwise a sentence saying what it can draft. */
export function beatArgument(argument: string, text: string, outline: OutlineToolResult): { beat: BeatId } | { problem: string } {
  const beat = argument.trim().toLowerCase();
  const { absent, doubts } = beatGaps(outline.missing, outline.uncertain);
  const gaps = [...(absent.length ? [`This narrative is missing ${absent.join(', ')}.`] : []), ...(doubts.length ? [inDoubt(doubts)] : [])];
  const missing = gaps.join('\n') || 'This narrative has every beat its kind expects.';
  if (!(BEAT_IDS as readonly string[]).includes(beat)) return { problem: `Name a beat: \`/beat ${absent[0] ?? 'why'}\`. Beats: ${BEAT_IDS.join(', ')}. ${missing}` };
  if (hasBeatSlide(parseDeck(text), beat as BeatId)) return { problem: `A slide already plays the '${beat}' beat; edit that slide. ${missing}` };
  return { beat: beat as BeatId };
}
