import type { HostToWebview, RenderedSlide } from './protocol';

const vscode = acquireVsCodeApi<{ current: number }>();
const stage = document.getElementById('stage') as HTMLElement;
let slides: RenderedSlide[] = [];
let current = vscode.getState()?.current ?? 0;

function show(index: number): void {
  current = Math.max(0, Math.min(index, slides.length - 1));
  stage.innerHTML = slides[current]?.html ?? '';
  stage.dataset.index = String(current + 1);
  vscode.setState({ current });
}

window.addEventListener('message', (event: MessageEvent<HostToWebview>) => {
  if (event.data?.type === 'slides') {
    slides = event.data.slides;
    show(current);
  }
});

window.addEventListener('keydown', (event) => {
  if (event.key === 'ArrowRight' || event.key === ' ' || event.key === 'PageDown') show(current + 1);
  else if (event.key === 'ArrowLeft' || event.key === 'PageUp') show(current - 1);
  else if (event.key === 'Home') show(0);
  else if (event.key === 'End') show(slides.length - 1);
});

stage.addEventListener('dblclick', () => {
  const slide = slides[current];
  if (slide) vscode.postMessage({ type: 'reveal', line: slide.line });
});

vscode.postMessage({ type: 'ready' });
