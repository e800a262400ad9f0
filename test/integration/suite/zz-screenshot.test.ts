import * as vscode from 'vscode';
import { activate, diagnosticOf, openAndLint, screenshot, sleep, waitFor } from './helpers';

// Last (files run in name order): a picture of StoryDeck's diagnostics in the Problems panel, taken by the
// launcher when STORYDECK_TEST_SCREENSHOT names a file.
describe('screenshot', () => {
  it('shows narrative diagnostics in the Problems panel', async function () {
    if (!process.env.STORYDECK_TEST_SCREENSHOT) this.skip();
    const api = await activate();
    await openAndLint(api, 'talks/pitch.md');
    const { document } = await openAndLint(api, 'solution-first.md');
    await waitFor('why-before-what', () => diagnosticOf(document.uri, 'why-before-what'));
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    await sleep(1500);
    await screenshot();
  });
});
