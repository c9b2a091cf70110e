/**
 * /reports/{report}/sections/{n}: one section's text, its pages, the way to
 * the neighbouring sections and its citation. Words arriving from a search
 * (`?highlight=…`) are marked as the snippet marked them.
 */
import { raw } from 'hono/html';
import { citationLinks, apiPaths, type Linker } from '../api/representations';
import { cslItem } from '../core/citations';
import { coinsTitle, highwireTags } from '../core/highwire';
import { analyzer } from '../core/analyzer';
import { escapeHtml, highlightHtml } from '../core/search';
import type { Report, Section } from '../core/types';
import { CitePanel } from './cite-panel';
import { citationAlternates, Layout } from './layout';
import { formattedCitations } from './page-citations';
import { pagePaths } from './page-paths';
import { Byline, sectionName, sectionPages } from './report-parts';

/** `today`: the date of the citations' access dates, in the styles that print one. */
export function SectionPage(props: { report: Report; section: Section; link: Linker; highlight: ReadonlySet<string>; today: Date }) {
  const { report, section, link, highlight } = props;
  const item = cslItem(report, section.number);
  const cite = citationLinks(link(apiPaths.citeSection(report.id, section.number)));
  const index = report.sections.indexOf(section);
  const prev = report.sections[index - 1];
  const next = report.sections[index + 1];
  return (
    <Layout
      title={`${sectionName(section)} — ${report.title}`}
      meta={highwireTags(item)}
      canonical={link(pagePaths.section(report.id, section.number))}
      alternates={citationAlternates(cite)}
    >
      <nav aria-label="Breadcrumb" class="breadcrumb">
        <a href={pagePaths.report(report.id)}>{report.title}</a> › Section {section.number}
      </nav>
      <article class="section">
        <h1>{sectionName(section)}</h1>
        <p class="section-meta">
          Section {section.number} of {report.sections.length} · {sectionPages(section)}
          {section.title === null && ' · title not known'}
        </p>
        <Byline report={report} />
        <span class="Z3988" title={coinsTitle(item)}></span>
        {section.paragraphs.length === 0 ? (
          <p class="no-text">The source page shows no text for this section.</p>
        ) : (
          <div class="section-text">
            {section.paragraphs.map((paragraph, i) => (
              <p>
                {/* Without ?highlight= nothing is marked: skip analysing every word of the text. */}
                {raw(highlight.size === 0 ? escapeHtml(paragraph) : highlightHtml(paragraph, highlight, analyzer))}
                {section.truncated && i === section.paragraphs.length - 1 ? '…' : ''}
              </p>
            ))}
            {section.truncated && <p class="note">This is the excerpt the source page shows; the full text is in the report.</p>}
          </div>
        )}
        <CitePanel id="cite-section" summary="Cite this section" citations={formattedCitations(report.id, section.number, props.today)} links={cite} />
        <nav aria-label="Sections" class="prev-next">
          {prev ? (
            <a href={pagePaths.section(report.id, prev.number)} rel="prev">
              ← Section {prev.number}: {sectionName(prev)}
            </a>
          ) : (
            <span />
          )}
          {next && (
            <a href={pagePaths.section(report.id, next.number)} rel="next">
              Section {next.number}: {sectionName(next)} →
            </a>
          )}
        </nav>
      </article>
    </Layout>
  );
}
