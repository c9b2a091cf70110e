/**
 * The metadata reference managers' browser connectors (Zotero, Mendeley) read
 * from a page: Highwire Press `citation_*` meta tags and a COinS span, built
 * from the same CSL item the citations use, so nothing is invented here either.
 */
import type { CslItem } from './citations/items';
import { formatDateParts } from './csl-dates';

/** One `<meta name content>` pair. */
export type MetaTag = [name: string, content: string];

function names(item: CslItem): string[] {
  return (item.author ?? []).map((name) => name.literal ?? [name.family, name.given].filter(Boolean).join(', '));
}

function dateParts(item: CslItem): number[] {
  return item.issued?.['date-parts'][0] ?? [];
}

function pageBounds(item: CslItem): [string, string] | null {
  if (typeof item.page !== 'string') return null;
  const [first, last] = item.page.split('-');
  return [first, last ?? first];
}

/**
 * Highwire Press tags: a chapter as a book section (`citation_inbook_title`),
 * anything else as a report (`citation_technical_report_institution`), never both.
 * @example highwireTags(cslItem(report, 5)) // [['citation_title', 'Introduction'], ['citation_author', 'Boutellis, Arthur'], …]
 */
export function highwireTags(item: CslItem): MetaTag[] {
  const tags: MetaTag[] = [['citation_title', item.title]];
  for (const author of names(item)) tags.push(['citation_author', author]);
  const date = dateParts(item);
  if (date.length) tags.push(['citation_publication_date', formatDateParts(date, '/')]);
  if (item.type === 'chapter') {
    if (typeof item['container-title'] === 'string') tags.push(['citation_inbook_title', item['container-title']]);
    if (item.publisher) tags.push(['citation_publisher', item.publisher]);
  } else if (item.publisher) {
    tags.push(['citation_technical_report_institution', item.publisher]);
  }
  const pages = pageBounds(item);
  if (pages) tags.push(['citation_firstpage', pages[0]], ['citation_lastpage', pages[1]]);
  if (item.URL) tags.push(['citation_public_url', item.URL]);
  return tags;
}

/**
 * The `title` of a COinS span (OpenURL 1.0 KEV, book format): genre
 * `bookitem` for a chapter, `report` otherwise.
 * @example coinsTitle(cslItem(report, 'report')) // 'ctx_ver=Z39.88-2004&rft_val_fmt=info%3Aofi%2Ffmt%3Akev%3Amtx%3Abook&rft.genre=report&…'
 */
export function coinsTitle(item: CslItem): string {
  const params = new URLSearchParams({ ctx_ver: 'Z39.88-2004', rft_val_fmt: 'info:ofi/fmt:kev:mtx:book' });
  if (item.type === 'chapter') {
    params.set('rft.genre', 'bookitem');
    params.set('rft.atitle', item.title);
    if (typeof item['container-title'] === 'string') params.set('rft.btitle', item['container-title']);
  } else {
    params.set('rft.genre', 'report');
    params.set('rft.btitle', item.title);
  }
  for (const author of item.author ?? []) {
    if (author.family) params.append('rft.au', [author.family, author.given].filter(Boolean).join(', '));
    else if (author.literal) params.append('rft.au', author.literal);
  }
  const date = dateParts(item);
  if (date.length) params.set('rft.date', formatDateParts(date, '-'));
  if (item.publisher) params.set('rft.pub', item.publisher);
  if (item['publisher-place']) params.set('rft.place', item['publisher-place']);
  const pages = pageBounds(item);
  if (pages) {
    params.set('rft.spage', pages[0]);
    params.set('rft.epage', pages[1]);
  }
  if (typeof item['number-of-pages'] === 'number') params.set('rft.tpages', String(item['number-of-pages']));
  if (item.URL) params.set('rft_id', item.URL);
  return params.toString();
}
