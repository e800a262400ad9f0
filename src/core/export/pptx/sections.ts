import type { Deck } from '../../deck/types';
import { readStory } from '../../story/story';
import { xmlText } from './content';

// ---------------------------------------------------------------------------------------------------
// Sections and the file.

/** Longer section names are cut: PowerPoint shows them in a narrow pane. */
const SECTION_NAME_MAX = 60;

/**
 * Each slide's section: a new section starts where the beats change, and is named after its first
 * slide's title, the words the writer chose ("Slide 3" when it has none). Slides without a beat stay in
 * the section before them. Names are unique, because pptxgenjs files a slide under the first section of
 * its name.
 */
function sectionNames(deck: Deck): string[] {
  const { slideBeats } = readStory(deck);
  const used = new Map<string, number>();
  let beats: string | undefined;
  let section = '';
  return deck.slides.map((slide, i) => {
    const these = slideBeats[i].join(' + ');
    if (beats === undefined || (these !== '' && these !== beats)) {
      beats = these;
      const title = xmlText(slide.title).trim();
      const name = !title
        ? `Slide ${slide.index}`
        : [...title].length > SECTION_NAME_MAX
          ? `${[...title]
              .slice(0, SECTION_NAME_MAX - 1)
              .join('')
              .trimEnd()}…`
          : title;
      const count = (used.get(name) ?? 0) + 1;
      used.set(name, count);
      section = count === 1 ? name : `${name} (${count})`;
    }
    return section;
  });
}

/**
 * pptxgenjs 4 writes paragraph properties before every run of a paragraph, which the schema (and
 * PowerPoint, which then offers to repair the file) allows only first; keep the first in each paragraph.
 */
async function validParagraphs(file: Uint8Array): Promise<Uint8Array> {
  const { default: JSZip } = await import('jszip');
  const zip = await JSZip.loadAsync(file);
  for (const name of Object.keys(zip.files).filter((path) => /^ppt\/slides\/slide\d+\.xml$/.test(path))) {
    const xml = await zip.file(name)!.async('string');
    zip.file(name, xml.replace(/(<\/a:r>|<a:br\/>)<a:pPr\b[^>]*?(?:\/>|>[\s\S]*?<\/a:pPr>)/g, '$1'));
  }
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

export { sectionNames, validParagraphs };
