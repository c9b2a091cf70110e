/**
 * Absolute links: every link an answer carries is built on one origin (the
 * public origin when set, else the request's; see `src/public-origin.ts`),
 * and the links that cite an item, which the API's answers and the pages'
 * cite panels both offer.
 */
import { CITATION_FORMATS, CITATION_FORMS, FEATURED_STYLES, type CitationForm } from '../core/citations';
import { endNoteLink, refWorksLink } from '../core/reference-managers';

/** Absolute URLs on the origin the request came to. */
export type Linker = (path: string) => string;

/**
 * @example linkerFor('https://reports.example.org/api/search?q=x')('/api/reports') // 'https://reports.example.org/api/reports'
 */
export function linkerFor(requestUrl: string): Linker {
  const origin = new URL(requestUrl).origin;
  return (path) => origin + path;
}

/**
 * Ready links to cite an item: a download per format, a formatted reference
 * (APA by default; add style= and locale=), and one-click exports to the
 * reference managers that import by URL.
 */
export function citationLinks(citeUrl: string): Record<string, string> {
  const links: Record<string, string> = Object.fromEntries(CITATION_FORMATS.map(({ name }) => [name, `${citeUrl}?format=${name}`]));
  return { ...links, refworks: refWorksLink(links.ris), endnote: endNoteLink(links.ris) };
}

/**
 * Links that cite one printed page: for each citation form other than the
 * reference, the first featured style that offers it, as formatted text.
 * @example pageCitationLinks(cite, '11', styles) // { 'in-text': '…/cite?format=text&style=apa&form=in-text&page=11', note: '…&style=chicago-notes-bibliography&form=note&page=11', … }
 */
export function pageCitationLinks(citeUrl: string, page: string, styles: Array<{ name: string; forms: CitationForm[] }>): Record<string, string> {
  const links: Record<string, string> = {};
  for (const { name: form } of CITATION_FORMS.filter((f) => f.name !== 'reference')) {
    const style = FEATURED_STYLES.map((f) => styles.find((s) => s.name === f.style)).find((s) => s?.forms.includes(form));
    if (style) links[form] = `${citeUrl}?${new URLSearchParams({ format: 'text', style: style.name, form, page })}`;
  }
  return links;
}

