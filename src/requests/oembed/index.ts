/**
 * oEmbed (https://oembed.com, the spec's sections named below): what this
 * site answers for one of its page URLs, so that WordPress, Moodle and other
 * consumers turn a pasted link into the report's search; and the discovery
 * link the pages carry in their head (§4).
 *
 * Every report, section, report search and embed URL becomes a `rich` answer
 * (§2.3.4.4) whose `html` is the iframe of the report's embed page
 * (../embed-frame.ts). The library search has no embeddable view (the embed
 * page searches one report), so its URL gets a `link` answer (§2.3.4.3): a
 * title the consumer links with. Anything else, another origin's URL
 * included, is the spec's 404 (§2.3.5). The protocol's words (version,
 * formats, limits, answer types) are in ./protocol.ts, which the API's
 * schemas import without the look-ups.
 */
import { VENDOR_NAME } from '../../core/reference-managers';
import type { Report } from '../../core/types';
import { ProblemError, echoed, type Problem } from '../../problem';
import { embedFrameHtml, embedFrameTitle, fitEmbedFrame, MIN_EMBED_FRAME_HEIGHT, MIN_EMBED_FRAME_WIDTH } from '../embed-frame';
import type { Linker } from '../links';
import { requireReport, requireSection } from '../lookups';
import { readPageUrl, type PageTarget } from '../page-urls';
import { QueryText } from '../parameters';
import { apiPaths, pagePaths } from '../paths';
import { OEMBED_JSON_TYPE, OEMBED_VERSION, type OEmbed, type OEmbedRequest } from './protocol';

export * from './protocol';

/** §2.3.5's 404: the provider has no answer for this URL; `detail` says why. */
function notEmbeddable(url: string, why: string): ProblemError {
  const problem: Problem = { status: 404, kind: 'not-embeddable', title: 'Nothing to embed at this URL', detail: `${echoed(url)}: ${why}` };
  return new ProblemError(problem);
}

/**
 * The oEmbed answer for a page URL of this site. `link` builds URLs on this
 * deployment's origin (src/public-origin.ts): a URL on any other origin has no
 * answer. Fails with a 404 problem for a URL that is not an embeddable page,
 * an unknown report or section, a search page that would refuse its query,
 * or maxima smaller than the search needs.
 * @example await oembedFor({ url: 'https://host/reports/r/sections/5', maxwidth: 500 }, linkerFor('https://host/api/oembed'), 3600)
 * // { type: 'rich', version: '1.0', title: 'Introduction — R', html: '<iframe src="https://host/embed/r" …>', width: 500, height: 420, … }
 */
export async function oembedFor(request: OEmbedRequest, link: Linker, cacheAge: number): Promise<OEmbed> {
  const url = new URL(request.url);
  const origin = link('');
  if (url.origin !== origin) throw notEmbeddable(request.url, `only pages of ${origin} are embedded here.`);
  const target = readPageUrl(url);
  if (target === null) {
    throw notEmbeddable(request.url, 'not a page that can be embedded: use a report (/reports/{report}), a section (/reports/{report}/sections/{n}), a search (/reports/{report}/search?q=…, /search?q=…) or /embed/{report}.');
  }
  const common = { version: OEMBED_VERSION, provider_name: VENDOR_NAME, provider_url: link(pagePaths.home()), cache_age: cacheAge } as const;
  if (target.kind === 'library-search') return { type: 'link', ...common, title: `“${searchQuery(request.url, target.query)}” in all reports` };

  const { report } = await requireReport(target.report);
  const title = targetTitle(request.url, target, report);
  const size = fitEmbedFrame(request);
  if (size === null) {
    throw notEmbeddable(request.url, `the search needs at least ${MIN_EMBED_FRAME_WIDTH} × ${MIN_EMBED_FRAME_HEIGHT} pixels; maxwidth and maxheight allow less.`);
  }
  const frame = { src: embedSrc(link, target), title: embedFrameTitle(report.title), height: size.height, maxWidth: request.maxwidth === undefined ? undefined : size.width };
  return { type: 'rich', ...common, title, html: embedFrameHtml(frame), width: size.width, height: size.height };
}

/**
 * The page the frame shows for a target: its report's embed page. That page
 * reads no query parameter (src/pages/embed-page.tsx), so a search URL's
 * query or a section cannot be carried into it; when it reads one, this is
 * the one place that passes it along from the target.
 */
function embedSrc(link: Linker, target: Exclude<PageTarget, { kind: 'library-search' }>): string {
  return link(pagePaths.embed(target.report));
}

/** What the URL shows, as its page's own `<title>` says it. */
function targetTitle(url: string, target: Exclude<PageTarget, { kind: 'library-search' }>, report: Report): string {
  switch (target.kind) {
    case 'report':
      return report.title;
    case 'section': {
      const section = requireSection(report, target.section);
      return `${section.title ?? section.label} — ${report.title}`;
    }
    case 'search':
      return `“${searchQuery(url, target.query)}” in ${report.title}`;
    case 'embed':
      return embedFrameTitle(report.title);
  }
}

/** A search URL's query, by the search page's own rule: a query the page would refuse has nothing to embed. */
function searchQuery(url: string, query: string | null): string {
  const parsed = QueryText.safeParse(query ?? '');
  if (parsed.success) return parsed.data;
  throw notEmbeddable(url, `its search page refuses this query (${parsed.error.issues.map((issue) => issue.message).join('; ')}).`);
}

/**
 * The discovery link of §4 for a page: `<link rel="alternate">` pointing at
 * the JSON answer for the page's canonical URL (the spec allows only `url`
 * and `format` in it), in the shape the layout's `alternates` take.
 * @example oembedDiscovery(link, 'https://host/reports/r', 'R')
 * // { type: 'application/json+oembed', href: 'https://host/api/oembed?url=https%3A%2F%2Fhost%2Freports%2Fr&format=json', title: 'R (oEmbed)' }
 */
export function oembedDiscovery(link: Linker, pageUrl: string, title: string): { type: string; href: string; title: string } {
  return { type: OEMBED_JSON_TYPE, href: `${link(apiPaths.oembed())}?${new URLSearchParams({ url: pageUrl, format: 'json' })}`, title: `${title} (oEmbed)` };
}
