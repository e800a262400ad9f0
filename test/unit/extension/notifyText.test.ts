import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { noLinks } from '../../../src/extension/notifyText';

describe('notification messages', () => {
  it('carry no link a click would follow, and no line break or terminal control from the workspace', () => {
    const file = '[Fix the deck](command:workbench.action.terminal.sendSequence?%7B%22text%22%3A%22curl%22%7D).md';
    assert.equal(noLinks(`StoryDeck: ${file}: not ready yet`), 'StoryDeck: [Fix the deck] (command:workbench.action.terminal.sendSequence?%7B%22text%22%3A%22curl%22%7D).md: not ready yet');
    assert.equal(noLinks('theme [a](https://x.example) and [b](file:///etc/passwd)'), 'theme [a] (https://x.example) and [b] (file:///etc/passwd)');
    assert.equal(noLinks('Open https://x.example/\u202egnp.exe?\nStoryDeck: safe'), 'Open https://x.example/\\u202egnp.exe?\\u000aStoryDeck: safe');
    assert.equal(noLinks('StoryDeck: nothing to fix automatically.'), 'StoryDeck: nothing to fix automatically.');
  });

  it('are built with noLinks wherever they hold more than a fixed text: every show…Message call and notification progress of the extension', () => {
    const sources = readdirSync('src/extension', { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.ts'));
    const unguarded: string[] = [];
    for (const file of sources) {
      const text = readFileSync(join('src/extension', file), 'utf8');
      // A notification's message, or the title of a progress shown as one.
      for (const call of text.matchAll(/(?:show(?:Information|Warning|Error)Message\(|ProgressLocation\.Notification,\s*title:)\s*([^,)]*)/g)) {
        const first = call[1].trim();
        // A fixed message (a '…' string cannot interpolate) or one built by noLinks.
        if (!/^noLinks\(/.test(first) && !first.startsWith("'")) unguarded.push(`${file}: ${first}`);
      }
    }
    assert.deepEqual(unguarded, []);
  });
});
