/**
 * Every URL path report-edge serves, written once: the API's and the pages'.
 * Links, redirects and the widget build their URLs here.
 */

/**
 * The id of a printed page's marker on a section page: `#p-11`, `#p-iii`.
 * @example pageAnchor('11') // 'p-11'
 */
export function pageAnchor(label: string): string {
  return `p-${label}`;
}

/**
 * Stable URL paths of the API: printed in course pages and reference
 * managers, so they must never change. Relative to the API's base
 * (`API_BASE`) in `apiRoutes`, as the API sub-app registers them.
 */
export const API_BASE = '/api';
export const apiPaths = {
  reports: () => `${API_BASE}/reports`,
  report: (report: string) => `${API_BASE}/reports/${encodeURIComponent(report)}`,
  section: (report: string, n: number) => `${API_BASE}/reports/${encodeURIComponent(report)}/sections/${n}`,
  page: (report: string, page: string) => `${API_BASE}/reports/${encodeURIComponent(report)}/pages/${encodeURIComponent(page)}`,
  cite: (report: string) => `${API_BASE}/reports/${encodeURIComponent(report)}/cite`,
  citeSection: (report: string, n: number) => `${API_BASE}/reports/${encodeURIComponent(report)}/sections/${n}/cite`,
  search: () => `${API_BASE}/search`,
  suggest: () => `${API_BASE}/suggest`,
  openapi: () => `${API_BASE}/openapi.json`,
  /** oEmbed (oembed.com): `?url=` a page of this site. */
  oembed: () => `${API_BASE}/oembed`,
};

/** Stable URL paths of the pages a person reads; like the API's, they never change. */
export const pagePaths = {
  home: () => '/',
  report: (report: string) => `/reports/${encodeURIComponent(report)}`,
  section: (report: string, n: number) => `/reports/${encodeURIComponent(report)}/sections/${n}`,
  /**
   * A section page opened where a search matched: its words highlighted
   * (`?highlight=`) and, where the match's printed page is known, at that page's anchor.
   * @example pagePaths.sectionAt('r', 7, ['quetzal'], '11') // '/reports/r/sections/7?highlight=quetzal#p-11'
   */
  sectionAt: (report: string, n: number, terms: string[], page: string | null) =>
    `${pagePaths.section(report, n)}${terms.length > 0 ? `?highlight=${encodeURIComponent(terms.join(' '))}` : ''}${page === null ? '' : `#${pageAnchor(page)}`}`,
  search: (report: string) => `/reports/${encodeURIComponent(report)}/search`,
  /** A search across every report (the home page's search box). */
  librarySearch: () => '/search',
  /** "Cite one page" without JavaScript: redirects to the API's citation of that page. */
  citePage: (report: string, n: number) => `/reports/${encodeURIComponent(report)}/sections/${n}/cite-page`,
  export: (report: string) => `/reports/${encodeURIComponent(report)}/export`,
  embed: (report: string) => `/embed/${encodeURIComponent(report)}`,
};

/**
 * The host pages' optional frame script (src/frame/host-frames.ts), beside
 * the embed it sizes. No report id has a dot, so it never shadows one.
 */
export const FRAME_SCRIPT_PATH = '/embed/frame.js';

/**
 * The LTI 1.3 tool's URLs (src/lti/): registered with each learning
 * platform (Canvas, Moodle, Blackboard), so, like the others, they never change.
 */
export const LTI_BASE = '/lti';
export const ltiPaths = {
  /** OIDC third-party login initiation (1EdTech Security Framework 1.0 §5.1.1). */
  login: () => `${LTI_BASE}/login`,
  /** Where the platform posts the id_token: the one redirect_uri (§5.1.1.3). */
  launch: () => `${LTI_BASE}/launch`,
  /** The deep-linking picker's form posts here (Deep Linking 2.0 §4.2). */
  deepLink: () => `${LTI_BASE}/deep-link`,
  /** The tool's public keys (Security Framework §6.3). */
  jwks: () => `${LTI_BASE}/jwks`,
  /** Canvas's developer-key JSON. */
  canvas: () => `${LTI_BASE}/canvas.json`,
  /** LTI Dynamic Registration 1.0's initiation URL (§3.3). */
  register: () => `${LTI_BASE}/register`,
  /** Where the deployment's administrator approves a pending registration, by the signed link the log prints. */
  approve: () => `${LTI_BASE}/approve`,
  /** The script of the framed LTI views (auto-post, the close message). */
  script: () => `${LTI_BASE}/lti.js`,
};
