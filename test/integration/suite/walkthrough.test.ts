import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { parseDeck } from '../../../src/core/deck';
import type { KeyStep } from '../run';
import { EXTENSION_ID, activate, clickInWorkbench, pressKeys, QUICK_INPUT, screenshot, sleep } from './helpers';

interface Step {
  id: string;
  title: string;
  description: string;
  media: { markdown?: string; image?: string };
  completionEvents?: string[];
}

/** The Getting Started walkthrough: every step's links run registered commands and its page ships. */
describe('walkthrough', () => {
  let extension: vscode.Extension<unknown>;
  let steps: Step[];

  before(async () => {
    await activate();
    extension = vscode.extensions.getExtension(EXTENSION_ID)!;
    const walkthroughs = (extension.packageJSON as { contributes: { walkthroughs?: { steps: Step[] }[] } }).contributes.walkthroughs ?? [];
    steps = walkthroughs.flatMap((w) => w.steps);
  });

  it('takes a new user from a template to an export', () => {
    assert.deepEqual(
      steps.map((s) => s.id),
      ['newNarrative', 'fixFinding', 'openPreview', 'present', 'export'],
    );
  });

  it('links only to registered commands, and completes on the command it links to', async () => {
    const registered = new Set(await vscode.commands.getCommands(true));
    for (const step of steps) {
      const linked = [...step.description.matchAll(/\(command:([\w.]+)\)/g)].map((m) => m[1]);
      assert.ok(linked.length > 0, `${step.id} links to no command`);
      for (const command of linked) assert.ok(registered.has(command), `${step.id} links to ${command}, which is not registered`);
      for (const event of step.completionEvents ?? []) {
        const command = /^onCommand:(.+)$/.exec(event)?.[1];
        if (command) assert.ok(linked.includes(command), `${step.id} completes on ${command} but does not link to it`);
      }
    }
  });

  it('starts New Narrative from its first step, and the title typed after the template pick goes into the question', async function () {
    await vscode.commands.executeCommand('workbench.action.openWalkthrough', `${EXTENSION_ID}#storydeck.gettingStarted`, false);
    await sleep(1500);
    const created = new Promise<vscode.TextDocument>((resolve) => {
      const sub = vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (!editor?.document.isUntitled) return;
        sub.dispose();
        resolve(editor.document);
      });
    });
    await clickInWorkbench(this, 'button', 'New Narrative');
    const step = async (...keys: KeyStep[]) => {
      await sleep(800);
      await pressKeys(this, { waitFor: QUICK_INPUT }, ...keys);
    };
    await step({ press: 'Enter' }); // the first template
    await step({ type: 'Payroll consolidation' });
    await sleep(300);
    await screenshot('walkthrough-new-narrative-title');
    await step({ press: 'Enter' });
    for (let i = 0; i < 4; i++) await step({ press: 'Enter' }); // the other questions' defaults
    await step({ press: 'Enter' }); // an untitled document
    const document = await Promise.race([created, sleep(10_000).then(() => undefined)]);
    assert.ok(document, 'a draft was created');
    assert.equal(parseDeck(document.getText()).frontMatter.title, 'Payroll consolidation');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('ships every step page', async () => {
    for (const step of steps) {
      const page = step.media.markdown ?? step.media.image;
      assert.ok(page, `${step.id} has no media`);
      const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extension.extensionUri, page));
      assert.ok(bytes.byteLength > 100, `${page} is empty`);
    }
  });
});
