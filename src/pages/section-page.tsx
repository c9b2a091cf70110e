/**
 * /reports/{report}/sections/{n}: one section's text, its pages, the way to
 * the neighbouring sections and its citation, and a search box. Words
 * arriving from a search (`?highlight=…`) are marked as the snippet marked
 * them. Where the report's PDF was read, the whole text is shown page by
 * printed page, each page with a visible marker and an anchor (`#p-11`) that
 * search results link to; otherwise the excerpt, said to be one.
 */
import { raw } from 'hono/html';
import { citationLinks, type Linker } from '../requests/links';
import { oembedDiscovery } from '../requests/oembed';
import { apiPaths } from '../requests/paths';
import { cslItem, type CitationsFile, type StyleInfo } from '../core/citations';
import { coinsTitle, highwireTags } from '../core/highwire';
import { analyzer } from '../core/analyzer';
import { escapeHtml, highlightHtml } from '../core/search';
import type { Report, Section } from '../core/types';
import { CitePanel, PrintReference } from './cite-panel';
import { citationAlternates, Layout } from './layout';
import { formattedCitations, pageCitationChoices } from './page-citations';
import { rangeLabels } from '../core/page-ranges';
import { pageAnchor, pagePaths } from '../requests/paths';
import { SearchForm } from './search-form';
import { Byline, sectionName, sectionPages } from './report-parts';

/**
 * Says that the text shown is an excerpt, and where the whole report is: its
 * archive's or publisher's page (the metadata's URL, DOI), or only that it is elsewhere.
 */
function ExcerptNotice(props: { report: Report }) {
  const { csl } = props.report;
  const url = typeof csl.URL === 'string' ? csl.URL : typeof csl.DOI === 'string' ? `https://doi.org/${csl.DOI}` : null;
  const where = typeof csl.archive === 'string' ? `on ${csl.archive}` : csl.publisher ? `from ${csl.publisher}` : 'at its publisher';
  return (
    <p class="note excerpt-notice">
      This is only the excerpt the contents page shows, not the section’s whole text.{' '}
      {url ? (
        <>
          Read the full report <a href={url}>{where}</a>.
        </>
      ) : (
        'The full text is in the report.'
      )}
    </p>
  );
}

/** The printed pages of a section: those of its whole text where known, else every page of its range. */
function printedLabels(section: Section): string[] {
  if (section.fullText) return section.fullText.map((page) => page.label);
  const range = section.pages;
  if (!range) return [];
  return rangeLabels(range);
}

/**
 * "Cite one page": any printed page of the section, in any featured style's
 * in-text citation or note, as the manuals want a quotation cited. A plain
 * form: it works without JavaScript (a redirect to the API's citation).
 */
function CitePageForm(props: { report: Report; section: Section; styles: StyleInfo[] }) {
  const labels = printedLabels(props.section);
  return (
    <details class="cite-panel cite-page">
      <summary>Cite one page</summary>
      <form method="get" action={pagePaths.citePage(props.report.id, props.section.number)}>
        <label for="cite-page-page">Page</label>{' '}
        <select id="cite-page-page" name="page">
          {labels.map((label) => (
            <option value={label}>p. {label}</option>
          ))}
        </select>{' '}
        <label for="cite-page-as">as</label>{' '}
        <select id="cite-page-as" name="as">
          {pageCitationChoices(props.styles).map(([value, label]) => (
            <option value={value}>{label}</option>
          ))}
        </select>{' '}
        <button type="submit">Cite this page</button>
      </form>
    </details>
  );
}

/** `today`: the date of the citations' access dates, in the styles that print one. */
export function SectionPage(props: { report: Report; section: Section; citations: CitationsFile; link: Linker; highlight: ReadonlySet<string>; today: Date }) {
  const { report, section, link, highlight } = props;
  const item = cslItem(report, section.number);
  const cite = citationLinks(link(apiPaths.citeSection(report.id, section.number)));
  const index = report.sections.indexOf(section);
  const prev = report.sections[index - 1];
  const next = report.sections[index + 1];
  const citations = formattedCitations(props.citations, report.id, section.number, props.today);
  const title = `${sectionName(section)} — ${report.title}`;
  const canonical = link(pagePaths.section(report.id, section.number));
  return (
    <Layout
      title={title}
      meta={highwireTags(item)}
      canonical={canonical}
      alternates={[...citationAlternates(cite), oembedDiscovery(link, canonical, title)]}
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
        <section aria-label="Search" class="search section-search">
          <report-search report={report.id} api={link('')} placeholder="Search this report" theme="auto">
            <SearchForm report={report.id} />
          </report-search>
        </section>
        {section.fullText ? (
          <div class="section-text full-text">
            {section.fullText.map((page) => (
              <div class="printed-page">
                <p class="page-marker" id={pageAnchor(page.label)}>
                  <a href={`#${pageAnchor(page.label)}`}>p. {page.label}</a>
                </p>
                {page.text.split('\n\n').map((paragraph) => (
                  <p>{raw(highlight.size === 0 ? escapeHtml(paragraph) : highlightHtml(paragraph, highlight, analyzer))}</p>
                ))}
              </div>
            ))}
          </div>
        ) : section.paragraphs.length === 0 ? (
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
            <ExcerptNotice report={report} />
          </div>
        )}
        <CitePanel id="cite-section" summary="Cite this section" citations={citations} links={cite} />
        {section.pages && <CitePageForm report={report} section={section} styles={props.citations.styles} />}
        <PrintReference citations={citations} />
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
