/**
 * Writes RIS records from the tag/value objects citation-js produces
 * (`format('ris', { format: 'object' })`), because its own text output
 * hard-wraps values at 70 characters, mid-word, and leaves dates unpadded.
 */

/** A RIS record: tag → one value, or several for repeatable tags (AU, KW). */
export type RisRecord = Record<string, string | string[]>;

// Tag order as reference managers print them: type, people, titles, dates, pages, publisher, links.
const TAG_ORDER = ['TY', 'ID', 'AU', 'A2', 'ED', 'TI', 'T2', 'T3', 'PY', 'DA', 'SP', 'EP', 'VL', 'IS', 'CY', 'PB', 'SN', 'DO', 'UR', 'LA', 'M3', 'KW', 'N1', 'AB'];

function oneLine(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}

/**
 * One record as text: `TAG  - value` lines with CRLF (the RIS specification's
 * line end), no value ever wrapped, `ER  - ` last.
 * @example writeRisRecord({ TY: 'RPRT', TI: 'A title' }) // 'TY  - RPRT\r\nTI  - A title\r\nER  - \r\n'
 */
export function writeRisRecord(record: RisRecord): string {
  const tags = Object.keys(record).filter((tag) => tag !== 'ER');
  tags.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  const lines: string[] = [];
  for (const tag of tags) {
    const values = Array.isArray(record[tag]) ? (record[tag] as string[]) : [record[tag] as string];
    for (const value of values) {
      const text = oneLine(String(value));
      if (text !== '') lines.push(`${tag}  - ${text}`);
    }
  }
  lines.push('ER  - ');
  return lines.map((line) => `${line}\r\n`).join('');
}

function rank(tag: string): number {
  const index = TAG_ORDER.indexOf(tag);
  return index < 0 ? TAG_ORDER.length : index;
}

/** A RIS date, `YYYY/MM/DD/` zero-padded, from CSL date parts (missing parts left empty). */
export function risDate(parts: number[]): string {
  const [year, month, day] = parts;
  const pad = (n: number | undefined) => (n === undefined ? '' : String(n).padStart(2, '0'));
  return `${year}/${pad(month)}/${pad(day)}/`;
}

/** Several records in one file, a blank line between them. */
export function writeRisFile(records: RisRecord[]): string {
  return records.map(writeRisRecord).join('\r\n');
}
