/**
 * Checks a real answer against the OpenAPI document, as a validating proxy
 * would: the operation the request reached, the status documented for it, the
 * media type documented for that status, the required headers, and the body
 * against that media type's schema (JSON Schema 2020-12, with
 * @cfworker/json-schema, which compiles nothing and so runs inside workerd).
 */
import { dereference, validate, type Schema } from '@cfworker/json-schema';

/** The parts of an OpenAPI 3.1 document these checks read. */
export interface OpenApiDocument {
  openapi: string;
  jsonSchemaDialect?: string;
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}

export interface Operation {
  operationId?: string;
  parameters?: Array<{ name: string; in: string; required?: boolean; schema: Schema }>;
  responses: Record<string, DocumentedResponse>;
}

interface DocumentedResponse {
  description: string;
  content?: Record<string, { schema: Schema }>;
  headers?: Record<string, { required?: boolean; schema: Schema }>;
}

/** What the checks saw of one answer: enough to say which documented case it was. */
export interface CheckedAnswer {
  /** `operationId`, or `(no operation)` for a path or method the document does not list. */
  operation: string;
  status: number;
  /** The media type without parameters; '' for an answer with no body. */
  mediaType: string;
  violations: string[];
}

// Any absolute URI serves: the document's $refs are relative to it.
const DOCUMENT_URI = 'https://report-edge.invalid/api/openapi.json';

/** A checker for answers against `document`. */
export function answerChecker(document: OpenApiDocument) {
  // Indexes every subschema under DOCUMENT_URI#/pointer, so "#/components/schemas/X" resolves.
  const lookup = dereference({ ...document, $id: DOCUMENT_URI } as Schema);
  const operations = Object.entries(document.paths).map(([template, item]) => ({
    template,
    item,
    matcher: new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`),
  }));

  function schemaViolations(instance: unknown, schema: Schema, where: string): string[] {
    const result = validate(instance, schema, '2020-12', lookup, false);
    if (result.valid) return [];
    return result.errors.slice(0, 6).map((e) => `${where}: ${e.instanceLocation} ${e.error}`);
  }

  /** Checks one answer to a request of `method` on `url`; reads the response's body. */
  async function check(method: string, url: string, res: Response): Promise<CheckedAnswer> {
    const path = new URL(url).pathname;
    const found = operations.find((o) => o.matcher.test(path));
    const operation = found?.item[method.toLowerCase()];
    // Decoded by hand: Response.text() warns on every non-text media type (RIS, BibTeX).
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(await res.arrayBuffer());
    const mediaType = (res.headers.get('Content-Type') ?? '').split(';')[0].trim().toLowerCase();
    const label = operation ? (operation.operationId ?? `${method} ${found!.template} (no operationId)`) : '(no operation)';
    const answer: CheckedAnswer = { operation: label, status: res.status, mediaType: text === '' ? '' : mediaType, violations: [] };
    const fail = (message: string) => answer.violations.push(`${method} ${url} → ${res.status} ${mediaType}: ${message}`);

    // 501 is oEmbed's own answer to a format it does not serve (oembed.com §2.3.5), documented as such; any other 5xx is a fault.
    if (res.status >= 500 && !(res.status === 501 && operation?.responses['501'])) fail('a server error');
    let documented: DocumentedResponse | undefined;
    if (operation) {
      documented = operation.responses[String(res.status)];
      if (!documented) fail(`status ${res.status} is not documented for ${label} (documented: ${Object.keys(operation.responses).join(', ')})`);
    } else if (res.status !== 404 && res.status !== 405) {
      fail('answered something other than 404 or 405 on a path or method the document does not list');
    } else {
      // Not an operation of the document: it must still be a problem as the document describes one.
      documented = { description: 'unlisted', content: { 'application/problem+json': { schema: document.components.schemas.Problem } } };
    }
    if (!documented) return answer;

    for (const [name, header] of Object.entries(documented.headers ?? {})) {
      const value = res.headers.get(name);
      if (value === null) {
        if (header.required) fail(`required header ${name} is missing`);
      } else {
        for (const v of schemaViolations(value, header.schema, `header ${name}`)) fail(v);
      }
    }

    if (!documented.content) {
      if (text !== '') fail(`has a body, but status ${res.status} is documented without content`);
      return answer;
    }
    const media = documented.content[mediaType];
    if (!media) {
      fail(`media type "${mediaType}" is not documented for ${res.status} (documented: ${Object.keys(documented.content).join(', ')})`);
      return answer;
    }
    let body: unknown = text;
    if (/^application\/(.+\+)?json$/.test(mediaType)) {
      try {
        body = JSON.parse(text);
      } catch {
        fail('is not JSON');
        return answer;
      }
    }
    for (const v of schemaViolations(body, media.schema, 'body')) fail(v);
    if (mediaType === 'application/problem+json' && (body as { status?: unknown }).status !== res.status) fail('the problem\'s status differs from the answer\'s');
    return answer;
  }

  return { check };
}
