/**
 * The answer to a citation request, from prerendered strings: body, media
 * type and file name. Pure: the route has already validated the request.
 */
import { assembleBibliography, joinRecords, type CitationFormat, type CitationsFile } from './bibliography';

/** What a citation request asks for, once validated. */
export interface CitationRequest {
  report: string;
  /** Item ids ("report", "s5", …), in section order. */
  items: string[];
  format: CitationFormat;
  style: string;
  locale: string;
}

export interface CitationAnswer {
  body: string;
  /** Media type without charset. */
  mediaType: string;
  /** File name with extension, for Content-Disposition. */
  fileName: string;
}

/** Media type and file extension of each format. */
export const FORMAT_MEDIA: Record<CitationFormat, { mediaType: string; extension: string }> = {
  ris: { mediaType: 'application/x-research-info-systems', extension: 'ris' },
  bibtex: { mediaType: 'application/x-bibtex', extension: 'bib' },
  biblatex: { mediaType: 'application/x-bibtex', extension: 'bib' },
  'csl-json': { mediaType: 'application/vnd.citationstyles.csl+json', extension: 'json' },
  text: { mediaType: 'text/plain', extension: 'txt' },
  html: { mediaType: 'text/html', extension: 'html' },
};

// Beyond this many, a file name lists a count instead of every section.
const SECTIONS_NAMED_IN_FILE_NAME = 6;

function fileStem(file: CitationsFile, request: CitationRequest): string {
  const items = file.reports[request.report].items;
  if (request.items.length === 1) return items[request.items[0]].fileName;
  const numbers = request.items.map((id) => id.slice(1));
  const which = numbers.length <= SECTIONS_NAMED_IN_FILE_NAME ? `sections-${numbers.join('-')}` : `${numbers.length}-sections`;
  return `${items.report.fileName}-${which}`;
}

/**
 * Builds the answer by looking up and joining strings.
 * @example citationAnswer(file, { report: 'driving-the-system-apart', items: ['s5'], format: 'ris', style: 'apa', locale: 'en-US' })
 * // { mediaType: 'application/x-research-info-systems', fileName: 'boutellis-2013-driving-the-system-apart-pp-3-4.ris', body: 'TY  - CHAP\r\n…' }
 */
export function citationAnswer(file: CitationsFile, request: CitationRequest): CitationAnswer {
  const report = file.reports[request.report];
  const { mediaType, extension } = FORMAT_MEDIA[request.format];
  const stem = fileStem(file, request);
  const styled = request.format === 'text' || request.format === 'html';
  const body = styled
    ? assembleBibliography(report.bibliographies[request.style][request.locale], file.strings, request.items, request.format as 'text' | 'html')
    : joinRecords(
        request.items.map((id) => report.items[id]),
        request.format as 'ris' | 'bibtex' | 'biblatex' | 'csl-json',
      );
  const suffix = styled ? `-${request.style}` : request.format === 'biblatex' ? '-biblatex' : '';
  return { body, mediaType, fileName: `${stem}${suffix}.${extension}` };
}
