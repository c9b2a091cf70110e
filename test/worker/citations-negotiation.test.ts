/**
 * Content negotiation on the report and section URLs, as DOI resolvers do it:
 * JSON by default, a citation when Accept asks for one, 406 when nothing fits.
 */
import { describe, expect, it } from 'vitest';
import { call, expectProblem, OFFERED_TYPES, REPORT_PATH } from './client';

/** GETs `path` with this Accept header; returns the response and its body as strict UTF-8. */
async function getAccepting(path: string, accept: string): Promise<{ res: Response; body: string }> {
  const res = await call(path, { headers: { Accept: accept } });
  const body = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(await res.arrayBuffer());
  return { res, body };
}

/** The body of a plain GET of a citation download. */
async function download(path: string): Promise<string> {
  const res = await call(path);
  expect(res.status, path).toBe(200);
  return new TextDecoder().decode(await res.arrayBuffer());
}

describe('Accept on GET /api/reports/{report}', () => {
  it.each([
    ['application/x-research-info-systems', 'ris'],
    ['application/x-bibtex', 'bibtex'],
    ['application/vnd.citationstyles.csl+json', 'csl-json'],
    ['text/x-bibliography', 'text'],
  ])('answers Accept: %s with the report’s citation in that format, the same as format=%s', async (type, format) => {
    const { res, body } = await getAccepting(REPORT_PATH, type);

    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe(`${type}; charset=utf-8`);
    expect(res.headers.get('Vary')).toMatch(/\bAccept\b/);
    expect(body).toBe(await download(`${REPORT_PATH}/cite?format=${format}`));
  });

  it('answers text/x-bibliography; style=mla; locale=fr-FR with the MLA reference in French', async () => {
    const { res, body } = await getAccepting(REPORT_PATH, 'text/x-bibliography; style=mla; locale=fr-FR');

    expect(res.status).toBe(200);
    expect(body).toBe(await download(`${REPORT_PATH}/cite?format=text&style=mla&locale=fr-FR`));
    expect(body).toBe(
      // MLA 9: a report cited like a book (year only), the database as container 2, the URL without https://.
      'Boutellis, Arthur. Driving the System Apart? A Study of United Nations Integration and Integrated Strategic Planning. International Peace Institute, 2013. JSTOR, www.jstor.org/stable/resrep09639.\n',
    );
  });

  it('answers text/x-bibliography without parameters in APA, US English, the defaults', async () => {
    const { body } = await getAccepting(REPORT_PATH, 'text/x-bibliography');

    expect(body).toBe(await download(`${REPORT_PATH}/cite?format=text&style=apa&locale=en-US`));
  });

  it('answers text/x-bibliography; locale=de-DE in the default style, in German', async () => {
    const { body } = await getAccepting(REPORT_PATH, 'text/x-bibliography; locale=de-DE');

    expect(body).toBe(await download(`${REPORT_PATH}/cite?format=text&style=apa&locale=de-DE`));
  });

  it('reads media types case-insensitively', async () => {
    const { res, body } = await getAccepting(REPORT_PATH, 'Application/X-BibTeX');

    expect(res.status).toBe(200);
    expect(body).toBe(await download(`${REPORT_PATH}/cite?format=bibtex`));
  });

  it('picks the type with the highest q', async () => {
    const { res } = await getAccepting(REPORT_PATH, 'application/x-bibtex;q=0.5, application/x-research-info-systems;q=0.9, application/json;q=0.1');

    expect(res.headers.get('Content-Type')).toBe('application/x-research-info-systems; charset=utf-8');
  });

  it('skips a type refused with q=0', async () => {
    const { res } = await getAccepting(REPORT_PATH, 'application/x-research-info-systems;q=0, application/x-bibtex;q=0.3');

    expect(res.headers.get('Content-Type')).toBe('application/x-bibtex; charset=utf-8');
  });

  it('skips types it does not offer and answers the first it does', async () => {
    const { res } = await getAccepting(REPORT_PATH, 'application/pdf, application/x-research-info-systems;q=0.5');

    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('application/x-research-info-systems; charset=utf-8');
  });

  // Accept: text/* (RFC 9110 §12.5.1) answers the formatted reference, text/x-bibliography, the one text type offered.
  it('treats Accept: text/* as a match for text/x-bibliography', async () => {
    const { res, body } = await getAccepting(REPORT_PATH, 'text/*');

    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('text/x-bibliography; charset=utf-8');
    expect(res.headers.get('Vary')).toMatch(/\bAccept\b/);
    expect(body).toBe(await download(`${REPORT_PATH}/cite?format=text&style=apa&locale=en-US`));
  });
});

describe('JSON stays the default', () => {
  it.each([
    ['no Accept header', undefined],
    ['Accept: application/json', 'application/json'],
    ['Accept: */*', '*/*'],
    ['a browser’s Accept header', 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8'],
    ['JSON preferred over RIS', 'application/json, application/x-research-info-systems;q=0.5'],
  ])('answers %s with the report as JSON, marked Vary: Accept', async (_why, accept) => {
    const res = await call(REPORT_PATH, accept ? { headers: { Accept: accept } } : undefined);
    const body = await res.json<any>();

    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toMatch(/^application\/json\b/);
    expect(res.headers.get('Vary')).toMatch(/\bAccept\b/);
    expect(body.id).toBe('driving-the-system-apart');
    expect(body.sections).toHaveLength(10);
  });

  it('answers a section as JSON by default, marked Vary: Accept', async () => {
    const res = await call(`${REPORT_PATH}/sections/7`);

    expect(res.headers.get('Content-Type')).toMatch(/^application\/json\b/);
    expect(res.headers.get('Vary')).toMatch(/\bAccept\b/);
    expect((await res.json<any>()).number).toBe(7);
  });
});

describe('Accept on GET /api/reports/{report}/sections/{n}', () => {
  it.each([
    ['application/x-research-info-systems', 'ris'],
    ['application/x-bibtex', 'bibtex'],
    ['application/vnd.citationstyles.csl+json', 'csl-json'],
    ['text/x-bibliography', 'text'],
  ])('answers section 5 asked for %s with its citation, the same as its format=%s download', async (type, format) => {
    const { res, body } = await getAccepting(`${REPORT_PATH}/sections/5`, type);

    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe(`${type}; charset=utf-8`);
    expect(res.headers.get('Vary')).toMatch(/\bAccept\b/);
    expect(body).toBe(await download(`${REPORT_PATH}/sections/5/cite?format=${format}`));
  });

  it('cites section 7 in Chicago author-date when asked with style=chicago-author-date', async () => {
    const { body } = await getAccepting(`${REPORT_PATH}/sections/7`, 'text/x-bibliography; style=chicago-author-date');

    expect(body).toBe(await download(`${REPORT_PATH}/sections/7/cite?format=text&style=chicago-author-date`));
  });
});

describe('Accept headers that match nothing offered', () => {
  it.each([
    ['image/png', REPORT_PATH],
    ['text/html', REPORT_PATH],
    ['application/pdf, image/*', REPORT_PATH],
    ['application/x-bibtex;q=0', REPORT_PATH],
    ['image/png', `${REPORT_PATH}/sections/5`],
  ])('answers Accept: %s on %s with a 406 problem listing the types offered', async (accept, path) => {
    const res = await call(path, { headers: { Accept: accept } });
    const problem = await expectProblem(res, 406);

    expect(problem.type).toBe('urn:report-edge:problem:not-acceptable');
    expect(problem.offered).toEqual(OFFERED_TYPES);
    for (const type of OFFERED_TYPES) expect(problem.detail).toContain(type);
    expect(res.headers.get('Vary')).toMatch(/\bAccept\b/);
  });
});

describe('negotiated citations and bad style parameters', () => {
  it('answers an unknown style in Accept with a 404 problem naming the styles offered', async () => {
    const res = await call(REPORT_PATH, { headers: { Accept: 'text/x-bibliography; style=nope' } });
    const problem = await expectProblem(res, 404);

    expect(problem.type).toBe('urn:report-edge:problem:unknown-style');
    expect(problem.styles).toEqual(expect.arrayContaining(['apa', 'mla', 'chicago-author-date', 'chicago-notes-bibliography', 'vancouver', 'harvard']));
  });

  it('answers an unknown locale in Accept with a 404 problem naming the locales offered', async () => {
    const res = await call(`${REPORT_PATH}/sections/5`, { headers: { Accept: 'text/x-bibliography; locale=xx-XX' } });
    const problem = await expectProblem(res, 404);

    expect(problem.type).toBe('urn:report-edge:problem:unknown-locale');
    expect(problem.locales).toEqual(['en-US', 'en-GB', 'de-DE', 'es-ES', 'fr-FR', 'nl-NL']);
  });
});
