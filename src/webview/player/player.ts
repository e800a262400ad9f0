import type { SlideOverflow } from '../../core/lint/types';
import type { RenderedDeck, RenderedSlide } from '../../core/render/types';
import { applyLook, fitHeadings } from './look';
import { measureOverflow } from './overflow';

/** Slides are laid out at this width (and 720 px high) and scaled to whatever frame shows them. */
const DESIGN_WIDTH = { '16:9': 1280, '4:3': 960 } as const;

export type PlayerMode = 'slide' | 'overview' | 'presenter';

export interface PlayerOptions {
  /** 0-based slide to show first. */
  start?: number;
  /** Called with the 0-based index every time a slide is shown. */
  onShow?: (index: number) => void;
  /** Called with each slide's `.sd-slide` element once its HTML is in (not yet in the page). */
  onSlide?: (slide: HTMLElement) => void;
  /** Toggles full screen, for the `f` key (which does nothing without it). */
  fullScreen?: () => void;
  /**
   * Opens the presenter view somewhere else, for the `p` key (the exported page: a second window); returns
   * false when it cannot, and `p` then switches this page to the presenter view, as it does without it.
   */
  openPresenter?: () => boolean;
  /** The views the keys may switch to (default: all); `StoryDeck: Present`'s audience view allows only `slide`. */
  views?: readonly PlayerMode[];
  /** Buttons added to the presenter view's bar, after the timer's. */
  actions?: ReadonlyArray<{ label: string; title: string; run: () => void }>;
}

/**
 * Shows rendered slides one at a time, as an overview grid, or as a presenter view (current and next
 * slide, speaker notes, elapsed time against the plan). Everything it draws lives inside `root`;
 * `data-mode` on `root` selects the layout in player.css.
 */
export class Player {
  private readonly frames: HTMLElement[];
  private readonly scale: ResizeObserver;
  private readonly notes: HTMLElement;
  private readonly position: HTMLElement;
  private readonly elapsed: HTMLElement;
  private readonly plan: HTMLElement;
  private readonly jumpHint: HTMLElement;
  private readonly pause: HTMLButtonElement;
  private current = 0;
  private jump = '';
  /** The presenter's timer: when it started (undefined: not yet), and when it was paused (undefined: running). */
  private startedAt: number | undefined;
  private pausedAt: number | undefined;

  constructor(
    private readonly root: HTMLElement,
    private deck: RenderedDeck,
    private readonly options: PlayerOptions = {},
  ) {
    this.frames = deck.slides.map((slide, i) => this.frame(slide, i));
    this.notes = element('div', 'sd-notes');
    this.position = element('span', 'sd-position');
    this.elapsed = element('span', 'sd-elapsed');
    this.plan = element('span', 'sd-plan');
    this.jumpHint = element('div', 'sd-jump');
    const bar = element('div', 'sd-presenter-bar');
    this.pause = button('sd-timer-pause', 'Pause', 'Pause or resume the timer (t)', () => this.toggleTimer());
    const reset = button('sd-timer-reset', 'Reset', 'Start the timer again from 0:00 (r)', () => this.resetTimer());
    const actions = (options.actions ?? []).map(({ label, title, run }) => button('sd-action', label, title, run));
    bar.append(this.position, this.elapsed, this.pause, reset, ...actions, this.plan);
    // The presenter view's headings (player.css hides them in the other modes).
    const labels = ['Now', 'Next', 'Notes'].map((text) => {
      const label = element('div', `sd-label sd-label-${text.toLowerCase()}`);
      label.textContent = text;
      return label;
    });
    root.replaceChildren(...this.frames, ...labels, this.notes, bar, this.jumpHint);
    fitHeadings(root);

    this.scale = new ResizeObserver((entries) => {
      for (const entry of entries) (entry.target as HTMLElement).style.setProperty('--sd-scale', String(entry.contentRect.width / DESIGN_WIDTH[this.size]));
    });
    for (const frame of this.frames) this.scale.observe(frame);

    root.dataset.mode = 'slide';
    root.dataset.size = this.size;
    this.tick();
    this.show(options.start ?? 0);
    window.setInterval(() => this.tick(), 1000);
  }

  /** Marp's `size`; decks rendered before it existed are 16:9. */
  private get size(): keyof typeof DESIGN_WIDTH {
    return this.deck.size === '4:3' ? '4:3' : '16:9';
  }

  get mode(): PlayerMode {
    return this.root.dataset.mode as PlayerMode;
  }

  /** Shows slide `index` (0-based, clamped to the deck). */
  show(index: number): void {
    if (this.frames.length === 0) return;
    this.current = Math.max(0, Math.min(index, this.frames.length - 1));
    this.frames.forEach((frame, i) => {
      frame.classList.toggle('sd-current', i === this.current);
      frame.classList.toggle('sd-next', i === this.current + 1);
    });
    this.revealInOverview();
    const slide = this.deck.slides[this.current];
    this.notes.innerHTML = slide.notesHtml || '<p class="sd-no-notes">No speaker notes for this slide.</p>';
    this.position.textContent = `Slide ${this.current + 1} of ${this.frames.length}`;
    this.plan.textContent = this.planText();
    this.options.onShow?.(this.current);
  }

  /** The 0-based index of the slide on show. */
  get index(): number {
    return this.current;
  }

  /** The frame (`.sd-frame`, holding the `.sd-slide`) of slide `index` (0-based). */
  frameAt(index: number): HTMLElement | undefined {
    return this.frames[index];
  }

  /**
   * Takes a new rendering of the deck in which only the slides at `changed` (0-based) differ: their
   * frames are rebuilt, frames past the new end removed, every other frame left as it is. The same slide
   * stays on show (or the last one, when the deck got shorter).
   */
  update(deck: RenderedDeck, changed: readonly number[]): void {
    this.deck = deck;
    this.root.dataset.size = this.size;
    for (const frame of this.frames.splice(deck.slides.length)) {
      this.scale.unobserve(frame);
      frame.remove();
    }
    for (const i of [...changed].sort((a, b) => a - b)) {
      const slide = deck.slides[i];
      if (!slide) continue;
      const frame = this.frame(slide, i);
      const old = this.frames[i];
      if (old) {
        this.scale.unobserve(old);
        old.replaceWith(frame);
      } else if (i > 0) {
        this.frames[i - 1].after(frame); // new slides come in order, after the existing ones
      } else {
        this.root.prepend(frame);
      }
      this.frames[i] = frame;
      this.scale.observe(frame);
      fitHeadings(frame);
    }
    this.show(this.current);
  }

  /** The slides (0-based `indices`, default all) whose content runs past the page, with the source lines cut. */
  overflow(indices: readonly number[] = this.frames.map((_, i) => i)): SlideOverflow[] {
    const slides = indices.flatMap((i) => {
      const element = this.frames[i]?.firstElementChild;
      return element instanceof HTMLElement ? [{ slide: i + 1, element }] : [];
    });
    return measureOverflow(this.root, slides);
  }

  setMode(mode: PlayerMode): void {
    this.root.dataset.mode = mode;
    if (mode === 'presenter') this.startedAt ??= Date.now();
    this.tick();
    this.revealInOverview();
  }

  /** Starts the presenter's timer from 0:00 (running, or paused if it was). */
  resetTimer(): void {
    const now = Date.now();
    this.startedAt = now;
    if (this.pausedAt !== undefined) this.pausedAt = now;
    this.tick();
  }

  /** Pauses the presenter's timer, or resumes it where it stopped. */
  toggleTimer(): void {
    const now = Date.now();
    this.startedAt ??= now;
    if (this.pausedAt === undefined) this.pausedAt = now;
    else {
      this.startedAt += now - this.pausedAt;
      this.pausedAt = undefined;
    }
    this.tick();
  }

  /** Handles a key press; returns true when the key meant something to the player. */
  handleKey(event: KeyboardEvent): boolean {
    if (event.ctrlKey || event.metaKey || event.altKey) return false;
    const key = event.key;
    if (/^[0-9]$/.test(key)) {
      this.setJump(this.jump + key);
      return true;
    }
    if (key === 'Enter' && this.jump) {
      this.show(Number(this.jump) - 1);
      this.setJump('');
      return true;
    }
    this.setJump('');
    switch (key) {
      case 'ArrowRight':
      case 'ArrowDown':
      case 'PageDown':
      case ' ':
        this.show(this.current + 1);
        return true;
      case 'ArrowLeft':
      case 'ArrowUp':
      case 'PageUp':
        this.show(this.current - 1);
        return true;
      case 'Home':
        this.show(0);
        return true;
      case 'End':
        this.show(this.frames.length - 1);
        return true;
      case 'o':
        return this.switchTo(this.mode === 'overview' ? 'slide' : 'overview');
      case 'p':
        if (this.mode !== 'presenter' && this.allows('presenter') && this.options.openPresenter?.()) return true;
        return this.switchTo(this.mode === 'presenter' ? 'slide' : 'presenter');
      case 't':
      case 'r':
        if (this.mode !== 'presenter') return false;
        if (key === 't') this.toggleTimer();
        else this.resetTimer();
        return true;
      case 'f':
        this.options.fullScreen?.();
        return this.options.fullScreen !== undefined;
      case 'Enter':
      case 'Escape':
        return this.mode !== 'slide' && this.switchTo('slide');
      default:
        return false;
    }
  }

  private allows(mode: PlayerMode): boolean {
    return this.options.views?.includes(mode) ?? true;
  }

  /** Switches to `mode` if the keys may; returns whether they may. */
  private switchTo(mode: PlayerMode): boolean {
    if (!this.allows(mode)) return false;
    this.setMode(mode);
    return true;
  }

  private frame(slide: RenderedSlide, index: number): HTMLElement {
    const section = element('section', 'sd-slide');
    if (slide.className) section.classList.add(...slide.className.split(' '));
    section.dataset.line = String(slide.line);
    section.setAttribute('aria-label', `Slide ${slide.index}${slide.title ? `: ${slide.title}` : ''}`);
    section.innerHTML = slide.html;
    applyLook(section, slide, this.size);
    this.options.onSlide?.(section);
    const frame = element('div', 'sd-frame');
    frame.append(section);
    frame.addEventListener('click', () => {
      if (this.mode !== 'overview') return;
      this.show(index);
      this.setMode('slide');
    });
    return frame;
  }

  private revealInOverview(): void {
    if (this.mode === 'overview') this.frames[this.current]?.scrollIntoView({ block: 'nearest' });
  }

  private setJump(digits: string): void {
    this.jump = digits;
    this.jumpHint.textContent = digits ? `Go to slide ${digits}` : '';
  }

  private tick(): void {
    const seconds = this.startedAt === undefined ? 0 : ((this.pausedAt ?? Date.now()) - this.startedAt) / 1000;
    const paused = this.pausedAt !== undefined;
    this.elapsed.textContent = `Elapsed ${clock(seconds)}${paused ? ' (paused)' : ''}`;
    this.pause.textContent = paused ? 'Resume' : 'Pause';
  }

  /** This slide's estimate, and where the talk should be at its end against the planned length. */
  private planText(): string {
    const slides = this.deck.slides;
    const byEnd = slides.slice(0, this.current + 1).reduce((sum, slide) => sum + slide.estimatedSeconds, 0);
    const total = this.deck.durationSeconds === undefined ? `${clock(this.deck.estimatedSeconds)} estimated` : `${clock(this.deck.durationSeconds)} planned`;
    return `This slide ≈ ${clock(slides[this.current].estimatedSeconds)} · by its end ≈ ${clock(byEnd)} of ${total}`;
  }
}

function button(className: string, label: string, title: string, onClick: () => void): HTMLButtonElement {
  const node = document.createElement('button');
  node.type = 'button';
  node.className = `sd-button ${className}`;
  node.textContent = label;
  node.title = title;
  node.addEventListener('click', (event) => {
    event.stopPropagation();
    onClick();
  });
  return node;
}

function element(tag: string, className: string): HTMLElement {
  const node = document.createElement(tag);
  node.className = className;
  return node;
}

/** 75 → "1:15"; 3725 → "1:02:05". */
function clock(seconds: number): string {
  const s = Math.floor(seconds);
  const mm = String(Math.floor((s % 3600) / 60));
  const ss = String(s % 60).padStart(2, '0');
  return s >= 3600 ? `${Math.floor(s / 3600)}:${mm.padStart(2, '0')}:${ss}` : `${mm}:${ss}`;
}
