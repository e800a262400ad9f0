/**
 * As much of the `vscode` module as the code actions (src/extension/codeActions.ts) and the modules they import touch,
 * so that their choices can be tested in plain Node: `withVscodeStub` loads a module with `vscode` resolved to this file.
 */
import Module from 'node:module';

export class Position {
  constructor(
    readonly line: number,
    readonly character: number,
  ) {}
}

export class Range {
  readonly start: Position;
  readonly end: Position;
  constructor(startLine: number, startCharacter: number, endLine: number, endCharacter: number) {
    this.start = new Position(startLine, startCharacter);
    this.end = new Position(endLine, endCharacter);
  }
  isEqual(other: Range): boolean {
    return JSON.stringify(this) === JSON.stringify(other);
  }
}

export class CodeActionKind {
  static readonly Empty = new CodeActionKind('');
  static readonly QuickFix = new CodeActionKind('quickfix');
  static readonly SourceFixAll = new CodeActionKind('source.fixAll');
  constructor(readonly value: string) {}
  append(part: string): CodeActionKind {
    return new CodeActionKind(this.value ? `${this.value}.${part}` : part);
  }
  contains(other: CodeActionKind): boolean {
    return other.value === this.value || other.value.startsWith(`${this.value}.`);
  }
}

/** The edits, as `[uri, range or position, text]`. */
export class WorkspaceEdit {
  readonly edits: [unknown, Range | Position, string][] = [];
  replace(uri: unknown, range: Range, text: string): void {
    this.edits.push([uri, range, text]);
  }
  insert(uri: unknown, position: Position, text: string): void {
    this.edits.push([uri, position, text]);
  }
}

export class CodeAction {
  edit?: WorkspaceEdit;
  diagnostics?: unknown[];
  isPreferred?: boolean;
  command?: unknown;
  constructor(
    readonly title: string,
    readonly kind?: CodeActionKind,
  ) {}
}

export enum DiagnosticSeverity {
  Error = 0,
  Warning = 1,
  Information = 2,
  Hint = 3,
}

export enum EndOfLine {
  LF = 1,
  CRLF = 2,
}

type Resolve = (request: string, ...rest: unknown[]) => string;

/** `load()` with `vscode` resolved to this stub; the module loaded keeps it. */
export function withVscodeStub<T>(load: () => T): T {
  const loader = Module as unknown as { _resolveFilename: Resolve };
  const resolve = loader._resolveFilename;
  loader._resolveFilename = function (request, ...rest) {
    return resolve.call(this, request === 'vscode' ? __filename : request, ...rest);
  };
  try {
    return load();
  } finally {
    loader._resolveFilename = resolve;
  }
}
