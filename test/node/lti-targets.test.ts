/**
 * What an LTI link may open (src/lti/targets.ts): only URLs of this
 * deployment that show something of the library, so a launch's
 * target_link_uri can never send a student elsewhere (LTI Core 1.3 §5.3.4).
 */
import { describe, expect, it } from 'vitest';
import { linkTarget } from '../../src/lti/targets';

const ORIGIN = 'https://reports.example.org';

describe('linkTarget', () => {
  it.each([
    ['/', 'the reports'],
    ['/search?q=planning', 'a search of the library'],
    ['/reports/driving-the-system-apart', 'a report'],
    ['/reports/driving-the-system-apart/sections/7', 'a section (or a printed page of it)'],
    ['/reports/driving-the-system-apart/sections/7#p-11', 'a section (or a printed page of it)'],
    ['/reports/driving-the-system-apart/search?q=un', 'a search of a report'],
    ['/embed/driving-the-system-apart', 'the search box of a report'],
    ['/api/reports/driving-the-system-apart/cite?format=html&style=apa', 'a citation'],
    ['/api/reports/driving-the-system-apart/sections/5/cite?format=html&style=mla', 'a citation'],
  ])('opens %s (%s)', (path, shows) => {
    const result = linkTarget(ORIGIN + path, ORIGIN);
    expect(result).toMatchObject({ ok: true, shows });
    expect(result.ok && result.url.href).toBe(new URL(ORIGIN + path).href);
  });

  it.each([
    ['https://evil.example/reports/x', /https:\/\/evil\.example is not this deployment/],
    ['http://reports.example.org/reports/x', /http:\/\/reports\.example\.org is not this deployment/],
    [`${ORIGIN}/lti/launch`, /\/lti\/launch is not a report/],
    [`${ORIGIN}/api/openapi.json`, /is not a report/],
    [`${ORIGIN}/reports/x/sections/0`, /is not a report/],
    [`${ORIGIN}/reports/../lti/jwks`, /\/lti\/jwks is not a report/],
    ['javascript:alert(1)', /is not this deployment/],
    ['not a url', /not a URL/],
    [undefined, /names no target_link_uri/],
    [42, /names no target_link_uri/],
  ])('refuses %s', (target, reason) => {
    const result = linkTarget(target, ORIGIN);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(reason);
  });
});
