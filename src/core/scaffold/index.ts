export { escapeComment, escapeMarkdown, singleLine, yamlScalar } from './escape';
export { BEAT_SKELETONS, beatSkeleton, type BeatSkeletonOverrides, type BeatSkeletonText } from './skeletons';
export { buildSnippets, snippetsFileText, type Snippet } from './snippets';
export { AnswerError, answerProblem, MAX_TEMPLATE_BYTES, parseTemplate, renderTemplate, resolveAnswers, TemplateError, type Template, type TemplateHeader, type TemplatePrompt } from './template';
export { collectTemplates, TEMPLATE_EXTENSION, WORKSPACE_TEMPLATES_DIR, type TemplateList, type TemplateSource } from './collect';
