import type { BeatId, Block, Range, Slide } from '../deck';
import type { KindProfile, KindReading } from '../story/kinds';
import type { ReadingContext } from '../story/reading';
import type { Story } from '../story/story';

export type Severity = 'error' | 'warning' | 'info';
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/** Replace the text in a range (a `Range`: 1-based, end column exclusive) with `text`. */
export interface TextEdit extends Range {
  text: string;
}

/** A finding as every adapter sees it: a `Range` (lines and columns 1-based, end column exclusive). */
export interface Finding extends Range {
  file: string;
  ruleId: string;
  severity: Severity;
  message: string;
  /** Text edits that fix this finding, when the rule knows a safe fix. Not part of the JSON output. */
  fix?: TextEdit[];
  /** Text edits a writer may choose to apply (an editor offers them), never applied by a fix-all or `--fix`: they may not read well in every sentence. Not part of the JSON output. */
  suggestion?: TextEdit[];
  /** The beat this finding says the narrative lacks, so an editor can offer to insert its slide. Not part of the JSON output. */
  missingBeat?: BeatId;
  /** The beat, there in the narrative, this finding asks about only because the kind expects it (`Report.expectedBeat`). Not part of the JSON output. */
  expectedBeat?: BeatId;
  /**
   * Set when the beat (missing, or expected and asked about) is asked for only because nothing names the narrative's kind: the kind it was read
   * as (the default, `pitch`, or the learned reader's guess), so an editor can offer to set one (`kindChoices`, `setKindEdit`). Such a finding is
   * a question (`info`) unless configuration sets the rule's severity. Not part of the JSON output.
   */
  guessedKind?: string;
}

export interface Report {
  message: string;
  range: Range;
  fix?: TextEdit[];
  suggestion?: TextEdit[];
  /** Set when the finding means "this beat is absent" (not "present but weak"). */
  missingBeat?: BeatId;
  /**
   * Set when the finding is about a beat that is there and matters only because the kind expects it (an ask that names no owner,
   * a target with no timeframe). The engine treats it as a missing beat's finding: dropped where the kind does not expect the beat,
   * a question with the kind's hint where the kind is a guess (docs/kinds.md); but no slide is offered for it.
   */
  expectedBeat?: BeatId;
  /** A rule may grade one finding below or above its default; a severity set in configuration still wins. */
  severity?: Severity;
}

/** A match of a pattern in the audience-visible text of the deck, positioned in the source. */
export interface TextMatch extends Range {
  match: RegExpExecArray;
  slide: Slide;
}

/** A slide whose content does not fit, as a browser laid it out: `slide` 1-based, `lines` the 1-based source lines of the blocks that are cut. */
export interface SlideOverflow {
  slide: number;
  lines: number[];
}

/** What a browser measured when it laid out the slides (the preview, the PDF export); absent where nothing was laid out. */
export interface MeasuredLayout {
  overflow: readonly SlideOverflow[];
}

export interface RuleContext extends ReadingContext {
  /** The rule's options: its defaults overridden by configuration. */
  options: Record<string, unknown>;
  /** The one reading of the narrative every rule, the outline and the Story view share: which beats are there, where, and why. */
  story: Story;
  /** The kind the narrative is read as (docs/kinds.md): which beats are expected, and which come before the solution. */
  kind: KindReading;
  /** Every kind in force, built-in and configured, by name. */
  kinds: Readonly<Record<string, KindProfile>>;
  /** The custom themes' names a front matter may pick (the config's `themes:`, by file name). */
  themes: readonly string[];
  /** The slides' layout as a browser measured it, when the caller has one (lint alone lays nothing out). */
  layout?: MeasuredLayout;
  /** Where findings about the whole narrative go: the first slide's title (or line 1). */
  documentRange(): Range;
  /** The whole title line of a slide. */
  titleRange(slide: Slide): Range;
  /** Audience-visible text of a slide: headings, paragraphs, lists, quotes and tables; no code, notes or guidance. */
  slideText(slide: Slide): string;
  /** Visible blocks of a slide (no code blocks). */
  visibleBlocks(slide: Slide): Block[];
  /** Every match of a global (`g`) pattern in visible text, line by line, with source positions. */
  matches(pattern: RegExp, slides?: readonly Slide[]): TextMatch[];
}

export interface Rule {
  id: string;
  description: string;
  tags: string[];
  defaultSeverity: Severity;
  /** Path of the rule's documentation page, relative to the project root: `docs/rules/<id>.md`. */
  docs: string;
  /** Default options, overridden key by key by configuration. */
  defaultOptions?: Record<string, unknown>;
  check(ctx: RuleContext, report: (report: Report) => void): void;
}
