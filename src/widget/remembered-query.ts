/**
 * The query a widget keeps for the Back button: when a reader opens a
 * section from the results and comes back, the box holds the query again and
 * the results are listed again.
 *
 * Kept in `history.state`, merged into whatever the host page keeps there
 * under one key of the widget's own: it belongs to this entry of the tab's
 * history, so Back (and a reload) find it, while a fresh visit to the page
 * starts empty. Not the URL, which belongs to the host page; not
 * sessionStorage, which would refill the box on any later visit in the tab.
 * Written only when a result is opened (and when the page is hidden), not
 * per keystroke: browsers throttle frequent history updates.
 *
 * @example
 * rememberQuery('driving-the-system-apart#0', 'counterfactual'); // before opening a section
 * rememberedQuery('driving-the-system-apart#0');                  // 'counterfactual' after Back
 */
import { MAX_QUERY_LENGTH } from '../core/search/limits';

/** The key of history.state under which widgets keep their queries, by widget. */
const STATE_KEY = 'report-search';

/** Whatever history.state holds, as an object to merge into. */
function currentState(): Record<string, unknown> {
  const state: unknown = history.state;
  return state !== null && typeof state === 'object' ? (state as Record<string, unknown>) : {};
}

/** Keeps `query` for the widget known as `widget` in this history entry; '' forgets it. */
export function rememberQuery(widget: string, query: string): void {
  try {
    const state = currentState();
    const kept = { ...((state[STATE_KEY] as Record<string, string> | undefined) ?? {}), [widget]: query };
    history.replaceState({ ...state, [STATE_KEY]: kept }, '');
  } catch {
    // A sandboxed or unusual host may refuse history updates: the box then starts empty after Back.
  }
}

/** The query kept for `widget` in this history entry, or ''. */
export function rememberedQuery(widget: string): string {
  try {
    const query = (currentState()[STATE_KEY] as Record<string, unknown> | undefined)?.[widget];
    return typeof query === 'string' ? query.slice(0, MAX_QUERY_LENGTH) : '';
  } catch {
    return '';
  }
}
