/**
 * The PDF reader: a report's pages, each with its text and its printed
 * label, and the document's outline. Build-only: no PDF code reaches the
 * Worker, which gets what the build writes.
 *
 * It uses pdf.js (`pdfjs-dist`), Mozilla's PDF library, maintained with
 * Firefox's viewer and so kept working on the PDFs people actually publish;
 * its legacy build runs on Node 20 here (the newer wrappers such as `unpdf`
 * need Node 22). It gives positioned text, `/PageLabels` and the outline,
 * which is all the build needs.
 *
 * Labels, best first: the PDF's own `/PageLabels`; otherwise the page
 * numbers printed in running heads and feet, accepted only as a consistent
 * sequence (`pdf-labels.ts`); otherwise the PDF's page numbers, with a warning.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem } from 'pdfjs-dist/types/src/display/api';
import { parsePageRange } from '../../src/core/page-ranges';
import type { DocumentPage, DocumentPart, DocumentSection, LabelSource, OutlineEntry, ReadResult } from './document';
import { LABEL_SOURCE_NAMES } from './document';
import { MAX_PAGE_TEXT, MAX_PDF_FILE_BYTES, MAX_PDF_PAGES, MAX_REPORT_TEXT, tooLarge } from './limits';
import { labelsFromPrintedNumbers } from './pdf-labels';
import { joinLines, printedNumber, separateMargins, toLines, type PrintedNumber, type TextLine } from './pdf-text';

// The PDF specification lets the header sit anywhere in the first 1024 bytes, and the end marker in the last 1024.
const HEADER_WINDOW = 1024;
const TRAILER_WINDOW = 1024;

function problem(file: string, line: number, message: string): ReadResult<never> {
  return { ok: false, problems: [{ file, line, message }] };
}

function includesAscii(bytes: Uint8Array, needle: string): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(needle, 0, 'latin1');
}

/** Opens the file, or says in a sentence why it cannot be read. */
async function open(file: string, data: Uint8Array): Promise<{ ok: true; doc: PDFDocumentProxy } | { ok: false; message: string }> {
  if (!includesAscii(data.subarray(0, HEADER_WINDOW), '%PDF-')) return { ok: false, message: 'not a PDF: no "%PDF-" header at its start' };
  if (!includesAscii(data.subarray(Math.max(0, data.length - TRAILER_WINDOW)), '%%EOF')) {
    return { ok: false, message: `truncated: no "%%EOF" end marker in its last ${TRAILER_WINDOW} bytes (${data.length} bytes read); copy the whole file again` };
  }
  try {
    // pdf.js is loaded on the first PDF, not with the build: loading it takes a second, which a library without PDFs need not wait.
    const { getDocument, VerbosityLevel } = await import('pdfjs-dist/legacy/build/pdf.mjs');
    // Errors only: pdf.js otherwise warns about the base-14 fonts' data, which text extraction does not need.
    const doc = await getDocument({ data, verbosity: VerbosityLevel.ERRORS, isEvalSupported: false, useSystemFonts: false }).promise;
    return { ok: true, doc };
  } catch (error) {
    const { name, message } = error as Error;
    if (name === 'PasswordException') return { ok: false, message: `encrypted: it needs a password (${message}); give the build an unencrypted copy` };
    return { ok: false, message: `not a readable PDF (${name}: ${message})` };
  }
}

/** Every page's lines, top to bottom. */
async function readLines(doc: PDFDocumentProxy): Promise<TextLine[][]> {
  const pages: TextLine[][] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const content = await page.getTextContent();
    const items = content.items.filter((item): item is TextItem => 'str' in item);
    pages.push(toLines(items.map((item) => ({ str: item.str, x: item.transform[4], y: item.transform[5], width: item.width, height: item.height || Math.abs(item.transform[3]) }))));
    page.cleanup();
  }
  return pages;
}

/** The outline, flattened in order, each entry at its 1-based page; entries whose destination cannot be found are left out. */
async function readOutline(doc: PDFDocumentProxy): Promise<OutlineEntry[]> {
  const entries: OutlineEntry[] = [];
  const walk = async (items: Awaited<ReturnType<PDFDocumentProxy['getOutline']>>, depth: number) => {
    for (const item of items ?? []) {
      const dest = typeof item.dest === 'string' ? await doc.getDestination(item.dest) : item.dest;
      const target = dest?.[0];
      let index: number | null = null;
      if (typeof target === 'number') index = target;
      else if (target && typeof target === 'object' && 'num' in target) index = await doc.getPageIndex(target).catch(() => null);
      if (index !== null && item.title.trim() !== '') entries.push({ title: item.title.replace(/\s+/g, ' ').trim(), page: index + 1, depth });
      await walk(item.items, depth + 1);
    }
  };
  await walk(await doc.getOutline(), 0);
  return entries;
}

/** Labels by page, and how they were found. */
async function readLabels(doc: PDFDocumentProxy, numbers: Array<PrintedNumber | null>): Promise<{ labels: Array<string | null>; source: LabelSource; note?: string }> {
  const own = await doc.getPageLabels();
  if (own && own.length === doc.numPages) return { labels: own.map((label) => (label.trim() === '' ? null : label.trim())), source: 'page-labels' };
  const printed = labelsFromPrintedNumbers(numbers);
  if (printed.ok) return { labels: printed.labels, source: 'printed-numbers' };
  return { labels: numbers.map((_, i) => String(i + 1)), source: 'fallback', note: printed.reason };
}

function numberingOf(label: string | null): string {
  if (label === null) return 'none';
  return /^[0-9]+$/.test(label) ? 'arabic' : 'other';
}

/**
 * Sections from the document alone, for a report without a contents page:
 * one starts at each top-level bookmark and wherever the numbering changes
 * (covers, front matter, body). A section starts at the top of its page.
 */
export function sectionsFromPages(file: string, pages: DocumentPage[], outline: OutlineEntry[]): DocumentSection[] {
  const titles = new Map<number, string>();
  for (const entry of outline) if (entry.depth === 0 && !titles.has(entry.page)) titles.set(entry.page, entry.title);
  const starts = pages
    .filter((page, i) => i === 0 || titles.has(page.index) || numberingOf(page.label) !== numberingOf(pages[i - 1].label))
    .map((page) => page.index);
  return starts.map((start, n) => {
    const own = pages.slice(start - 1, (starts[n + 1] ?? pages.length + 1) - 1);
    const labelled = own.filter((page) => page.label !== null);
    const sameNumbering = labelled.filter((page) => numberingOf(page.label) === numberingOf(labelled[0]?.label ?? null));
    const range = sameNumbering.length ? parsePageRange(`${sameNumbering[0].label}-${sameNumbering[sameNumbering.length - 1].label}`) : null;
    return {
      number: n + 1,
      pages: range?.ok ? range.range : null,
      paragraphs: own.flatMap((page) => page.text.split('\n\n')).filter((text) => text !== ''),
      truncated: false,
      title: titles.get(start) ?? null,
      at: { file, line: start },
      pageSpan: { first: start, last: start + own.length - 1 },
    };
  });
}

/**
 * Reads one PDF. A file that is not a PDF, is cut short or is encrypted is a
 * problem naming the file; a PDF without text (a scan) is a warning, and the
 * part then carries neither pages nor sections.
 * @example await readPdf('index/sources/report.pdf') // { ok: true, value: { kind: 'pdf', pages: { pages: [32 pages], labels: 'page-labels', … } } }
 */
export async function readPdf(file: string): Promise<ReadResult<DocumentPart>> {
  const started = performance.now();
  let data: Uint8Array;
  try {
    const oversized = tooLarge(file, MAX_PDF_FILE_BYTES, 'a PDF');
    if (oversized) return problem(file, 1, oversized);
    data = new Uint8Array(readFileSync(file));
  } catch (error) {
    return problem(file, 1, `cannot be read: ${(error as Error).message}`);
  }
  const opened = await open(file, data);
  if (!opened.ok) return problem(file, 1, opened.message);
  const doc = opened.doc;
  try {
    const warnings: string[] = [];
    if (doc.numPages > MAX_PDF_PAGES) return problem(file, 1, `has ${doc.numPages} pages, too many for one report (at most ${MAX_PDF_PAGES})`);
    const info = (await doc.getMetadata()).info as { EncryptFilterName?: string | null };
    if (info.EncryptFilterName) warnings.push(`${file}: encrypted (${info.EncryptFilterName}) but readable without a password; read as it is`);
    const separated = separateMargins(await readLines(doc));
    const texts = separated.map((page) => joinLines(page.body));
    const dense = texts.findIndex((text) => text.length > MAX_PAGE_TEXT);
    if (dense >= 0) return problem(file, 1, `page ${dense + 1} (of the PDF) holds ${texts[dense].length} characters of text, more than a printed page (at most ${MAX_PAGE_TEXT})`);
    const characters = texts.reduce((sum, text) => sum + text.length, 0);
    if (characters > MAX_REPORT_TEXT) return problem(file, 1, `holds ${characters} characters of text, more than one report's file can carry (at most ${MAX_REPORT_TEXT})`);
    const name = basename(file);
    if (characters === 0) {
      warnings.push(`${file}: no text layer on any of its ${doc.numPages} pages (a scan?): its pages are not read`);
      return { ok: true, value: { kind: 'pdf', file, summary: [`read ${name}: ${doc.numPages} pages, no text`], warnings } };
    }
    // Feet first: a foot's number is the page number more often than a head's.
    const numbers = separated.map((page) => page.margins.slice().reverse().map(printedNumber).find((n) => n !== null) ?? null);
    const labels = await readLabels(doc, numbers);
    if (labels.source === 'fallback') warnings.push(`${file}: no page labels and no consistent printed page numbers (${labels.note}): pages are labelled by their place in the PDF`);
    const pages: DocumentPage[] = texts.map((text, i) => ({ index: i + 1, label: labels.labels[i], text }));
    const outline = await readOutline(doc);
    const ms = performance.now() - started;
    return {
      ok: true,
      value: {
        kind: 'pdf',
        file,
        pages: { file, pages, labels: labels.source, outline },
        sections: sectionsFromPages(file, pages, outline),
        summary: [
          `read ${name}: ${pages.length} pages, ${pages.filter((p) => p.label !== null).length} labels from ${LABEL_SOURCE_NAMES[labels.source]}, ${characters} characters of text, ${outline.length} outline entries, ${ms.toFixed(0)} ms`,
        ],
        warnings,
      },
    };
  } catch (error) {
    return problem(file, 1, `cannot be read past its structure (${(error as Error).name}: ${(error as Error).message})`);
  } finally {
    await doc.destroy();
  }
}
