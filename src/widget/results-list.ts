/**
 * The results under the box: a plain list, one item per result (a link named
 * by the section's title, its pages and snippet as the link's description,
 * and a Cite button), the message line under the box, and what is announced
 * to screen readers. It shows what it is given; which answer that is, the
 * widget decides (src/widget/report-search.ts).
 *
 * The pattern (WAI-ARIA Authoring Practices): a search landmark (APG
 * "Landmark Regions", `role=search`) holding a searchbox and a list of links
 * and buttons, each reached by Tab as any link or button is. Not the APG
 * Combobox pattern: a listbox option may hold no interactive child, and each
 * result has two (its link and its Cite button). As a shortcut, ArrowDown in
 * the box moves the focus to the first result's link, ArrowDown/ArrowUp then
 * move it between results' links (the roving focus of APG's "Developing a
 * Keyboard Interface"), ArrowUp from the first goes back to the box, and
 * Escape anywhere in the list closes it and goes back to the box. Tab from a
 * result's link reaches its Cite button.
 *
 * @example
 * const results = createResultsList(state, { input, cite, links });
 * box.append(input, results.status, results.list, results.live);
 * results.showAnswer(answer, retry);
 */
import { noResultsAdvice, relatedPairs } from '../core/search/advice';
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
  /** The results page across every report, for a query that found nothing in this one. */
  allReports(query: string): string;
  newTab(): boolean;
}

export interface ResultsList {
  list: HTMLUListElement;
  /** The message under the box ("No sections match." and what to try, a failure…). */
  status: HTMLDivElement;
  /** A visually hidden live region. */
  live: HTMLDivElement;
  /** Shows the list when asked and there is something to show; hiding it closes the Cite menu. */
  setOpen(open: boolean): void;
  /** Moves the focus to result `index`'s link, opening the list. */
  focusResult(index: number): void;
  /** Shows hits (a stand-in while the answer is on its way): nothing is announced. */
  showHits(hits: Hit[]): void;
  /** Shows an answer: its results and their count, or "No sections match", the API's suggestion (`retry` searches for it) and what else to try. */
  showAnswer(answer: SearchAnswer, retry: (suggestion: string) => void): void;
  /** A message instead of results, shown and announced. */
  tell(text: string): void;
  /** Empties the list, the message and the live region. */
  clear(): void;
  /** Says `text` to screen readers now. */
  announce(text: string): void;
  /** Opens result `index`'s section page. */
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

/**
 * The results list of one widget. `onOpen` runs just before a result's
 * section is opened (by its link or a click on its row): the widget keeps
 * its query then, for the Back button.
 */
export function createResultsList(state: WidgetState, parts: { input: HTMLInputElement; cite: CiteMenus; links: ResultLinks; onOpen(): void }): ResultsList {
  const { input, cite, links } = parts;
  const list = h('ul', { id: 'list', class: 'list', 'aria-label': 'Search results' });
  const status = h('div', { class: 'status' });
  const live = h('div', { class: 'vh', 'aria-live': 'polite' });
  list.hidden = true;
  let announceTimer: ReturnType<typeof setTimeout> | undefined;

  function announce(text: string, pause = 0) {
    clearTimeout(announceTimer);
    if (pause) announceTimer = setTimeout(() => (live.textContent = text), pause);
    else live.textContent = text;
  }

  const linkOf = (index: number) => state.options[index].querySelector('a') as HTMLAnchorElement;

  function setOpen(open: boolean) {
    list.hidden = !(open && state.options.length > 0);
    if (list.hidden) cite.close();
  }

  function focusResult(index: number) {
    setOpen(true);
    linkOf(index).focus();
  }

  /** Sets the results (and the message under the box); no results hides the list. */
  function show(items: HTMLElement[], ...message: Array<Node | string>) {
    cite.close();
    state.options = items;
    list.replaceChildren(...items);
    status.replaceChildren(...message);
    setOpen(true);
  }

  /** One result: a link named by the section's title, described by its pages and snippet; its Cite button. */
  function result(hit: Hit, i: number): HTMLElement {
    const item = h('li', { id: `o${i}`, class: 'opt' });
    // An untitled section's label already starts with its pages.
    const range = hit.title === null ? '' : pagesText(hit.pages);
    // Where the match is, when the section's pages are known: the page a student will cite.
    const pages = [range, hit.page === null ? '' : `match on p. ${hit.page}`].filter(Boolean).join(' · ');
    const link = h('a', { id: `l${i}`, class: 'link', href: links.section(hit), 'aria-describedby': pages ? `p${i} s${i}` : `s${i}` });
    if (links.newTab()) {
      link.target = '_blank';
      link.rel = 'noopener';
    }
    link.append(h('span', { id: `t${i}`, class: 't' }, hit.title ?? hit.label));
    const snippet = h('span', { id: `s${i}`, class: 's' });
    snippet.append(...snippetNodes(hit.snippet));
    // Why it matched a word the reader did not type: "matched summary for synopsis".
    const pairs = relatedPairs(hit.related);
    const related = h('span', { id: `r${i}`, class: 'r' }, 'matched ');
    pairs.forEach((pair, n) => related.append(n > 0 ? ', ' : '', h('em', {}, pair.matched), ' for ', h('em', {}, pair.query)));
    if (pairs.length > 0) link.setAttribute('aria-describedby', `${link.getAttribute('aria-describedby')} r${i}`);
    const text = h('span', { class: 'x' });
    text.append(link, pages ? h('span', { id: `p${i}`, class: 'p' }, pages) : '', snippet, pairs.length > 0 ? related : '');
    item.append(text, ...cite.controls(links.cite(hit), i, hit.page));
    return item;
  }

  function tell(text: string) {
    show([], text);
    announce(text);
  }

  function openResult(index: number) {
    parts.onOpen();
    const url = linkOf(index).href;
    if (links.newTab()) window.open(url, '_blank', 'noopener');
    else window.location.assign(url);
  }

  // Keep the focus where it is while the pointer picks a result or a menu entry (leaving the widget would close the list).
  list.addEventListener('mousedown', (event) => event.preventDefault());

  list.addEventListener('click', (event) => {
    const target = event.target as Element;
    if (target.closest('a.link')) return parts.onOpen(); // the link navigates itself
    if (target.closest('button, .menu')) return; // Cite and its menu act on their own
    const item = target.closest('.opt');
    if (item) openResult(state.options.indexOf(item as HTMLElement));
  });

  list.addEventListener('keydown', (event) => {
    if (cite.keydown(event)) return; // an open Cite menu handles its own keys
    const at = state.options.findIndex((item) => item.querySelector('a') === event.target);
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation(); // handled here: a host page's dialog should not close too
      input.focus();
      setOpen(false);
    } else if (at >= 0 && (event.key === 'ArrowDown' || event.key === 'ArrowUp')) {
      event.preventDefault();
      const next = at + (event.key === 'ArrowDown' ? 1 : -1);
      if (next < 0) input.focus();
      else focusResult(Math.min(next, state.options.length - 1));
    } else if (at >= 0 && event.key === 'Enter') {
      parts.onOpen(); // the link follows itself
    }
  });

  return {
    list,
    status,
    live,
    setOpen,
    focusResult,
    showHits: (hits) => show(hits.map(result)),
    showAnswer(answer, retry) {
      const items = answer.results.map(result);
      if (items.length > 0) {
        show(items);
        return announce(countText(items.length, answer.total), ANNOUNCE_PAUSE_MS);
      }
      // Nothing matched: the suggestion when there is one, then what else to try (core/search/advice.ts).
      const suggestion = answer.suggestions[0];
      const message: Array<Node | string> = ['No sections match.'];
      if (suggestion) {
        const button = h('button', { type: 'button' }, suggestion);
        button.onclick = () => retry(suggestion);
        message.push(' Did you mean ', button, '?');
      }
      const advice = h('ul', { class: 'advice' });
      for (const item of noResultsAdvice({ words: answer.query.trim().split(/\s+/).length, inOneReport: true })) {
        const line = h('li', {}, item.kind === 'whole-library' ? undefined : item.text);
        if (item.kind === 'whole-library') line.append(h('a', { href: links.allReports(answer.query), target: '_blank', rel: 'noopener' }, item.text));
        advice.append(line);
      }
      show([], ...message, advice);
      announce(`No sections match.${suggestion ? ` Did you mean ${suggestion}?` : ''} Try: ${Array.from(advice.children, (line) => line.textContent).join(' ')}`);
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
