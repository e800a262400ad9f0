import { sep } from 'node:path';
import { oneLine } from '../core/deck/controls';
import type { Finding, Rule } from '../core/lint';

const SARIF_LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;

/** `file:line:column severity message [rule-id]`, one line each (a line break in a file name or a message is escaped), then a summary line. */
export function formatText(findings: readonly Finding[]): string {
  if (findings.length === 0) return '';
  const lines = findings.map((f) => `${oneLine(f.file)}:${f.line}:${f.column}  ${f.severity.padEnd(7)}  ${oneLine(f.message)}  [${f.ruleId}]`);
  const count = (s: Finding['severity']) => findings.filter((f) => f.severity === s).length;
  lines.push('', `${findings.length} finding${findings.length === 1 ? '' : 's'}: ${count('error')} error(s), ${count('warning')} warning(s), ${count('info')} info.`);
  return lines.join('\n');
}

/** The design's Finding objects, and nothing else. */
export function formatJson(findings: readonly Finding[]): string {
  return JSON.stringify(
    findings.map(({ file, line, column, endLine, endColumn, ruleId, severity, message }) => ({ file, line, column, endLine, endColumn, ruleId, severity, message })),
    null,
    2,
  );
}

/** SARIF 2.1.0, as code-scanning uploads accept: one run, the rules that ran, a result per finding. */
export function formatSarif(findings: readonly Finding[], rules: readonly Rule[], version: string): string {
  const index = new Map(rules.map((rule, i) => [rule.id, i]));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'StoryDeck',
            version,
            rules: rules.map((rule) => ({
              id: rule.id,
              shortDescription: { text: rule.description },
              defaultConfiguration: { level: SARIF_LEVEL[rule.defaultSeverity] },
              properties: { tags: rule.tags, ...(rule.docs ? { docs: rule.docs } : {}) },
            })),
          },
        },
        results: findings.map((f) => ({
          ruleId: f.ruleId,
          ...(index.has(f.ruleId) ? { ruleIndex: index.get(f.ruleId) } : {}),
          level: SARIF_LEVEL[f.severity],
          message: { text: f.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: uriReference(f.file), uriBaseId: '%SRCROOT%' },
                region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: Math.max(f.endColumn, f.column) },
              },
            },
          ],
        })),
      },
    ],
  };
  return JSON.stringify(log, null, 2);
}

/** A relative file path as a relative URI reference, each segment percent-encoded: `q3 plan #2.md` -> `q3%20plan%20%232.md`. */
function uriReference(file: string): string {
  return file.split(sep).map(encodeURIComponent).join('/');
}
