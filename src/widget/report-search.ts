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
 * - `theme`: `light` (the default), `dark`, or `auto` (the reader's colour
 *   scheme): a course page is light whatever the reader's system is, so the
 *   host chooses.
 * - `target`: `_blank` opens sections in a new tab; otherwise in this window.
 * Colours and font: CSS custom properties, listed in ./widget-styles.ts.
 * Without JavaScript, the element's own children show (a link to the
 * report's search page, say); once it renders, its shadow root has no slot,
 * so they are hidden.
 *
 * How it behaves: a search landmark holding a searchbox and a list of
 * results (the pattern and its keys: ./results-list.ts). Every keystroke
 * asks the API at once; the request a newer keystroke makes obsolete is
 * cancelled, and only the answer for the text in the box is ever shown. While
 * it is on its way, the results of the longest shorter query already answered
 * stay on screen, narrowed to those that still fit; a query answered before
 * is shown from memory with no request. Each result links to its section and
 * has a Cite button: copy a formatted reference, or download it for a
 * reference manager. After opening a section and coming back, the query and
 * its results are there again (./remembered-query.ts).
 *
 * The parts: ./search-box.ts (the input), ./results-list.ts (the results and
 * messages), ./cite-menu.ts (each result's Cite menu), ./search-answers.ts
 * (requests and the answers kept), ./remembered-query.ts (the query kept for
 * Back), over one ./widget-state.ts object.
 *
 * Safety: everything from the API or the reader reaches the DOM as text
 * (`textContent`, Text nodes). Snippets are the one piece of HTML the API
 * sends; they are taken apart by hand (./snippet.ts), never parsed as HTML.
 * The styles are a constructable stylesheet, so a strict CSP is fine. It
 * fetches the API and nothing else: no fonts, images or other scripts.
 */
import { pagePaths } from '../requests/paths';
import { createCiteMenus } from './cite-menu';
import { h } from './element';
import { rememberedQuery, rememberQuery } from './remembered-query';
import { createResultsList } from './results-list';
import { createSearchAnswers } from './search-answers';
import { createSearchBox, searchInput } from './search-box';
import { WIDGET_CSS } from './widget-styles';
import { initialState } from './widget-state';

/** Results shown without a `results` attribute, and the most it may ask for. */
const DEFAULT_RESULTS = 5;
const MAX_RESULTS = 20;

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

/** The `results` attribute as a whole number within 1–MAX_RESULTS. */
function resultCount(value: string | null): number {
  const count = parseInt(value ?? '', 10);
  return Math.min(MAX_RESULTS, Math.max(1, Number.isNaN(count) ? DEFAULT_RESULTS : count));
}

/**
 * Builds the widget inside the host's shadow root and wires its parts.
 * Returns what the element's lifecycle callbacks need.
 */
function mount(host: HTMLElement, root: ShadowRoot) {
  if (SHEET) root.adoptedStyleSheets = [SHEET];
  else root.append(h('style', {}, WIDGET_CSS));

  const state = initialState();
  const api = () => (host.getAttribute('api') || SCRIPT_ORIGIN).replace(/\/+$/, '');
  const report = () => host.getAttribute('report') ?? '';
  /** The report's URLs: `{api}/api/reports/{report}…` and `{api}/reports/{report}…`. */
  const reportUrl = (prefix: string) => `${api()}${prefix}/reports/${encodeURIComponent(report())}`;

  const answers = createSearchAnswers(
    (query) => `${api()}/api/search?${new URLSearchParams({ q: query, report: report(), limit: String(resultCount(host.getAttribute('results'))) })}`,
  );
  // The search landmark (role=search rather than <search>, which older browsers do not know).
  const box = h('div', { class: 'root', role: 'search', 'aria-busy': 'false' });
  const input = searchInput();
  const cite = createCiteMenus(state, (text) => results.announce(text));
  /** Which widget of the page this is, for the query kept in history: its report and its place among the page's widgets. */
  const widgetKey = () => `${report()}#${Array.prototype.indexOf.call(document.querySelectorAll('report-search'), host)}`;
  const remember = () => rememberQuery(widgetKey(), state.query);
  const results = createResultsList(state, {
    input,
    cite,
    onOpen: remember,
    links: {
      section: (hit) => `${api()}${pagePaths.sectionAt(report(), hit.number, hit.terms, hit.page)}`,
      cite: (hit) => `${reportUrl('/api')}/sections/${hit.number}/cite?format=`,
      allReports: (query) => `${api()}${pagePaths.librarySearch()}?q=${encodeURIComponent(query)}`,
      newTab: () => host.getAttribute('target') === '_blank',
    },
  });
  const searchBox = createSearchBox(input, state, results, { onQuery: update });

  /** aria-busy: true while the answer for the text in the box is on its way. */
  function setBusy(busy: boolean) {
    box.setAttribute('aria-busy', String(busy));
  }

  /** Shows what is known for `query` now, and asks for the rest. */
  function update(query: string) {
    state.query = query;
    if (!query || !report()) {
      answers.cancel();
      setBusy(false);
      return query ? results.tell('This search box has no report attribute.') : results.clear();
    }
    const known = answers.known(query);
    if (known) {
      answers.cancel();
      setBusy(false);
      return results.showAnswer(known, searchBox.searchFor);
    }
    const standIn = answers.standIn(query);
    if (standIn?.length) results.showHits(standIn);
    setBusy(true);
    answers.ask(query).then(
      (answer) => {
        if (!answer || state.query !== query) return; // cancelled, or overtaken by newer typing
        setBusy(false);
        results.showAnswer(answer, searchBox.searchFor);
      },
      (failure: Error) => {
        if (state.query !== query) return;
        setBusy(false);
        results.tell(failure.message);
      },
    );
  }

  box.append(searchBox.input, results.status, results.list, results.live);
  root.append(box);

  // Leaving the widget closes the list; moving within it does not.
  root.addEventListener('focusout', (event) => {
    const next = (event as FocusEvent).relatedTarget as Node | null;
    if (!next || !root.contains(next)) results.setOpen(false);
  });

  // Best effort for leaving the page another way than by a result (a host's own link, a reload).
  addEventListener('pagehide', remember);

  return {
    /** Sets the placeholder, and the landmark's name to match the box's. */
    label(text: string | null) {
      searchBox.label(text);
      box.setAttribute('aria-label', input.placeholder);
    },
    /** Puts back the query kept for Back, if any, and lists its results. */
    restore() {
      const kept = rememberedQuery(widgetKey());
      if (kept && !input.value) searchBox.searchFor(kept, false);
    },
    stop() {
      answers.cancel();
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

  connectedCallback() {
    this.widget.restore();
  }

  disconnectedCallback() {
    this.widget.stop();
  }
}

if (!customElements.get('report-search')) customElements.define('report-search', ReportSearchElement);
