export { BUILTIN_KINDS, DEFAULT_KIND, describeKind, inferKind, kindTable, readKind, type KindConfig, type KindProfile, type KindReading } from './kinds';
export { readStory, type BeatReading, type Evidence, type Story, type StoryConfig } from './story';
export { clock, storyStatusText, storyStatusTooltip, storySummary, storyTree, type StoryFindingNode, type StoryGroupNode, type StoryNode, type StorySlideNode, type StorySummary } from './view';
export { formatDuration, formatOutline, outline, type Outline, type OutlineSlide } from './outline';
