/**
 * One report's citations rendered in parts on several cores (a changed
 * report is split by style and locale, `render-pool.ts`) must be the file a
 * single render writes, byte for byte: its ETag is the same however the
 * build ran.
 */
import { describe, expect, it } from 'vitest';
import { citationPairs, mergeAccessDates, mergeCitations, renderReportCitations, setUpCitations } from '../../scripts/citations/render';
import { loadSeedReports } from './seed-fixture';

describe('citations rendered in parts', () => {
  it('join into exactly what one render gives, access-date formats included', async () => {
    const [report] = await loadSeedReports();
    // Two locales keep the test quick; every style, so APA's and Vancouver's pairs both split.
    const setup = setUpCitations({ locales: ['en-US', 'de-DE'] });
    const pairs = citationPairs(setup);
    const whole = renderReportCitations(report, setup, undefined, true);
    // Dealt in turn, as the pool deals them: each part holds one locale of every style.
    const parts = [0, 1].map((part) => renderReportCitations(report, setup, { pairs: pairs.filter((_, i) => i % 2 === part), items: part === 0 }, true));

    expect(parts[0].citations.styled.apa).toHaveProperty('en-US');
    expect(parts[0].citations.styled.apa).not.toHaveProperty('de-DE');
    expect(JSON.stringify(mergeCitations(parts.map((p) => p.citations), setup))).toBe(JSON.stringify(whole.citations));
    expect(JSON.stringify(mergeAccessDates(parts.map((p) => p.accessDates!), setup))).toBe(JSON.stringify(whole.accessDates));
    expect(Object.keys(whole.accessDates!).length).toBeGreaterThan(0);
  }, 120_000);
});
