// What the exported page adds around the player for an audience: a thin progress bar, the keys on `?`,
// click, tap and swipe to move, and the presenter view in a second window kept in step with this one.
// The preview in VS Code has none of these (a click there selects, a double-click reveals the line).
import type { Player } from './player';

/** A thin bar along the bottom of the page, as long as the talk is far along; put into `root` when first set (the player fills `root` first). */
export function progressBar(root: HTMLElement): (index: number, count: number) => void {
  const bar = document.createElement('div');
  bar.className = 'sd-progress';
  bar.setAttribute('aria-hidden', 'true');
  return (index, count) => {
    if (!bar.isConnected) root.append(bar);
    bar.style.setProperty('--sd-progress', String(count > 1 ? index / (count - 1) : 1));
  };
}

const KEYS: ReadonlyArray<[string, string]> = [
  ['→  Space  PageDown  click, tap, swipe left', 'next slide'],
  ['←  PageUp  swipe right', 'previous slide'],
  ['Home  End', 'first, last slide'],
  ['a number, then Enter', 'go to that slide'],
  ['o', 'overview of every slide'],
  ['p', 'presenter view in a second window (notes, next slide, timer)'],
  ['t  r', 'presenter view: pause or resume the timer, reset it'],
  ['f', 'full screen'],
  ['?', 'show or hide these keys'],
];

/** The keys, shown over the slide by `?` and hidden by `?` or Escape; returns the toggle. */
export function keysHelp(root: HTMLElement): { toggle(): void; hide(): boolean } {
  const help = document.createElement('div');
  help.className = 'sd-help';
  help.hidden = true;
  help.setAttribute('role', 'dialog');
  help.setAttribute('aria-label', 'Keys');
  const list = document.createElement('dl');
  for (const [keys, what] of KEYS) {
    const term = document.createElement('dt');
    term.textContent = keys;
    const description = document.createElement('dd');
    description.textContent = what;
    list.append(term, description);
  }
  help.append(list);
  help.addEventListener('click', (event) => {
    event.stopPropagation();
    help.hidden = true;
  });
  root.append(help);
  return {
    toggle: () => (help.hidden = !help.hidden),
    hide: () => {
      const shown = !help.hidden;
      help.hidden = true;
      return shown;
    },
  };
}

/** A swipe is a mostly horizontal move of at least this many CSS pixels. */
const SWIPE_PX = 40;

/**
 * Click or tap the right two thirds of the slide for the next one, the left third for the previous;
 * swipe left for the next, right for the previous. Only in the one-slide view, and never on a link.
 */
export function pointerNavigation(root: HTMLElement, player: Player): void {
  const active = (target: EventTarget | null) => player.mode === 'slide' && !(target instanceof Element && target.closest('a, button, .sd-help'));
  // Capturing: decided before a click in the overview switches back to the one-slide view.
  root.addEventListener(
    'click',
    (event) => {
      if (!active(event.target)) return;
      player.show(player.index + (event.clientX < window.innerWidth / 3 ? -1 : 1));
    },
    true,
  );
  let start: { x: number; y: number } | undefined;
  root.addEventListener(
    'touchstart',
    (event) => {
      const touch = event.touches[0];
      start = event.touches.length === 1 && touch ? { x: touch.clientX, y: touch.clientY } : undefined;
    },
    { passive: true },
  );
  root.addEventListener('touchend', (event) => {
    const touch = event.changedTouches[0];
    if (!start || !touch || !active(event.target)) return;
    const dx = touch.clientX - start.x;
    const dy = touch.clientY - start.y;
    start = undefined;
    if (Math.abs(dx) < SWIPE_PX || Math.abs(dx) < Math.abs(dy)) return; // a tap (the click that follows moves) or a scroll
    event.preventDefault(); // no click after a swipe
    player.show(player.index + (dx < 0 ? 1 : -1));
  });
}

/** What the two windows of one talk tell each other over their channel: the slide on show (0-based). */
interface SyncMessage {
  storydeck: 'show';
  index: number;
}

const isSync = (data: unknown): data is SyncMessage => typeof data === 'object' && data !== null && (data as SyncMessage).storydeck === 'show' && Number.isInteger((data as SyncMessage).index);

/** The presenter view asks the window that opened it for the channel; the answer carries the channel's port. */
const READY = 'storydeck-ready';
const PAIR = 'storydeck-pair';

/** The query that opens the page as the presenter view of the window that opened it. */
export const PRESENTER_QUERY = 'presenter';

/**
 * Keeps this window and the other one of the talk (the presenter view it opened, or the audience window
 * that opened it) on the same slide: each tells the other the slide it moved to (no network, no shared storage;
 * works from a file: page). Returns `send`, for the player's `onShow`, and `open`, which opens the presenter window
 * (false when the browser refuses).
 *
 * The slides go over a `MessageChannel`, never to a window: a window can be navigated to another page (a link
 * followed in it), and a message posted to it afterwards would reach that page — from a file: page, whose origin
 * is opaque, a message can only be addressed to `'*'`. A port reaches only the document it was handed to and dies
 * with it. The presenter view (`presenter`: `?presenter`, the only page that takes the window that opened it as its
 * partner) says it is ready to the window that opened it; that window, if it is the audience window that opened
 * this very presenter window and has not paired it yet, hands it the channel's port, once per `open`. Over
 * http(s) both messages go to and come from the page's own origin only, so another site that opens the page
 * neither pairs with it nor learns where the talk is; from a file: page they must come from an opaque origin
 * (`'null'` or `'file://'`); a web site's page is `'null'` only when sandboxed, and even then gets no port once the
 * presenter window it replaced was paired.
 */
export function windowSync(player: () => Player, presenter: boolean): { send(index: number): void; open(): boolean } {
  const web = /^https?:$/.test(location.protocol);
  const target = web ? location.origin : '*';
  // A file: page's origin is opaque: browsers report it as 'null' (Chromium) or 'file://' (some Firefox versions).
  const ownOrigin = (origin: string) => (web ? origin === location.origin : origin === 'null' || origin === 'file://');
  let port: MessagePort | undefined;
  let last: number | undefined;
  /** The presenter window this page opened and has not handed a port to yet. */
  let unpaired: Window | null = null;
  const listen = (channel: MessagePort) => {
    port?.close();
    port = channel;
    last = undefined;
    channel.onmessage = (event: MessageEvent<unknown>) => {
      if (!isSync(event.data)) return;
      last = event.data.index;
      player().show(event.data.index);
    };
  };
  const opener = presenter ? (window.opener as Window | null) : null;
  window.addEventListener('message', (event) => {
    if (!event.source || !ownOrigin(event.origin) || typeof event.data !== 'object' || event.data === null) return;
    const kind = (event.data as { storydeck?: unknown }).storydeck;
    if (kind === READY && unpaired && event.source === unpaired) {
      unpaired = null;
      const channel = new MessageChannel();
      listen(channel.port1);
      (event.source as Window).postMessage({ storydeck: PAIR }, target, [channel.port2]);
      send(player().index);
    } else if (kind === PAIR && opener && event.source === opener && !port && event.ports[0]) {
      listen(event.ports[0]);
    }
  });
  const send = (index: number) => {
    if (!port || index === last) return;
    last = index;
    port.postMessage({ storydeck: 'show', index } satisfies SyncMessage);
  };
  if (opener) opener.postMessage({ storydeck: READY }, target);
  return {
    send,
    open: () => {
      const url = new URL(location.href);
      url.search = `?${PRESENTER_QUERY}`;
      url.hash = `#${player().index + 1}`;
      const opened = window.open(url.href, 'storydeck-presenter', 'popup,width=1200,height=760');
      if (!opened) return false;
      unpaired = opened;
      return true;
    },
  };
}
