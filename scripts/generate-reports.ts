/**
 * `npm run generate -- --reports N --seed S [--out DIR]`: writes N synthetic
 * reports shaped like real JSTOR contents pages, each a `ID.txt` and `ID.json`
 * as `index/sources/` holds them, for building and measuring a library of any
 * size. Nothing in them is real: titles, names and text are made-up words
 * (scripts/generated-text.ts) and every title says "(generated)".
 *
 * Each report has 3 to 40 sections: sometimes a first one without pages,
 * roman front matter, then arabic ranges, some sharing a page with the one
 * before; some titles known (in the metadata file); excerpts for most
 * sections, some cut short. Two words are planted in each report, in one
 * section each, and listed in `manifest.json`, so a search for them has a
 * known answer.
 *
 * Written to `DIR/sources/` (build it with `npm run build -- --sources
 * DIR/sources --out …`) and `DIR/manifest.json`; the default DIR is
 * `generated/reports-N-seed-S`, outside `index/sources/` and ignored by git.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { numberToRoman } from '../src/core/page-ranges';
import { madeUpProse, MADE_UP_WORDS, seededRandom } from './generated-text';

/** A generated report: its two source files, and where its planted words are. */
export interface GeneratedReport {
  id: string;
  /** The JSTOR-shaped contents page (`ID.txt`). */
  contentsPage: string;
  /** The metadata file (`ID.json`). */
  metadata: string;
  /** Words found in this report only, each in one section. */
  planted: Array<{ word: string; section: number }>;
}

const PUBLISHERS = ['Institute for Generated Studies', 'Centre for Synthetic Policy', 'Fixture Research Council', 'Made-Up Peace Institute'];
const PLACES = ['New York', 'Geneva', 'London', 'Nairobi'];
const MONTHS = ['Jan.', 'Feb.', 'Mar.', 'Apr.', 'May', 'June', 'July', 'Aug.', 'Sept.', 'Oct.', 'Nov.', 'Dec.'];
const FEWEST_SECTIONS = 3;
const MOST_SECTIONS = 40;

const capitalised = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

/** A word no other report and no made-up prose holds: letters only, from the report's place in the library. */
function plantedWord(seed: number, report: number, k: number): string {
  let n = (seed * 100_003 + report) * 2 + k;
  let word = '';
  do {
    word += 'abcdefghijklmnopqrstuvwxyz'[n % 26];
    n = Math.floor(n / 26);
  } while (n > 0);
  return `zq${word}planted`;
}

/**
 * Report `index` (0-based) of the library made with `seed`: the same report
 * for the same seed and index on every run.
 * @example generateReport(7, 0).id // 'generated-7-1'
 */
export function generateReport(seed: number, index: number): GeneratedReport {
  const next = seededRandom(seed * 1_000_003 + index);
  const between = (low: number, high: number) => low + Math.floor(next() * (high - low + 1));
  const words = (count: number) => Array.from({ length: count }, () => MADE_UP_WORDS[Math.floor(next() ** 2 * MADE_UP_WORDS.length)]);
  const id = `generated-${seed}-${index + 1}`;
  const title = `${words(between(3, 6)).map(capitalised).join(' ')} (generated)`;
  const year = between(1995, 2025);
  const month = between(1, 12);
  const day = between(1, 28);

  const count = between(FEWEST_SECTIONS, MOST_SECTIONS);
  const ranges: Array<string | null> = [];
  if (next() < 0.3) ranges.push(null);
  let roman = 0;
  for (let n = between(0, 2); n > 0 && ranges.length < count - 1; n--) {
    ranges.push(`${numberToRoman(roman + 1)}-${numberToRoman(roman + 2)}`);
    roman += 2;
  }
  let page = 0;
  while (ranges.length < count) {
    const first = page > 0 && next() < 0.3 ? page : page + 1;
    page = first + between(0, 11);
    ranges.push(`${first}-${page}`);
  }
  const pages = roman + page;

  const sections = ranges.map((range, i) => {
    const paragraphs = range !== null && next() < 0.7 ? Array.from({ length: between(1, 2) }, (_, p) => madeUpProse(seed * 7919 + index * 101 + i * 3 + p, between(40, 120))) : [];
    const truncated = paragraphs.length > 0 && next() < 0.4;
    return { number: i + 1, range, paragraphs, truncated, title: next() < 0.25 ? words(between(1, 3)).map(capitalised).join(' ') : null };
  });
  const withText = sections.filter((s) => s.paragraphs.length > 0);
  const planted: GeneratedReport['planted'] = [];
  for (let k = 0; k < 2 && withText.length > 0; k++) {
    const section = withText[Math.floor(next() * withText.length)];
    const word = plantedWord(seed, index, k);
    section.paragraphs[0] = section.paragraphs[0].replace(/\.$/, ` ${word}.`);
    planted.push({ word, section: section.number });
  }

  const lines = ['Skip to Main Content', 'Have library access? Log in through your library', 'Research Report', '', title, '', `Copyright Date: ${MONTHS[month - 1]} ${day}, ${year}`, `Pages: ${pages}`, '', 'Table of Contents', ''];
  for (const section of sections) {
    lines.push(`  ${section.number}. (pp. ${section.range ?? 'None'})`);
    if (section.paragraphs.length === 0) continue;
    lines.push('');
    section.paragraphs.forEach((paragraph, p) => {
      const last = p === section.paragraphs.length - 1;
      lines.push(`    ${last && section.truncated ? paragraph.replace(/\.$/, '...') : paragraph}`, '');
    });
  }
  const metadata = {
    title,
    csl: {
      type: 'report',
      title,
      author: [{ family: capitalised(words(1)[0]), given: capitalised(words(1)[0]) }],
      publisher: PUBLISHERS[Math.floor(next() * PUBLISHERS.length)],
      'publisher-place': PLACES[Math.floor(next() * PLACES.length)],
      issued: { 'date-parts': [[year, month, day]] },
      'number-of-pages': pages,
      language: 'en',
    },
    sections: Object.fromEntries(sections.filter((s) => s.title !== null).map((s) => [String(s.number), { title: s.title }])),
  };
  return { id, contentsPage: `${lines.join('\n')}\n`, metadata: `${JSON.stringify(metadata, null, 2)}\n`, planted };
}

/**
 * Writes `count` reports made with `seed` into `dir/sources/`, and
 * `dir/manifest.json` (report id → planted words and their sections).
 * @example writeLibrary('generated/reports-3-seed-7', 3, 7) // ['generated-7-1', 'generated-7-2', 'generated-7-3']
 */
export function writeLibrary(dir: string, count: number, seed: number): string[] {
  const sources = join(dir, 'sources');
  mkdirSync(sources, { recursive: true });
  const manifest: Record<string, GeneratedReport['planted']> = {};
  for (let i = 0; i < count; i++) {
    const report = generateReport(seed, i);
    writeFileSync(join(sources, `${report.id}.txt`), report.contentsPage);
    writeFileSync(join(sources, `${report.id}.json`), report.metadata);
    manifest[report.id] = report.planted;
  }
  writeFileSync(join(dir, 'manifest.json'), `${JSON.stringify({ seed, reports: manifest }, null, 2)}\n`);
  return Object.keys(manifest);
}

if (process.argv[1]?.endsWith('generate-reports.ts')) {
  const { values } = parseArgs({ options: { reports: { type: 'string', default: '100' }, seed: { type: 'string', default: '1' }, out: { type: 'string' } } });
  const count = Number(values.reports);
  const seed = Number(values.seed);
  if (!Number.isInteger(count) || count < 1) throw new Error(`--reports must be a positive whole number, not ${values.reports}`);
  if (!Number.isInteger(seed) || seed < 0) throw new Error(`--seed must be a whole number, not ${values.seed}`);
  const dir = values.out ?? `generated/reports-${count}-seed-${seed}`;
  const started = performance.now();
  writeLibrary(dir, count, seed);
  console.log(`${count} generated reports (seed ${seed}) in ${join(dir, 'sources')}, planted words in ${join(dir, 'manifest.json')}, in ${(performance.now() - started).toFixed(0)} ms`);
}
