/**
 * What an LTI link may point to: a URL of this deployment that shows
 * something of the library (the home page, a search, a report, a section,
 * a printed page of it, the embeddable search, a formatted citation). The
 * launch refuses any other `target_link_uri` (LTI Core §5.3.4: the tool
 * must not become an open redirector, OpenID Connect Core §4).
 */
import { MAX_URL_LENGTH } from './limits';

/** The paths a link may open, by what they show (as in src/requests/paths.ts). */
const TARGET_PATHS: ReadonlyArray<[RegExp, string]> = [
  [/^\/$/, 'the reports'],
  [/^\/search$/, 'a search of the library'],
  [/^\/reports\/[a-z0-9-]+$/, 'a report'],
  [/^\/reports\/[a-z0-9-]+\/sections\/[1-9][0-9]{0,4}$/, 'a section (or a printed page of it)'],
  [/^\/reports\/[a-z0-9-]+\/search$/, 'a search of a report'],
  [/^\/embed\/[a-z0-9-]+$/, 'the search box of a report'],
  [/^\/api\/reports\/[a-z0-9-]+(\/sections\/[1-9][0-9]{0,4})?\/cite$/, 'a citation'],
];

export type TargetResult = { ok: true; url: URL; shows: string } | { ok: false; reason: string };

/**
 * Whether `target` is a URL of this deployment (on `origin`) that a link may open.
 * @example linkTarget('https://reports.example.org/reports/r/sections/7#p-11', 'https://reports.example.org') // { ok: true, shows: 'a section (or a printed page of it)', … }
 * @example linkTarget('https://evil.example/', 'https://reports.example.org') // { ok: false, reason: '…' }
 */
export function linkTarget(target: unknown, origin: string): TargetResult {
  if (typeof target !== 'string' || target === '') return { ok: false, reason: 'the launch names no target_link_uri' };
  if (target.length > MAX_URL_LENGTH || !URL.canParse(target)) return { ok: false, reason: 'its target_link_uri is not a URL' };
  const url = new URL(target);
  if (url.origin !== origin) return { ok: false, reason: `its target_link_uri ${url.origin} is not this deployment (${origin})` };
  const match = TARGET_PATHS.find(([pattern]) => pattern.test(url.pathname));
  if (!match) return { ok: false, reason: `its target_link_uri ${url.pathname.slice(0, 200)} is not a report, a section, a printed page, a search, the search box or a citation of this deployment` };
  return { ok: true, url, shows: match[1] };
}
