import { BEAT_IDS } from '../deck/types';
import { escapeComment, escapeMarkdown } from './escape';
import { BEAT_SKELETONS, layoutSkeleton } from './skeletons';

/** A VS Code snippet as it appears in a `.code-snippets` file. */
export interface Snippet {
  prefix: string;
  description: string;
  body: string[];
}

/** `$`, `}` and `\` are syntax in a snippet body. */
function snippetText(text: string): string {
  return text.replace(/[\\$}]/g, '\\$&');
}

/**
 * The `sd-<beat>` snippets, built from the same skeletons as templates and quick fixes: a slide separator
 * (after a blank line, so the line above cannot become a setext heading) then the skeleton, with the heading and the placeholder as tab stops.
 */
export function buildSnippets(): Record<string, Snippet> {
  const snippets: Record<string, Snippet> = {};
  for (const beat of BEAT_IDS) {
    const text = BEAT_SKELETONS[beat];
    const body = layoutSkeleton({
      heading: `\${1:${snippetText(escapeMarkdown(text.heading))}}`,
      marker: beat,
      guide: snippetText(escapeComment(text.guide)),
      todo: `\${2:${snippetText(escapeMarkdown(text.todo))}}`,
      layout: text.layout,
      figure: text.figure === undefined ? undefined : snippetText(escapeMarkdown(text.figure)),
    });
    snippets[`StoryDeck: ${beat} slide`] = {
      prefix: `sd-${beat}`,
      description: `A "${beat}" slide: ${text.guide}`,
      body: ['', '---', '', ...body.slice(0, -1), `${body[body.length - 1]}$0`],
    };
  }
  return snippets;
}

/** The snippets file's exact text (`snippets/storydeck.code-snippets.json`). */
export function snippetsFileText(): string {
  return JSON.stringify(buildSnippets(), null, 2) + '\n';
}
