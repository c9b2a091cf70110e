/**
 * The formatted citations a page shows in its cite panels, taken from the
 * prerendered citations like every API answer: for each featured style that
 * is installed, every form it offers (reference and in-text, or reference,
 * note and short note).
 */
import { citationAnswer, CITATION_FORMS, FEATURED_STYLES, itemId, type CitationForm, type CitationsFile, type ItemRef } from '../core/citations';

/** One form of a formatted citation in one style. */
export interface FormattedCitation {
  form: CitationForm;
  formLabel: string;
  /** Citation-js HTML (escaped by citeproc, italics as <i>), from our own metadata; its text is what a copy button copies as plain text. */
  html: string;
}

/** A style's citations of one item. */
export interface StyledCitations {
  style: string;
  label: string;
  forms: FormattedCitation[];
}

/**
 * What "Cite one page" offers: each featured style that is installed, in each
 * form that names a page (not the reference), as `style:form` → label.
 * @example pageCitationChoices(styles)[0] // ['apa:in-text', 'APA in-text citation']
 */
export function pageCitationChoices(installed: ReadonlyArray<{ name: string; forms: CitationForm[] }>): Array<[value: string, label: string]> {
  return FEATURED_STYLES.flatMap(({ style, label }) => {
    const info = installed.find((s) => s.name === style);
    return (info?.forms ?? [])
      .filter((form) => form !== 'reference')
      .map((form): [string, string] => [`${style}:${form}`, `${label} ${CITATION_FORMS.find((f) => f.name === form)!.label.toLowerCase()}`]);
  });
}

/** The inner HTML of a one-entry answer, without citation-js's wrapping divs. */
function innerHtml(body: string): string {
  return body
    .replace(/^<div class="csl-(bib-body|citations)">\n\s*<div[^>]*class="csl-(entry|citation)">/, '')
    .replace(/<\/div>\n?<\/div>$/, '')
    .trim();
}

/** The featured styles' citations of one item, as HTML, in every form each offers. */
export function formattedCitations(file: CitationsFile, report: string, ref: ItemRef, today = new Date()): StyledCitations[] {
  return FEATURED_STYLES.flatMap(({ style, label }) => {
    const info = file.styles.find((s) => s.name === style);
    if (!info) return [];
    const forms = info.forms.map((form) => {
      const request = { report, items: [itemId(ref)], style, locale: file.defaultLocale, form, today };
      return {
        form,
        formLabel: CITATION_FORMS.find((f) => f.name === form)!.label,
        html: innerHtml(citationAnswer(file, { ...request, format: 'html' }).body),
      };
    });
    return [{ style, label, forms }];
  });
}
