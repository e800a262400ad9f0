import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { restrictedSetting } from '../../../src/extension/restricted';

/** A WorkspaceConfiguration with one setting set at each level, as `inspect()` reports them. */
function configuration(levels: { defaultValue?: string[]; globalValue?: string[]; workspaceValue?: string[]; workspaceFolderValue?: string[] }) {
  const effective = levels.workspaceFolderValue ?? levels.workspaceValue ?? levels.globalValue ?? levels.defaultValue;
  return {
    get: <T>() => effective as T,
    inspect: <T>(key: string) => ({ key, ...levels }) as { key: string; defaultValue?: T; globalValue?: T; workspaceValue?: T; workspaceFolderValue?: T },
  };
}

describe('restricted settings (storydeck.preview.themes)', () => {
  it('are listed in restrictedConfigurations, so VS Code shows the workspace value as not applied', () => {
    const manifest = JSON.parse(readFileSync('package.json', 'utf8'));
    assert.ok(manifest.capabilities.untrustedWorkspaces.restrictedConfigurations.includes('storydeck.preview.themes'));
  });

  it('ignore the workspace and folder values while the workspace is untrusted; the user value still applies', () => {
    const planted = configuration({ defaultValue: [], workspaceValue: ['evil.css'], workspaceFolderValue: ['evil.css'] });
    assert.deepEqual(restrictedSetting(planted, 'themes', false), []);
    assert.deepEqual(restrictedSetting(planted, 'themes', true), ['evil.css']);
    const mine = configuration({ defaultValue: [], globalValue: ['themes/acme.css'], workspaceValue: ['evil.css'] });
    assert.deepEqual(restrictedSetting(mine, 'themes', false), ['themes/acme.css']);
  });
});
