/**
 * @module
 * The build's first stage: a folder of sources → one neutral
 * {@link ReportDocument} per report. A report is an id with a metadata file
 * (`ID.json`) and at least one source of its contents: a JSTOR contents page
 * (`ID.txt`), a PDF (`ID.pdf`, or the file its metadata names with `"pdf"`,
 * possibly shared by reports), or both. Each kind has one reader in
 * {@link SOURCE_READERS}; adding a kind means a reader file in this folder and
 * a line in that list, and nothing else in the build changes.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { checkDocument } from './checks';
import type { DocumentPart, ReadResult, ReportDocument, ReportMetadata, SourceProblem } from './document';
import { readJstorPage } from './jstor-toc';
import { MAX_METADATA_FILE_BYTES, tooLarge } from './limits';
import { readMetadata } from './metadata';
import { readPdf } from './pdf';
import { REPORT_ID } from '../../src/core/library';

export { formatProblem, LABEL_SOURCE_NAMES } from './document';
export type { DocumentPage, DocumentPages, DocumentSection, LabelSource, ReportDocument, ReportMetadata, SourceProblem } from './document';
export { readMetadata } from './metadata';

/** One kind of source of a report's contents. */
export interface SourceReader {
  kind: string;
  /** Its files end so: `ID` + extension in the sources folder belongs to report `ID`. */
  extension: string;
  /** The metadata key that may name its file instead of `ID` + extension. */
  namedBy?: FileNameKey;
  read: (file: string) => ReadResult<DocumentPart> | Promise<ReadResult<DocumentPart>>;
}

/**
 * The readers, in order of authority: the report's sections and header come
 * from the first part that has them (the contents page the catalogue was
 * made from, then what the PDF itself shows), its pages from the first with pages.
 */
export const SOURCE_READERS: SourceReader[] = [
  { kind: 'jstor', extension: '.txt', read: readJstorPage },
  { kind: 'pdf', extension: '.pdf', namedBy: 'pdf', read: readPdf },
];

const METADATA_EXTENSION = '.json';

/** The metadata keys whose value is a file name. */
type FileNameKey = 'pdf';


/**
 * A report read, with every file its reading depended on: the metadata file
 * and each place a source of it could be (present or not), so a cache of
 * reads can tell when one is stale (`scripts/library/read-cache.ts`).
 */
type DocumentResult = { ok: true; document: ReportDocument; files: string[] } | { ok: false; problems: SourceProblem[] };

function lineOfKey(text: string, key: string): number {
  const at = text.indexOf(`"${key}"`);
  return at < 0 ? 1 : text.slice(0, at).split('\n').length;
}

/** "report" → "Report": a document type for reports without a contents page to state one. */
function typeFromCsl(type: string): string {
  const words = type.replace(/[-_]/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The report's parts combined into its neutral record, or why there is nothing to build from. */
function combine(id: string, metadata: ReportMetadata, parts: DocumentPart[]): { ok: true; document: ReportDocument } | { ok: false; problems: SourceProblem[] } {
  const withSections = parts.find((part) => part.sections && part.sections.length > 0);
  if (!withSections) {
    return {
      ok: false,
      problems: parts.map((part) => ({ file: part.file, line: 1, message: `nothing to build report "${id}" from: ${part.warnings.join('; ') || 'no sections found'}` })),
    };
  }
  const header = parts.find((part) => part.header)?.header;
  const pages = parts.find((part) => part.pages)?.pages ?? null;
  return {
    ok: true,
    document: {
      id,
      metadata,
      type: header?.type ?? typeFromCsl(metadata.csl.type),
      sourceTitle: header?.title ?? metadata.title ?? metadata.csl.title,
      copyrightDate: header?.copyrightDate ?? null,
      pageCount: header?.pageCount ?? pages?.pages.length ?? null,
      sections: withSections.sections!,
      pages,
      summary: parts.flatMap((part) => part.summary),
      warnings: parts.flatMap((part) => part.warnings),
    },
  };
}

/**
 * Reads one report: its metadata file, then every source of its contents,
 * combined and checked against each other.
 * @example await readDocument('index/sources', 'driving-the-system-apart') // { ok: true, document: { sections: [10], pages: null, … } }
 */
export async function readDocument(dir: string, id: string): Promise<DocumentResult> {
  const metadataFile = join(dir, `${id}${METADATA_EXTENSION}`);
  const oversized = existsSync(metadataFile) ? tooLarge(metadataFile, MAX_METADATA_FILE_BYTES, 'a metadata file') : null;
  if (oversized) return { ok: false, problems: [{ file: metadataFile, line: 1, message: oversized }] };
  const metadataText = existsSync(metadataFile) ? readFileSync(metadataFile, 'utf8') : null;
  const metadata = metadataText === null ? null : readMetadata(metadataFile, metadataText, null);
  const located = SOURCE_READERS.map((reader) => {
    const named = metadata?.ok && reader.namedBy ? metadata.metadata[reader.namedBy] : undefined;
    return { reader, named, file: join(dir, named ?? `${id}${reader.extension}`) };
  });
  const present = located.filter(({ file }) => existsSync(file));
  if (!REPORT_ID.test(id)) {
    const file = present[0]?.file ?? metadataFile;
    return { ok: false, problems: [{ file, line: 1, message: `"${id}" is not a usable report id: name the file in lower-case letters, digits and hyphens` }] };
  }

  const problems: SourceProblem[] = [];
  const parts: DocumentPart[] = [];
  for (const { reader, file } of present) {
    const read = await reader.read(file);
    if (read.ok) parts.push(read.value);
    else problems.push(...read.problems);
  }
  for (const { named } of located) {
    if (named && !present.some(({ file }) => file === join(dir, named))) {
      problems.push({ file: metadataFile, line: lineOfKey(metadataText!, 'pdf'), message: `names "${named}", which is not in ${dir}` });
    }
  }
  if (metadataText === null) {
    problems.push({ file: metadataFile, line: 1, message: `missing: every source page needs a metadata file beside it (CSL-JSON under "csl")` });
    return { ok: false, problems };
  }
  if (!metadata!.ok) {
    // Section keys cannot be checked against sections that could not be read.
    problems.push(...(problems.length === 0 ? metadata!.problems : metadata!.problems.filter((p) => !p.message.includes('names section'))));
    return { ok: false, problems };
  }
  if (present.length === 0) {
    const kinds = SOURCE_READERS.map((reader) => `${id}${reader.extension}`).join(' or ');
    problems.push({ file: metadataFile, line: 1, message: `no contents to build from: put ${kinds} beside this metadata file` });
  }
  if (problems.length > 0) return { ok: false, problems };

  const combined = combine(id, metadata!.metadata, parts);
  if (!combined.ok) return { ok: false, problems: combined.problems };
  const numbers = combined.document.sections.map((section) => section.number);
  const keys = readMetadata(metadataFile, metadataText, numbers);
  const checked = [...(keys.ok ? [] : keys.problems), ...checkDocument(combined.document)];
  return checked.length > 0 ? { ok: false, problems: checked } : { ok: true, document: combined.document, files: [metadataFile, ...located.map(({ file }) => file)] };
}

/** The report ids of a folder: every metadata file and every source file, less the files a metadata file names. */
function reportIds(dir: string): string[] {
  const names = readdirSync(dir);
  const named = new Set<string>();
  const namingKeys = SOURCE_READERS.flatMap((reader) => (reader.namedBy ? [reader.namedBy] : []));
  for (const name of names.filter((n) => n.endsWith(METADATA_EXTENSION))) {
    // An oversized file is refused by readDocument, naming it; it names no file here.
    if (tooLarge(join(dir, name), MAX_METADATA_FILE_BYTES, 'a metadata file')) continue;
    const text = readFileSync(join(dir, name), 'utf8');
    // Only a file that holds a naming key (or a \u escape, which could spell one) can name a file: the rest need no parse.
    if (!namingKeys.some((key) => text.includes(key)) && !text.includes('\\u')) continue;
    const read = readMetadata(join(dir, name), text, null);
    if (!read.ok) continue;
    for (const reader of SOURCE_READERS) {
      const file = reader.namedBy ? read.metadata[reader.namedBy] : undefined;
      if (file && file !== name.slice(0, -METADATA_EXTENSION.length) + reader.extension) named.add(file);
    }
  }
  const extensions = new Set([METADATA_EXTENSION, ...SOURCE_READERS.map((reader) => reader.extension)]);
  const ids = names.filter((name) => extensions.has(extname(name)) && !named.has(name)).map((name) => name.slice(0, -extname(name).length));
  return [...new Set(ids)].sort();
}

/**
 * The report ids of a sources folder, in order, or why there is nothing to
 * build from (no source of contents at all).
 * @example listReports('index/sources') // { ok: true, ids: ['driving-the-system-apart'] }
 */
export function listReports(dir: string): { ok: true; ids: string[] } | { ok: false; problems: SourceProblem[] } {
  const hasContents = readdirSync(dir).some((name) => SOURCE_READERS.some((reader) => name.endsWith(reader.extension)));
  if (!hasContents) {
    const kinds = SOURCE_READERS.map((reader) => `ID${reader.extension}`).join(' or ');
    return { ok: false, problems: [{ file: dir, line: 0, message: `no source pages (${kinds}) to build from` }] };
  }
  return { ok: true, ids: reportIds(dir) };
}

/**
 * Reads every report in a folder, in id order, or every problem found in any of them.
 * @example await readDocuments('index/sources') // { ok: true, documents: [{ id: 'driving-the-system-apart', … }] }
 */
export async function readDocuments(dir: string): Promise<{ ok: true; documents: ReportDocument[] } | { ok: false; problems: SourceProblem[] }> {
  const listed = listReports(dir);
  if (!listed.ok) return listed;
  const ids = listed.ids;
  const documents: ReportDocument[] = [];
  const problems: SourceProblem[] = [];
  for (const id of ids) {
    const result = await readDocument(dir, id);
    if (result.ok) documents.push(result.document);
    else problems.push(...result.problems);
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, documents };
}
