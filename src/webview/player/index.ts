// The player of an exported HTML file: reads the deck embedded as JSON, shows the slide named in the
// URL fragment (#3), keeps the fragment in step, and takes keyboard navigation (`f`: full screen).
import type { RenderedDeck } from '../../core/render/types';
import { Player } from './player';
import './player.css';
import './marp.css';

const data = document.getElementById('storydeck-deck');
const root = document.getElementById('storydeck');
if (data && root) {
  const deck = JSON.parse(data.textContent ?? '') as RenderedDeck;
  const player = new Player(root, deck, {
    start: Number(/^#(\d+)$/.exec(location.hash)?.[1] ?? 1) - 1,
    onShow: (index) => location.replace(`#${index + 1}`),
    fullScreen: () => {
      const request = document.fullscreenElement ? document.exitFullscreen() : document.documentElement.requestFullscreen();
      request.catch(() => undefined); // refused (no user gesture, or not allowed in a frame): the page stays as it is
    },
  });
  window.addEventListener('keydown', (event) => {
    if (player.handleKey(event)) event.preventDefault();
  });
}
