/**
 * The metadata file reader (`ID.json`): the report as CSL-JSON, the known
 * section titles and, when it is not `ID.pdf`, the name of its PDF. Every
 * problem comes back with its line, so a person can go straight to it.
 */
import { findNodeAtLocation, parseTree, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { z } from 'zod';
import type { ReportMetadata, SourceProblem } from './document';
import { BIDI_CONTROLS, MAX_NAME_LENGTH, MAX_NAMES, MAX_SOURCE_URL_LENGTH, MAX_TITLE_LENGTH } from './limits';

/** A string of metadata: bounded, and free of bidirectional controls that would make it read otherwise than written. */
const text = (max: number) =>
  z
    .string()
    .min(1)
    .max(max, `is too long (at most ${max} characters)`)
    .refine((value) => !BIDI_CONTROLS.test(value), 'holds a bidirectional control character (U+200E, U+202A–U+202E, U+2066–U+2069…), which would make it read otherwise than written');

const cslName = z
  .object({ family: text(MAX_NAME_LENGTH).optional(), given: text(MAX_NAME_LENGTH).optional(), literal: text(MAX_NAME_LENGTH).optional() })
  .strict()
  .refine((name) => name.family !== undefined || name.literal !== undefined, 'a name needs "family" or "literal"');

const names = z.array(cslName).min(1).max(MAX_NAMES, `lists too many names (at most ${MAX_NAMES})`);

const cslReport = z
  .object({
    type: text(MAX_NAME_LENGTH),
    title: text(MAX_TITLE_LENGTH),
    author: names.optional(),
    editor: names.optional(),
    publisher: text(MAX_NAME_LENGTH).optional(),
    'publisher-place': text(MAX_NAME_LENGTH).optional(),
    issued: z.object({ 'date-parts': z.array(z.array(z.number().int().positive()).min(1).max(3)).length(1) }).strict().optional(),
    'number-of-pages': z.number().int().positive().max(100_000).optional(),
    // A link a reader follows from every page: http(s) only, never javascript: or data:.
    URL: z
      .url({ protocol: /^https?$/, error: 'must be an http(s) URL' })
      .max(MAX_SOURCE_URL_LENGTH, `is too long (at most ${MAX_SOURCE_URL_LENGTH} characters)`)
      .optional(),
    DOI: z.string().max(MAX_NAME_LENGTH).regex(/^10\.\d{4,9}\/\S+$/, 'a DOI looks like "10.1234/abc"').optional(),
    // The database the report is read through (MLA's second container), e.g. "JSTOR".
    archive: text(MAX_NAME_LENGTH).optional(),
    // The main title without its subtitle, for short notes and short citations (CMOS 14.30).
    'title-short': text(MAX_TITLE_LENGTH).optional(),
  })
  .passthrough();

const reportMetadata = z
  .object({
    title: text(MAX_TITLE_LENGTH).optional(),
    csl: cslReport,
    sections: z
      .record(
        z.string().regex(/^[1-9][0-9]*$/, 'section keys are section numbers'),
        z.object({ title: text(MAX_TITLE_LENGTH), citationTitle: text(MAX_TITLE_LENGTH).optional() }).strict(),
      )
      .default({}),
    // A file in the same folder: the build reads nothing outside its sources.
    pdf: z.string().max(MAX_NAME_LENGTH).regex(/^[^/\\]+\.pdf$/i, 'a PDF file name in the same folder, e.g. "report.pdf"').optional(),
  })
  .strict();

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text[i] === '\n') line++;
  return line;
}

/**
 * Validates a metadata file's text against the report's segment numbers
 * (null: not known yet, section keys are checked later).
 * @returns the metadata, or the problems with their lines
 */
export function readMetadata(
  file: string,
  text: string,
  segmentNumbers: number[] | null,
): { ok: true; metadata: ReportMetadata } | { ok: false; problems: SourceProblem[] } {
  const syntaxErrors: ParseError[] = [];
  const tree = parseTree(text, syntaxErrors, { disallowComments: true, allowTrailingComma: false });
  if (syntaxErrors.length > 0 || !tree) {
    const problems = syntaxErrors.map((error) => ({ file, line: lineAt(text, error.offset), message: `invalid JSON: ${printParseErrorCode(error.error)}` }));
    return { ok: false, problems: problems.length ? problems : [{ file, line: 1, message: 'empty metadata file' }] };
  }
  const parsed = reportMetadata.safeParse(JSON.parse(text));
  const lineOf = (path: Array<string | number>) => {
    // Point at the deepest part of the path that exists (a missing field is reported at its parent).
    for (let depth = path.length; depth >= 0; depth--) {
      const node = findNodeAtLocation(tree, path.slice(0, depth));
      if (node) return lineAt(text, node.parent?.type === 'property' ? node.parent.offset : node.offset);
    }
    return 1;
  };
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) => {
        const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
        // An unknown key is reported on its parent object: point at the key itself.
        if (issue.code === 'unrecognized_keys') path.push(issue.keys[0]);
        const where = path.length ? `"${path.join('.')}": ` : '';
        return { file, line: lineOf(path), message: `${where}${issue.message}` };
      }),
    };
  }
  const known = segmentNumbers;
  const unknown = known === null ? [] : Object.keys(parsed.data.sections).filter((key) => !known.includes(Number(key)));
  if (unknown.length > 0) {
    return {
      ok: false,
      problems: unknown.map((key) => ({
        file,
        line: lineOf(['sections', key]),
        message: `names section ${key}, but the source page has sections 1-${known!.length}`,
      })),
    };
  }
  return { ok: true, metadata: parsed.data as ReportMetadata };
}
