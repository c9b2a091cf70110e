/**
 * Parameters the API and the pages both read, with one rule each: a report
 * id, a section number, a query's text. The API's schemas (src/api/schemas.ts)
 * build on these, so a page and the API answer the same input the same way.
 */
import { z } from '@hono/zod-openapi';
import { MAX_QUERY_LENGTH, queryLimitProblems } from '../core/search';

/** Longest report id: ids are short slugs; a longer one is a client bug, refused with a 400. */
export const MAX_REPORT_ID_LENGTH = 100;

export const ReportParam = z
  .string()
  .min(1)
  .max(MAX_REPORT_ID_LENGTH)
  .openapi({
    param: { name: 'report', in: 'path' },
    example: 'driving-the-system-apart',
    description: `Report id (/api/reports lists them); longer than ${MAX_REPORT_ID_LENGTH} characters is a 400`,
  });

/** Digits in a section number: far above any report's length, always a safe integer. */
export const SECTION_NUMBER = '[1-9][0-9]{0,14}';

export const SectionNumberParam = z
  .string()
  .regex(new RegExp(`^${SECTION_NUMBER}$`), 'a section number is a positive whole number, like 7')
  .transform(Number)
  .openapi({
    param: { name: 'n', in: 'path' },
    type: 'integer',
    minimum: 1,
    maximum: 10 ** 15 - 1,
    pattern: undefined,
    example: 7,
    description: 'Section number, from 1, in decimal digits with no leading zero',
  });

/** What to search for: within the limits of core/search/limits.ts, each broken one named. */
export const QueryText = z
  .string()
  .trim()
  .min(1, 'the query is empty: type at least one letter')
  .superRefine((q, ctx) => {
    for (const problem of queryLimitProblems(q)) ctx.addIssue({ code: 'custom', message: `the query is too long: ${problem}` });
  })
  .openapi({ maxLength: MAX_QUERY_LENGTH });

/**
 * The colour themes of the embed page (`?theme=`) and the widget (`theme=`):
 * light, the default, because a course page is light whatever the reader's
 * system says; dark; or auto, the reader's system setting.
 */
export const THEMES = ['light', 'dark', 'auto'] as const;
export type Theme = (typeof THEMES)[number];
