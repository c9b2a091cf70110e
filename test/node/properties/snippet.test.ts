/**
 * Snippets and highlights, for any text and any matched terms: the text
 * escaped (& < > " '), no tag but <mark>, never nested, nothing lost.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzer } from '../../../src/core/analyzer';
import { buildSnippet, highlightHtml, matchedWords } from '../../../src/core/search';
import { hostileText, PROPERTY_RUNS, unescapeHtml } from '../property-runs';

/** A text, and a set of terms some of whose words match (plus terms from nowhere). */
const textAndTerms = hostileText.chain((text) =>
  fc.record({
    text: fc.constant(text),
    matched: fc.subarray(analyzer.analyze(text)).chain((terms) => fc.array(fc.string({ maxLength: 6 }), { maxLength: 3 }).map((noise) => new Set([...terms, ...noise]))),
  }),
);

/** What is markup in `html` is only <mark> and </mark>, opened and closed in turn. */
function expectOnlyMarks(html: string): void {
  const tags = html.match(/<[^>]*>?/g) ?? [];
  tags.forEach((tag, i) => expect(tag, html).toBe(i % 2 === 0 ? '<mark>' : '</mark>'));
  expect(tags.length % 2, html).toBe(0);
  const text = html.replace(/<\/?mark>/g, '');
  expect(text, html).not.toMatch(/[<>"']/);
  expect(text.replace(/&(amp|lt|gt|quot|#39);/g, ''), html).not.toContain('&');
}

describe('highlightHtml, for any text', () => {
  it('escapes the text, adds no tag but <mark>, and loses nothing', () => {
    fc.assert(
      fc.property(textAndTerms, ({ text, matched }) => {
        const html = highlightHtml(text, matched, analyzer);
        expectOnlyMarks(html);
        expect(unescapeHtml(html.replace(/<\/?mark>/g, ''))).toBe(text);
      }),
      PROPERTY_RUNS,
    );
  });
});

describe('buildSnippet, for any text', () => {
  it('escapes the text and adds no tag but <mark>', () => {
    fc.assert(
      fc.property(textAndTerms, fc.integer({ min: 1, max: 40 }), fc.boolean(), ({ text, matched }, words, truncated) => {
        expectOnlyMarks(buildSnippet(text, matched, analyzer, { words, truncated }));
      }),
      PROPERTY_RUNS,
    );
  });

  it('shows a run of the text itself (whitespace collapsed), between ellipses where cut', () => {
    fc.assert(
      fc.property(textAndTerms, ({ text, matched }) => {
        const shown = unescapeHtml(buildSnippet(text, matched, analyzer).replace(/<\/?mark>/g, ''));
        const flat = text.replace(/\s+/g, ' ').trim();
        expect(flat).toContain(shown.replace(/^…/, '').replace(/…$/, '').trim());
      }),
      PROPERTY_RUNS,
    );
  });
});

describe('matchedWords, for any text', () => {
  it('lists distinct words, each of which highlightHtml marks', () => {
    fc.assert(
      fc.property(textAndTerms, ({ text, matched }) => {
        const words = matchedWords(text, matched, analyzer);
        expect(new Set(words).size).toBe(words.length);
        if (words.length > 0) expect(highlightHtml(text, matched, analyzer)).toContain('<mark>');
      }),
      PROPERTY_RUNS,
    );
  });
});
