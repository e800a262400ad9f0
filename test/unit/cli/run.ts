import { main } from '../../../src/cli/main';

/** Runs the CLI in process, in `cwd`, and returns its exit code and what it printed. */
export async function runCli(cwd: string, ...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { out: (t) => (stdout += t + '\n'), err: (t) => (stderr += t + '\n'), cwd });
  return { code, stdout, stderr };
}
