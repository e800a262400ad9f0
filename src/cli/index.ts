import { setFlagsFromString } from 'node:v8';
import { escapeControls } from './io';
import { main } from './main';

// The story finders' large regular expressions run a few hundred times in a short process: compiled to
// machine code on first use, rather than interpreted first, the first lint of a run takes about a third
// of the CPU time (measured: `storydeck lint examples/town-hall.md` 0.32 s → 0.19 s user). Only this
// process: the VS Code extension host, shared with other extensions, keeps V8's defaults.
setFlagsFromString('--no-regexp-tier-up');

main(process.argv.slice(2), {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : text + '\n'),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : text + '\n'),
  cwd: process.cwd(),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`storydeck: unexpected error: ${escapeControls((e as Error)?.message ?? String(e))}\n`);
    process.exitCode = 2;
  },
);
