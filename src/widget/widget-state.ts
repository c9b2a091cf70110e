/**
 * The one state object of a `<report-search>`: everything that changes while
 * a reader uses it. The modules (search box, results list, Cite menu) read and
 * write it; nothing else holds state of its own but caches (answers fetched,
 * references fetched).
 */

export interface WidgetState {
  /** The query as asked (the box's text trimmed, spaces collapsed, at most MAX_QUERY_LENGTH); '' for none. */
  query: string;
  /** The results on screen (their list items), in order. */
  options: HTMLElement[];
  /** The open Cite menu and the button that opened it. */
  openMenu: { button: HTMLButtonElement; menu: HTMLElement } | null;
}

/** The state of a widget nobody has typed into yet. */
export function initialState(): WidgetState {
  return { query: '', options: [], openMenu: null };
}
