/**
 * The results page (no JavaScript): why a hit matched a word the reader
 * did not type, the count in words, and what to try when nothing matched.
 */
import { describe, expect, it } from 'vitest';
import { getHtml, REPORT } from './client';

const resultsPage = (q: string) => getHtml(`/reports/${REPORT}/search?q=${encodeURIComponent(q)}`);

describe('the results page', () => {
  it('says a hit matched a related word, in a muted line: matched summary for synopsis', async () => {
    const html = await resultsPage('synopsis');

    expect(html).toContain('1 section matches “synopsis”');
    expect(html).toContain('<p class="hit-related">matched <em>summary</em> for <em>synopsis</em></p>');
  });

  it('adds no such line where the words typed matched', async () => {
    expect(await resultsPage('counterfactual')).not.toContain('hit-related');
  });

  it('counts several sections in the plural', async () => {
    expect(await resultsPage('integration')).toMatch(/\d+ sections match “integration”/);
  });

  it('says what to try when nothing matched, with a link to search every report', async () => {
    const html = await resultsPage('banana');

    expect(html).toContain('No sections match “banana”');
    expect(html).toContain('Check the spelling, or try another word for the same idea.');
    expect(html).not.toContain('Try fewer words');
    expect(html).toContain('<a href="/search?q=banana">Search all reports</a>');
  });

  it('suggests fewer words for a query of several, and nothing about other reports across the library', async () => {
    expect(await resultsPage('quantum chromodynamics')).toContain('Try fewer words, or a phrase without its quotation marks.');
    const library = await getHtml('/search?q=quantum%20chromodynamics');
    expect(library).toContain('Try fewer words');
    expect(library).not.toContain('Search all reports</a>');
  });
});
