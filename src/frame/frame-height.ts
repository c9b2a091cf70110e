/**
 * Framed views tell the page that frames them how tall they are, so the
 * iframe fits its content: no inner scrollbar when results open, no empty
 * space when they close. One module for every framed view (the embed page
 * today; any other view made to be framed, an LTI tool's included, calls
 * `reportFrameHeight()` once from its script).
 *
 * A ResizeObserver watches the document's root element (its height is its
 * content's, not the frame's, so it can shrink as well as grow); each change
 * of the height in whole pixels posts Canvas's and report-edge's messages
 * (./resize-message.ts) to the parent window, and nothing is posted while
 * the height stays the same. No loop: the frame's new height changes the
 * viewport, not the content, so it causes no further change. The height is
 * no secret, so the messages go to any parent (`'*'`): the host page checks
 * where they come from.
 *
 * @example
 * import { reportFrameHeight } from '../frame/frame-height';
 * reportFrameHeight(); // does nothing when the page is not framed
 */
import { canvasResize, reportEdgeResize } from './resize-message';

/**
 * Starts reporting this document's height to its parent window; returns a
 * function that stops. Does nothing (and returns a no-op) outside a frame
 * or without ResizeObserver.
 */
export function reportFrameHeight(view: Window = window): () => void {
  if (view.parent === view || typeof ResizeObserver === 'undefined') return () => {};
  const root = view.document.documentElement;
  let posted = -1;
  const observer = new ResizeObserver(() => {
    const height = Math.ceil(root.getBoundingClientRect().height);
    if (height === posted) return;
    posted = height;
    view.parent.postMessage(canvasResize(height), '*');
    view.parent.postMessage(reportEdgeResize(height), '*');
  });
  observer.observe(root);
  return () => observer.disconnect();
}
