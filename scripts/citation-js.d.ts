// The few parts of citation-js the build uses; the packages ship no types.
declare module '@citation-js/core' {
  export class Cite {
    constructor(data: unknown);
    data: Array<Record<string, unknown>>;
    format(format: string, options?: Record<string, unknown>): unknown;
  }
  export const plugins: {
    config: {
      get(name: '@csl'): {
        styles: { add(name: string, xml: string): void; has(name: string): boolean; get(name: string): string };
        locales: { add(name: string, xml: string): void; has(name: string): boolean };
        /** A citeproc-js engine holding these items (cached per style and locale). */
        engine(
          items: object[],
          style: string,
          lang: string,
          format: string,
        ): { updateItems(ids: string[]): void; makeCitationCluster(items: object[]): string };
      };
    };
  };
}
declare module '@citation-js/plugin-bibtex';
declare module '@citation-js/plugin-csl';
declare module '@citation-js/plugin-ris';
