/**
 * Citations, as the Worker and the pages use them: the registry of formats
 * and forms, the items cited, the prerendered file's shape, the answer built
 * from it, and content negotiation. The build's renderer and writers live in
 * scripts/citations/.
 *
 * @example
 * import { citationAnswer } from '../core/citations';
 * citationAnswer(file, { report: 'driving-the-system-apart', items: ['s7'], format: 'text', style: 'apa', locale: 'en-US', form: 'in-text' });
 */
export * from './registry';
export * from './file';
export { citationAnswer, formatAccessDate, joinRecords, HTML_BIBLIOGRAPHY_OPEN, HTML_BIBLIOGRAPHY_CLOSE, type CitationAnswer, type CitationRequest } from './answer';
export { cslItem, itemFileName, itemId, itemKey, reportItems, reportKey, type CslItem, type ItemRef } from './items';
export { negotiateCitation, NEGOTIABLE_TYPES, type AcceptRange, type Negotiated } from './negotiation';
