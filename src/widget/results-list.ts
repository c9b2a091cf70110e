/**
 * The results under the box: an ARIA listbox of options (title, pages,
 * snippet, Cite), the message line under the box, and what is announced to
 * screen readers. It shows what it is given; which answer that is, the widget
 * decides (src/widget/report-search.ts).
 *
 * @example
 * const results = createResultsList(state, { input, cite, links });
 * box.append(input, results.status, results.list, results.live);
 * results.showAnswer(answer, retry);
 */
import type { CiteMenus } from './cite-menu';
import { h } from './element';
import type { Hit, SearchAnswer } from './search-answers';
import { snippetNodes } from './snippet';
import type { WidgetState } from './widget-state';

/**
 * A result count is announced once the answers stop changing for this long:
 * answers now arrive on every keystroke, and a screen reader would otherwise
 * read a count per letter typed.
 */
const ANNOUNCE_PAUSE_MS = 500;

/** Where a result leads: its section page, its cite URL, and whether it opens in a new tab. */
export interface ResultLinks {
  section(hit: Hit): string;
  /** The section's cite URL up to `format=`. */
  cite(hit: Hit): string;
  newTab(): boolean;
}

export interface ResultsList {
  list: HTMLUListElement;
  /** The message under the box ("No results.", a failure…). */
  status: HTMLDivElement;
  /** A visually hidden live region. */
  live: HTMLDivElement;
  /** Shows the list when asked and there is something to show; hiding it forgets the active option. */
  setOpen(open: boolean): void;
  setActive(index: number): void;
  /** Shows hits (a stand-in while the answer is on its way): nothing is announced. */
  showHits(hits: Hit[]): void;
  /** Shows an answer: its results and their count, or "No results" and the API's suggestion (`retry` searches for it). */
  showAnswer(answer: SearchAnswer, retry: (suggestion: string) => void): void;
  /** A message instead of results, shown and announced. */
  tell(text: string): void;
  /** Empties the list, the message and the live region. */
  clear(): void;
  /** Says `text` to screen readers now. */
  announce(text: string): void;
  /** Opens option `index`'s section page. */
  openResult(index: number): void;
}

/**
 * A page range for reading: "pp. 9–14", "p. 26", or "" without pages.
 * @example pagesText({ first: 'i', last: 'ii' }) // 'pp. i–ii'
 */
function pagesText(pages: Hit['pages']): string {
  if (!pages) return '';
  return pages.first === pages.last ? `p. ${pages.first}` : `pp. ${pages.first}–${pages.last}`;
}

/** "1 result", "5 results", "5 of 12 results". */
function countText(shown: number, total: number): string {
  return `${shown < total ? `${shown} of ${total}` : shown} result${total === 1 ? '' : 's'}`;
}

export function createResultsList(state: WidgetState, parts: { input: HTMLInputElement; cite: CiteMenus; links: ResultLinks }): ResultsList {
  const { input, cite, links } = parts;
  const list = h('ul', { id: 'list', class: 'list', role: 'listbox', 'aria-label': 'Search results' });
  const status = h('div', { class: 'status' });
  const live = h('div', { class: 'vh', 'aria-live': 'polite' });
  list.hidden = true;
  let announceTimer: ReturnType<typeof setTimeout> | undefined;

  function announce(text: string, pause = 0) {
    clearTimeout(announceTimer);
    if (pause) announceTimer = setTimeout(() => (live.textContent = text), pause);
    else live.textContent = text;
  }

  function setActive(index: number) {
    state.active = index;
    state.options.forEach((option, i) => option.setAttribute('aria-selected', String(i === index)));
    if (index < 0) return input.removeAttribute('aria-activedescendant');
    input.setAttribute('aria-activedescendant', state.options[index].id);
    state.options[index].scrollIntoView({ block: 'nearest' });
  }

  function setOpen(open: boolean) {
    const shown = open && state.options.length > 0;
    list.hidden = !shown;
    input.setAttribute('aria-expanded', String(shown));
    if (!shown) {
      cite.close();
      setActive(-1);
    }
  }

  /** Sets the options (and the message under the box); no options closes the popup. */
  function show(items: HTMLElement[], ...message: Array<Node | string>) {
    cite.close();
    state.options = items;
    setActive(-1);
    list.replaceChildren(...items);
    status.replaceChildren(...message);
    setOpen(true);
  }

  /** One result: a link to the section page (title, pages, snippet) and its Cite button. */
  function option(hit: Hit, i: number): HTMLElement {
    const item = h('li', { id: `o${i}`, class: 'opt', role: 'option', 'aria-selected': 'false', 'aria-labelledby': `l${i}` });
    const link = h('a', { id: `l${i}`, class: 'link', href: links.section(hit), tabindex: '-1' });
    if (links.newTab()) {
      link.target = '_blank';
      link.rel = 'noopener';
    }
    // An untitled section's label already starts with its pages.
    const range = hit.title === null ? '' : pagesText(hit.pages);
    // Where the match is, when the section's pages are known: the page a student will cite.
    const pages = [range, hit.page === null ? '' : `match on p. ${hit.page}`].filter(Boolean).join(' · ');
    const snippet = h('span', { class: 's' });
    snippet.append(...snippetNodes(hit.snippet));
    link.append(h('span', { id: `t${i}`, class: 't' }, hit.title ?? hit.label), pages ? h('span', { class: 'p' }, pages) : '', snippet);
    item.append(link, ...cite.controls(links.cite(hit), i, hit.page));
    return item;
  }

  function tell(text: string) {
    show([], text);
    announce(text);
  }

  function openResult(index: number) {
    const url = (state.options[index].querySelector('a') as HTMLAnchorElement).href;
    if (links.newTab()) window.open(url, '_blank', 'noopener');
    else window.location.assign(url);
  }

  // Keep the focus in the input while the pointer picks an option or a menu entry.
  list.addEventListener('mousedown', (event) => event.preventDefault());

  list.addEventListener('click', (event) => {
    const target = event.target as Element;
    if (target.closest('a, button, .menu')) return; // the link navigates itself; Cite and its menu act on their own
    const item = target.closest('[role=option]');
    if (item) openResult(state.options.indexOf(item as HTMLElement));
  });

  // An open Cite menu handles its own keys; otherwise Escape closes the list and goes back to the input.
  list.addEventListener('keydown', (event) => {
    if (cite.keydown(event) || event.key !== 'Escape') return;
    event.preventDefault();
    event.stopPropagation();
    input.focus();
    setOpen(false);
  });

  return {
    list,
    status,
    live,
    setOpen,
    setActive,
    showHits: (hits) => show(hits.map(option)),
    showAnswer(answer, retry) {
      const items = answer.results.map(option);
      if (items.length > 0) {
        show(items);
        return announce(countText(items.length, answer.total), ANNOUNCE_PAUSE_MS);
      }
      const suggestion = answer.suggestions[0];
      if (!suggestion) return tell('No results.');
      const button = h('button', { type: 'button' }, suggestion);
      button.onclick = () => retry(suggestion);
      show([], 'No results. Did you mean ', button, '?');
      announce(`No results. Did you mean ${suggestion}?`);
    },
    tell,
    clear() {
      show([]);
      announce('');
    },
    announce,
    openResult,
  };
}
