/**
 * The one iframe snippet (src/requests/embed-frame.ts) and reading page URLs
 * back (src/requests/page-urls.ts): the markup the report page, oEmbed and
 * the README give, its escaping, the sizes within a consumer's maxima, and
 * which URLs name which page.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { embedFrameHtml, embedFrameTitle, fitEmbedFrame } from '../../src/requests/embed-frame';
import { readPageUrl } from '../../src/requests/page-urls';

const REPORT_TITLE = 'Driving the System Apart? A Study of United Nations Integration and Integrated Strategic Planning';

describe('embedFrameHtml', () => {
  it('writes the iframe with its title, full width, 420 px, no border, clipboard-write allowed and lazy loading', () => {
    expect(embedFrameHtml({ src: 'https://host/embed/r', title: 'Search: R' })).toBe(
      '<iframe src="https://host/embed/r" title="Search: R" width="100%" height="420" style="border:0" allow="clipboard-write" loading="lazy"></iframe>',
    );
  });

  it('is the README’s iframe snippet, word for word', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const snippet = embedFrameHtml({ src: 'https://YOUR-HOST/embed/driving-the-system-apart', title: embedFrameTitle(REPORT_TITLE) });

    expect(readme.split('\n')).toContain(snippet);
  });

  it('escapes every attribute value: quotes, angle brackets and ampersands cannot leave the attribute', () => {
    const markup = embedFrameHtml({ src: 'https://host/embed/r?a=1&b="2"', title: 'Search: "Peace" <& war>\'s' });

    expect(markup).toContain('src="https://host/embed/r?a=1&amp;b=&quot;2&quot;"');
    expect(markup).toContain('title="Search: &quot;Peace&quot; &lt;&amp; war&gt;&#39;s"');
    expect(markup.match(/"/g)).toHaveLength(14); // seven attributes, each value between two quotes
  });

  it('caps the width in its style, and sets the height, when a consumer asked for a size', () => {
    expect(embedFrameHtml({ src: 'https://host/embed/r', title: 'T', height: 300, maxWidth: 500 })).toBe(
      '<iframe src="https://host/embed/r" title="T" width="100%" height="300" style="border:0;max-width:500px" allow="clipboard-write" loading="lazy"></iframe>',
    );
  });
});

describe('fitEmbedFrame (oEmbed §2.2: maxwidth and maxheight must be respected)', () => {
  it.each([
    [{}, { width: 640, height: 420 }],
    [{ maxwidth: 500 }, { width: 500, height: 420 }],
    [{ maxheight: 300 }, { width: 640, height: 300 }],
    [{ maxwidth: 5000, maxheight: 5000 }, { width: 640, height: 420 }],
    [{ maxwidth: 200, maxheight: 150 }, { width: 200, height: 150 }],
  ])('fits %j as %j', (max, size) => {
    expect(fitEmbedFrame(max)).toEqual(size);
  });

  it.each([[{ maxwidth: 199 }], [{ maxheight: 149 }], [{ maxwidth: 1, maxheight: 1 }]])('gives no frame for %j, too small for the search', (max) => {
    expect(fitEmbedFrame(max)).toBeNull();
  });
});

describe('readPageUrl', () => {
  const read = (url: string) => readPageUrl(new URL(url));

  it.each([
    ['https://h/reports/r', { kind: 'report', report: 'r' }],
    ['https://h/reports/r?x=1#top', { kind: 'report', report: 'r' }],
    ['https://h/reports/r/sections/7', { kind: 'section', report: 'r', section: 7, page: null }],
    ['https://h/reports/r/sections/7?highlight=quetzal#p-11', { kind: 'section', report: 'r', section: 7, page: '11' }],
    ['https://h/reports/r/sections/2#p-ii', { kind: 'section', report: 'r', section: 2, page: 'ii' }],
    ['https://h/reports/r/search?q=integrated%20planning', { kind: 'search', report: 'r', query: 'integrated planning' }],
    ['https://h/reports/r/search', { kind: 'search', report: 'r', query: null }],
    ['https://h/search?q=un', { kind: 'library-search', query: 'un' }],
    ['https://h/embed/r', { kind: 'embed', report: 'r' }],
    ['https://h/reports/a%20b', { kind: 'report', report: 'a b' }],
  ])('reads %s', (url, target) => {
    expect(read(url)).toEqual(target);
  });

  it.each([
    'https://h/',
    'https://h/reports',
    'https://h/reports/',
    'https://h/reports/r/',
    'https://h/reports/r/sections/0',
    'https://h/reports/r/sections/07',
    'https://h/reports/r/sections/x',
    'https://h/reports/r/sections/7/cite-page',
    'https://h/reports/r/export',
    'https://h/reports/r/pages/ii',
    'https://h/api/reports/r',
    'https://h/api/oembed?url=x',
    'https://h/widget.js',
    'https://h/embed/',
    'https://h/embed/r/x',
    'https://h/reports/%E0%A4%A',
    `https://h/reports/${'r'.repeat(101)}`,
  ])('finds no page at %s', (url) => {
    expect(read(url)).toBeNull();
  });
});
