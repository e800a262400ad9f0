// The player of an exported HTML file: reads the deck embedded as JSON, shows the slide named in the
// URL fragment (#3), keeps the fragment in step, and takes keys (`?` lists them), clicks, taps and swipes.
// `p` opens the presenter view in a second window (the same file with `?presenter`), kept on the same
// slide as this one (controls.ts). Once the page has loaded it measures which slides do not fit and
// writes that on the root element (`data-overflow`, see formatOverflow), where the PDF export reads it
// back from the printing browser.
import { formatOverflow } from '../../core/lint/layout';
import type { RenderedDeck } from '../../core/render/types';
import { keysHelp, pointerNavigation, progressBar, PRESENTER_QUERY, windowSync } from './controls';
import { Player } from './player';
import './player.css';
import './marp.css';

const data = document.getElementById('storydeck-deck');
const root = document.getElementById('storydeck');
if (data && root) {
  const deck = JSON.parse(data.textContent ?? '') as RenderedDeck;
  const presenter = new URLSearchParams(location.search).has(PRESENTER_QUERY);
  // The windows' messages come only after the player is built: `player` is set by then.
  const sync = windowSync(() => player, presenter);
  const progress = progressBar(root);
  const player: Player = new Player(root, deck, {
    start: Number(/^#(\d+)$/.exec(location.hash)?.[1] ?? 1) - 1,
    onShow: (index) => {
      location.replace(`#${index + 1}`);
      progress(index, deck.slides.length);
      sync.send(index);
    },
    fullScreen: () => {
      const request = document.fullscreenElement ? document.exitFullscreen() : document.documentElement.requestFullscreen();
      request.catch(() => undefined); // refused (no user gesture, or not allowed in a frame): the page stays as it is
    },
    // The presenter window itself switches between its views with `p`.
    openPresenter: presenter ? undefined : () => sync.open(),
  });
  progress(player.index, deck.slides.length); // the player filled the root: the bar goes in now
  if (presenter) {
    player.setMode('presenter');
    document.title = `Presenter · ${document.title}`;
  }
  const help = keysHelp(root);
  window.addEventListener('keydown', (event) => {
    if (event.key === '?' && !event.ctrlKey && !event.metaKey && !event.altKey) help.toggle();
    else if (!(event.key === 'Escape' && help.hide()) && !player.handleKey(event)) return;
    event.preventDefault();
  });
  pointerNavigation(root, player);
  // After `load`: pictures (data: URIs) have their size by then.
  const measure = () => (root.dataset.overflow = formatOverflow(player.overflow()));
  if (document.readyState === 'complete') measure();
  else window.addEventListener('load', measure, { once: true });
}
