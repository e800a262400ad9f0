import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, activate } from './helpers';

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

  it('ships every step page', async () => {
    for (const step of steps) {
      const page = step.media.markdown ?? step.media.image;
      assert.ok(page, `${step.id} has no media`);
      const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extension.extensionUri, page));
      assert.ok(bytes.byteLength > 100, `${page} is empty`);
    }
  });
});
