/**
 * The messages a framed report-edge view posts to the page that frames it
 * when its height changes, and how a host page reads them. Two, sent
 * together: Canvas's own (`lti.frameResize`, which Canvas applies to the
 * tool's iframe by itself; see Canvas's "Using window.postMessage in LTI
 * Tools") and report-edge's (`report-edge:resize`, which ./host-frames.ts,
 * served as /embed/frame.js, applies on any other site).
 *
 * @example
 * parent.postMessage(canvasResize(612), '*');   // { subject: 'lti.frameResize', height: 612 }
 * parent.postMessage(reportEdgeResize(612), '*'); // { type: 'report-edge:resize', height: 612 }
 */

/** The `type` of report-edge's own message. */
export const RESIZE_MESSAGE_TYPE = 'report-edge:resize';

/**
 * The tallest height a host page applies, in CSS pixels: far above any
 * framed view's (a search box with twenty results and a Cite menu open is
 * under 5,000), so a broken or hostile number cannot make a page miles long.
 */
export const MAX_FRAME_HEIGHT = 20_000;

/** report-edge's resize message: `{ type: 'report-edge:resize', height }`, height in whole CSS pixels. */
export function reportEdgeResize(height: number): { type: typeof RESIZE_MESSAGE_TYPE; height: number } {
  return { type: RESIZE_MESSAGE_TYPE, height };
}

/** Canvas's resize message for an LTI tool's iframe. */
export function canvasResize(height: number): { subject: 'lti.frameResize'; height: number } {
  return { subject: 'lti.frameResize', height };
}

/**
 * The height a resize message asks for, or null if `data` is not one or its
 * height is not a number within 0–MAX_FRAME_HEIGHT.
 * @example resizeHeight({ type: 'report-edge:resize', height: 612.4 }) // 613
 */
export function resizeHeight(data: unknown): number | null {
  if (data === null || typeof data !== 'object' || (data as { type?: unknown }).type !== RESIZE_MESSAGE_TYPE) return null;
  const height = (data as { height?: unknown }).height;
  return typeof height === 'number' && height >= 0 && height <= MAX_FRAME_HEIGHT ? Math.ceil(height) : null;
}
