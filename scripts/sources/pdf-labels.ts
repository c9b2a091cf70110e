/**
 * Printed page labels from the numbers a PDF's running heads and feet print,
 * accepted only as a consistent sequence: unnumbered covers, then roman front
 * matter, then an arabic body, each numbering counting up one a page. Pure.
 */
import { numberToRoman } from '../../src/core/page-ranges';
import type { PrintedNumber } from './pdf-text';

// A sequence needs this many pages printing the number it predicts (fewer for tiny documents)…
const MIN_AGREEING = 3;
// …and at least this many agreeing pages for each page printing another number.
const AGREEMENT_RATIO = 4;

/** Labels by page, or why the printed numbers do not make a sequence. */
export type SequenceResult = { ok: true; labels: Array<string | null> } | { ok: false; reason: string };

interface Run {
  /** 0-based page index minus printed value: constant along a run. */
  offset: number;
  agreeing: number;
}

function bestRun(numbers: Array<PrintedNumber | null>, numbering: PrintedNumber['numbering'], before: number): Run | null {
  const counts = new Map<number, number>();
  numbers.slice(0, before).forEach((n, i) => {
    if (n?.numbering === numbering) counts.set(i - n.value, (counts.get(i - n.value) ?? 0) + 1);
  });
  let best: Run | null = null;
  for (const [offset, agreeing] of counts) if (!best || agreeing > best.agreeing) best = { offset, agreeing };
  return best;
}

/**
 * Infers every page's label from the numbers printed on some pages.
 * @param numbers the number each page prints in its head or foot, or null
 * @example labelsFromPrintedNumbers([null, null, i, ii, iii, iv, 1, 2, …]) // { ok: true, labels: [null, null, 'i', …, '1', …] }
 */
export function labelsFromPrintedNumbers(numbers: Array<PrintedNumber | null>): SequenceResult {
  const needed = Math.min(MIN_AGREEING, numbers.length);
  const arabic = bestRun(numbers, 'arabic', numbers.length);
  if (!arabic || arabic.agreeing < needed) return { ok: false, reason: 'no run of printed arabic page numbers' };
  // The body starts where its page 1 falls (or at the first page, for a document starting mid-count).
  const bodyStart = Math.max(0, arabic.offset + 1);
  const roman = bestRun(numbers, 'roman', bodyStart);
  const romanRun = roman && roman.agreeing >= Math.min(2, bodyStart) ? roman : null;
  const frontStart = romanRun ? Math.max(0, romanRun.offset + 1) : bodyStart;

  const labels = numbers.map((_, i) => {
    if (i >= bodyStart) return String(i - arabic.offset);
    if (romanRun && i >= frontStart) return numberToRoman(i - romanRun.offset);
    return null;
  });
  const disagreeing = numbers.filter((n, i) => n !== null && n.text !== labels[i]);
  const agreeing = numbers.filter((n, i) => n !== null && n.text === labels[i]).length;
  if (disagreeing.length * AGREEMENT_RATIO > agreeing) {
    const first = numbers.findIndex((n, i) => n !== null && n.text !== labels[i]);
    return {
      ok: false,
      reason: `the printed numbers are not one sequence: page ${first + 1} prints "${numbers[first]!.text}" where "${labels[first] ?? 'no number'}" was expected (${disagreeing.length} such pages, ${agreeing} agreeing)`,
    };
  }
  return { ok: true, labels };
}
