import { describe, expect, it } from 'vitest';
import { cslItem } from '../../src/core/citations';
import { coinsTitle, highwireTags } from '../../src/core/highwire';
import { readReports } from '../../scripts/report-sources';

const read = await readReports('index/sources');
if (!read.ok) throw new Error('sources do not build');
const report = read.reports[0];
const CSL_TITLE = 'Driving the system apart? A study of United Nations integration and integrated strategic planning';

describe('Highwire Press tags for reference-manager connectors', () => {
  it('describes the report as a report, with its institution and no book-section tag', () => {
    const tags = highwireTags(cslItem(report, 'report'));

    expect(tags).toEqual([
      ['citation_title', CSL_TITLE],
      ['citation_author', 'Boutellis, Arthur'],
      ['citation_publication_date', '2013/08'],
      ['citation_technical_report_institution', 'International Peace Institute'],
      ['citation_public_url', 'https://www.jstor.org/stable/resrep09639'],
    ]);
  });

  it('describes titled section 5 as a book section with its pages, never as a report', () => {
    const tags = highwireTags(cslItem(report, 5));

    expect(tags).toEqual([
      ['citation_title', 'Introduction'],
      ['citation_author', 'Boutellis, Arthur'],
      ['citation_publication_date', '2013/08'],
      ['citation_inbook_title', CSL_TITLE],
      ['citation_publisher', 'International Peace Institute'],
      ['citation_firstpage', '3'],
      ['citation_lastpage', '4'],
      ['citation_public_url', 'https://www.jstor.org/stable/resrep09639'],
    ]);
  });

  it('describes untitled section 7 as the report with its pages, inventing no title', () => {
    const tags = Object.fromEntries(highwireTags(cslItem(report, 7)));

    expect(tags.citation_title).toBe(CSL_TITLE);
    expect(tags.citation_technical_report_institution).toBe('International Peace Institute');
    expect(tags.citation_inbook_title).toBeUndefined();
    expect([tags.citation_firstpage, tags.citation_lastpage]).toEqual(['9', '14']);
  });
});

describe('COinS (OpenURL ContextObject in a span)', () => {
  it('gives the report as a book-format report with its total pages', () => {
    const params = new URLSearchParams(coinsTitle(cslItem(report, 'report')));

    expect(params.get('ctx_ver')).toBe('Z39.88-2004');
    expect(params.get('rft_val_fmt')).toBe('info:ofi/fmt:kev:mtx:book');
    expect(params.get('rft.genre')).toBe('report');
    expect(params.get('rft.btitle')).toBe(CSL_TITLE);
    expect(params.getAll('rft.au')).toEqual(['Boutellis, Arthur']);
    expect(params.get('rft.date')).toBe('2013-08');
    expect(params.get('rft.pub')).toBe('International Peace Institute');
    expect(params.get('rft.place')).toBe('New York');
    expect(params.get('rft.tpages')).toBe('32');
  });

  it('gives a titled section as a book item with its pages inside the report', () => {
    const params = new URLSearchParams(coinsTitle(cslItem(report, 4)));

    expect(params.get('rft.genre')).toBe('bookitem');
    expect(params.get('rft.atitle')).toBe('Executive summary');
    expect(params.get('rft.btitle')).toBe(CSL_TITLE);
    expect([params.get('rft.spage'), params.get('rft.epage')]).toEqual(['1', '3']);
    expect(params.get('rft.tpages')).toBeNull();
  });
});
