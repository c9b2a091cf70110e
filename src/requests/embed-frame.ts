/**
 * The iframe that puts a report's search (/embed/{report}) in another site,
 * written once: the report page's "Copy the iframe snippet", oEmbed's `html`
 * and the README's snippet are this markup. Its size, and how a size asked
 * for by an oEmbed consumer is met, are decided here too.
 */
import { html } from 'hono/html';

/**
 * The frame's size when nothing else is asked. 420 px holds the search box
 * and five results (the widget's default count) without a scroll bar;
 * 640 px is the width oEmbed answers announce, as the frame itself takes
 * the width of whatever holds it (`width="100%"`).
 */
export const EMBED_FRAME_HEIGHT = 420;
export const EMBED_FRAME_WIDTH = 640;

/**
 * The smallest frame the search is usable in: the box and about two
 * results (height), and the narrowest phone column less a margin (width).
 * A consumer allowing less gets no frame (oEmbed's 404) rather than one that
 * shows nothing.
 */
export const MIN_EMBED_FRAME_HEIGHT = 150;
export const MIN_EMBED_FRAME_WIDTH = 200;

/**
 * The frame's permissions: `clipboard-write` lets the Copy buttons inside it
 * write to the clipboard (Chromium refuses a cross-origin frame otherwise:
 * "Permissions policy violation: The Clipboard API has been blocked").
 */
export const EMBED_FRAME_ALLOW = 'clipboard-write';

export interface EmbedFrame {
  /** The embed page's absolute URL. */
  src: string;
  /** The frame's accessible name. */
  title: string;
  height?: number;
  /** A cap on the frame's width in pixels, where the consumer set one; without it the frame is as wide as its container. */
  maxWidth?: number;
}

/**
 * The iframe markup, every attribute value escaped.
 * @example embedFrameHtml({ src: 'https://host/embed/r', title: 'Search: R' })
 * // '<iframe src="https://host/embed/r" title="Search: R" width="100%" height="420" style="border:0" allow="clipboard-write" loading="lazy"></iframe>'
 */
export function embedFrameHtml(frame: EmbedFrame): string {
  const style = frame.maxWidth === undefined ? 'border:0' : `border:0;max-width:${frame.maxWidth}px`;
  const markup = html`<iframe src="${frame.src}" title="${frame.title}" width="100%" height="${frame.height ?? EMBED_FRAME_HEIGHT}" style="${style}" allow="${EMBED_FRAME_ALLOW}" loading="lazy"></iframe>`;
  // Only strings are interpolated, so hono renders synchronously; a promise would be a bug here.
  if (markup instanceof Promise) throw new Error('embedFrameHtml: the markup rendered asynchronously');
  return String(markup);
}

/**
 * The frame's accessible name: what it holds, the report's search.
 * @example embedFrameTitle('Driving the System Apart?') // 'Search: Driving the System Apart?'
 */
export function embedFrameTitle(reportTitle: string): string {
  return `Search: ${reportTitle}`;
}

/**
 * The frame's size within a consumer's `maxwidth` and `maxheight` (oEmbed
 * §2.2: a provider must respect them), or null when they leave less than the
 * search needs.
 * @example fitEmbedFrame({ maxwidth: 500 }) // { width: 500, height: 420 }
 * @example fitEmbedFrame({ maxheight: 100 }) // null
 */
export function fitEmbedFrame(max: { maxwidth?: number; maxheight?: number }): { width: number; height: number } | null {
  const width = Math.min(EMBED_FRAME_WIDTH, max.maxwidth ?? EMBED_FRAME_WIDTH);
  const height = Math.min(EMBED_FRAME_HEIGHT, max.maxheight ?? EMBED_FRAME_HEIGHT);
  return width < MIN_EMBED_FRAME_WIDTH || height < MIN_EMBED_FRAME_HEIGHT ? null : { width, height };
}
