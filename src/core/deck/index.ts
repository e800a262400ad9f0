export * from './types';
export { parseDeck, markdownSource, countWords, WORDS_PER_MINUTE, MIN_SLIDE_SECONDS, MAX_DECK_CHARS } from './parseDeck';
export { detectBeats, headingBeat } from './beats';
export { parseDuration } from './duration';
