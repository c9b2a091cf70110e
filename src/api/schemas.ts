/**
 * The API's request and response schemas. Requests are validated with them and
 * /api/openapi.json is generated from them, so the document cannot drift.
 */
import { z } from '@hono/zod-openapi';
import {
  CITATION_FORMATS,
  CITATION_LOCALES,
  DEFAULT_LOCALE,
  DEFAULT_STYLE,
  FORM_NAMES,
  FORMAT_NAMES,
  MACHINE_FORMATS,
  NEGOTIABLE_TYPES,
  type CitationFormat,
} from '../core/citations';
import { MAX_ARABIC_PAGE, parsePrintedPage, PRINTED_PAGE_PATTERN } from '../core/page-ranges';
import { SHELF_ORDERS } from '../core/library';
import { MAX_LIBRARY_REPORTS, MAX_QUERY_LENGTH, MAX_QUERY_WORDS, MAX_TERM_LENGTH, RELATION_NAMES, SEARCH_FIELDS, type Relation } from '../core/search';
import { MAX_OEMBED_DIMENSION, MAX_OEMBED_URL_LENGTH, OEMBED_FORMATS, OEMBED_VERSION } from '../requests/oembed/protocol';
import { QueryText, ReportParam, SECTION_NUMBER, SectionNumberParam } from '../requests/parameters';

export { MAX_REPORT_ID_LENGTH, QueryText, ReportParam, SectionNumberParam } from '../requests/parameters';

/** Most results in one page: enough for a results page, small enough to stay fast. */
export const MAX_LIMIT = 50;
/** Deepest offset: the corpus is small; deeper paging is a client bug. */
export const MAX_OFFSET = 1000;

/** A printed page, as a path or query parameter. */
function printedPage() {
  return z
    .string()
    .max(20)
    .refine((page) => parsePrintedPage(page) !== null, 'a page is a roman (ii, IV) or arabic (12) numeral')
    .openapi({ pattern: PRINTED_PAGE_PATTERN });
}
const PRINTED_PAGE_RULE = `a roman numeral (ii, IV; either case) or an arabic one from 1 to ${MAX_ARABIC_PAGE}`;

export const PageParam = printedPage().openapi({
  param: { name: 'page', in: 'path' },
  example: 'iii',
  description: `Printed page: ${PRINTED_PAGE_RULE}`,
});

const OnOff = z
  .enum(['on', 'off', 'true', 'false', '1', '0'])
  .transform((value) => value === 'on' || value === 'true' || value === '1');

const FieldList = z
  .string()
  .regex(new RegExp(`^(${SEARCH_FIELDS.join('|')})(,(${SEARCH_FIELDS.join('|')}))*$`), `a comma-separated list of: ${SEARCH_FIELDS.join(', ')}`)
  .transform((list) => [...new Set(list.split(','))] as Array<(typeof SEARCH_FIELDS)[number]>);

/**
 * A whole number written as plain decimal digits ("16"; never "0x10", "1e1",
 * " 16" or "16.0", which a numeric coercion would read), within min–max.
 */
function wholeNumber(min: number, max: number, fallback: number) {
  return z
    .string()
    .regex(/^[0-9]{1,9}$/, `a whole number written in decimal digits, like ${fallback}`)
    .transform(Number)
    .pipe(z.number().int().min(min, `at least ${min}`).max(max, `at most ${max}`))
    .default(fallback)
    .openapi({ type: 'integer', minimum: min, maximum: max, default: fallback, description: `${min}–${max}` });
}

/** What the OpenAPI document says of the query's limits. */
const QUERY_LIMITS = `At most ${MAX_QUERY_LENGTH} UTF-16 code units, ${MAX_QUERY_WORDS} words, ${MAX_TERM_LENGTH} characters a word once Unicode-normalised; beyond, 400 naming the limit.`;

const Publisher = z.string().trim().min(1).max(200);
const Year = z
  .string()
  .regex(/^[0-9]{4}$/, 'a year is four digits, like 2013')
  .transform(Number)
  .openapi({ type: 'integer', example: 2013 });

export const SearchQuery = z.object({
  q: QueryText.openapi({ example: 'counterfactual', description: `What to search for. "Quoted words" match as a phrase; the last word completes as you type. ${QUERY_LIMITS}` }),
  report: z.string().min(1).max(100).optional().openapi({ description: 'Only this report' }),
  limit: wholeNumber(1, MAX_LIMIT, 10),
  offset: wholeNumber(0, MAX_OFFSET, 0),
  fuzzy: OnOff.optional().openapi({ description: 'Allow typos (on by default)' }),
  prefix: OnOff.optional().openapi({ description: 'Complete the last word (on by default)' }),
  fields: FieldList.optional().openapi({ description: `Fields to search: ${SEARCH_FIELDS.join(', ')}` }),
  mode: z.enum(['all', 'any', 'auto']).default('auto').openapi({ description: 'all words, any word, or all then any (default)' }),
  publisher: Publisher.optional().openapi({ description: 'Only reports of this publisher (its name in full, any case)' }),
  year: Year.optional().openapi({ description: 'Only reports issued in this year' }),
});

/** Most reports in one page of the list. */
export const MAX_REPORTS_LIMIT = 200;
/** Deepest offset in the list: past any library's size (the largest planned is 10,000 reports). */
export const MAX_REPORTS_OFFSET = 1_000_000;

export const ReportListQuery = z.object({
  publisher: Publisher.optional().openapi({ description: 'Only this publisher (its name in full, any case, accents optional)' }),
  year: Year.optional().openapi({ description: 'Only reports issued in this year' }),
  author: z.string().trim().min(1).max(100).optional().openapi({ description: 'Only reports with an author or editor whose name holds these words (any case, accents optional)', example: 'Boutellis' }),
  sort: z.enum(SHELF_ORDERS).default('id').openapi({ description: 'id (the default), title, date (oldest first) or -date (newest first); undated reports last' }),
  limit: wholeNumber(1, MAX_REPORTS_LIMIT, 50),
  offset: wholeNumber(0, MAX_REPORTS_OFFSET, 0),
});

export const SuggestQuery = z.object({
  q: QueryText.openapi({ example: 'integ', description: `The words typed so far; the last one is completed. ${QUERY_LIMITS}` }),
  report: z.string().min(1).max(100).optional(),
  limit: wholeNumber(1, 20, 8),
});

const CslNameSchema = z
  .object({ family: z.string().optional(), given: z.string().optional(), literal: z.string().optional() })
  .passthrough()
  .openapi('CslName');

const CslDateSchema = z
  .object({ 'date-parts': z.array(z.array(z.number().int()).min(1).max(3)).min(1).max(2).optional() })
  .passthrough()
  .openapi('CslDate');

/** A CSL-JSON item as the metadata file gives it: the fields report-edge reads, and any other CSL variable. */
export const CslReportSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    author: z.array(CslNameSchema).optional(),
    editor: z.array(CslNameSchema).optional(),
    publisher: z.string().optional(),
    'publisher-place': z.string().optional(),
    issued: CslDateSchema.optional(),
    accessed: CslDateSchema.optional(),
    'number-of-pages': z.number().int().optional(),
    page: z.string().optional(),
    URL: z.string().optional(),
    DOI: z.string().optional(),
  })
  .passthrough()
  .openapi('CslReport', { description: 'CSL-JSON (citationstyles.org) bibliographic data' });

/** One item of a CSL-JSON file: the report or a section, with its citation key. */
const CslItemSchema = CslReportSchema.extend({ id: z.string(), 'citation-key': z.string() }).openapi('CslItem');

/** A CSL-JSON file: the items cited, in section order. */
export const CslItemsSchema = z.array(CslItemSchema).min(1).openapi('CslItems', { description: 'A CSL-JSON file: an array of CSL items' });

const CiteLinksSchema = z
  .record(z.string(), z.string())
  .openapi('CiteLinks', { description: 'Download links per format (ris, bibtex, biblatex, csl-json, text, html) and one-click exports (refworks, endnote)' });

const PageRangeSchema = z
  .object({ label: z.string(), first: z.string(), last: z.string(), numbering: z.enum(['roman', 'arabic']) })
  .nullable()
  .openapi('PageRange');

export const TocEntrySchema = z
  .object({
    number: z.number().int(),
    title: z.string().nullable().openapi({ description: 'Known title, or null: titles are never invented' }),
    titleSource: z
      .enum(['metadata', 'outline'])
      .nullable()
      .openapi({ description: "Where the title came from: the report's metadata file, or its PDF's outline (bookmarks); null with no title" }),
    label: z.string(),
    pages: PageRangeSchema,
    hasText: z.boolean().openapi({ description: 'Whether any text of the section is known (an excerpt or its whole text)' }),
    hasFullText: z.boolean().openapi({ description: "Whether its whole text is known, page by page (read from the report's PDF), not only an excerpt" }),
    links: z.record(z.string(), z.string()),
    cite: CiteLinksSchema,
  })
  .openapi('TocEntry');

export const SectionSchema = TocEntrySchema.extend({
  report: z.string(),
  paragraphs: z.array(z.string()).openapi({ description: 'The excerpt the contents page shows' }),
  truncated: z.boolean(),
  fullText: z
    .array(z.object({ page: z.string().openapi({ example: '11' }), text: z.string().openapi({ description: 'Paragraphs separated by a blank line' }) }))
    .nullable()
    .openapi({ description: "The section's whole text by printed page (a page shared with a neighbouring section holds this section's part); null where only the excerpt is known" }),
  prev: z.number().int().nullable(),
  next: z.number().int().nullable(),
}).openapi('Section');

export const ReportSummarySchema = z
  .object({
    id: z.string(),
    type: z.string(),
    title: z.string(),
    sourceTitle: z.string(),
    authors: z.array(z.string()),
    publisher: z.string().nullable(),
    place: z.string().nullable(),
    issued: z.string().nullable(),
    pages: z.number().int().nullable(),
    url: z.string().nullable(),
    csl: CslReportSchema,
    links: z.record(z.string(), z.string()),
    cite: CiteLinksSchema,
  })
  .openapi('ReportSummary');

export const CitationChoicesSchema = z
  .object({
    styles: z.array(z.object({ name: z.string(), title: z.string(), forms: z.array(z.enum(FORM_NAMES)) })),
    locales: z.array(z.enum(CITATION_LOCALES)),
    defaultStyle: z.string(),
    defaultLocale: z.string(),
  })
  .openapi('CitationChoices', { description: 'The citation styles (with the forms each offers) and locales this deployment serves' });

export const ReportListSchema = z
  .object({
    total: z.number().int().openapi({ description: 'Reports that pass the filters' }),
    limit: z.number().int(),
    offset: z.number().int(),
    reports: z.array(ReportSummarySchema),
    links: z.record(z.string(), z.string()).openapi({ description: '`next` and `prev`: the neighbouring pages, where there are any' }),
  })
  .openapi('ReportList');

export const ReportSchema = ReportSummarySchema.extend({ sections: z.array(TocEntrySchema), citations: CitationChoicesSchema }).openapi('Report');

export const PageLookupSchema = z
  .object({
    report: z.string(),
    page: z.object({ label: z.string(), numbering: z.enum(['roman', 'arabic']) }),
    text: z.string().nullable().openapi({ description: "The text of that very page (paragraphs separated by a blank line), or null where the report's PDF was not read" }),
    sections: z.array(
      TocEntrySchema.extend({
        citePage: z.record(z.string(), z.string()).openapi({ description: 'Links citing this very page from this section, by form (in-text, note, short-note), as formatted text' }),
      }),
    ),
  })
  .openapi('PageLookup');

export const SearchResponseSchema = z
  .object({
    query: z.string(),
    mode: z.enum(['all', 'any']),
    total: z.number().int(),
    limit: z.number().int(),
    offset: z.number().int(),
    results: z.array(
      z.object({
        id: z.string(),
        report: z.string(),
        number: z.number().int(),
        title: z.string().nullable(),
        label: z.string(),
        pages: PageRangeSchema,
        score: z.number(),
        terms: z.array(z.string()).openapi({ description: 'The words of the section that matched, as written there (lower case), related words included' }),
        related: z
          .array(z.object({ query: z.string(), matched: z.string(), relation: z.enum(RELATION_NAMES as [Relation, ...Relation[]]) }))
          .openapi({
            description:
              'Words of the section that matched a query word as a related word (WordNet: another form, an adjective of a noun, a synonym, a broader or narrower word, a sibling; or, by word vectors, a word used alike), ranked below the words typed: "matched *electoral* for *election*"',
            example: [{ query: 'election', matched: 'electoral', relation: 'derivation' }],
          }),
        snippet: z.string().openapi({ description: 'HTML: escaped text, matched words in <mark>; from `page` where it is known' }),
        page: z
          .string()
          .nullable()
          .openapi({ description: 'The printed page of the best match ("11", "iii"), or null where only an excerpt of the section is known', example: '11' }),
        links: z.record(z.string(), z.string()).openapi({ description: '`section`: the section in this API; `read`: the section page at the match, words highlighted' }),
      }),
    ),
    suggestions: z.array(z.string()).openapi({ description: '"Did you mean" corrections when nothing matched' }),
    reports: z
      .object({ matched: z.number().int(), searched: z.number().int() })
      .optional()
      .openapi({
        description: `Across the library (no \`report\`): how many reports hold the query and how many were searched. A library of more than ${MAX_LIBRARY_REPORTS} reports opens the ${MAX_LIBRARY_REPORTS} where the words are rarest; \`total\` counts their sections. Narrow with \`report\`, \`publisher\` or \`year\`.`,
      }),
  })
  .openapi('SearchResponse');

export const SuggestResponseSchema = z
  .object({ query: z.string(), suggestions: z.array(z.object({ suggestion: z.string(), score: z.number() })) })
  .openapi('SuggestResponse');

/**
 * An RFC 9457 problem as src/problem.ts writes it: the four members every
 * problem has, then those some add (the `extra` of a ProblemError). Closed, so
 * a member added to an answer and not here fails the conformance test.
 */
export const ProblemSchema = z
  .object({
    type: z
      .string()
      .regex(/^urn:report-edge:problem:[a-z-]+$/)
      .openapi({ description: 'The kind of problem, e.g. urn:report-edge:problem:invalid-parameter, …:unknown-report, …:not-acceptable' }),
    title: z.string().min(1),
    status: z.number().int().min(400).max(599).openapi({ description: 'The HTTP status, repeated' }),
    detail: z.string().min(1).openapi({ description: 'What was wrong, and what to send instead' }),
    invalid_params: z
      .array(z.object({ name: z.string(), reason: z.string() }).strict())
      .min(1)
      .optional()
      .openapi({ description: '400: each invalid parameter, and why' }),
    reports: z.array(z.string()).optional().openapi({ description: 'Unknown report: the report ids served (at most 20)' }),
    total: z.number().int().optional().openapi({ description: 'Unknown report: how many reports are served' }),
    sections: z.array(z.number().int()).optional().openapi({ description: 'Unknown section: the section numbers the report has' }),
    styles: z.array(z.string()).optional().openapi({ description: 'Unknown style: the style names offered' }),
    locales: z.array(z.string()).optional().openapi({ description: 'Unknown locale: the locales offered' }),
    forms: z.array(z.enum(FORM_NAMES)).optional().openapi({ description: 'A form the style lacks: the forms it offers' }),
    pages: z.array(z.string()).optional().openapi({ description: 'A page outside the item: its page ranges' }),
    offered: z
      .array(z.enum([...NEGOTIABLE_TYPES.keys()] as [string, ...string[]]))
      .optional()
      .openapi({ description: '406: the media types this URL offers by content negotiation' }),
  })
  .strict()
  .openapi('Problem');

/** Most sections in one selection: a long reading list, far below any URL limit. */
export const MAX_SELECTION = 100;

export const CiteQuery = z.object({
  format: z
    .enum(FORMAT_NAMES, { message: `format must be one of: ${FORMAT_NAMES.join(', ')}` })
    .openapi({
      description: `${MACHINE_FORMATS.map((f) => f.name).join(', ')}: a file to import; ${CITATION_FORMATS.filter((f) => f.kind === 'styled').map((f) => f.name).join(', ')}: a formatted citation`,
      example: 'ris',
    }),
  style: z.string().min(1).max(100).optional().openapi({ description: `Citation style for text/html (default ${DEFAULT_STYLE}); /api/reports/{report} lists those offered` }),
  locale: z.string().min(1).max(20).optional().openapi({ enum: [...CITATION_LOCALES], description: `Locale for text/html (default ${DEFAULT_LOCALE}); /api/reports/{report} lists those this deployment has installed` }),
  form: z
    .enum(FORM_NAMES, { message: `form must be one of: ${FORM_NAMES.join(', ')}` })
    .optional()
    .openapi({ description: `For text/html: ${FORM_NAMES.join(', ')} (default reference); a style offers in-text or the notes (see /api/reports/{report})` }),
  page: printedPage()
    .optional()
    .openapi({ description: `For text/html: one printed page within the item, to cite instead of its whole range: ${PRINTED_PAGE_RULE}`, example: '11' }),
  download: OnOff.optional().openapi({ description: 'text/html as a file to save (machine formats always are)' }),
});

export const SelectionQuery = CiteQuery.extend({
  sections: z
    .string()
    .regex(new RegExp(`^${SECTION_NUMBER}(,${SECTION_NUMBER})*$`), 'sections is a comma-separated list of section numbers, like 3,5,7')
    .refine((list) => list.split(',').length <= MAX_SELECTION, `at most ${MAX_SELECTION} sections`)
    .refine((list) => new Set(list.split(',')).size === list.split(',').length, 'each section may be listed once')
    .transform((list) => list.split(',').map(Number))
    .optional()
    .openapi({
      // The count is in the pattern too; "each once" is not expressible on a string, so it is said in words.
      pattern: `^${SECTION_NUMBER}(,${SECTION_NUMBER}){0,${MAX_SELECTION - 1}}$`,
      description: `A selection of sections, e.g. 3,5,7: section numbers separated by commas, each listed once, at most ${MAX_SELECTION}; without it, the whole report`,
      example: '3,5,7',
    }),
});

/** `maxwidth`/`maxheight` of oEmbed: a whole number of pixels, in decimal digits, when given. */
function pixels(description: string) {
  return z
    .string()
    .regex(/^[0-9]{1,9}$/, 'a whole number of pixels written in decimal digits, like 600')
    .transform(Number)
    .pipe(z.number().int().min(1, 'at least 1').max(MAX_OEMBED_DIMENSION, `at most ${MAX_OEMBED_DIMENSION}`))
    .optional()
    .openapi({ type: 'integer', minimum: 1, maximum: MAX_OEMBED_DIMENSION, description });
}

/** oEmbed's request (oembed.com §2.2): `url` required, the rest optional. */
export const OEmbedQuery = z.object({
  url: z
    .string()
    .max(MAX_OEMBED_URL_LENGTH, `at most ${MAX_OEMBED_URL_LENGTH} characters`)
    .refine((url) => URL.canParse(url) && /^https?:$/.test(new URL(url).protocol), 'the absolute http(s) URL of a page, like https://host/reports/driving-the-system-apart')
    .openapi({
      format: 'uri',
      example: 'http://127.0.0.1:8787/reports/driving-the-system-apart',
      description: `A page of this deployment (same origin): /reports/{report}, /reports/{report}/sections/{n}, /reports/{report}/search?q=…, /search?q=… or /embed/{report}; at most ${MAX_OEMBED_URL_LENGTH} characters`,
    }),
  format: z
    .string()
    .regex(/^[A-Za-z0-9]{1,16}$/, 'a format name, like json')
    .optional()
    .openapi({ example: 'json', description: `${OEMBED_FORMATS.served.join(', ')} (the default); any other format, ${OEMBED_FORMATS.known.filter((f) => !(OEMBED_FORMATS.served as readonly string[]).includes(f)).join(', ')} included, is 501` }),
  maxwidth: pixels('The widest the embed may be, in pixels; the answer stays within it'),
  maxheight: pixels('The tallest the embed may be, in pixels; the answer stays within it'),
});

const OEmbedCommon = {
  version: z.literal(OEMBED_VERSION),
  title: z.string().min(1),
  provider_name: z.string(),
  provider_url: z.string(),
  cache_age: z.number().int().min(0).openapi({ description: 'Suggested cache lifetime of this answer, in seconds' }),
};

/** oEmbed's answer (oembed.com §2.3.4): `rich` for what has an embed, `link` for the library search, which has none. */
export const OEmbedSchema = z
  .discriminatedUnion('type', [
    z
      .object({
        type: z.literal('rich'),
        ...OEmbedCommon,
        html: z.string().openapi({ description: "An iframe of the report's embed page (/embed/{report})" }),
        width: z.number().int().min(1),
        height: z.number().int().min(1),
      })
      .strict()
      .openapi('OEmbedRich'),
    z.object({ type: z.literal('link'), ...OEmbedCommon }).strict().openapi('OEmbedLink'),
  ])
  .openapi('OEmbed');

/** An OpenAPI response of JSON validated by `schema`. */
export function jsonResponse<T extends z.ZodType>(schema: T, description: string) {
  return { content: { 'application/json': { schema } }, description };
}

/** An OpenAPI problem+json response. */
export function problemResponse(description: string) {
  return { content: { 'application/problem+json': { schema: ProblemSchema } }, description };
}

/** What a citation in each format is: CSL-JSON is JSON, every other format text. */
const CITATION_BODIES: Partial<Record<CitationFormat, z.ZodType>> = { 'csl-json': CslItemsSchema };
function citationBody(format: CitationFormat): z.ZodType {
  return CITATION_BODIES[format] ?? z.string();
}

/** An OpenAPI response of a citation, in the media type of each format of the registry. */
export function citationFileResponse(description: string) {
  return { content: Object.fromEntries(CITATION_FORMATS.map((f) => [f.mediaType, { schema: citationBody(f.name) }])), description };
}

/**
 * An OpenAPI response of JSON validated by `schema`, or of a citation in each
 * media type content negotiation offers (core/citations' NEGOTIABLE_TYPES,
 * built from the registry).
 */
export function negotiatedResponse<T extends z.ZodType>(schema: T, description: string) {
  const content = Object.fromEntries([...NEGOTIABLE_TYPES].map(([type, format]) => [type, { schema: format === null ? schema : citationBody(format) }]));
  return { content, description: `${description}; or, by Accept, the citation: ${[...NEGOTIABLE_TYPES.keys()].filter((t) => t !== 'application/json').join(', ')} (its style= and locale= parameters choose a formatted reference)` };
}
