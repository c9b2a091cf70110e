/**
 * What a resource-link launch shows: the page its `target_link_uri` names,
 * rendered by the site's own handlers and answered from /lti/launch itself.
 *
 * Why not a 303 to that URL: the site's pages refuse to be framed by any
 * other site (`frame-ancestors 'none'`, against clickjacking), and the LMS
 * shows the tool in its frame, so a redirect would show a refused frame.
 * The launch's answer carries the LTI views' headers instead (framable),
 * opens the page's own links in a new tab (`<base target="_blank">`, as
 * those pages cannot be framed), carries the frame scripts, and keeps a
 * printed page's anchor (`#p-11`) for the frame script to scroll to.
 */
import { FRAME_SCRIPTS } from './views';
import { refusal } from './refusal';

/** Renders a URL of this deployment as a browser would get it (the app's own fetch). */
export type ShowPage = (request: Request) => Promise<Response>;

/**
 * The framed answer for a launch whose target is `url`.
 * @example return framedTarget(show, new URL('https://reports.example.org/reports/r/sections/7#p-11'))
 */
export async function framedTarget(show: ShowPage, url: URL): Promise<Response> {
  const page = await show(new Request(url.href.replace(/#.*$/, ''), { headers: { Accept: 'text/html' } }));
  if (page.status >= 300 && page.status < 400) {
    throw refusal(404, 'lti-bad-target', 'The link points nowhere', `${url.pathname.slice(0, 200)} answers a redirect, not a page.`);
  }
  const type = page.headers.get('Content-Type') ?? 'text/plain; charset=utf-8';
  const fragment = url.hash.slice(1);
  let answer = new Response(page.body, { status: page.status, headers: { 'Content-Type': type, 'Cache-Control': 'no-store' } });
  if (type.startsWith('text/html')) {
    answer = new HTMLRewriter()
      .on('html', { element: (html) => void (fragment && html.setAttribute('data-lti-fragment', fragment)) })
      .on('head', {
        element: (head) => {
          head.prepend('<base target="_blank">', { html: true });
          for (const src of FRAME_SCRIPTS) head.append(`<script src="${src}" defer></script>`, { html: true });
        },
      })
      .transform(answer);
  }
  return answer;
}
