import assert from 'node:assert/strict';
import { builtinTheme, chooseTheme, customThemeName, customThemes, themeName, themeNames } from '../../../src/core/render/themes';

describe('themes', () => {
  it('names a custom theme by its style sheet, and refuses what a front matter could not name', () => {
    assert.equal(customThemeName('themes/acme.css'), 'acme');
    assert.equal(customThemeName('C:\\brand\\Acme_2-dark.css'), 'Acme_2-dark');
    assert.equal(customThemeName('acme.css'), 'acme');
    for (const path of ['themes/acme.scss', 'themes/.css', 'themes/my theme.css', 'themes/-x.css', 'themes/acme.css/']) assert.equal(customThemeName(path), undefined, path);
  });

  it('keeps the last style sheet of a name, and never lets one replace a built-in theme', () => {
    const custom = customThemes(['a/acme.css', 'b/acme.css', 'c/dark.css', 'd/brand.css']);
    assert.deepEqual(
      [...custom],
      [
        ['acme', 'b/acme.css'],
        ['brand', 'd/brand.css'],
      ],
    );
    assert.deepEqual(themeNames(custom), ['light', 'dark', 'corporate', 'acme', 'brand']);
  });

  it('chooses the theme the front matter names, else light, saying which name it did not know', () => {
    const custom = customThemes(['themes/acme.css']);
    assert.deepEqual(chooseTheme('acme', custom), { name: 'acme' });
    assert.deepEqual(chooseTheme('dark', custom), { name: 'dark' });
    assert.deepEqual(chooseTheme('acme'), { name: 'light', unknown: 'acme' }, 'no such custom theme');
    assert.deepEqual(chooseTheme(undefined), { name: 'light' });
    assert.deepEqual(chooseTheme(''), { name: 'light' });
    assert.deepEqual(chooseTheme(42), { name: 'light' });
    assert.equal(themeName('acme'), 'light', 'the renderer still knows only the built-in names');
  });

  it("picks a look-alike for Marp's themes, everywhere a theme is chosen, and a custom theme of the same name wins", () => {
    assert.deepEqual(
      ['default', 'gaia', 'uncover'].map((name) => chooseTheme(name).name),
      ['light', 'corporate', 'light'],
    );
    assert.equal(themeName('gaia'), 'corporate');
    assert.equal(builtinTheme('toString'), undefined, 'only the aliases themselves, not what every object has');
    assert.equal(builtinTheme('__proto__'), undefined);
    assert.deepEqual(chooseTheme('gaia', new Map([['gaia', 'brand/gaia.css']])), { name: 'gaia' });
  });
});
