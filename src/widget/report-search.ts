/**
 * `<report-search>`: a search box for one report, for any web page.
 *
 * @example
 * <script src="https://HOST/widget.js" defer></script>
 * <report-search report="driving-the-system-apart"></report-search>
 *
 * Attributes:
 * - `report` (required): the report id.
 * - `api`: the API origin; by default the origin this script was loaded from.
 * - `placeholder`: the input's placeholder and accessible name ("Search this report").
 * - `results`: how many results to show, 1–20 (5).
 * - `theme`: `light`, `dark` or `auto` (the reader's colour scheme; the default).
 * - `target`: `_blank` opens sections in a new tab; otherwise in this window.
 * Colours and font: CSS custom properties, listed in ./widget-styles.ts.
 *
 * How it behaves: an ARIA 1.2 combobox with a listbox popup. Typing searches
 * after a short pause (only the latest request's answer is shown); ArrowDown
 * and ArrowUp move through the results, Enter or a click opens one, Escape
 * closes the list and a second Escape clears the box. Each result has a Cite
 * button: copy a formatted reference, or download it for a reference manager.
 *
 * Safety: everything from the API or the reader reaches the DOM as text
 * (`textContent`, Text nodes). Snippets are the one piece of HTML the API
 * sends; they are taken apart by hand (see `snippetNodes`), never parsed as
 * HTML. The styles are a constructable stylesheet, so a strict CSP is fine.
 * It fetches the API and nothing else: no fonts, images or other scripts.
 */
// The API refuses longer queries; the same count (UTF-16 code units) as the input's maxlength.
import { MAX_QUERY_LENGTH } from '../core/search/limits';
import { WIDGET_CSS } from './widget-styles';

/** Waits this long after the last keystroke: one request per pause, not per letter. */
const DEBOUNCE_MS = 150;
/** Results shown without a `results` attribute, and the most it may ask for. */
const DEFAULT_RESULTS = 5;
const MAX_RESULTS = 20;
/** How long "Copied" stays on a copy button. */
const FLASH_MS = 2000;

/** Formatted references to copy: [label, the API's style name]. */
const COPY_STYLES = [
  ['APA', 'apa'],
  ['MLA', 'mla'],
  ['Chicago', 'chicago-author-date'],
];
/** Files for reference managers: [label, the API's format name]. */
const DOWNLOAD_FORMATS = [
  ['RIS', 'ris'],
  ['BibTeX', 'bibtex'],
  ['BibLaTeX', 'biblatex'],
  ['CSL-JSON', 'csl-json'],
];

/**
 * The API's origin when the element has no `api` attribute: where this script
 * came from. Read now: `document.currentScript` is only set while the script
 * first runs (a deferred script included). Without one, the page's origin.
 */
const SCRIPT_ORIGIN = (() => {
  try {
    return new URL((document.currentScript as HTMLScriptElement).src).origin;
  } catch {
    return location.origin;
  }
})();

/** One stylesheet shared by every instance; null where constructable stylesheets are missing. */
const SHEET = (() => {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(WIDGET_CSS);
    return sheet;
  } catch {
    return null;
  }
})();

/** The parts of the API's SearchResponse the widget reads (src/api/schemas.ts). */
interface PageRange {
  first: string;
  last: string;
}
interface Hit {
  number: number;
  title: string | null;
  label: string;
  pages: PageRange | null;
  terms: string[];
  snippet: string;
}
interface SearchResponse {
  total: number;
  results: Hit[];
  suggestions: string[];
}

/** An element with attributes and, optionally, text (always as text). */
function h<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Record<string, string> = {}, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const name in attributes) node.setAttribute(name, attributes[name]);
  if (text !== undefined) node.textContent = text;
  return node;
}

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
function decodeEntities(text: string): string {
  return text.replace(/&(?:#(\d+)|#x([\da-f]+)|([a-z]+));/gi, (entity, decimal?: string, hex?: string, name?: string) => {
    if (name) return NAMED_ENTITIES.get(name) ?? entity;
    const code = decimal ? parseInt(decimal, 10) : parseInt(hex!, 16);
    return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : '\ufffd';
  });
}

/**
 * DOM nodes from a snippet ("escaped text, matched words in <mark>"), built
 * without parsing HTML: the string is split on the literal tags `<mark>` and
 * `</mark>`, each piece between them is entity-decoded and becomes a Text node
 * (inside a <mark> element when it lies between the tags). Any other markup,
 * which the API never sends, would therefore show as harmless literal text.
 * @example snippetNodes('a <mark>b</mark> &amp; c') // ['a ', <mark>b</mark>, ' & c']
 */
function snippetNodes(snippet: string): Array<Node | string> {
  const nodes: Array<Node | string> = [];
  let marked = false;
  for (const piece of snippet.split(/(<\/?mark>)/)) {
    if (piece === '<mark>' || piece === '</mark>') marked = piece === '<mark>';
    else if (piece) nodes.push(marked ? h('mark', {}, decodeEntities(piece)) : document.createTextNode(decodeEntities(piece)));
  }
  return nodes;
}

/**
 * A page range for reading: "pp. 9–14", "p. 26", or "" without pages.
 * @example pagesText({ first: 'i', last: 'ii' }) // 'pp. i–ii'
 */
function pagesText(pages: PageRange | null): string {
  if (!pages) return '';
  return pages.first === pages.last ? `p. ${pages.first}` : `pp. ${pages.first}–${pages.last}`;
}

/** "1 result", "5 results", "5 of 12 results". */
function countText(shown: number, total: number): string {
  return `${shown < total ? `${shown} of ${total}` : shown} result${total === 1 ? '' : 's'}`;
}

/** The `results` attribute as a whole number within 1–MAX_RESULTS. */
function resultCount(value: string | null): number {
  const count = parseInt(value ?? '', 10);
  return Math.min(MAX_RESULTS, Math.max(1, Number.isNaN(count) ? DEFAULT_RESULTS : count));
}

/**
 * Builds the widget inside the host's shadow root and wires its behaviour.
 * Returns what the element's lifecycle callbacks need.
 */
function mount(host: HTMLElement, root: ShadowRoot) {
  if (SHEET) root.adoptedStyleSheets = [SHEET];
  else root.append(h('style', {}, WIDGET_CSS));

  const box = h('div', { class: 'root', 'aria-busy': 'false' });
  const input = h('input', {
    type: 'text',
    class: 'q',
    role: 'combobox',
    'aria-autocomplete': 'list',
    'aria-expanded': 'false',
    'aria-controls': 'list',
    autocomplete: 'off',
    autocapitalize: 'off',
    spellcheck: 'false',
    enterkeyhint: 'search',
    maxlength: String(MAX_QUERY_LENGTH),
  });
  const status = h('div', { class: 'status' });
  const list = h('ul', { id: 'list', class: 'list', role: 'listbox', 'aria-label': 'Search results' });
  const live = h('div', { class: 'vh', 'aria-live': 'polite' });
  list.hidden = true;
  box.append(input, status, list, live);
  root.append(box);

  let timer: ReturnType<typeof setTimeout> | undefined;
  /** Id of the latest search: an answer to any other is stale and dropped. */
  let latest = 0;
  let controller: AbortController | undefined;
  let options: HTMLElement[] = [];
  let active = -1;
  let openMenu: [button: HTMLButtonElement, menu: HTMLElement] | null = null;
  /** Formatted references fetched so far, by URL: copying needs no wait (Safari's clipboard wants the click's own task). */
  const references = new Map<string, string>();

  const api = () => (host.getAttribute('api') || SCRIPT_ORIGIN).replace(/\/+$/, '');
  const report = () => host.getAttribute('report') ?? '';
  /** The report's URLs: `{api}/api/reports/{report}…` and `{api}/reports/{report}…`. */
  const reportUrl = (prefix: string) => `${api()}${prefix}/reports/${encodeURIComponent(report())}`;

  function setBusy(busy: boolean) {
    box.setAttribute('aria-busy', String(busy));
  }

  function setActive(index: number) {
    active = index;
    options.forEach((option, i) => option.setAttribute('aria-selected', String(i === index)));
    if (index < 0) return input.removeAttribute('aria-activedescendant');
    input.setAttribute('aria-activedescendant', options[index].id);
    options[index].scrollIntoView({ block: 'nearest' });
  }

  /** Shows the list when asked and there is something to show; hiding it forgets the active option. */
  function setOpen(open: boolean) {
    const shown = open && options.length > 0;
    list.hidden = !shown;
    input.setAttribute('aria-expanded', String(shown));
    if (!shown) {
      closeMenu();
      setActive(-1);
    }
  }

  function closeMenu(focusButton = false) {
    if (!openMenu) return;
    const [button, menu] = openMenu;
    menu.hidden = true;
    button.setAttribute('aria-expanded', 'false');
    openMenu = null;
    if (focusButton) button.focus();
  }

  /** Sets the results (and the message under the box); an empty list closes the popup. */
  function show(items: HTMLElement[], ...message: Array<Node | string>) {
    closeMenu();
    options = items;
    setActive(-1);
    list.replaceChildren(...items);
    status.replaceChildren(...message);
    setOpen(true);
  }

  /** A message instead of results, shown and announced. */
  function tell(text: string) {
    show([], text);
    live.textContent = text;
  }

  /** Forgets the query: no pending search, no results, no message. */
  function reset() {
    clearTimeout(timer);
    latest++;
    controller?.abort();
    setBusy(false);
    show([]);
    live.textContent = '';
  }

  async function search() {
    clearTimeout(timer);
    const query = input.value.trim().slice(0, MAX_QUERY_LENGTH);
    if (!query) return reset();
    if (!report()) return tell('This search box has no report attribute.');
    const id = ++latest;
    controller?.abort();
    controller = new AbortController();
    setBusy(true);
    let failure = 'Search is unavailable right now. Please try again.';
    try {
      const params = new URLSearchParams({ q: query, report: report(), limit: String(resultCount(host.getAttribute('results'))) });
      const response = await fetch(`${api()}/api/search?${params}`, { signal: controller.signal });
      const body = await response.json();
      if (id !== latest) return;
      if (response.ok) return render(body as SearchResponse);
      failure = `Search failed: ${body?.title ?? response.status}.`;
    } catch {
      if (id !== latest) return; // cancelled, or overtaken by a newer search
    } finally {
      if (id === latest) setBusy(false);
    }
    tell(failure);
  }

  function render(answer: SearchResponse) {
    const items = answer.results.map(option);
    if (items.length > 0) {
      show(items);
      live.textContent = countText(items.length, answer.total);
      return;
    }
    const suggestion = answer.suggestions[0];
    if (!suggestion) return tell('No results.');
    const retry = h('button', { type: 'button' }, suggestion);
    retry.onclick = () => {
      input.value = suggestion;
      input.focus();
      search();
    };
    show([], 'No results. Did you mean ', retry, '?');
    live.textContent = `No results. Did you mean ${suggestion}?`;
  }

  /** One result: a link to the section page (title, pages, snippet) and its Cite button. */
  function option(hit: Hit, i: number): HTMLElement {
    const highlight = hit.terms.length > 0 ? `?highlight=${encodeURIComponent(hit.terms.join(' '))}` : '';
    const item = h('li', { id: `o${i}`, class: 'opt', role: 'option', 'aria-selected': 'false', 'aria-labelledby': `l${i}` });
    const link = h('a', { id: `l${i}`, class: 'link', href: `${reportUrl('')}/sections/${hit.number}${highlight}`, tabindex: '-1' });
    if (host.getAttribute('target') === '_blank') {
      link.target = '_blank';
      link.rel = 'noopener';
    }
    // An untitled section's label already starts with its pages.
    const pages = hit.title === null ? '' : pagesText(hit.pages);
    const snippet = h('span', { class: 's' });
    snippet.append(...snippetNodes(hit.snippet));
    link.append(h('span', { id: `t${i}`, class: 't' }, hit.title ?? hit.label), pages ? h('span', { class: 'p' }, pages) : '', snippet);
    item.append(link, ...citeControls(hit.number, i));
    return item;
  }

  /** The Cite button and the menu it opens: copy a formatted reference, or download a file. */
  function citeControls(section: number, i: number): HTMLElement[] {
    const cite = `${reportUrl('/api')}/sections/${section}/cite?format=`;
    const button = h('button', { type: 'button', class: 'cite', 'aria-expanded': 'false', 'aria-controls': `m${i}`, 'aria-describedby': `t${i}` }, 'Cite');
    const menu = h('div', { id: `m${i}`, class: 'menu', role: 'group', 'aria-label': 'Cite this section' });
    menu.hidden = true;
    const copyUrls = COPY_STYLES.map(([, style]) => `${cite}text&style=${style}`);
    COPY_STYLES.forEach(([name], k) => {
      const copy = h('button', { type: 'button' }, `Copy ${name}`);
      copy.onclick = () => copyReference(copy, copyUrls[k], name);
      menu.append(copy);
    });
    menu.append(h('span', {}, 'Download:'));
    for (const [name, format] of DOWNLOAD_FORMATS) menu.append(h('a', { href: cite + format, download: '' }, name));
    button.onclick = () => {
      const wasOpen = openMenu?.[1] === menu;
      closeMenu(true); // focus must not stay on a hidden entry: losing it would close the list
      if (wasOpen) return;
      menu.hidden = false;
      button.setAttribute('aria-expanded', 'true');
      openMenu = [button, menu];
      (menu.firstElementChild as HTMLElement).focus();
      for (const url of copyUrls) fetchReference(url).catch(() => {});
    };
    return [button, menu];
  }

  async function fetchReference(url: string): Promise<string> {
    const known = references.get(url);
    if (known !== undefined) return known;
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${response.status}`);
    const text = (await response.text()).trim();
    references.set(url, text);
    return text;
  }

  async function copyReference(button: HTMLButtonElement, url: string, name: string) {
    try {
      // Synchronous when the menu's prefetch has arrived, so the copy stays inside the click.
      const known = references.get(url);
      await navigator.clipboard.writeText(known ?? (await fetchReference(url)));
      button.textContent = 'Copied';
      live.textContent = `Copied the ${name} reference.`;
    } catch {
      button.textContent = 'Copy failed';
      live.textContent = `Could not copy the ${name} reference.`;
    }
    setTimeout(() => (button.textContent = `Copy ${name}`), FLASH_MS);
  }

  /** Opens a result's section page: in this window, or a new tab with target="_blank". */
  function openResult(index: number) {
    const url = (options[index].querySelector('a') as HTMLAnchorElement).href;
    if (host.getAttribute('target') === '_blank') window.open(url, '_blank', 'noopener');
    else window.location.assign(url);
  }

  input.addEventListener('input', () => {
    clearTimeout(timer);
    if (!input.value.trim()) return reset();
    timer = setTimeout(search, DEBOUNCE_MS);
  });

  input.addEventListener('click', () => setOpen(true));

  input.addEventListener('keydown', (event) => {
    if (event.isComposing) return;
    const count = options.length;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (!count) return;
      event.preventDefault();
      setOpen(true);
      const step = event.key === 'ArrowDown' ? 1 : count - 1;
      setActive(active < 0 ? (step === 1 ? 0 : count - 1) : (active + step) % count);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      if (active >= 0) openResult(active);
      else search();
    } else if (event.key === 'Escape') {
      if (!list.hidden) setOpen(false);
      else if (input.value) {
        input.value = '';
        reset();
      } else return;
      event.preventDefault();
      event.stopPropagation(); // handled here: a host page's dialog should not close too
    }
  });

  // Keep the focus in the input while the pointer picks an option or a menu entry.
  list.addEventListener('mousedown', (event) => event.preventDefault());

  list.addEventListener('click', (event) => {
    const target = event.target as Element;
    if (target.closest('a, button, .menu')) return; // the link navigates itself; Cite and its menu act on their own
    const item = target.closest('[role=option]');
    if (item) openResult(options.indexOf(item as HTMLElement));
  });

  // Inside an open Cite menu: Escape closes it (focus back on Cite), arrows move between its entries.
  // Outside a menu, Escape closes the list and goes back to the input.
  list.addEventListener('keydown', (event) => {
    if (!openMenu) {
      if (event.key !== 'Escape') return;
      event.preventDefault();
      event.stopPropagation();
      input.focus();
      setOpen(false);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      closeMenu(true);
    } else if ((event.key === 'ArrowDown' || event.key === 'ArrowUp') && openMenu[1].contains(event.target as Node)) {
      event.preventDefault();
      const entries = [...openMenu[1].querySelectorAll<HTMLElement>('button, a')];
      const at = entries.indexOf(event.target as HTMLElement) + (event.key === 'ArrowDown' ? 1 : -1);
      entries[(at + entries.length) % entries.length].focus();
    }
  });

  // Leaving the widget closes the list; moving within it does not.
  root.addEventListener('focusout', (event) => {
    const next = (event as FocusEvent).relatedTarget as Node | null;
    if (!next || !root.contains(next)) setOpen(false);
  });

  return {
    /** The input's placeholder and accessible name. */
    label(text: string | null) {
      const placeholder = text || 'Search this report';
      input.placeholder = placeholder;
      input.setAttribute('aria-label', placeholder);
    },
    stop() {
      clearTimeout(timer);
      latest++;
      controller?.abort();
      setBusy(false);
    },
  };
}

/** The custom element: an open shadow root holding the search box. */
class ReportSearchElement extends HTMLElement {
  static get observedAttributes() {
    return ['placeholder'];
  }

  declare private widget: ReturnType<typeof mount>;

  constructor() {
    super();
    this.widget = mount(this, this.attachShadow({ mode: 'open' }));
    this.widget.label(this.getAttribute('placeholder'));
  }

  attributeChangedCallback() {
    this.widget.label(this.getAttribute('placeholder'));
  }

  disconnectedCallback() {
    this.widget.stop();
  }
}

if (!customElements.get('report-search')) customElements.define('report-search', ReportSearchElement);
