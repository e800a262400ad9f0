// The preview webview: shows the deck the host embedded in the page, takes the host's updates (only the
// slides that changed), the editor's cursor and the linter's findings, and tells the host which slide
// is on show, which line to reveal and which link the reader clicked. Links never navigate the webview.
import { Badges } from './badges';
import { Player } from './player/player';
import './player/player.css';
import './player/marp.css';
import type { HostToWebview, PreviewStartup, PreviewState, RenderedDeck, WebviewToHost } from '../shared/protocol';
import { showRawHtml } from './rawHtml';
import './preview.css';

const vscode = acquireVsCodeApi<PreviewState>();
const post = (message: WebviewToHost) => vscode.postMessage(message);
const root = document.getElementById('storydeck') as HTMLElement;
const theme = document.getElementById('storydeck-theme') as HTMLLinkElement;
const startup = JSON.parse(root.dataset.state ?? '') as PreviewStartup;
delete root.dataset.state;
let deck: RenderedDeck = startup.deck;

// The same page loaded again (a hidden preview shown again) goes back to the slide it showed.
const saved = vscode.getState();
let locked = saved?.page === startup.page ? saved.locked : startup.locked;
const save = (current: number) => vscode.setState({ page: startup.page, uri: startup.uri, locked, current });
const player = new Player(root, deck, {
  start: saved?.page === startup.page ? saved.current : startup.start,
  onShow: (index) => {
    save(index);
    post({ type: 'shown', index });
  },
  onSlide: showRawHtml,
  fullScreen: () => post({ type: 'fullScreen' }),
});
const badges = new Badges(root, player, (line) => post({ type: 'reveal', line }));
badges.set(startup.findings);
badges.render(deck);

window.addEventListener('message', (event: MessageEvent<HostToWebview>) => {
  const message = event.data;
  switch (message?.type) {
    case 'update': {
      const { slideCount, ...summary } = message.deck;
      const slides = deck.slides.slice(0, slideCount);
      for (const { index, slide } of message.slides) slides[index] = slide;
      deck = { ...summary, slides };
      player.update(
        deck,
        message.slides.map(({ index }) => index),
      );
      badges.render(deck);
      break;
    }
    case 'theme':
      theme.href = message.href;
      break;
    case 'show':
      player.show(message.index);
      break;
    case 'findings':
      badges.set(message.findings);
      badges.render(deck);
      break;
    case 'locked':
      locked = message.locked;
      save(player.index);
      break;
    case 'present':
      player.setMode('presenter');
      // VS Code's own guess in a browser (detectFullscreen): a window as large as the screen is full screen already.
      post({ type: 'presenting', fullScreen: window.outerWidth >= screen.width && window.outerHeight >= screen.height });
      break;
  }
});

window.addEventListener('keydown', (event) => {
  if (player.handleKey(event)) event.preventDefault();
});

// Double-click a slide: the editor shows its first line.
root.addEventListener('dblclick', (event) => {
  const frame = (event.target as Element).closest('.sd-frame');
  const index = deck.slides.findIndex((_, i) => player.frameAt(i) === frame);
  if (index >= 0) post({ type: 'reveal', line: deck.slides[index].line });
});

// Links go to the host, which asks before opening anything. Capturing on the window, before anyone
// else, also keeps VS Code's own webview link handling from opening them unasked.
for (const type of ['click', 'auxclick'] as const) {
  window.addEventListener(
    type,
    (event) => {
      const link = (event.target as Element | null)?.closest?.('a[href]');
      if (!link) return;
      event.preventDefault();
      event.stopImmediatePropagation();
      post({ type: 'openLink', href: link.getAttribute('href') ?? '' });
    },
    true,
  );
}

post({ type: 'ready', page: startup.page });
