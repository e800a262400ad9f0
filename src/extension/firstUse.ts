import type * as Exporter from '../node/exporter';
import type * as Agents from './agents/index';
import type * as NewNarrative from './newNarrative';
import type * as Preview from './preview/manager';

// Code that activation must not load, each required the first time a command needs it: `import` would load it with
// dist/extension.js. Every one of these modules is its own bundle (esbuild.js, ON_FIRST_USE), so each `require`
// here becomes `require('./NAME.js')` of dist/NAME.js and dist/extension.js carries none of them.

/** The preview panel: dist/preview.js. */
export const preview = () => require('./preview/manager') as typeof Preview;

/** New Narrative, with the templates and their compiler: dist/newNarrative.js. */
export const newNarrative = () => require('./newNarrative') as typeof NewNarrative;

/** The language-model tools and the `@storydeck` chat participant: dist/agents.js. */
export const agents = () => require('./agents/index') as typeof Agents;

/** The export code: dist/exporter.js. */
export const exporter = () => require('../node/exporter') as typeof Exporter;
