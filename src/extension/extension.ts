import * as vscode from 'vscode';
import { formatOutline, parseDeck } from '../core/deck';

let output: vscode.OutputChannel | undefined;

export function activate(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('storydeck.showOutline', () => showOutline()),
    { dispose: () => output?.dispose() },
  );
}

export function deactivate(): void {}

function showOutline(): void {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== 'markdown') {
    void vscode.window.showInformationMessage('StoryDeck: open a Markdown narrative to see its outline.');
    return;
  }
  output ??= vscode.window.createOutputChannel('StoryDeck');
  const deck = parseDeck(editor.document.getText());
  output.clear();
  output.appendLine(formatOutline(deck));
  for (const problem of deck.problems) output.appendLine(`line ${problem.line}: ${problem.message}`);
  output.show(true);
}
