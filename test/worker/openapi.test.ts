import { describe, expect, it } from 'vitest';
import { BIBLIOGRAPHY_MEDIA_TYPE, CITATION_FORMATS, FORM_NAMES } from '../../src/core/citations';
import { call, getJson, ORIGIN } from './client';

const API_PATHS = [
  '/api/search',
  '/api/suggest',
  '/api/reports',
  '/api/reports/{report}',
  '/api/reports/{report}/sections/{n}',
  '/api/reports/{report}/sections/{n}/cite',
  '/api/reports/{report}/cite',
  '/api/reports/{report}/pages/{page}',
  '/api/oembed',
];

interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  schema: Record<string, unknown>;
}

describe('GET /api/openapi.json', () => {
  it('is an OpenAPI 3.1.0 document', async () => {
    const doc = await getJson('/api/openapi.json');

    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info.title).toBe('report-edge');
  });

  it('documents every route of the API, and only those', async () => {
    const doc = await getJson('/api/openapi.json');

    expect(Object.keys(doc.paths).sort()).toEqual([...API_PATHS].sort());
    for (const path of API_PATHS) expect(Object.keys(doc.paths[path])).toEqual(['get']);
  });

  it('documents the q, limit and offset parameters of /api/search', async () => {
    const doc = await getJson('/api/openapi.json');
    const params: Parameter[] = doc.paths['/api/search'].get.parameters;
    const byName = Object.fromEntries(params.map((p) => [p.name, p]));

    expect(byName.q).toMatchObject({ in: 'query', required: true, schema: { type: 'string', minLength: 1, maxLength: 200 } });
    expect(byName.limit).toMatchObject({ in: 'query', required: false, schema: { minimum: 1, maximum: 50, default: 10 } });
    expect(byName.offset).toMatchObject({ in: 'query', required: false, schema: { minimum: 0, maximum: 1000, default: 0 } });
  });

  // The styles are the build's (a deployment's official.json adds some): the document lists what this deployment offers.
  it('lists the styles and locales this deployment offers as the enums of style and locale, on both cite routes', async () => {
    const doc = await getJson('/api/openapi.json');
    const { styles, locales } = (await getJson('/api/reports/driving-the-system-apart')).citations;

    for (const path of ['/api/reports/{report}/cite', '/api/reports/{report}/sections/{n}/cite']) {
      const byName = Object.fromEntries((doc.paths[path].get.parameters as Parameter[]).map((p) => [p.name, p]));
      expect(byName.style.schema.enum).toEqual(styles.map((s: { name: string }) => s.name));
      expect(byName.style.schema.enum).toEqual(expect.arrayContaining(['apa', 'mla', 'chicago-notes-bibliography', 'chicago-notes-bibliography-17', 'harvard', 'vancouver']));
      expect(byName.locale.schema.enum).toEqual(locales);
    }
  });

  it('documents the problem answers of the search', async () => {
    const doc = await getJson('/api/openapi.json');
    const responses = doc.paths['/api/search'].get.responses;

    expect(Object.keys(responses).sort()).toEqual(['200', '304', '400', '404']);
    expect(responses['400'].content).toHaveProperty('application/problem+json');
  });

  it('answers each documented route with 200 when its documented examples are filled in', async () => {
    const doc = await getJson('/api/openapi.json');

    for (const [template, item] of Object.entries<any>(doc.paths)) {
      const params: Parameter[] = item.get.parameters ?? [];
      // A URL example (oEmbed's url=) names a page of the deployment: it is moved onto the origin called.
      const example = (p: Parameter) => (p.schema.format === 'uri' ? String(p.schema.example).replace(/^https?:\/\/[^/]+/, ORIGIN) : String(p.schema.example));
      let path = template;
      for (const p of params.filter((p) => p.in === 'path')) path = path.replace(`{${p.name}}`, encodeURIComponent(example(p)));
      const query = new URLSearchParams(params.filter((p) => p.in === 'query' && p.required).map((p) => [p.name, example(p)]));
      const res = await call(query.size > 0 ? `${path}?${query}` : path);

      expect(res.status, `${template} → ${path}?${query}`).toBe(200);
      await res.arrayBuffer();
    }
  });

  it('declares its JSON Schema dialect and names every operation, each name once', async () => {
    const doc = await getJson('/api/openapi.json');
    const ids = Object.values<any>(doc.paths).map((item) => item.get.operationId);

    expect(doc.jsonSchemaDialect).toBe('https://spec.openapis.org/oas/3.1/dialect/base');
    expect(ids.sort()).toEqual(['citeReport', 'citeSection', 'getPage', 'getReport', 'getSection', 'listReports', 'oembed', 'search', 'suggest']);
  });

  it('lists the negotiated citation types of the report and section URLs, from the registry, and their 406', async () => {
    const doc = await getJson('/api/openapi.json');
    const negotiable = CITATION_FORMATS.filter((f) => f.negotiable).map((f) => f.mediaType);

    for (const path of ['/api/reports/{report}', '/api/reports/{report}/sections/{n}']) {
      const responses = doc.paths[path].get.responses;
      expect(Object.keys(responses['200'].content).sort(), path).toEqual(['application/json', ...negotiable, BIBLIOGRAPHY_MEDIA_TYPE].sort());
      expect(responses['200'].content['application/vnd.citationstyles.csl+json'].schema).toEqual({ $ref: '#/components/schemas/CslItems' });
      expect(responses['200'].content[BIBLIOGRAPHY_MEDIA_TYPE].schema).toEqual({ type: 'string' });
      expect(Object.keys(responses).sort(), path).toEqual(['200', '304', '400', '404', '406']);
    }
  });

  it('describes a CSL-JSON citation as an array of CSL items, not a string', async () => {
    const doc = await getJson('/api/openapi.json');
    const cite = doc.paths['/api/reports/{report}/cite'].get.responses['200'].content;

    expect(cite['application/vnd.citationstyles.csl+json'].schema).toEqual({ $ref: '#/components/schemas/CslItems' });
    expect(doc.components.schemas.CslItems).toMatchObject({ type: 'array', minItems: 1, items: { $ref: '#/components/schemas/CslItem' } });
    expect(doc.components.schemas.CslItem.allOf).toEqual([
      { $ref: '#/components/schemas/CslReport' },
      expect.objectContaining({ required: ['id', 'citation-key'] }),
    ]);
    expect(doc.components.schemas.CslReport.required).toEqual(['type', 'title']);
    expect(cite['application/x-research-info-systems'].schema).toEqual({ type: 'string' });
  });

  it('documents 304 with its ETag on every operation, and the ETag of every 200', async () => {
    const doc = await getJson('/api/openapi.json');

    for (const [path, item] of Object.entries<any>(doc.paths)) {
      expect(item.get.responses['304'], path).toMatchObject({ headers: { ETag: { required: true } } });
      expect(item.get.responses['304'].content, path).toBeUndefined();
      expect(item.get.responses['200'].headers, path).toHaveProperty('ETag');
    }
  });

  it('states the page, sections and section-number rules in the parameter schemas', async () => {
    const doc = await getJson('/api/openapi.json');
    const param = (path: string, name: string) => doc.paths[path].get.parameters.find((p: Parameter) => p.name === name);
    const page = new RegExp(param('/api/reports/{report}/pages/{page}', 'page').schema.pattern, 'u');
    const sections = param('/api/reports/{report}/cite', 'sections');
    const list = new RegExp(sections.schema.pattern, 'u');

    for (const ok of ['ii', 'IV', '12']) expect(page.test(ok), ok).toBe(true);
    for (const bad of ['iiii', 'abc', '']) expect(page.test(bad), bad).toBe(false);
    expect(param('/api/reports/{report}/sections/{n}/cite', 'page').schema.pattern).toBe(page.source);
    expect(list.test('3,5,7')).toBe(true);
    expect(list.test(Array.from({ length: 100 }, (_, i) => i + 1).join(','))).toBe(true);
    expect(list.test(Array.from({ length: 101 }, (_, i) => i + 1).join(','))).toBe(false);
    expect(sections.schema.description).toMatch(/each listed once, at most 100/);
    expect(param('/api/reports/{report}/sections/{n}', 'n').schema).toMatchObject({ type: 'integer', minimum: 1 });
    expect(param('/api/reports/{report}/cite', 'form').schema.enum).toEqual(FORM_NAMES);
  });

  it('describes the problem members: invalid_params and the valid choices a 404, 400 or 406 names', async () => {
    const doc = await getJson('/api/openapi.json');
    const problem = doc.components.schemas.Problem;

    expect(problem.required.sort()).toEqual(['detail', 'status', 'title', 'type']);
    expect(problem.additionalProperties).toBe(false);
    expect(Object.keys(problem.properties).sort()).toEqual(
      ['detail', 'forms', 'invalid_params', 'locales', 'offered', 'pages', 'reports', 'sections', 'status', 'styles', 'title', 'total', 'type'],
    );
    expect(problem.properties.invalid_params.items).toMatchObject({ required: ['name', 'reason'] });
  });

  it('documents offset as a whole number, not as nullable', async () => {
    const doc = await getJson('/api/openapi.json');
    const offset = doc.paths['/api/search'].get.parameters.find((p: Parameter) => p.name === 'offset');

    expect(offset.schema.type).toBe('integer');
  });
});
