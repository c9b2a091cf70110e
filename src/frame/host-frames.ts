/**
 * /embed/frame.js: the optional script for a page that frames /embed/{report}
 * (or another report-edge view). It sets each such iframe's height to the one
 * its document reports (./frame-height.ts), so the frame fits its content.
 *
 * @example
 * <iframe src="https://HOST/embed/driving-the-system-apart" title="Search this report" width="100%" height="420" style="border:0"></iframe>
 * <script src="https://HOST/embed/frame.js" defer></script>
 *
 * It trusts a message only when it comes from the origin this script was
 * loaded from (`event.origin`), and applies it only to the iframe whose
 * window sent it (`event.source` is that iframe's `contentWindow`), so no
 * other frame or site can resize anything. Heights are bounded
 * (MAX_FRAME_HEIGHT). Canvas needs none of this: it applies the
 * `lti.frameResize` message the view sends too.
 */
import { resizeHeight } from './resize-message';

/** The origin whose frames may resize: where this script came from (read while it first runs). */
const FRAMED_ORIGIN = new URL((document.currentScript as HTMLScriptElement).src).origin;

addEventListener('message', (event) => {
  const height = event.origin === FRAMED_ORIGIN ? resizeHeight(event.data) : null;
  if (height === null) return;
  for (const frame of Array.from(document.getElementsByTagName('iframe'))) {
    if (frame.contentWindow === event.source) frame.style.height = `${height}px`;
  }
});
