import { memoByText } from '../deck/memo';

/** What any pass below starts from; a line with none of these (most lines of prose) is its own mask. */
const MASKABLE = /[`<]|\]\(|https?:\/\/|www\./i;

/**
 * The line with spans the audience never reads as prose blanked out (same length, so columns hold):
 * inline code, HTML tags and comments, link destinations and bare URLs. Each pass moves forward only, and looks
 * for the end of a span only from a start it keeps, so that a long line of `<` is read once. Memoised by
 * text: after a keystroke only the changed line is masked again.
 */
export const maskLine = memoByText((text: string): string => {
  if (!MASKABLE.test(text)) return text;
  const chars = text.split('');
  const blank = (from: number, to: number) => {
    for (let i = from; i <= to && i < chars.length; i++) chars[i] = ' ';
  };
  const pairs = (open: string, close: string, keep?: (from: number) => boolean) => {
    let pos = 0;
    for (;;) {
      const i = text.indexOf(open, pos);
      if (i < 0) return;
      if (keep && !keep(i)) {
        pos = i + 1;
        continue;
      }
      const j = text.indexOf(close, i + open.length);
      if (j < 0) return;
      blank(i, j + close.length - 1);
      pos = j + close.length;
    }
  };
  pairs('`', '`');
  pairs('<', '>', (i) => /[A-Za-z/!?]/.test(text.charAt(i + 1)));
  pairs('](', ')');
  const url = /\b(?:https?:\/\/|www\.)[^\s<>()[\]]*/gi;
  for (let m = url.exec(text); m; m = url.exec(text)) blank(m.index, m.index + m[0].length - 1);
  return chars.join('');
});
