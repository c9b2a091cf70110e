/**
 * "Cite" for one item: in each featured style, the reference and the
 * in-text citation (or the notes), each ready to copy with its italics, and
 * every download and reference-manager link. A <details> element, so it
 * opens without JavaScript; only the copy buttons need it. A button copies
 * the quoted citation's own text and HTML, not a second copy of it in an
 * attribute: a report page holds ~100 citations, and writing each twice made
 * it half again as heavy to send and to compress.
 */
import { raw } from 'hono/html';
import { MACHINE_FORMATS } from '../core/citations';
import type { StyledCitations } from './page-citations';

export interface CitePanelProps {
  /** Unique within the page, for ids. */
  id: string;
  summary: string;
  citations: StyledCitations[];
  /** Links by format name (ris, bibtex, …, refworks, endnote). */
  links: Record<string, string>;
}

/**
 * The item's reference in the first featured style, shown only in print (the
 * stylesheet hides the folded panels there): a printed page says how to cite it.
 */
export function PrintReference(props: { citations: StyledCitations[] }) {
  const styled = props.citations[0];
  const reference = styled?.forms.find((form) => form.form === 'reference');
  if (!styled || !reference) return <></>;
  return (
    <p class="print-reference">
      Cite as ({styled.label}): {raw(reference.html)}
    </p>
  );
}

/** The citation panel of one item. */
export function CitePanel(props: CitePanelProps) {
  return (
    <details class="cite-panel">
      <summary>{props.summary}</summary>
      <div class="cite-body">
        {props.citations.map((styled) => (
          <section class="cite-style" aria-label={styled.label}>
            <h3 class="cite-style-name">{styled.label}</h3>
            {styled.forms.map((form) => {
              const id = `${props.id}-${styled.style}-${form.form}`;
              return (
                <figure class={`reference form-${form.form}`}>
                  <figcaption>{form.formLabel}</figcaption>
                  <blockquote id={id} class="reference-text">
                    {raw(form.html)}
                  </blockquote>
                  <button type="button" class="copy" data-copy-from={id} data-copy-html-from={id}>
                    Copy {styled.label} {form.formLabel.toLowerCase()}
                  </button>
                </figure>
              );
            })}
          </section>
        ))}
        <p class="downloads">
          Download:{' '}
          {MACHINE_FORMATS.map(({ name, label }, i) => (
            <>
              {i > 0 && ' · '}
              <a href={props.links[name]} download>
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
