import { slideAtLine } from '../shared/lines';
import type { PreviewFinding, RenderedDeck } from '../shared/protocol';
import type { Player } from './player/player';

const ORDER = { error: 0, warning: 1, info: 2 } as const;

/**
 * Lint in the preview: a badge on every slide with findings (its count, coloured by the worst
 * severity); clicking it lists the findings, and clicking one asks the editor to reveal its line.
 */
export class Badges {
  private findings: PreviewFinding[] = [];
  private readonly list: HTMLElement;

  constructor(
    root: HTMLElement,
    private readonly player: Player,
    private readonly reveal: (line: number) => void,
  ) {
    this.list = document.createElement('div');
    this.list.className = 'sd-findings';
    this.list.hidden = true;
    root.append(this.list);
    document.addEventListener('click', (event) => {
      if (!this.list.contains(event.target as Node)) this.list.hidden = true;
    });
  }

  set(findings: PreviewFinding[]): void {
    this.findings = findings;
  }

  /** Draws the badges again on the deck as it is now (after new findings or an update of the slides). */
  render(deck: RenderedDeck): void {
    const bySlide = new Map<number, PreviewFinding[]>();
    for (const finding of this.findings) {
      const i = slideAtLine(deck.slides, finding.line);
      bySlide.set(i, [...(bySlide.get(i) ?? []), finding]);
    }
    deck.slides.forEach((slide, i) => {
      const frame = this.player.frameAt(i);
      if (!frame) return;
      frame.querySelector(':scope > .sd-badge')?.remove();
      const found = bySlide.get(i);
      if (!found) return;
      found.sort((a, b) => ORDER[a.severity] - ORDER[b.severity] || a.line - b.line);
      const badge = document.createElement('button');
      badge.type = 'button';
      badge.className = `sd-badge sd-${found[0].severity}`;
      badge.textContent = String(found.length);
      badge.title = `${found.length} StoryDeck finding${found.length === 1 ? '' : 's'} on slide ${slide.index}`;
      badge.addEventListener('click', (event) => {
        event.stopPropagation();
        this.open(found);
      });
      badge.addEventListener('dblclick', (event) => event.stopPropagation());
      frame.append(badge);
    });
    this.list.hidden = true;
  }

  private open(findings: PreviewFinding[]): void {
    const items = findings.map((finding) => {
      const item = document.createElement('button');
      item.type = 'button';
      item.className = `sd-finding sd-${finding.severity}`;
      item.textContent = `Line ${finding.line}: ${finding.message} (${finding.ruleId})`;
      item.addEventListener('click', () => {
        this.list.hidden = true;
        this.reveal(finding.line);
      });
      return item;
    });
    this.list.replaceChildren(...items);
    this.list.hidden = false;
  }
}
