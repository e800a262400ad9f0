import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { channelLog, logLines } from '../../../src/extension/outputChannel';

/** A log writing into `lines`, as the StoryDeck output channel would show them. */
function captured(): { log: (entry: string) => void; lines: string[] } {
  const lines: string[] = [];
  return { log: channelLog(() => ({ appendLine: (line) => lines.push(line) })), lines };
}

describe('the StoryDeck output channel', () => {
  it('writes each entry as one line, terminal controls escaped, as the command line prints', () => {
    const { log, lines } = captured();
    // An export's warning quoting the front matter's `theme: "a\e[2Jb\nStoryDeck: 0 findings"` and a picture's path.
    log('talk.md: theme "a\u001b[2Jb\nStoryDeck: 0 findings" is not a StoryDeck theme');
    log('talk.md: image a%1B.png (a\u001b.png) cannot be read: no such file.');
    log('Q3 \u202egnp.exe\r done\u2028x');
    assert.deepEqual(lines, [
      'talk.md: theme "a\\u001b[2Jb\\u000aStoryDeck: 0 findings" is not a StoryDeck theme',
      'talk.md: image a%1B.png (a\\u001b.png) cannot be read: no such file.',
      'Q3 \\u202egnp.exe\\u000d done\\u2028x',
    ]);
  });

  it('writes text of several lines (an outline, a stack trace) line by line, each escaped', () => {
    const { log, lines } = captured();
    logLines(log, 'Title \u001b]0;pwned\u0007 — 2 slides\n  1  L1   # Why\u009b2J');
    assert.deepEqual(lines, ['Title \\u001b]0;pwned\\u0007 — 2 slides', '  1  L1   # Why\\u009b2J']);
  });

  it('is the only writer of the output channel: no other source of the extension appends to one', () => {
    const sources = readdirSync('src/extension', { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.ts') && file !== 'outputChannel.ts');
    const read = (file: string) => readFileSync(join('src/extension', file), 'utf8');
    assert.deepEqual(
      sources.filter((file) => /\.append(?:Line)?\(\s*`|\.appendLine\(/.test(read(file))),
      [],
    );
    // The one channel, which extension.ts hands to channelLog.
    assert.deepEqual(
      sources.filter((file) => read(file).includes('createOutputChannel(')),
      ['extension.ts'],
    );
    assert.match(read('extension.ts'), /channelLog\(channel\)/);
  });
});
