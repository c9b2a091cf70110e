import { describe, expect, it } from 'vitest';
import { analyzer } from '../../src/core/analyzer';
import { buildSnippet, escapeHtml, highlightHtml, SNIPPET_WORDS } from '../../src/core/search';
import { loadSeedReports } from './seed-fixture';

/** The words of a snippet with marks and ellipses removed. */
function plainWords(snippet: string): string[] {
  return snippet.replace(/<\/?mark>/g, '').replace(/…/g, ' ').split(/\s+/).filter(Boolean);
}

/** "w0 w1 … w99" with some words replaced. */
function numberedWords(count: number, replace: Record<number, string> = {}): string {
  return Array.from({ length: count }, (_, i) => replace[i] ?? `w${i}`).join(' ');
}

describe('highlightHtml', () => {
  it('marks a word whose index term matched and escapes the rest (documented example)', () => {
    expect(highlightHtml('Programmes & <b>', new Set(['program']), analyzer)).toBe('<mark>Programmes</mark> &amp; &lt;b&gt;');
  });

  it('marks a whole compound when one of its parts matched', () => {
    expect(highlightHtml('since Secretary-General Boutros', new Set(['secretari']), analyzer)).toBe(
      'since <mark>Secretary-General</mark> Boutros',
    );
  });

  it('marks nothing when no term matched', () => {
    expect(highlightHtml('Executive Summary', new Set(['abbrevi']), analyzer)).toBe('Executive Summary');
  });
});

describe('escapeHtml', () => {
  it('escapes the five HTML-special characters', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});

describe('buildSnippet', () => {
  it('marks every word whose terms matched, British and American spellings alike', () => {
    expect(buildSnippet('Programmes and programs', new Set(['program']), analyzer)).toBe(
      '<mark>Programmes</mark> and <mark>programs</mark>',
    );
  });

  it("escapes HTML in the text: '<script>' becomes '&lt;script&gt;'", () => {
    const snippet = buildSnippet('a <script>alert(1)</script> counterfactual', new Set(['counterfactu']), analyzer);

    expect(snippet).toBe('a &lt;script&gt;alert(1)&lt;/script&gt; <mark>counterfactual</mark>');
    expect(snippet).not.toContain('<script');
  });

  it('shows a short text whole, with no ellipsis', () => {
    expect(buildSnippet('short text here', new Set(['text']), analyzer)).toBe('short <mark>text</mark> here');
  });

  it('ends with an ellipsis when the source cut the text short, even if all of it is shown', () => {
    expect(buildSnippet('short text here', new Set(['text']), analyzer, { truncated: true })).toBe('short <mark>text</mark> here…');
  });

  it('cuts a long text at whole words with an ellipsis at both ends', () => {
    const text = numberedWords(100, { 50: 'target' });

    const snippet = buildSnippet(text, new Set(['target']), analyzer);

    expect(snippet.startsWith('…')).toBe(true);
    expect(snippet.endsWith('…')).toBe(true);
    const words = plainWords(snippet);
    const source = new Set(text.split(' '));
    expect(words.every((word) => source.has(word))).toBe(true);
    expect(words).toHaveLength(SNIPPET_WORDS);
  });

  it('starts a few words before the first match so it reads in context', () => {
    const snippet = buildSnippet(numberedWords(100, { 50: 'target' }), new Set(['target']), analyzer);

    expect(plainWords(snippet).slice(0, 4)).toEqual(['w47', 'w48', 'w49', 'target']);
  });

  it('has no leading ellipsis when the window starts at the first word', () => {
    const snippet = buildSnippet(numberedWords(100, { 1: 'target' }), new Set(['target']), analyzer);

    expect(snippet.startsWith('w0 <mark>target</mark> w2')).toBe(true);
    expect(snippet.endsWith('…')).toBe(true);
  });

  it('has no trailing ellipsis when the window reaches the last word, and keeps its punctuation', () => {
    const text = `${numberedWords(60)} the (DPA) in target.`;

    const snippet = buildSnippet(text, new Set(['target']), analyzer);

    expect(snippet.endsWith('in <mark>target</mark>.')).toBe(true);
    expect(snippet.startsWith('…')).toBe(true);
  });

  it('picks the window of at most 30 words holding the most distinct matched terms', () => {
    // One "alpha" alone at word 10; "alpha", "beta" and "gamma" together at words 60-70.
    const text = numberedWords(100, { 10: 'alpha', 60: 'alpha', 65: 'beta', 70: 'gamma' });

    const snippet = buildSnippet(text, new Set(['alpha', 'beta', 'gamma']), analyzer);

    const words = plainWords(snippet);
    expect(words.length).toBeLessThanOrEqual(30);
    expect(snippet).toContain('<mark>alpha</mark> w61 w62 w63 w64 <mark>beta</mark>');
    expect(snippet).toContain('<mark>gamma</mark>');
    expect(words).not.toContain('w10');
  });

  it('prefers more distinct terms over more repetitions of one term', () => {
    const text = numberedWords(100, { 5: 'alpha', 7: 'alpha', 9: 'alpha', 11: 'alpha', 70: 'alpha', 75: 'beta' });

    const snippet = buildSnippet(text, new Set(['alpha', 'beta']), analyzer);

    expect(snippet).toContain('<mark>beta</mark>');
    expect(plainWords(snippet)).not.toContain('w6');
  });

  it('honours a smaller window size', () => {
    const snippet = buildSnippet(numberedWords(50, { 20: 'target' }), new Set(['target']), analyzer, { words: 5 });

    expect(plainWords(snippet)).toEqual(['w17', 'w18', 'w19', 'target', 'w21']);
  });

  it('shows "counterfactual" marked in context in the seed section 7', async () => {
    const section = (await loadSeedReports())[0].sections[6];

    const snippet = buildSnippet(section.paragraphs.join('\n\n'), new Set(['counterfactu']), analyzer, { truncated: section.truncated });

    expect(snippet).toContain('and the <mark>counterfactual</mark> (“what if the UN had not planned together?”)');
    expect(snippet.startsWith('…')).toBe(true);
    expect(snippet.endsWith('…')).toBe(true);
    expect(plainWords(snippet).length).toBeLessThanOrEqual(SNIPPET_WORDS);
  });
});
