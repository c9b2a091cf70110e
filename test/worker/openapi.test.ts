import { describe, expect, it } from 'vitest';
import { call, getJson } from './client';

const API_PATHS = [
  '/api/search',
  '/api/suggest',
  '/api/reports',
  '/api/reports/{report}',
  '/api/reports/{report}/sections/{n}',
  '/api/reports/{report}/sections/{n}/cite',
  '/api/reports/{report}/cite',
  '/api/reports/{report}/pages/{page}',
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

  it('documents the problem answers of the search', async () => {
    const doc = await getJson('/api/openapi.json');
    const responses = doc.paths['/api/search'].get.responses;

    expect(Object.keys(responses).sort()).toEqual(['200', '400', '404']);
    expect(responses['400'].content).toHaveProperty('application/problem+json');
  });

  it('answers each documented route with 200 when its documented examples are filled in', async () => {
    const doc = await getJson('/api/openapi.json');

    for (const [template, item] of Object.entries<any>(doc.paths)) {
      const params: Parameter[] = item.get.parameters ?? [];
      const example = (p: Parameter) => String(p.schema.example);
      let path = template;
      for (const p of params.filter((p) => p.in === 'path')) path = path.replace(`{${p.name}}`, encodeURIComponent(example(p)));
      const query = new URLSearchParams(params.filter((p) => p.in === 'query' && p.required).map((p) => [p.name, example(p)]));
      const res = await call(query.size > 0 ? `${path}?${query}` : path);

      expect(res.status, `${template} → ${path}?${query}`).toBe(200);
      await res.arrayBuffer();
    }
  });

  it('documents offset as a whole number, not as nullable', async () => {
    const doc = await getJson('/api/openapi.json');
    const offset = doc.paths['/api/search'].get.parameters.find((p: Parameter) => p.name === 'offset');

    expect(offset.schema.type).toBe('integer');
  });
});
