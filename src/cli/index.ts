import './v8Flags';
import { bundleCache } from './bundleCache';
import { exitPromptly, guardOutput } from './exit';
import { escapeControls, EXIT } from './io';
import { main } from './main';

const argv = process.argv.slice(2);
// A reader that goes away (`| head`) or a full disk is no stack trace (exit.ts).
const output = guardOutput(process.stdout, process.stderr, (line) => process.stderr.write(`${line}\n`));
// `mcp` ends when its client closes stdin, and a tool call still running then (a PDF export) finishes as before.
const exit = argv[0] === 'mcp' ? (code: number) => void (process.exitCode = code) : exitPromptly;
// The code the command compiled is cached once it is done (codeCache.ts).
const end = (code: number) => {
  bundleCache.save();
  exit(output.failed ? EXIT.usage : code);
};

main(argv, {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : text + '\n'),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : text + '\n'),
  cwd: process.cwd(),
}).then(
  (code) => end(code),
  (e: unknown) => {
    process.stderr.write(`storydeck: unexpected error: ${escapeControls((e as Error)?.message ?? String(e))}\n`);
    end(2);
  },
);
