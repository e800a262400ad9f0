export * from './types';
export { parseDeck, markdownSource, countWords, longEnough, WORDS_PER_MINUTE, MIN_SLIDE_SECONDS, MAX_DECK_CHARS } from './parseDeck';
export { detectBeats, headingBeat } from './beats';
export { DURATION_FORMS, parseDuration } from './duration';
export { shortFences } from './frontMatter';
export { AUDIENCE_NAME, cutForAudience, isAudienceName, isForAudience, slideAudiences, type Cut } from './cut';
export { imageSpec, readMarp, SLIDE_SIZES, type ImageSpec, type MarpNotice, type MarpReading, type SlideLook, type SlideSize } from './marp';
