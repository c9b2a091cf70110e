/**
 * Content negotiation for citations, as DOI resolvers do it: the same URL
 * answers JSON by default, or RIS, BibTeX, CSL-JSON or a formatted reference
 * when the Accept header asks for one.
 */
import type { CitationFormat } from './bibliography';

/** One media range of an Accept header (Hono's `parseAccept` gives these). */
export interface AcceptRange {
  type: string;
  params: Record<string, string>;
  q: number;
}

/** Media types offered, and the citation format each stands for (null: the JSON representation). */
export const NEGOTIABLE_TYPES: Record<string, CitationFormat | null> = {
  'application/json': null,
  'application/x-research-info-systems': 'ris',
  'application/x-bibtex': 'bibtex',
  'application/vnd.citationstyles.csl+json': 'csl-json',
  'text/x-bibliography': 'text',
};

export type Negotiated =
  | { kind: 'json' }
  | { kind: 'citation'; format: CitationFormat; mediaType: string; style: string | null; locale: string | null }
  | { kind: 'not-acceptable' };

/**
 * Picks what to answer with, the highest `q` first, JSON when anything goes.
 * @example negotiateCitation(parseAccept('text/x-bibliography; style=mla; locale=fr-FR'))
 * // { kind: 'citation', format: 'text', style: 'mla', locale: 'fr-FR', … }
 */
export function negotiateCitation(ranges: AcceptRange[]): Negotiated {
  if (ranges.length === 0) return { kind: 'json' };
  const ordered = ranges.filter((range) => range.q > 0).sort((a, b) => b.q - a.q);
  for (const range of ordered) {
    const type = range.type.toLowerCase();
    if (type === '*/*' || type === 'application/*' || type === '*') return { kind: 'json' };
    // text/* can only mean the formatted reference, the one text type offered.
    if (type === 'text/*') return { kind: 'citation', format: 'text', mediaType: 'text/x-bibliography', style: range.params.style ?? null, locale: range.params.locale ?? null };
    // Own keys only: `in` would also find Object.prototype's (`constructor`, `__proto__`…).
    if (!Object.hasOwn(NEGOTIABLE_TYPES, type)) continue;
    const format = NEGOTIABLE_TYPES[type];
    if (format === null) return { kind: 'json' };
    return { kind: 'citation', format, mediaType: type, style: range.params.style ?? null, locale: range.params.locale ?? null };
  }
  return { kind: 'not-acceptable' };
}
