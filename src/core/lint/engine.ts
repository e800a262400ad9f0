import { parseDeck, type BeatId, type Deck } from '../deck';
import { beatSlide } from '../deck/beats';
import { customThemes } from '../render/themes';
import { guessedFor, kindPhrase, kindTable, type KindReading } from '../story/kinds';
import { readStory } from '../story/story';
import { mergeConfig, resolveRuleSetting, validateConfig, type StoryDeckConfig } from './config';
import { createContext } from './context';
import { declarativeRules } from './declarative';
import { applyEdits } from './fixes';
import { BUILTIN_RULES } from './rules';
import { suppress } from './suppress';
import type { Finding, MeasuredLayout, Rule } from './types';

export interface LintOptions {
  /** The file name findings carry. */
  file?: string;
  /** Rules from JavaScript modules: the caller passes them only in a trusted workspace. */
  plugins?: readonly Rule[];
  /** Custom themes' style sheets besides the config's `themes:` (VS Code's `storydeck.preview.themes`): their names are themes a front matter may pick. */
  themes?: readonly string[];
  /** The slides as a browser laid them out (the preview, a PDF export): what `slide-overflow` reports from. */
  layout?: MeasuredLayout;
}

/** The config in force for a deck: the given config, then the front matter's `storydeck:` object on top. */
export function effectiveConfig(deck: Deck, config: StoryDeckConfig): StoryDeckConfig {
  const local = deck.frontMatter.storydeck;
  if (typeof local !== 'object' || local === null) return config;
  return mergeConfig(config, validateConfig(local, 'front matter').config);
}

/** Every rule that could run for this config: built-in, declarative, then plugins; the first of an id wins. */
export function rulesFor(config: StoryDeckConfig, plugins: readonly Rule[] = []): Rule[] {
  const byId = new Map<string, Rule>();
  for (const rule of [...BUILTIN_RULES, ...declarativeRules(config.declarative ?? []), ...plugins]) if (!byId.has(rule.id)) byId.set(rule.id, rule);
  return [...byId.values()];
}

/** Lints a parsed narrative. Never throws: a rule that fails reports that as a finding of its own. */
export function lint(deck: Deck, config: StoryDeckConfig = {}, options: LintOptions = {}): Finding[] {
  const file = options.file ?? '';
  const effective = effectiveConfig(deck, config);
  const story = readStory(deck, effective);
  const shared = {
    objectives: effective.strategy?.objectives ?? [],
    story,
    kinds: kindTable(effective),
    themes: [...customThemes([...(effective.themes ?? []), ...(options.themes ?? [])]).keys()],
    layout: options.layout,
  };
  const findings: Finding[] = [];
  // A file that could not be read as a narrative (binary, too large) has no slides: only input rules speak.
  const unreadable = deck.slides.length === 0;
  for (const rule of rulesFor(effective, options.plugins)) {
    if (unreadable && !rule.tags.includes('input')) continue;
    const setting = resolveRuleSetting(effective.rules?.[rule.id], rule.defaultSeverity, rule.defaultOptions);
    if (!setting.enabled) continue;
    const ctx = createContext(deck, setting.options, shared);
    try {
      rule.check(ctx, ({ message, range, fix, suggestion, severity, missingBeat, expectedBeat }) => {
        // A finding about a beat the narrative's kind does not expect, missing or there, is never reported (docs/kinds.md).
        const beat = missingBeat ?? expectedBeat;
        if (beat && !story.kind.profile.expects.includes(beat)) return;
        // Nothing names the kind, so its expectations are a guess (a pitch's, or the learned reader's): a beat only that guess asks for is a question.
        const guessed = beat !== undefined && (story.kind.source === 'default' || story.kind.source === 'guessed');
        const graded = setting.severityConfigured ? setting.severity : guessed ? 'info' : (severity ?? setting.severity);
        const text = message + (guessed ? guessHint(story.kind) : '') + placeholderHint(deck, missingBeat);
        findings.push({
          file,
          line: range.line,
          column: range.column,
          endLine: range.endLine,
          endColumn: range.endColumn,
          ruleId: rule.id,
          severity: graded,
          message: text,
          ...(fix ? { fix } : {}),
          ...(suggestion ? { suggestion } : {}),
          ...(missingBeat ? { missingBeat } : {}),
          ...(expectedBeat ? { expectedBeat } : {}),
          ...(guessed ? { guessedKind: guessedFor(story.kind, beat, shared.kinds) } : {}),
        });
      });
    } catch (e) {
      findings.push({ file, ...ctx.documentRange(), ruleId: rule.id, severity: 'warning', message: `Rule ${rule.id} failed and was skipped: ${(e as Error)?.message ?? e}` });
    }
  }
  return suppress(findings, deck).sort((a, b) => a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId));
}

/** After a missing (or expected) beat's finding, when the narrative is read as a pitch only because nothing names its kind. */
const DEFAULT_KIND_HINT = ' (Read as a pitch: nothing names its kind. If it is a proposal, a talk, an update or another kind, set `kind:`.)';

/** After a missing (or expected) beat's finding, when nothing names the kind: the default pitch's hint, or what the learned reader guessed and from what. */
function guessHint(kind: KindReading): string {
  if (kind.source !== 'guessed') return DEFAULT_KIND_HINT;
  return ` (Read as ${kindPhrase(kind)}, guessed from ${kind.evidence || 'its words'}: nothing names its kind. If it is another kind, set \`kind:\`.)`;
}

/** For a missing beat whose slide is there but still empty (a skeleton's TODO): say that writing it is what clears the finding. */
function placeholderHint(deck: Deck, beat: BeatId | undefined): string {
  const slide = beat && beatSlide(deck.slides, beat);
  return slide?.empty ? ` Slide ${slide.index}${slide.title ? ` (“${slide.title}”)` : ''} is still to write: filling it in is what clears this finding.` : '';
}

export function lintText(text: string, config: StoryDeckConfig = {}, options: LintOptions = {}): { deck: Deck; findings: Finding[] } {
  const deck = parseDeck(text);
  return { deck, findings: lint(deck, config, options) };
}

export const MAX_FIX_PASSES = 10;

/** Applies every available fix, re-linting after each pass until nothing is left to fix. */
export function fixText(text: string, config: StoryDeckConfig = {}, options: LintOptions = {}): { text: string; fixed: number; findings: Finding[] } {
  let current = text;
  let fixed = 0;
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const { findings } = lintText(current, config, options);
    const edits = findings.flatMap((f) => f.fix ?? []);
    if (edits.length === 0) return { text: current, fixed, findings };
    const result = applyEdits(current, edits);
    if (result.text === current) return { text: current, fixed, findings };
    current = result.text;
    fixed += result.applied;
  }
  return { text: current, fixed, findings: lintText(current, config, options).findings };
}
