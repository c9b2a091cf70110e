/**
 * What an instructor may place through deep linking, and the content item
 * each choice becomes: a report, a section, a printed page, the report's
 * search box, or a citation of the report or a section in a style. Each
 * item's URL is one of this deployment's own (src/requests/paths.ts), the
 * same the launch later accepts as a target (./targets.ts).
 */
import { FEATURED_STYLES } from '../core/citations';
import { parsePrintedPage, sectionsHoldingPage } from '../core/page-ranges';
import { citationStyles } from '../data';
import { echoed } from '../problem';
import { requireReport, requireSection } from '../requests/lookups';
import { apiPaths, pagePaths } from '../requests/paths';
import { CONTENT_ITEM_TYPE, type ContentItem } from './deep-linking';
import { refusal } from './refusal';

/** The kinds of things a picker offers, in the order it lists them. */
export const PICK_KINDS = [
  { kind: 'report', label: 'The report' },
  { kind: 'section', label: 'A section' },
  { kind: 'page', label: 'A printed page' },
  { kind: 'search', label: 'The search box' },
  { kind: 'citation', label: 'A citation (of the report, or of the section given)' },
] as const;
export type PickKind = (typeof PICK_KINDS)[number]['kind'];

/** Longest title sent to a platform: the longest one Canvas shows whole in a module. */
const MAX_TITLE = 255;

/** The styles a citation may be placed in: the featured ones this deployment has installed. */
export async function pickableStyles(): Promise<Array<{ style: string; label: string }>> {
  const installed = new Set((await citationStyles()).styles.map((s) => s.name));
  return FEATURED_STYLES.filter((f) => installed.has(f.style)).map(({ style, label }) => ({ style, label }));
}

const bad = (detail: string) => refusal(400, 'lti-bad-choice', 'That choice cannot be placed', detail);

function sectionNumber(value: string): number {
  if (!/^[1-9][0-9]{0,4}$/.test(value)) throw bad(`"${echoed(value)}" is not a section number; sections are numbered 1, 2, 3…`);
  return Number(value);
}

const clip = (title: string) => (title.length > MAX_TITLE ? `${title.slice(0, MAX_TITLE - 1)}…` : title);

/**
 * The content item for a picker's form (fields `kind`, `report`, `section`,
 * `page`, `style`), with its absolute URL on `origin`; a 400/404 naming what
 * is wrong with the choice.
 * @example await pickedItem(new URLSearchParams('kind=page&report=driving-the-system-apart&page=11'), 'https://reports.example.org')
 * // { type: 'ltiResourceLink', title: 'Driving the System Apart? …, p. 11', url: 'https://reports.example.org/reports/driving-the-system-apart/sections/7#p-11' }
 */
export async function pickedItem(form: URLSearchParams, origin: string): Promise<ContentItem> {
  const kind = form.get('kind') ?? '';
  if (!PICK_KINDS.some((k) => k.kind === kind)) throw bad(`Choose what to place: ${PICK_KINDS.map((k) => k.kind).join(', ')}.`);
  const { report } = await requireReport((form.get('report') ?? '').slice(0, 200));
  const item = (title: string, path: string): ContentItem => ({ type: CONTENT_ITEM_TYPE, title: clip(title), url: origin + path });
  const sectionField = (form.get('section') ?? '').trim();
  switch (kind as PickKind) {
    case 'report':
      return item(report.title, pagePaths.report(report.id));
    case 'section': {
      const section = requireSection(report, sectionNumber(sectionField));
      return item(`${report.title}: ${section.title ?? section.label}`, pagePaths.section(report.id, section.number));
    }
    case 'page': {
      const page = parsePrintedPage((form.get('page') ?? '').slice(0, 20));
      if (!page) throw bad('Give a printed page number, arabic (11) or roman (ii).');
      const [section] = sectionsHoldingPage(report.sections, page);
      if (!section) throw refusal(404, 'lti-bad-choice', 'No such page', `Report "${report.id}" has no printed page ${page.label}.`);
      return item(`${report.title}, p. ${page.label}`, pagePaths.sectionAt(report.id, section.number, [], page.label));
    }
    case 'search':
      return item(`Search: ${report.title}`, pagePaths.embed(report.id));
    case 'citation': {
      const styles = await pickableStyles();
      const style = styles.find((s) => s.style === form.get('style'));
      if (!style) throw bad(`Choose a citation style: ${styles.map((s) => s.style).join(', ')}.`);
      const params = new URLSearchParams({ format: 'html', style: style.style });
      if (sectionField === '') return item(`${report.title} (${style.label} citation)`, `${apiPaths.cite(report.id)}?${params}`);
      const section = requireSection(report, sectionNumber(sectionField));
      return item(`${report.title}: ${section.title ?? section.label} (${style.label} citation)`, `${apiPaths.citeSection(report.id, section.number)}?${params}`);
    }
  }
}
