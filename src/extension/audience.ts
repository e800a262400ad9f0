import * as vscode from 'vscode';
import { parseDeck } from '../core/deck';
import { audienceChoices, cutSlides } from '../core/story';

/**
 * The audience cut chosen for each narrative (docs/audiences.md): the preview, the Story view, the status
 * item and `StoryDeck: Export…` show only the slides for it. Kept for the session, per document.
 */
export class AudienceCuts implements vscode.Disposable {
  private readonly chosen = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  get(uri: vscode.Uri): string | undefined {
    return this.chosen.get(uri.toString());
  }

  set(uri: vscode.Uri, audience: string | undefined): void {
    if (this.get(uri) === audience) return;
    if (audience) this.chosen.set(uri.toString(), audience);
    else this.chosen.delete(uri.toString());
    this.changed.fire(uri);
  }

  dispose(): void {
    this.changed.dispose();
  }
}

const ALL = 'All slides';

/**
 * `StoryDeck: Choose Audience…`: a picker of the audiences the narrative can be cut for, with how many slides
 * each keeps, and "All slides". An argument skips the picker (tests, other commands): a name, or '' for all.
 * Resolves with the audience chosen ('' for all slides), or undefined when cancelled.
 */
export function registerAudiencePicker(cuts: AudienceCuts): vscode.Disposable {
  return vscode.commands.registerCommand('storydeck.chooseAudience', async (uri?: vscode.Uri, audience?: string) => {
    const document = uri instanceof vscode.Uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
    if (!document || document.languageId !== 'markdown') {
      void vscode.window.showInformationMessage('StoryDeck: open a Markdown narrative to choose its audience.');
      return undefined;
    }
    if (typeof audience === 'string') {
      cuts.set(document.uri, audience.trim() || undefined);
      return audience.trim();
    }
    const deck = parseDeck(document.getText());
    const current = cuts.get(document.uri);
    const items: vscode.QuickPickItem[] = [
      { label: ALL, description: `${deck.slides.length} slides`, picked: !current },
      ...audienceChoices(deck).map((name) => ({ label: name, description: `${cutSlides(deck, name).length} of ${deck.slides.length} slides`, picked: name === current })),
    ];
    const picked = await vscode.window.showQuickPick(items, { title: 'StoryDeck: Audience', placeHolder: 'Show, time and export the slides for…' });
    if (!picked) return undefined;
    const chosen = picked.label === ALL ? undefined : picked.label;
    cuts.set(document.uri, chosen);
    return chosen ?? '';
  });
}
