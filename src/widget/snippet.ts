/**
 * A result's snippet, the one piece of HTML the API sends ("escaped text,
 * matched words in <mark>"), turned into DOM nodes by hand: never parsed as
 * HTML, so markup the API never sends would show as harmless literal text.
 */
import { h } from './element';

/** The named entities an HTML escaper writes (Hono's: &amp; &lt; &gt; &quot; &#39;), and two more. */
const NAMED_ENTITIES = new Map([
  ['amp', '&'],
  ['lt', '<'],
  ['gt', '>'],
  ['quot', '"'],
  ['apos', "'"],
  ['nbsp', '\u00a0'],
]);

/**
 * Text from escaped HTML text: named entities of NAMED_ENTITIES and numeric
 * ones (&#39; &#x27;); an invalid code point becomes U+FFFD, an unknown name
 * stays as written. Done by hand, so no HTML parser ever sees API text.
 * @example decodeEntities('&lt;b&gt; &amp; &#39;x&#x27;') // "<b> & 'x'"
 */
export function decodeEntities(text: string): string {
  return text.replace(/&(?:#(\d+)|#x([\da-f]+)|([a-z]+));/gi, (entity, decimal?: string, hex?: string, name?: string) => {
    if (name) return NAMED_ENTITIES.get(name) ?? entity;
    const code = decimal ? parseInt(decimal, 10) : parseInt(hex!, 16);
    return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : '\ufffd';
  });
}

/**
 * DOM nodes from a snippet: the string is split on the literal tags `<mark>`
 * and `</mark>`, each piece between them is entity-decoded and becomes a Text
 * node (inside a <mark> element when it lies between the tags).
 * @example snippetNodes('a <mark>b</mark> &amp; c') // ['a ', <mark>b</mark>, ' & c']
 */
export function snippetNodes(snippet: string): Node[] {
  const nodes: Node[] = [];
  let marked = false;
  for (const piece of snippet.split(/(<\/?mark>)/)) {
    if (piece === '<mark>' || piece === '</mark>') marked = piece === '<mark>';
    else if (piece) nodes.push(marked ? h('mark', {}, decodeEntities(piece)) : document.createTextNode(decodeEntities(piece)));
  }
  return nodes;
}
