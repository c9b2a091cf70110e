/**
 * /embed/{report} as a course site frames it: the theme the host chooses
 * (`?theme=`, light by default, a bad value a 400), the compact title, and
 * /embed/frame.js, the host page's script that sizes the iframe.
 */
import { describe, expect, it } from 'vitest';
import { call, expectProblem, getHtml, REPORT } from './client';

const EMBED = `/embed/${REPORT}`;
const asPerson = { Accept: 'text/html,application/xhtml+xml' };

describe('GET /embed/{report}?theme=', () => {
  it('is light without a theme: the page and the widget both, whatever the reader’s system says', async () => {
    const html = await getHtml(EMBED);

    expect(html).toContain('<html lang="en" data-theme="light">');
    expect(html).toMatch(/<report-search [^>]*theme="light"/);
  });

  it.each(['light', 'dark', 'auto'])('passes theme=%s to the page and to the widget', async (theme) => {
    const html = await getHtml(`${EMBED}?theme=${theme}`);

    expect(html).toContain(`<html lang="en" data-theme="${theme}">`);
    expect(html).toMatch(new RegExp(`<report-search [^>]*theme="${theme}"`));
  });

  it.each(['Dark', 'blue', '', 'dark;x', 'x'.repeat(500)])('refuses theme=%s with a 400 naming the themes', async (theme) => {
    const problem = await expectProblem(await call(`${EMBED}?theme=${encodeURIComponent(theme)}`), 400);

    expect(problem.type).toBe('urn:report-edge:problem:invalid-parameter');
    expect(problem.invalid_params).toEqual([{ name: 'theme', reason: expect.stringContaining('choose light, dark, auto') }]);
    expect(problem.detail!.length).toBeLessThan(300); // a long value is quoted cut short
  });

  it('shows a person the error page for a bad theme, still framable as the embed is', async () => {
    const res = await call(`${EMBED}?theme=blue`, { headers: asPerson });

    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await res.text()).toContain('Unknown theme');
    expect(res.headers.get('content-security-policy')).toMatch(/frame-ancestors \*/);
  });

  it('keeps each theme’s page apart in the page cache', async () => {
    await getHtml(`${EMBED}?theme=dark`);
    expect(await getHtml(EMBED)).toContain('data-theme="light"');
    expect(await getHtml(`${EMBED}?theme=dark`)).toContain('data-theme="dark"');
  });

  it('gives the title one short line: the report’s title in full in the link, cut by CSS only', async () => {
    const html = await getHtml(EMBED);

    expect(html).toMatch(/<h1 class="embed-title">Search <a [^>]*title="Driving the System Apart\? A Study of United Nations Integration and Integrated Strategic Planning"/);
  });
});

describe('GET /embed/frame.js', () => {
  it('serves the host page’s frame script: JavaScript, a few hundred bytes, checking origin and source', async () => {
    const res = await call('/embed/frame.js');
    const code = await res.text();

    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(res.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    expect(code).toContain('report-edge:resize');
    expect(code).toContain('.origin');
    expect(code).toContain('contentWindow');
    expect(new TextEncoder().encode(code).length).toBeLessThan(1024);
  });

  it('is not taken for a report: /embed/frame.js is never the embed page', async () => {
    const res = await call('/embed/frame.js', { headers: asPerson });
    expect(await res.text()).not.toContain('<html');
  });
});
