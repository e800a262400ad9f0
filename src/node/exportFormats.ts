/** The formats `storydeck export --to` and `StoryDeck: Export…` write; apart from the exporter, so that the CLI can check `--to` without loading it. */
export const EXPORT_FORMATS = ['html', 'pptx', 'pdf'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
