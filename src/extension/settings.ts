import * as vscode from 'vscode';

/** The `storydeck.*` settings that drive linting, read for one resource (they are resource-scoped). */
export interface LintSettings {
  enable: boolean;
  run: 'onType' | 'onSave';
  /** Globs, relative to the workspace folder, of Markdown files that count as narratives. */
  files: string[];
  /** Per-rule overrides on top of the config file (front matter still wins), as the setting holds them: NarrativeLinter.configFor checks them. */
  rules: Record<string, unknown>;
}

export function readSettings(uri: vscode.Uri | undefined): LintSettings {
  const c = vscode.workspace.getConfiguration('storydeck', uri);
  const files = c.get<unknown>('files');
  const rules = c.get<unknown>('rules');
  return {
    enable: c.get<boolean>('enable') !== false,
    run: c.get<string>('run') === 'onSave' ? 'onSave' : 'onType',
    files: Array.isArray(files) ? files.filter((f): f is string => typeof f === 'string' && f.trim() !== '') : [],
    rules: typeof rules === 'object' && rules !== null && !Array.isArray(rules) ? (rules as Record<string, unknown>) : {},
  };
}
