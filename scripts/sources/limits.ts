/**
 * Every bound on what a source may hold, with the reason for it, in one
 * place (as `src/core/search/limits.ts` bounds a search). A source beyond
 * one is a build error `file:line: what is too large (the limit)`, found
 * before the source is parsed where its size alone tells, so no input can
 * hold the build for minutes or fill its memory: the citations multiply
 * every string by styles × locales × forms, so a field of 10 MB once made a
 * 6 GB heap, and one of 1 MB a 243 MiB report file.
 *
 * Build-only.
 */
import { statSync } from 'node:fs';

/** A metadata file is a few hundred bytes of CSL-JSON; 64 KiB holds a hundred authors and every section title. */
export const MAX_METADATA_FILE_BYTES = 64 * 1024;

/** A JSTOR contents page is about 10 KB; 1 MiB holds thousands of segments with their excerpts. */
export const MAX_CONTENTS_PAGE_BYTES = 1024 * 1024;

/** The longest reports publishers put online run to 50 MB; 256 MiB is a PDF no report needs, and what pdf.js may take in memory. */
export const MAX_PDF_FILE_BYTES = 256 * 1024 * 1024;

/**
 * Longest title (report, section, short title), in characters: the longest
 * real titles run to about 300; every citation of every style and locale
 * repeats it.
 */
export const MAX_TITLE_LENGTH = 500;

/** Longest name part (family, given or literal name) and other short field (publisher, place, archive, type), in characters: "International Institute for Strategic Studies" is 46. */
export const MAX_NAME_LENGTH = 200;

/** Most authors or editors listed: APA, the most generous style, prints 20 and then the last; each is in every reference. */
export const MAX_NAMES = 30;

/** Longest URL, in characters: a stable link is under 100; 1,000 keeps any real one whole. */
export const MAX_SOURCE_URL_LENGTH = 1000;

/**
 * Most sections (segments) in one report: JSTOR's longest reports have a
 * few hundred; each is an item cited in every style, locale and form, so
 * sections × the fields' lengths is what a report file grows with (the
 * citations stop at MAX_REPORT_FILE_BYTES, `scripts/citations/render.ts`).
 */
export const MAX_SECTIONS = 1000;

/** Longest excerpt or paragraph of a contents page, in characters: JSTOR's are a few hundred. */
export const MAX_EXCERPT_LENGTH = 20_000;

/** Most pages in one PDF: a long report has a few hundred; each page is read, labelled and indexed. */
export const MAX_PDF_PAGES = 5000;

/** Most text on one printed page, in characters: a dense page holds about 6,000; more is not a page a person reads. */
export const MAX_PAGE_TEXT = 50_000;

/**
 * Most text in one report's PDF, in characters: the report file (at most
 * MAX_REPORT_FILE_BYTES) holds every page's text and its search index, about
 * three times the text; 6 million characters is a 1,500-page report.
 */
export const MAX_REPORT_TEXT = 6_000_000;

/**
 * Largest report file the build writes (bytes): Workers Static Assets
 * serves files of at most 25 MiB, and `wrangler dev` refuses to start a
 * site holding a larger one; a report file is read whole by the Worker,
 * so the margin keeps its first request quick.
 */
export const MAX_REPORT_FILE_BYTES = 24 * 1024 * 1024;

/**
 * Characters that reorder the text around them (Unicode's bidirectional
 * controls, UAX #9): in a title they make a page, a citation or an oEmbed
 * answer read otherwise than it is written, so metadata may not hold them.
 */
export const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

/**
 * Why a file is too large to read, or null: its size alone tells, before
 * a byte of it is parsed.
 * @example tooLarge('r.json', 10 * 1024 * 1024, MAX_METADATA_FILE_BYTES, 'a metadata file') // 'is 10 MiB, too large for a metadata file (at most 64 KiB)'
 */
export function tooLarge(file: string, limit: number, what: string): string | null {
  const size = statSync(file).size;
  return size > limit ? `is ${bytesText(size)}, too large for ${what} (at most ${bytesText(limit)})` : null;
}

/** "1.5 MiB", "300 KiB", "64 characters": a size as a limit's message names it. */
export function bytesText(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${+(bytes / (1024 * 1024)).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${+(bytes / 1024).toFixed(1)} KiB`;
  return `${bytes} bytes`;
}
