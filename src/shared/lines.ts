/** The 0-based index of the slide that holds 1-based `line` (the first slide for lines above every slide). */
export function slideAtLine(slides: readonly { line: number }[], line: number): number {
  let found = 0;
  for (let i = 0; i < slides.length && slides[i].line <= line; i++) found = i;
  return found;
}
