/** Messages between the extension host and the preview webview (both sides import these types). */
export interface RenderedSlide {
  index: number;
  line: number;
  html: string;
}

export type HostToWebview = { type: 'slides'; slides: RenderedSlide[]; version: number };

export type WebviewToHost = { type: 'ready' } | { type: 'reveal'; line: number };
