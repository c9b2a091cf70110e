/**
 * "Cite" for one item: the formatted reference in the common styles, ready to
 * copy, and every download and reference-manager link. A <details> element,
 * so it opens without JavaScript; only the copy buttons need it.
 */
import { raw } from 'hono/html';

/** A formatted reference in one style. */
export interface FormattedReference {
  style: string;
  label: string;
  /** Citation-js HTML (escaped by citeproc, italics as <i>), from our own metadata. */
  html: string;
  text: string;
}

export interface CitePanelProps {
  /** Unique within the page, for ids. */
  id: string;
  summary: string;
  references: FormattedReference[];
  /** Links by format name (ris, bibtex, …, refworks, endnote). */
  links: Record<string, string>;
}

const DOWNLOADS: Array<[format: string, label: string]> = [
  ['ris', 'RIS (EndNote, Zotero, Mendeley, EasyBib, NoodleTools)'],
  ['bibtex', 'BibTeX'],
  ['biblatex', 'BibLaTeX'],
  ['csl-json', 'CSL-JSON'],
];

/** The citation panel of one item. */
export function CitePanel(props: CitePanelProps) {
  return (
    <details class="cite-panel">
      <summary>{props.summary}</summary>
      <div class="cite-body">
        {props.references.map((reference) => (
          <figure class="reference">
            <figcaption>{reference.label}</figcaption>
            <blockquote id={`${props.id}-${reference.style}`} class="reference-text">
              {raw(reference.html)}
            </blockquote>
            <button type="button" class="copy" data-copy={reference.text}>
              Copy {reference.label}
            </button>
          </figure>
        ))}
        <p class="downloads">
          Download:{' '}
          {DOWNLOADS.map(([format, label], i) => (
            <>
              {i > 0 && ' · '}
              <a href={props.links[format]} download>
                {label}
              </a>
            </>
          ))}
        </p>
        <p class="managers">
          Send to: <a href={props.links.refworks}>RefWorks</a> · <a href={props.links.endnote}>EndNote online</a>
        </p>
      </div>
    </details>
  );
}
