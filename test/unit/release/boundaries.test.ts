import assert from 'node:assert/strict';
import { ESLint, type Linter } from 'eslint';

/**
 * The layer boundaries of docs/architecture.md fail `npm run lint` when broken: eslint.config.mjs is run on small
 * snippets, each placed at a path inside the layer it tests.
 */

const BOUNDARY_RULES = new Set(['@typescript-eslint/no-restricted-imports', 'no-restricted-syntax']);

const eslint = new ESLint();

async function boundaryErrors(filePath: string, code: string): Promise<Linter.LintMessage[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.filter((m) => m.ruleId !== null && BOUNDARY_RULES.has(m.ruleId));
}

/** [where, code, what the error must say]: each breaks one boundary. */
const BROKEN: [string, string, RegExp][] = [
  ['src/core/lint/probe.ts', "import * as vscode from 'vscode';", /Only src\/extension may import vscode/],
  ['src/core/render/probe.ts', "import type { Uri } from 'vscode';", /Only src\/extension may import vscode/],
  ['src/core/scaffold/probe.ts', "import { readFileSync } from 'node:fs';", /Node built-ins/],
  ['src/core/export/probe.ts', "import { join } from 'path';", /Node built-ins/],
  ['src/core/export/probe.ts', "const fs = require('node:fs');", /Node built-ins/],
  ['src/core/export/probe.ts', "export const os = () => import('os');", /Node built-ins/],
  ['src/core/lint/probe.ts', "import { writeNew } from '../../node/write';", /Arrows point toward src\/core/],
  ['src/core/render/probe.ts', "import type { PreviewState } from '../../webview/protocol';", /Arrows point toward src\/core/],
  ['src/core/render/probe.ts', "import { slideAtLine } from '../../shared/lines';", /Arrows point toward src\/core/],
  ['src/core/deck/probe.ts', "import { renderDeck } from '../render/renderDeck';", /src\/core\/deck is the bottom layer/],
  ['src/core/deck/probe.ts', "import type { Finding } from '../lint';", /src\/core\/deck is the bottom layer/],
  ['src/core/deck/probe.ts', "import { exportHtml } from '../export/html';", /src\/core\/deck is the bottom layer/],
  ['src/core/deck/probe.ts', "import { collectTemplates } from '../scaffold';", /src\/core\/deck is the bottom layer/],
  ['src/core/lint/rules/probe.ts', "import { beatRange } from './customer-pain';", /A rule imports no other rule/],
  ['src/core/lint/rules/probe.ts', "import jargon from '../rules/jargon';", /A rule imports no other rule/],
  ['src/extension/probe.ts', "import { Badges } from '../webview/badges';", /nothing from src\/webview at run time/],
  ['src/extension/preview/probe.ts', "const badges = require('../../webview/badges');", /nothing from src\/webview at run time/],
  ['src/extension/probe.ts', "import { main } from '../cli/main';", /Arrows point toward src\/core/],
  ['src/node/probe.ts', "import * as vscode from 'vscode';", /Only src\/extension may import vscode/],
  ['src/node/probe.ts', "import { activate } from '../extension/extension';", /Arrows point toward src\/core/],
  ['src/cli/probe.ts', "import { activate } from '../extension/extension';", /Arrows point toward src\/core/],
  ['src/webview/probe.ts', "import { readFileSync } from 'node:fs';", /Node built-ins/],
  ['src/webview/player/probe.ts', "import { exportNarrative } from '../../node/exporter';", /Arrows point toward src\/core/],
  ['src/shared/probe.ts', "import * as vscode from 'vscode';", /Only src\/extension may import vscode/],
  ['src/shared/probe.ts', "import { readFileSync } from 'node:fs';", /Node built-ins/],
  ['src/shared/probe.ts', "import { Badges } from '../webview/badges';", /Arrows point toward src\/core/],
  ['src/shared/probe.ts', "import type { PreviewManager } from '../extension/preview/manager';", /Arrows point toward src\/core/],
];

/** [where, code]: imports each layer may make. */
const RESPECTED: [string, string][] = [
  ['src/core/deck/probe.ts', "import type { Deck } from './types';\nimport { parseDocument } from 'yaml';"],
  ['src/core/lint/probe.ts', "import { parseDeck } from '../deck';\nimport { renderDeck } from '../render/renderDeck';"],
  ['src/core/lint/rules/probe.ts', "import type { Rule } from '../types';\nimport { parseDuration } from '../../deck';"],
  ['src/core/lint/rules/index.ts', "import jargon from './jargon';"],
  ['src/core/export/probe.ts', "export const lazy = () => import('pptxgenjs');"],
  ['src/extension/probe.ts', "import * as vscode from 'vscode';\nimport { join } from 'node:path';\nimport type { Player } from '../webview/player/player';\nimport { lint } from '../core/lint';"],
  ['src/extension/preview/probe.ts', "import { slideAtLine } from '../../shared/lines';\nimport type { PreviewState } from '../../shared/protocol';"],
  ['src/node/probe.ts', "import { readFileSync } from 'node:fs';\nimport { exportHtml } from '../core/export/html';"],
  ['src/cli/probe.ts', "import { exportNarrative } from '../node/exporter';\nimport { lintText } from '../core/lint';"],
  ['src/webview/probe.ts', "import { linkKind } from '../core/render/urls';\nimport DOMPurify from 'dompurify';\nimport { slideAtLine } from '../shared/lines';"],
  ['src/shared/probe.ts', "import type { RenderedDeck } from '../core/render/types';"],
];

describe('layer boundaries (eslint.config.mjs)', function () {
  this.timeout(60000);

  for (const [file, code, message] of BROKEN) {
    it(`fail the lint: ${code} in ${file}`, async () => {
      const errors = await boundaryErrors(file, code);
      assert.equal(errors.length, 1, JSON.stringify(errors));
      assert.equal(errors[0].severity, 2);
      assert.match(errors[0].message, message);
    });
  }

  for (const [file, code] of RESPECTED) {
    it(`pass the lint: ${code.replaceAll('\n', ' ')} in ${file}`, async () => {
      assert.deepEqual(await boundaryErrors(file, code), []);
    });
  }
});
