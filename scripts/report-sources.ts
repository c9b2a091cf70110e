/**
 * Reads and validates the sources of every report in a folder: the JSTOR
 * page (`ID.txt`) and its metadata (`ID.json`). Every problem comes back as
 * `file:line: message`, so a person can go straight to it.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { findNodeAtLocation, parseTree, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { z } from 'zod';
import { assembleReport, type ReportMetadata } from '../src/core/catalogue';
import { parseJstorToc } from '../src/core/jstor-toc';
import type { Report } from '../src/core/types';

/** One problem in a source file. */
export interface SourceProblem {
  file: string;
  line: number;
  message: string;
}

export function formatProblem(problem: SourceProblem): string {
  return `${problem.file}:${problem.line}: ${problem.message}`;
}

// Report ids appear in URLs that must never change: keep them plain.
const REPORT_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const cslName = z
  .object({ family: z.string().min(1).optional(), given: z.string().min(1).optional(), literal: z.string().min(1).optional() })
  .strict()
  .refine((name) => name.family !== undefined || name.literal !== undefined, 'a name needs "family" or "literal"');

const cslReport = z
  .object({
    type: z.string().min(1),
    title: z.string().min(1),
    author: z.array(cslName).min(1).optional(),
    editor: z.array(cslName).min(1).optional(),
    publisher: z.string().min(1).optional(),
    'publisher-place': z.string().min(1).optional(),
    issued: z.object({ 'date-parts': z.array(z.array(z.number().int().positive()).min(1).max(3)).length(1) }).strict().optional(),
    'number-of-pages': z.number().int().positive().optional(),
    URL: z.url().optional(),
    DOI: z.string().regex(/^10\.\d{4,9}\/\S+$/, 'a DOI looks like "10.1234/abc"').optional(),
    // The database the report is read through (MLA's second container), e.g. "JSTOR".
    archive: z.string().min(1).optional(),
    // The main title without its subtitle, for short notes and short citations (CMOS 14.30).
    'title-short': z.string().min(1).optional(),
  })
  .passthrough();

const reportMetadata = z
  .object({
    title: z.string().min(1).optional(),
    csl: cslReport,
    sections: z
      .record(
        z.string().regex(/^[1-9][0-9]*$/, 'section keys are section numbers'),
        z.object({ title: z.string().min(1), citationTitle: z.string().min(1).optional() }).strict(),
      )
      .default({}),
  })
  .strict();

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text[i] === '\n') line++;
  return line;
}

/**
 * Validates a metadata file's text against the report's segment numbers.
 * @returns the metadata, or the problems with their lines
 */
export function readMetadata(
  file: string,
  text: string,
  segmentNumbers: number[],
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
  const unknown = Object.keys(parsed.data.sections).filter((key) => !segmentNumbers.includes(Number(key)));
  if (unknown.length > 0) {
    return {
      ok: false,
      problems: unknown.map((key) => ({
        file,
        line: lineOf(['sections', key]),
        message: `names section ${key}, but the source page has sections 1-${segmentNumbers.length}`,
      })),
    };
  }
  return { ok: true, metadata: parsed.data as ReportMetadata };
}

/** Reads one report from its page and metadata files. */
export function readReport(dir: string, id: string): { ok: true; report: Report } | { ok: false; problems: SourceProblem[] } {
  const pageFile = join(dir, `${id}.txt`);
  const metadataFile = join(dir, `${id}.json`);
  if (!REPORT_ID.test(id)) {
    return { ok: false, problems: [{ file: pageFile, line: 1, message: `"${id}" is not a usable report id: name the file in lower-case letters, digits and hyphens` }] };
  }
  const page = parseJstorToc(readFileSync(pageFile, 'utf8'));
  const problems: SourceProblem[] = page.ok ? [] : page.errors.map((e) => ({ file: pageFile, line: e.line, message: e.message }));
  if (!existsSync(metadataFile)) {
    problems.push({ file: metadataFile, line: 1, message: `missing: every source page needs a metadata file beside it (CSL-JSON under "csl")` });
    return { ok: false, problems };
  }
  const numbers = page.ok ? page.page.segments.map((s) => s.number) : [];
  const metadata = readMetadata(metadataFile, readFileSync(metadataFile, 'utf8'), numbers);
  if (!metadata.ok) problems.push(...(page.ok ? metadata.problems : metadata.problems.filter((p) => !p.message.includes('names section'))));
  if (!page.ok || !metadata.ok) return { ok: false, problems };
  return { ok: true, report: assembleReport(id, page.page, metadata.metadata) };
}

/** Reads every report in a folder, in file-name order, or every problem found. */
export function readReports(dir: string): { ok: true; reports: Report[] } | { ok: false; problems: SourceProblem[] } {
  const ids = readdirSync(dir)
    .filter((name) => name.endsWith('.txt'))
    .map((name) => name.slice(0, -'.txt'.length))
    .sort();
  if (ids.length === 0) return { ok: false, problems: [{ file: dir, line: 0, message: 'no source pages (ID.txt) to build from' }] };
  const reports: Report[] = [];
  const problems: SourceProblem[] = [];
  for (const id of ids) {
    const result = readReport(dir, id);
    if (result.ok) reports.push(result.report);
    else problems.push(...result.problems);
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, reports };
}
