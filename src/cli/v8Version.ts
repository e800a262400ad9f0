/**
 * Whether the V8 of `version` (`process.versions.v8`, "11.3.244.8-node.38") has the `--interrupt-budget` flag. V8 12 and
 * later tier code up by invocation counts instead, and Node 24's V8 (13.6) no longer knows the flag: setting it there
 * printed "Error: unrecognized flag --interrupt-budget" on every run of the CLI; Node 22's V8 (12.4) has none either
 * (`node --v8-options` lists only `--force-emit-interrupt-budget-checks`, and setting the flag prints the same error).
 * Only V8 up to 11 (Node 20) has it, so only there is it set.
 */
export function knowsInterruptBudget(version: string): boolean {
  const major = Number(/^(\d+)\./.exec(version)?.[1]);
  return major > 0 && major <= 11;
}
