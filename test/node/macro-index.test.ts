/**
 * The build's look-up table for a style's macros (`scripts/citations/macro-index.ts`)
 * must answer exactly as citeproc-js's walk of the style tree does: the
 * same nodes, in the same order, for every macro of every style the build
 * renders, and nothing for a name no macro has.
 */
import { createRequire } from 'node:module';
import { plugins } from '@citation-js/core';
import { describe, expect, it } from 'vitest';
import { indexStyleMacros, macrosByName, walkNodesByName } from '../../scripts/citations/macro-index';
import { setUpCitations } from '../../scripts/citations/render';

const CSL = createRequire(import.meta.url)('citeproc') as { setupXml(xml: string): { dataObj: object; getNodesByName(tree: object, name: string, attr?: string): object[] } };

describe('the macro look-up table', () => {
  const setup = setUpCitations({ locales: ['en-US'] });
  indexStyleMacros();

  it.each(setup.styles.map((style) => [style.name, style.template]))('%s: every macro found as the walk finds it', (_, template) => {
    const tree = CSL.setupXml(plugins.config.get('@csl').styles.get(template)!);
    const names = [...macrosByName(tree.dataObj).keys()];
    expect(names.length).toBeGreaterThan(3);
    for (const name of [...names, 'no-such-macro']) {
      const walked = walkNodesByName.call(tree, tree.dataObj, 'macro', name);
      const looked = tree.getNodesByName(tree.dataObj, 'macro', name);
      expect(looked, name).toHaveLength(walked.length);
      looked.forEach((node, i) => expect(node, name).toBe(walked[i]));
    }
    // Other questions still walk: every date element, say.
    expect(tree.getNodesByName(tree.dataObj, 'date')).toEqual(walkNodesByName.call(tree, tree.dataObj, 'date'));
  });

  it('APA has the 99 macros the engine build looks up thousands of times', () => {
    const apa = CSL.setupXml(plugins.config.get('@csl').styles.get('apa')!);
    expect(macrosByName(apa.dataObj).size).toBeGreaterThanOrEqual(90);
  });
});
