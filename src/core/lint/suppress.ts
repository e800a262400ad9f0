import type { Deck } from '../deck';
import type { Finding } from './types';

interface LintComment {
  line: number;
  endLine: number;
  action: 'disable' | 'enable' | 'disable-next-line' | 'disable-line';
  /** Rule ids; empty means every rule. */
  ids: string[];
}

const COMMENT = /^storydeck-(disable-next-line|disable-line|disable|enable)\b(.*)$/s;

export function lintComments(deck: Deck): LintComment[] {
  const out: LintComment[] = [];
  for (const slide of deck.slides) {
    for (const comment of slide.comments) {
      if (comment.kind !== 'lint') continue;
      const m = COMMENT.exec(comment.text);
      if (!m) continue;
      const ids = m[2].split(/[\s,]+/).filter(Boolean);
      out.push({ line: comment.line, endLine: comment.endLine, action: m[1] as LintComment['action'], ids });
    }
  }
  return out.sort((a, b) => a.line - b.line);
}

/**
 * Drops findings silenced by inline comments:
 * `<!-- storydeck-disable [ids] -->` … `<!-- storydeck-enable [ids] -->` for a region,
 * `<!-- storydeck-disable-next-line [ids] -->` for the line after the comment,
 * `<!-- storydeck-disable-line [ids] -->` for the comment's own line.
 * Without ids a comment applies to every rule.
 */
export function suppress(findings: Finding[], deck: Deck): Finding[] {
  const comments = lintComments(deck);
  if (comments.length === 0) return findings;
  return findings.filter((finding) => !isSuppressed(finding, comments));
}

function isSuppressed(finding: Finding, comments: readonly LintComment[]): boolean {
  const applies = (c: LintComment) => c.ids.length === 0 || c.ids.includes(finding.ruleId);
  let disabled = false;
  for (const c of comments) {
    if (c.action === 'disable-next-line') {
      if (finding.line === c.endLine + 1 && applies(c)) return true;
    } else if (c.action === 'disable-line') {
      if (finding.line >= c.line && finding.line <= c.endLine && applies(c)) return true;
    } else if (c.line <= finding.line && applies(c)) {
      disabled = c.action === 'disable';
    }
  }
  return disabled;
}
