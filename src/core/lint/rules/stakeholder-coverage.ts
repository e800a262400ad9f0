import type { Stakeholder } from '../../story/stakeholders';
import { lineRange } from '../ranges';
import type { Rule } from '../types';

const list = (items: readonly string[]) => (items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`);
const slidesText = (slides: readonly number[]) => (slides.length === 1 ? `slide ${slides[0]}` : `slides ${list(slides.map(String))}`);

/** Who they are, for a message: "Dana Park (VP Sales)". */
const who = (s: Stakeholder) => (s.role ? `${s.name} (${s.role})` : s.name);

const rule: Rule = {
  id: 'stakeholder-coverage',
  description: 'The narrative speaks to every stakeholder in the front matter, and says whom to pre-wire before the meeting.',
  tags: ['story', 'audience', 'stakeholders'],
  defaultSeverity: 'warning',
  docs: 'docs/rules/stakeholder-coverage.md',
  check(ctx, report) {
    for (const s of ctx.story.stakeholders.stakeholders) {
      const range = lineRange(ctx, s.line);
      if (s.addressed.length === 0) {
        const concerns = s.concerns.length ? `what they care about (${list(s.concerns)})` : 'them';
        report({ message: `The narrative never speaks to ${who(s)}: no slide names ${concerns}, their name or their role. Add where it answers them, or they will ask in the room.`, range });
      }
      // Pre-wiring: no one should hear the idea for the first time in the group meeting.
      const reasons = [...(s.stance === 'skeptic' || s.stance === 'unknown' ? [`their stance is ${s.stance}`] : []), ...(s.met ? [] : ['you have not met them (no `met:` date)'])];
      if (reasons.length === 0) continue;
      const bring = s.slides.length ? `bring ${slidesText(s.slides)}` : 'bring the answer the narrative does not give yet';
      const about = s.concerns.length ? `, about ${list(s.concerns)}` : '';
      report({ severity: 'info', message: `Pre-wire ${who(s)}: ${list(reasons)}. Meet them one to one before the group meeting${about}; ${bring}.`, range });
    }
  },
};

export default rule;
