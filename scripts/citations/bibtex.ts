/**
 * Writes BibTeX and BibLaTeX entries from the objects citation-js produces
 * (`format('bibtex', { format: 'object' })`): values are already escaped by
 * citation-js; the entry key and the month are set here.
 */

/** An entry as citation-js gives it. */
export interface BibtexEntry {
  type: string;
  label: string;
  properties: Record<string, string>;
}

const MONTH_MACROS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** The standard BibTeX month macro for a month number (1–12). */
export function monthMacro(month: number): string | null {
  return MONTH_MACROS[month - 1] ?? null;
}

/**
 * One entry as text. `month`, when given, is written as a bare macro
 * (`month = aug`), which every BibTeX style localises; other values in braces.
 * @example writeBibtexEntry({ type: 'techreport', label: 'k', properties: { title: 'T' } }, { month: 8 })
 * // '@techreport{k,\n\ttitle = {T},\n\tmonth = aug,\n}\n'
 */
export function writeBibtexEntry(entry: BibtexEntry, options: { key?: string; month?: number } = {}): string {
  const lines = Object.entries(entry.properties)
    .filter(([field]) => field !== 'month')
    .map(([field, value]) => `\t${field} = {${value}},`);
  const macro = options.month !== undefined ? monthMacro(options.month) : null;
  if (macro) {
    const afterYear = lines.findIndex((line) => line.startsWith('\tyear = ')) + 1;
    lines.splice(afterYear > 0 ? afterYear : lines.length, 0, `\tmonth = ${macro},`);
  }
  return `@${entry.type}{${options.key ?? entry.label},\n${lines.join('\n')}\n}\n`;
}
