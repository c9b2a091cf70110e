/**
 * The search box: a searchbox (`input type=search`) inside the widget's
 * search landmark, with the results list after it (the pattern is described
 * in ./results-list.ts). Every change of its text is a new query (`onQuery`,
 * with the query as the API is asked it); ArrowDown moves the focus to the
 * first result's link and ArrowUp to the last's, Enter asks again, Escape
 * closes the list and a second Escape clears the box.
 *
 * @example
 * const input = searchInput();
 * const box = createSearchBox(input, state, results, { onQuery: (query) => update(query) });
 * root.append(box.input);
 */
import { MAX_QUERY_LENGTH } from '../core/search/limits';
import { h } from './element';
import type { ResultsList } from './results-list';
import type { WidgetState } from './widget-state';

// The API refuses longer queries; the same count (UTF-16 code units) as the input's maxlength.
export { MAX_QUERY_LENGTH };

/**
 * The query the API is asked for a box's text: trimmed, each run of spaces
 * one space (the API's answer does not depend on them, and one key per text
 * lets answers be reused), at most MAX_QUERY_LENGTH.
 * @example queryOf('  integrated   plan ') // 'integrated plan'
 */
export function queryOf(text: string): string {
  return text.trim().replace(/\s+/g, ' ').slice(0, MAX_QUERY_LENGTH).trim();
}

export interface SearchBox {
  input: HTMLInputElement;
  /** Sets the placeholder and accessible name ("Search this report" without one). */
  label(text: string | null): void;
  /** Puts `text` in the box and searches for it; the focus goes to the box unless `focus` is false. */
  searchFor(text: string, focus?: boolean): void;
}

/** The box's input, made first: the results list points its ARIA attributes at it. */
export function searchInput(): HTMLInputElement {
  return h('input', {
    type: 'search',
    class: 'q',
    'aria-controls': 'list',
    autocomplete: 'off',
    autocapitalize: 'off',
    spellcheck: 'false',
    enterkeyhint: 'search',
    maxlength: String(MAX_QUERY_LENGTH),
  });
}

/** Wires the input's typing and keys to the results list and to `onQuery`. */
export function createSearchBox(input: HTMLInputElement, state: WidgetState, results: ResultsList, handlers: { onQuery(query: string): void }): SearchBox {
  const search = () => handlers.onQuery(queryOf(input.value));

  input.addEventListener('input', search);

  input.addEventListener('click', () => results.setOpen(true));

  input.addEventListener('keydown', (event) => {
    if (event.isComposing) return;
    const count = state.options.length;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (!count) return;
      event.preventDefault();
      results.focusResult(event.key === 'ArrowDown' ? 0 : count - 1);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      search();
    } else if (event.key === 'Escape') {
      if (!results.list.hidden) results.setOpen(false);
      else if (input.value) {
        input.value = '';
        search();
      } else return;
      event.preventDefault();
      event.stopPropagation(); // handled here: a host page's dialog should not close too
    }
  });

  return {
    input,
    label(text) {
      const placeholder = text || 'Search this report';
      input.placeholder = placeholder;
      input.setAttribute('aria-label', placeholder);
    },
    searchFor(text, focus = true) {
      input.value = text;
      if (focus) input.focus();
      search();
    },
  };
}
