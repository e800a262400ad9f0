// The preview webview: shows the deck the host embedded in the page, takes the host's updates (only the
// slides that changed), the editor's cursor and the linter's findings, and tells the host which slide
// is on show, which line to reveal and which link the reader clicked. Links never navigate the webview.
import { Badges } from './badges';
import { Player } from './player/player';
import './player/player.css';
import './player/marp.css';
import type { HostToWebview, PreviewStartup, PreviewState, RenderedDeck, SlideOverflow, WebviewToHost } from '../shared/protocol';
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
// `StoryDeck: Present`'s two pages: the audience's shows the slide and nothing else (no badges, notes
// or other views); the presenter's is the presenter view, which drives it through the host.
const role = startup.present;
const player = new Player(root, deck, {
  start: saved?.page === startup.page ? saved.current : startup.start,
  onShow: (index) => {
    save(index);
    post({ type: 'shown', index });
  },
  onSlide: showRawHtml,
  fullScreen: () => post({ type: 'fullScreen' }),
  ...(role === 'audience' ? { views: ['slide'] as const } : {}),
  ...(role === 'presenter'
    ? { views: ['presenter'] as const, actions: [{ label: 'New window', title: 'Move the presenter view into a window of its own, for another screen', run: () => post({ type: 'newWindow' }) }] }
    : {}),
});
if (role === 'presenter') player.setMode('presenter');
// Lint badges never show while presenting.
const badges = role ? undefined : new Badges(root, player, (line) => post({ type: 'reveal', line }));
badges?.set(startup.findings);
badges?.render(deck);

// What does not fit, slide by slide (0-based index → its overflow): measured for the slides that change,
// again when a picture in one loads or the fonts are in, and sent to the host whenever it changes.
const overflow = new Map<number, SlideOverflow>();
let sentOverflow = '[]'; // the host assumes every slide fits until told otherwise
function measure(indices: readonly number[]): void {
  for (const i of indices) overflow.delete(i);
  for (const found of player.overflow(indices)) overflow.set(found.slide - 1, found);
  const all = [...overflow.entries()].sort(([a], [b]) => a - b).map(([, found]) => found);
  const text = JSON.stringify(all);
  if (text === sentOverflow) return;
  sentOverflow = text;
  post({ type: 'overflow', overflow: all });
}
function measureWhenLoaded(indices: readonly number[]): void {
  measure(indices);
  for (const i of indices)
    for (const image of player.frameAt(i)?.querySelectorAll('img') ?? [])
      if (!image.complete) image.addEventListener('load', () => measure(player.frameAt(i)?.contains(image) ? [i] : []), { once: true });
}
const everySlide = () => deck.slides.map((_, i) => i);
if (!role) {
  measureWhenLoaded(everySlide());
  void document.fonts.ready.then(() => measure(everySlide()));
}

window.addEventListener('message', (event: MessageEvent<HostToWebview>) => {
  const message = event.data;
  switch (message?.type) {
    case 'update': {
      const { slideCount, ...summary } = message.deck;
      const slides = deck.slides.slice(0, slideCount);
      for (const { index, slide } of message.slides) slides[index] = slide;
      deck = { ...summary, slides };
      const changed = message.slides.map(({ index }) => index);
      player.update(deck, changed);
      badges?.render(deck);
      if (role) break;
      for (const i of overflow.keys()) if (i >= slideCount) overflow.delete(i);
      measureWhenLoaded(changed);
      break;
    }
    case 'theme':
      theme.href = message.href;
      // The new style sheet lays every slide out anew once it has loaded.
      if (!role) theme.addEventListener('load', () => measure(everySlide()), { once: true });
      break;
    case 'show':
      player.show(message.index);
      break;
    case 'findings':
      badges?.set(message.findings);
      badges?.render(deck);
      break;
    case 'locked':
      locked = message.locked;
      save(player.index);
      break;
  }
});

window.addEventListener('keydown', (event) => {
  if (player.handleKey(event)) event.preventDefault();
});

// Double-click a slide: the editor shows its first line (not while presenting).
root.addEventListener('dblclick', (event) => {
  if (role) return;
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
// VS Code's own guess in a browser (detectFullscreen): a window as large as the screen is full screen already.
if (role === 'audience') post({ type: 'presenting', fullScreen: window.outerWidth >= screen.width && window.outerHeight >= screen.height });
