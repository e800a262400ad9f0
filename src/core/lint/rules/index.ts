import type { Rule } from '../types';
import whyBeforeWhat from './why-before-what';
import businessValue from './business-value';
import callToAction from './call-to-action';
import customerPain from './customer-pain';
import customerValue from './customer-value';
import outcomeMetric from './outcome-metric';
import strategicTieIn from './strategic-tie-in';
import vanityMetric from './vanity-metric';
import statsWithoutStory from './stats-without-story';
import slideDensity from './slide-density';
import slideOverflow from './slide-overflow';
import talkTime from './talk-time';
import jargon from './jargon';
import frontMatter from './front-matter';
import input from './input';

/** The built-in rules. One module per rule; add new ones here. */
export const BUILTIN_RULES: readonly Rule[] = [
  whyBeforeWhat,
  customerPain,
  customerValue,
  businessValue,
  strategicTieIn,
  outcomeMetric,
  vanityMetric,
  callToAction,
  statsWithoutStory,
  slideDensity,
  slideOverflow,
  talkTime,
  jargon,
  frontMatter,
  input,
];
