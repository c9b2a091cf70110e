/**
 * Reading a page URL back: which report, section, search or embed a URL of
 * this site shows. The inverse of `pagePaths` (./paths.ts), for answers that
 * take a URL as input (oEmbed's `url=`) and must say what it points to
 * without fetching it. Pure: it reads the path and query only; whether the
 * URL is on this deployment's origin, and whether the report exists, is the
 * caller's to check.
 */
import { MAX_REPORT_ID_LENGTH, SECTION_NUMBER } from './parameters';

/** What a page URL shows. Report ids are decoded; the query is as written (the caller validates it). */
export type PageTarget =
  | { kind: 'report'; report: string }
  /** A section page; `page` is the printed page its fragment points to (`#p-11`), if any. */
  | { kind: 'section'; report: string; section: number; page: string | null }
  | { kind: 'search'; report: string; query: string | null }
  | { kind: 'library-search'; query: string | null }
  | { kind: 'embed'; report: string };

/** The fragment of a printed page's marker (`pageAnchor` in ./paths.ts), read back. */
const PAGE_FRAGMENT = /^#p-([0-9A-Za-z]{1,20})$/;
const SECTION = new RegExp(`^${SECTION_NUMBER}$`);

/** A path segment decoded as Hono decodes route parameters, or null when it is not valid percent-encoding. */
function segment(text: string): string | null {
  try {
    const decoded = decodeURIComponent(text);
    return decoded.length >= 1 && decoded.length <= MAX_REPORT_ID_LENGTH ? decoded : null;
  } catch {
    return null;
  }
}

/**
 * The page a URL's path shows, or null when the path is not one of the pages
 * (an API URL, an asset, a form's redirect, a trailing slash the router does
 * not serve either).
 * @example readPageUrl(new URL('https://host/reports/r/sections/7#p-11')) // { kind: 'section', report: 'r', section: 7, page: '11' }
 * @example readPageUrl(new URL('https://host/search?q=planning')) // { kind: 'library-search', query: 'planning' }
 * @example readPageUrl(new URL('https://host/api/reports/r')) // null
 */
export function readPageUrl(url: URL): PageTarget | null {
  const parts = url.pathname.split('/').slice(1);
  const query = url.searchParams.get('q');
  if (parts.length === 1 && parts[0] === 'search') return { kind: 'library-search', query };
  if (parts.length === 2 && parts[0] === 'embed') {
    const report = segment(parts[1]);
    return report === null ? null : { kind: 'embed', report };
  }
  if (parts[0] !== 'reports' || parts.length < 2) return null;
  const report = segment(parts[1]);
  if (report === null) return null;
  if (parts.length === 2) return { kind: 'report', report };
  if (parts.length === 3 && parts[2] === 'search') return { kind: 'search', report, query };
  if (parts.length === 4 && parts[2] === 'sections' && SECTION.test(parts[3])) {
    const page = PAGE_FRAGMENT.exec(url.hash)?.[1] ?? null;
    return { kind: 'section', report, section: Number(parts[3]), page };
  }
  return null;
}
