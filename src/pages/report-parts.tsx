/**
 * Pieces shared by the report and section pages: the bibliographic line and
 * a section's heading text.
 */
import { formatPageRange } from '../core/page-ranges';
import type { Report, Section } from '../core/types';

/**
 * English month names, for the byline. Not `toLocaleString`: it builds an ICU
 * date formatter on every call, ~0.25 ms of CPU, on every page that has a byline.
 */
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "Arthur Boutellis · International Peace Institute, New York · August 2013 · 32 pages" */
export function Byline(props: { report: Pick<Report, 'csl' | 'pageCount'> }) {
  const csl = props.report.csl;
  const authors = (csl.author ?? []).map((a) => a.literal ?? [a.given, a.family].filter(Boolean).join(' '));
  const date = csl.issued?.['date-parts'][0];
  const month = date?.[1] ? (MONTHS[date[1] - 1] ?? null) : null;
  const pages = csl['number-of-pages'] ?? props.report.pageCount;
  const parts = [
    authors.join(', '),
    [csl.publisher, csl['publisher-place']].filter(Boolean).join(', '),
    date ? [month, date[0]].filter(Boolean).join(' ') : null,
    pages ? `${pages} pages` : null,
  ].filter((part): part is string => !!part);
  return (
    <p class="byline">
      {parts.join(' · ')}
      {csl.URL && (
        <>
          {' · '}
          <a href={csl.URL}>Stable URL</a>
        </>
      )}
    </p>
  );
}

/** What a section is called: its title, or its label where no title is known. */
export function sectionName(section: Section): string {
  return section.title ?? section.label;
}

/** "pp. 9–14", or a note when the section has no printed page numbers. */
export function sectionPages(section: Section): string {
  return section.pages ? formatPageRange(section.pages) : 'no printed page numbers';
}
