import type { Rule } from '../types';
import whyBeforeWhat from './why-before-what';

/** The built-in rules. One module per rule; add new ones here. */
export const BUILTIN_RULES: readonly Rule[] = [whyBeforeWhat];
