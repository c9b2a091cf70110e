/**
 * How the citation build grows with a report's sections: renders a generated
 * report of 10, 30 and 100 sections (the real report's metadata, sections
 * with page ranges, some titled) and prints prerendered strings, the
 * report's share of citations.json and the render time, with ratios.
 *
 * Usage: tsx scripts/bench-citations.ts [--sections 10,30,100]
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parsePageRange } from '../src/core/page-ranges';
import type { Report, Section } from '../src/core/types';
import { renderCitations } from './citations/render';

/** A report shaped like the real one, with `count` sections of three pages each, every fourth titled. */
function generatedReport(count: number): Report {
  const metadata = JSON.parse(readFileSync('index/sources/driving-the-system-apart.json', 'utf8'));
  const sections: Section[] = Array.from({ length: count }, (_, i) => {
    const range = parsePageRange(`${i * 3 + 1}-${i * 3 + 3}`);
    const title = i % 4 === 0 ? `Part ${i + 1}` : null;
    return { number: i + 1, title, citationTitle: title, label: `pp. ${i * 3 + 1}–${i * 3 + 3}`, pages: range.ok ? range.range : null, paragraphs: [], truncated: false, titleSource: title === null ? null : 'metadata', fullText: null };
  });
  return { id: `generated-${count}`, type: 'Research Report', title: metadata.title, sourceTitle: metadata.title, csl: metadata.csl, pageCount: count * 3, copyrightDate: null, sections, labelsFrom: null };
}

const { values } = parseArgs({ options: { sections: { type: 'string', default: '10,30,100' } } });
const counts = values.sections!.split(',').map(Number);
// Engines are built once per style and locale: warm them so the figures are per report.
renderCitations([generatedReport(1)]);
const rows = counts.map((count) => {
  const started = performance.now();
  const { file } = renderCitations([generatedReport(count)]);
  const seconds = (performance.now() - started) / 1000;
  const bytes = Buffer.byteLength(JSON.stringify(file));
  return { count, strings: file.strings.length, kib: bytes / 1024, seconds };
});
console.log('sections  strings  citations.json  time     per section');
for (const row of rows) {
  console.log(`${String(row.count).padStart(8)}  ${String(row.strings).padStart(7)}  ${row.kib.toFixed(1).padStart(10)} KiB  ${row.seconds.toFixed(1).padStart(5)} s  ${((row.seconds * 1000) / row.count).toFixed(0)} ms, ${(row.strings / row.count).toFixed(1)} strings`);
}
const [first, last] = [rows[0], rows[rows.length - 1]];
console.log(`from ${first.count} to ${last.count} sections (×${(last.count / first.count).toFixed(1)}): strings ×${(last.strings / first.strings).toFixed(2)}, size ×${(last.kib / first.kib).toFixed(2)}, time ×${(last.seconds / first.seconds).toFixed(2)}`);
