import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { outputFolder } from '../../../src/extension/outputFolder';

describe('StoryDeck: Export… output folder', () => {
  let dir: string;
  let workspace: string;
  let narrative: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'storydeck-output-'));
    workspace = join(dir, 'workspace');
    mkdirSync(join(workspace, 'talks'), { recursive: true });
    narrative = join(workspace, 'talks', 'talk.md');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes next to the narrative, or into the folder the setting names relative to the workspace folder', () => {
    assert.deepEqual(outputFolder(narrative, workspace, undefined), { folder: join(workspace, 'talks') });
    assert.deepEqual(outputFolder(narrative, workspace, { workspaceValue: '  ' }), { folder: join(workspace, 'talks') });
    assert.deepEqual(outputFolder(narrative, workspace, { workspaceValue: 'exports/decks' }), { folder: join(workspace, 'exports', 'decks') });
    assert.deepEqual(outputFolder(narrative, workspace, { workspaceFolderValue: join(workspace, 'out') }), { folder: join(workspace, 'out') });
    assert.deepEqual(outputFolder(narrative, undefined, { globalValue: 'exports' }), { folder: join(workspace, 'talks', 'exports') }, 'outside a workspace, relative to the narrative');
  });

  it('refuses a folder outside the workspace folder when the workspace settings name it, by path or through a link', () => {
    symlinkSync(dir, join(workspace, 'escape'));
    for (const value of ['../outside', join(dir, 'outside'), '/tmp', 'escape/exports', 'talks/../../outside']) {
      const where = outputFolder(narrative, workspace, { workspaceValue: value, globalValue: 'exports' });
      assert.ok('refused' in where, `${value}: ${JSON.stringify(where)}`);
      assert.equal(
        where.refused,
        `storydeck.export.outputDir in this workspace's settings ("${value}") is outside the workspace folder; a workspace's settings can only export into it. Change it, or set it in your user settings to export elsewhere.`,
      );
    }
    assert.ok('refused' in outputFolder(narrative, workspace, { workspaceFolderValue: '..', globalValue: join(dir, 'mine') }), "the folder settings win over the user's");
  });

  it("lets the user's own settings name any folder, and a workspace reached through a link keep its own", () => {
    assert.deepEqual(outputFolder(narrative, workspace, { globalValue: join(dir, 'mine') }), { folder: join(dir, 'mine') });
    assert.deepEqual(outputFolder(narrative, workspace, { globalValue: '../mine' }), { folder: join(dir, 'mine') });
    symlinkSync(workspace, join(dir, 'linked'));
    const linked = join(dir, 'linked');
    assert.deepEqual(outputFolder(join(linked, 'talks', 'talk.md'), linked, { workspaceValue: 'exports' }), { folder: join(linked, 'exports') });
  });
});
