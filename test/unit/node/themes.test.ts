import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UserError } from '../../../src/node/errors';
import { exportTheme, THEME_MAX_BYTES } from '../../../src/node/themes';

const ACME = ':root { --sd-bg: #fff4e6; --sd-fg: #3b2300; --sd-accent: #ff6600; }\n';

describe('exportTheme', () => {
  let dir: string;
  let root: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'storydeck-themes-'));
    root = join(dir, 'project');
    mkdirSync(join(root, 'themes'), { recursive: true });
    writeFileSync(join(root, 'themes', 'acme.css'), ACME);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const paths = () => [join(root, 'themes', 'acme.css')];

  it('reads the custom theme the front matter names, and leaves built-in themes to the bundle', () => {
    assert.deepEqual(exportTheme({ wanted: 'acme', paths: paths(), root }), { name: 'acme', css: ACME, fellBack: undefined });
    assert.deepEqual(exportTheme({ wanted: 'dark', paths: paths(), root }), { name: 'dark', fellBack: undefined });
    assert.deepEqual(exportTheme({ wanted: undefined, root }), { name: 'light', fellBack: undefined });
    assert.deepEqual(exportTheme({ wanted: 'dark', override: 'acme', paths: paths(), root }), { name: 'acme', css: ACME, fellBack: undefined }, '--theme wins');
  });

  it('says which theme it did not know and which one it used instead', () => {
    const { name, fellBack } = exportTheme({ wanted: 'acme', root });
    assert.equal(name, 'light');
    assert.equal(fellBack, 'theme "acme" is not a StoryDeck theme (light, dark, corporate), so the export uses light. To use your own, list its CSS file under themes: in .storydeck.yaml.');
  });

  it('refuses, in one line each, an unknown --theme, a style sheet outside the project, a missing or oversized one, and one without colours', () => {
    const outside = join(dir, 'elsewhere.css');
    writeFileSync(outside, ACME);
    symlinkSync(outside, join(root, 'themes', 'linked.css'));
    writeFileSync(join(root, 'themes', 'huge.css'), `:root { --sd-bg: #fff; --sd-fg: #000; }\n/* ${'x'.repeat(THEME_MAX_BYTES)} */`);
    writeFileSync(join(root, 'themes', 'plain.css'), 'h1 { color: red; }\n');
    const cases: Array<[Parameters<typeof exportTheme>[0], RegExp]> = [
      [{ wanted: 'x', override: 'neon', paths: paths(), root }, /^there is no theme "neon"; use one of light, dark, corporate, acme\.$/],
      [{ wanted: 'elsewhere', paths: [outside], root }, /^the elsewhere theme \(.*elsewhere\.css\) is outside .*project; a theme must be in the narrative's project\.$/],
      [{ wanted: 'linked', paths: [join(root, 'themes', 'linked.css')], root }, /^the linked theme .* is outside .*project/],
      [{ wanted: 'gone', paths: [join(root, 'themes', 'gone.css')], root }, /^the gone theme \(.*gone\.css\) cannot be read: no such file\.$/],
      [{ wanted: 'huge', paths: [join(root, 'themes', 'huge.css')], root }, /^the huge theme .* is larger than 1 MiB, the most StoryDeck reads\.$/],
      [
        { wanted: 'plain', paths: [join(root, 'themes', 'plain.css')], root },
        /^the plain theme style sheet gives no hex or rgb\(\) colour for --sd-bg: a theme sets --sd-bg and --sd-fg .* \(see docs\/themes\.md\)\.$/,
      ],
    ];
    for (const [request, message] of cases) {
      assert.throws(
        () => exportTheme(request),
        (e: Error) => e instanceof UserError && message.test(e.message) && !e.message.includes('\n'),
        String(request.wanted),
      );
    }
  });
});
