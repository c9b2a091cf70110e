// The few parts of citation-js the build uses; the packages ship no types.
declare module '@citation-js/core' {
  export class Cite {
    constructor(data: unknown);
    data: Array<Record<string, unknown>>;
    format(format: string, options?: Record<string, unknown>): unknown;
  }
  /** The parts of citeproc-js's CSL.Engine the build uses. */
  export interface CiteprocEngine {
    /** `retrieveItem` is the item look-up citation-js gave it last: a new one each time it prepares the engine. */
    sys: { retrieveItem: unknown };
    updateItems(ids: string[]): void;
    setOutputFormat(format: string): void;
    makeCitationCluster(items: object[]): string;
    /** The registered items' entries: `[formatting parameters, entries]`. */
    makeBibliography(): [Record<string, unknown>, string[]];
    /** A term in the engine's locale, the style's own terms first: `getTerm('page', 'short', 0)` is "p." in English. */
    getTerm(name: string, form: 'long' | 'short', plural: 0 | 1): string;
  }
  export const plugins: {
    config: {
      get(name: '@csl'): {
        styles: { add(name: string, xml: string): void; has(name: string): boolean; get(name: string): string | undefined };
        locales: { add(name: string, xml: string): void; has(name: string): boolean; get(name: string): string | undefined };
        /** A citeproc-js engine holding these items (cached per style and locale). */
        engine(items: object[], style: string, lang: string, format: string): CiteprocEngine;
      };
    };
  };
}
declare module '@citation-js/plugin-bibtex';
declare module '@citation-js/plugin-csl';
declare module '@citation-js/plugin-csl/lib/attr.js' {
  /** An HTML entry with `data-csl-entry-id` on its first tag, as citation-js's bibliography writes it. */
  export function getPrefixedEntry(entry: string, id: string): string;
}
declare module '@citation-js/plugin-ris';
