/**
 * Faster citeproc-js engine building, with the same engines: a look-up
 * table for a style's macros.
 *
 * citeproc-js (2.4.63) expands a macro at every place the style calls it,
 * and finds its definition each time by walking the whole style tree
 * (`CSL.XmlJSON.prototype.getNodesByName(root, 'macro', name)`). APA's
 * style in citation-js (99 macros, called from thousands of places) spends
 * a third of its 1.5–2 s engine build in that walk, and the build makes one
 * engine per style and locale in every process. This module answers the
 * same question from a table built by one walk of the same tree.
 *
 * The table is built on the first macro look-up of a tree, when the
 * engine starts turning the style into tokens; by then citeproc-js has
 * finished editing the tree (it adds name, institution and date nodes
 * while setting up, never macros later), and the nodes returned are the
 * tree's own objects, so what citeproc-js writes on them is seen as before.
 * `test/node/macro-index.test.ts` checks every style's look-ups against the
 * walk, and the build's output is the same byte for byte.
 *
 * Build-only: the Worker never runs citeproc.
 */
import { createRequire } from 'node:module';

/** The parts of citeproc-js's XML reader this patch touches. */
interface XmlJsonReader {
  dataObj: object;
  getNodesByName(tree: object, name: string, nameAttribute?: string, found?: object[]): object[];
}

type NodesByName = XmlJsonReader['getNodesByName'];

const citeproc = createRequire(import.meta.url)('citeproc') as { XmlJSON: { prototype: XmlJsonReader } };
const prototype = citeproc.XmlJSON.prototype;
const INDEXED = Symbol.for('report-edge.macro-index');

/** The walk citeproc-js does, kept for everything but a named macro look-up of a whole style. */
export const walkNodesByName: NodesByName = prototype.getNodesByName;

/** Each macro of a style's tree by its name attribute, in the walk's order. */
export function macrosByName(tree: object, walk: NodesByName = walkNodesByName): Map<string, object[]> {
  const macros = new Map<string, object[]>();
  for (const node of walk.call(prototype, tree, 'macro') as Array<{ attrs?: { name?: string } }>) {
    const name = node.attrs?.name ?? '';
    const same = macros.get(name);
    if (same) same.push(node);
    else macros.set(name, [node]);
  }
  return macros;
}

/** Installs the table in citeproc-js's reader, once per process; engines built before are unaffected. */
export function indexStyleMacros(): void {
  if ((prototype as unknown as Record<symbol, boolean>)[INDEXED]) return;
  const tables = new WeakMap<object, Map<string, object[]>>();
  prototype.getNodesByName = function (this: XmlJsonReader, tree, name, nameAttribute, found) {
    // Only the one question the engine build asks thousands of times: a named macro of the whole style.
    if (name !== 'macro' || !nameAttribute || found || tree !== this.dataObj) return walkNodesByName.call(this, tree, name, nameAttribute, found);
    let table = tables.get(tree);
    if (!table) tables.set(tree, (table = macrosByName(tree)));
    return [...(table.get(nameAttribute) ?? [])];
  };
  (prototype as unknown as Record<symbol, boolean>)[INDEXED] = true;
}
