/**
 * The search answers behind the box: asked on every keystroke, the request a
 * newer keystroke makes obsolete cancelled, every answer kept for the page's
 * life, and a stand-in from a shorter query's answer while a longer one is on
 * its way. No DOM here: the widget decides what to show.
 *
 * @example
 * const answers = createSearchAnswers((q) => `${api}/api/search?q=${encodeURIComponent(q)}`);
 * answers.known('counterf');      // an answer fetched before, or undefined
 * answers.standIn('counterfa');   // counterf's hits that still fit, while counterfa is asked
 * await answers.ask('counterfa'); // the answer; null when a newer ask cancelled it
 */
import type { z } from '@hono/zod-openapi';
import type { SearchResponseSchema } from '../api/schemas';

/** The API's answer to /api/search (src/api/schemas.ts). */
export type SearchAnswer = z.infer<typeof SearchResponseSchema>;
export type Hit = SearchAnswer['results'][number];

/**
 * Answers kept in memory. A reader types a few hundred queries in a long
 * session; an answer the widget asks for is 1–4 KB, so this is well under 1 MB.
 */
const KEPT_ANSWERS = 300;

export interface SearchAnswers {
  /** The answer already fetched for `query`, if any. */
  known(query: string): SearchAnswer | undefined;
  /**
   * Hits to show while `query`'s own answer is on its way: those of the
   * longest shorter query answered so far that still fit the word being
   * typed (see `stillFits`). Undefined when no shorter query was answered.
   */
  standIn(query: string): Hit[] | undefined;
  /**
   * The answer for `query`: fetched, unless already known or on its way.
   * Cancels the request of any other query first. Resolves with null when a
   * later ask (or `cancel`) cancelled it; rejects with a message for readers
   * when the API could not be reached or refused.
   */
  ask(query: string): Promise<SearchAnswer | null>;
  /** Cancels the request on its way, if any. */
  cancel(): void;
}

/**
 * Lower case without accents, as the API's analyser folds text (near enough
 * to choose stand-ins; the API's answer has the last word).
 * @example fold('Évolution') // 'evolution'
 */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The words of a text, folded. */
function words(text: string): string[] {
  return fold(text).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

/**
 * Whether a hit of a shorter query still fits `query`: the word being typed
 * (the API completes the last word) begins one of the words the hit matched.
 * @example stillFits({ terms: ['counterfactual'] }, 'counterfa') // true
 */
export function stillFits(hit: Pick<Hit, 'terms'>, query: string): boolean {
  const typing = words(query).at(-1);
  return typing === undefined || hit.terms.some((term) => words(term).some((word) => word.startsWith(typing)));
}

/**
 * The answers for one widget. `urlFor` gives a query's request URL, which is
 * also the key answers are kept under: a change of report, API or result
 * count asks afresh.
 */
export function createSearchAnswers(urlFor: (query: string) => string): SearchAnswers {
  const kept = new Map<string, SearchAnswer>();
  let pending: { url: string; controller: AbortController; answer: Promise<SearchAnswer | null> } | null = null;

  function keep(url: string, answer: SearchAnswer) {
    kept.delete(url);
    kept.set(url, answer);
    if (kept.size > KEPT_ANSWERS) kept.delete(kept.keys().next().value!);
  }

  async function request(url: string, signal: AbortSignal): Promise<SearchAnswer | null> {
    let body: { title?: string } | undefined;
    let response: Response;
    try {
      response = await fetch(url, { signal });
      body = await response.json();
    } catch {
      if (signal.aborted) return null;
      throw new Error('Search is unavailable right now. Please try again.');
    } finally {
      if (pending?.controller.signal === signal) pending = null;
    }
    if (!response.ok) throw new Error(`Search failed: ${body?.title ?? response.status}.`);
    keep(url, body as SearchAnswer);
    return body as SearchAnswer;
  }

  const answers: SearchAnswers = {
    known: (query) => kept.get(urlFor(query)),

    standIn(query) {
      for (let end = query.length - 1; end > 0; end--) {
        const shorter = kept.get(urlFor(query.slice(0, end).trimEnd()));
        if (shorter) return shorter.results.filter((hit) => stillFits(hit, query));
      }
      return undefined;
    },

    ask(query) {
      const url = urlFor(query);
      const known = kept.get(url);
      if (known) {
        answers.cancel();
        return Promise.resolve(known);
      }
      if (pending?.url === url) return pending.answer;
      answers.cancel();
      const controller = new AbortController();
      const answer = request(url, controller.signal);
      pending = { url, controller, answer };
      return answer;
    },

    cancel() {
      pending?.controller.abort();
      pending = null;
    },
  };
  return answers;
}
