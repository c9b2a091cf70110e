/**
 * /api/openapi.json: the OpenAPI 3.1 document generated from the routes' zod
 * schemas, plus what the app-wide middleware answers for every operation
 * (an ETag on each success, a 304 to a matching If-None-Match), written once
 * here rather than on every route, as the middleware itself is registered once.
 *
 * @example
 * addOpenApiDocument(api); // after the routes: GET /api/openapi.json describes them
 */
import { citationStyles } from '../data';
import { utf8Bytes } from '../isolate-cache';
import type { OpenAPIHono } from '@hono/zod-openapi';

/** Where the document is served, relative to the API's base. */
export const OPENAPI_PATH = '/openapi.json';

/** Schemas are JSON Schema 2020-12 with OpenAPI's vocabulary (`example`, `discriminator`…). */
export const JSON_SCHEMA_DIALECT = 'https://spec.openapis.org/oas/3.1/dialect/base';

const ETAG_HEADER = {
  description: "A weak validator of this answer (the build and what the request chose); send it back in If-None-Match",
  required: true,
  schema: { type: 'string', pattern: '^W/".+"$' },
};

const NOT_MODIFIED = {
  description: 'Not modified: If-None-Match holds the current ETag; no body',
  headers: { ETag: ETAG_HEADER },
};

const DESCRIPTION = [
  'Search, section look-up and citations for research reports.',
  'Read-only: every operation is a GET (HEAD and CORS preflights also work); any other method answers 405 with a problem and an Allow header.',
  'Errors are RFC 9457 application/problem+json; a path under /api/ that is not below answers 404 the same way.',
].join(' ');

type Generated = ReturnType<OpenAPIHono['getOpenAPI31Document']>;
/** The generator's OpenAPI 3.1 type lacks jsonSchemaDialect, a field of the 3.1 document object. */
type Document = Generated & { jsonSchemaDialect: string };

/** The choices of this deployment's build that the document lists as enums: its citation styles and locales. */
export interface DeploymentChoices {
  styles: string[];
  locales: string[];
}

/**
 * The document for the routes registered on `api` (paths with its base),
 * with the answers every GET shares, and the build's styles and locales as
 * the enums of the `style` and `locale` parameters (they are data of the
 * build, not of the code: a deployment's `official.json` adds styles).
 */
export function openApiDocument(api: OpenAPIHono, choices?: DeploymentChoices): Document {
  const generated = api.getOpenAPI31Document({ openapi: '3.1.0', info: { title: 'report-edge', version: '1.0.0', description: DESCRIPTION } });
  // The generator's configuration type has no jsonSchemaDialect; it belongs beside `openapi`.
  const { openapi, ...rest } = generated;
  const document: Document = { openapi, jsonSchemaDialect: JSON_SCHEMA_DIALECT, ...rest };
  for (const item of Object.values(document.paths ?? {})) {
    const operation = item.get;
    if (!operation?.responses) continue;
    const ok = operation.responses['200'];
    if (ok && !('$ref' in ok)) ok.headers = { ...ok.headers, ETag: ETAG_HEADER };
    operation.responses['304'] = NOT_MODIFIED;
    for (const parameter of operation.parameters ?? []) {
      if (!choices || '$ref' in parameter || parameter.in !== 'query' || !parameter.schema || '$ref' in parameter.schema) continue;
      if (parameter.name === 'style') parameter.schema = { ...parameter.schema, enum: choices.styles };
      if (parameter.name === 'locale') parameter.schema = { ...parameter.schema, enum: choices.locales };
    }
  }
  return document;
}

/** Serves the document; register it after every API route. Built on first request, once per isolate. */
export function addOpenApiDocument(api: OpenAPIHono) {
  // Kept as bytes: the document is the same for every request, and serialising 40 KB each time cost more than the rest of the answer.
  let documentBytes: Uint8Array<ArrayBuffer> | null = null;
  api.get(OPENAPI_PATH, async (c) => {
    if (!documentBytes) {
      const { styles, locales } = await citationStyles();
      documentBytes = utf8Bytes(JSON.stringify(openApiDocument(api, { styles: styles.map((s) => s.name), locales })));
    }
    return c.body(documentBytes, 200, { 'Content-Type': 'application/json' });
  });
}
