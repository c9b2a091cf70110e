/**
 * `h()`: the one way the widget makes elements. Attributes are set as
 * attributes and text as text, so nothing from the API or the reader is ever
 * parsed as HTML.
 */

/**
 * An element with attributes and, optionally, text (always as text).
 * @example h('button', { type: 'button', class: 'cite' }, 'Cite')
 */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Record<string, string> = {}, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const name in attributes) node.setAttribute(name, attributes[name]);
  if (text !== undefined) node.textContent = text;
  return node;
}
