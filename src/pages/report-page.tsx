/**
 * /reports/{report}: what the JSTOR page shows, done better: the reference,
 * search, the table of contents with excerpts, a cite panel per item, export
 * of any selection, and the snippets to embed the search elsewhere.
 */
import { itemId, cslItem, MACHINE_FORMATS, type CitationsFile, type StyleInfo } from '../core/citations';
import { coinsTitle, highwireTags } from '../core/highwire';
import type { Report } from '../core/types';
import { citationLinks, type Linker } from '../requests/links';
import { embedFrameHtml, embedFrameTitle } from '../requests/embed-frame';
import { oembedDiscovery } from '../requests/oembed';
import { apiPaths } from '../requests/paths';
import { CitePanel, PrintReference } from './cite-panel';
import { citationAlternates, Layout } from './layout';
import { SearchForm } from './search-form';
import { formattedCitations } from './page-citations';
import { Byline, sectionName, sectionPages } from './report-parts';
import { pagePaths } from '../requests/paths';

/**
 * Formats offered by "Export selected": value → label. The machine formats
 * of the registry, then each installed style's reference list as text.
 */
export function exportChoices(styles: StyleInfo[]): Array<[value: string, label: string]> {
  return [...MACHINE_FORMATS.map(({ name, label }): [string, string] => [name, label]), ...styles.map(({ name, title }): [string, string] => [`text:${name}`, `${title}, as text`])];
}

/** `today`: the date of the citations' access dates, in the styles that print one. */
export function ReportPage(props: { report: Report; citations: CitationsFile; link: Linker; today: Date }) {
  const { report, link } = props;
  const item = cslItem(report, 'report');
  const cite = citationLinks(link(apiPaths.cite(report.id)));
  const canonical = link(pagePaths.report(report.id));
  const reportCitations = formattedCitations(props.citations, report.id, 'report', props.today);
  return (
    <Layout
      title={report.title}
      meta={highwireTags(item)}
      canonical={canonical}
      alternates={[...citationAlternates(cite), oembedDiscovery(link, canonical, report.title)]}
    >
      <article class="report">
        <p class="doc-type">{report.type}</p>
        <h1>{report.title}</h1>
        <Byline report={report} />
        <span class="Z3988" title={coinsTitle(item)}></span>
        <CitePanel id="cite-report" summary="Cite this report" citations={reportCitations} links={cite} />
        <PrintReference citations={reportCitations} />

        <section aria-labelledby="search-heading" class="search">
          <h2 id="search-heading">Search this report</h2>
          <report-search report={report.id} api={link('')} placeholder="Search this report" theme="auto">
            <SearchForm report={report.id} />
          </report-search>
        </section>

        <section aria-labelledby="contents-heading">
          <h2 id="contents-heading">Table of contents</h2>
          <form method="get" action={pagePaths.export(report.id)} class="export-form">
            <ol class="toc">
              {report.sections.map((section) => (
                <li id={`section-${section.number}`} class="toc-entry">
                  <div class="toc-head">
                    <input type="checkbox" name="section" value={String(section.number)} id={`select-${section.number}`} />
                    <label for={`select-${section.number}`}>
                      <span class="visually-hidden">Select section {section.number}: </span>
                      <span class="toc-title">{sectionName(section)}</span>
                    </label>
                    {/* An untitled section's label already starts with its pages. */}
                    {section.title !== null && <span class="toc-pages">{sectionPages(section)}</span>}
                  </div>
                  {section.paragraphs.map((paragraph, i) => (
                    <p class="excerpt">
                      {paragraph}
                      {section.truncated && i === section.paragraphs.length - 1 ? '…' : ''}
                    </p>
                  ))}
                  <p class="toc-links">
                    <a href={pagePaths.section(report.id, section.number)}>Read section {section.number}</a>
                  </p>
                  <CitePanel
                    id={`cite-${itemId(section.number)}`}
                    summary={`Cite section ${section.number}`}
                    citations={formattedCitations(props.citations, report.id, section.number, props.today)}
                    links={citationLinks(link(apiPaths.citeSection(report.id, section.number)))}
                  />
                </li>
              ))}
            </ol>
            <fieldset class="export">
              <legend>Export selected sections</legend>
              <label for="export-format">Format</label>{' '}
              <select id="export-format" name="format">
                {exportChoices(props.citations.styles).map(([value, label]) => (
                  <option value={value}>{label}</option>
                ))}
              </select>{' '}
              <button type="submit">Export selected</button>{' '}
              <span class="export-message" role="status" aria-live="polite"></span>
            </fieldset>
          </form>
        </section>

        <section aria-labelledby="embed-heading" class="embed">
          <h2 id="embed-heading">Add this search to your course site</h2>
          <p>With one script tag:</p>
          <pre>
            <code id="embed-script">{`<script src="${link('/widget.js')}" defer></script>\n<report-search report="${report.id}">\n  <a href="${link(pagePaths.report(report.id))}">Search this report</a>\n</report-search>`}</code>
          </pre>
          <button type="button" class="copy" data-copy-from="embed-script">
            Copy the script snippet
          </button>
          <p>Or, where only an iframe is allowed:</p>
          <pre>
            <code id="embed-iframe">{embedFrameHtml({ src: link(pagePaths.embed(report.id)), title: embedFrameTitle(report.title) })}</code>
          </pre>
          <button type="button" class="copy" data-copy-from="embed-iframe">
            Copy the iframe snippet
          </button>
        </section>
      </article>
    </Layout>
  );
}
