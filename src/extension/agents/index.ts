/**
 * dist/agents.js: StoryDeck's language-model tools and `@storydeck` chat participant, loaded by
 * register.ts the first time one of them is used, so activation never loads this code.
 */
export { applyProposal, handleChat, type Proposal } from './chat';
export { invokeTool, prepareTool, type AgentDeps } from './tools';
