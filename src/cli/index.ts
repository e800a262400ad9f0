import './v8Flags';
import { escapeControls } from './io';
import { main } from './main';

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
