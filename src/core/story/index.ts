export { BUILTIN_KINDS, DEFAULT_KIND, describeKind, inferKind, kindTable, readKind, type KindConfig, type KindProfile, type KindReading } from './kinds';
export { readStory, type BeatReading, type Evidence, type Story, type StoryConfig } from './story';
export {
  beatReason,
  clock,
  slideReading,
  cutSlides,
  storyStatusText,
  storyStatusTooltip,
  storySummary,
  storyTree,
  type StoryFindingNode,
  type StoryGroupNode,
  type SlideBeat,
  type StoryNode,
  type StorySlideNode,
  type StoryStakeholderNode,
  type StorySummary,
} from './view';
export { formatDuration, formatOutline, outline, type Outline, type OutlineSlide, type OutlineStakeholder } from './outline';
export { AUDIENCE_CHECKS, BUILTIN_AUDIENCES, audienceChoices, audienceTable, readAudience, type AudienceCheck, type AudienceConfig, type AudienceProfile, type AudienceReading } from './audiences';
export { STANCES, readStakeholders, type Stakeholder, type StakeholderReading, type Stance } from './stakeholders';
