/**
 * Content negotiation, for any Accept header: Hono's parseAccept and
 * negotiateCitation give JSON, a citation offered, or a 406, and never throw.
 */
import fc from 'fast-check';
import { parseAccept } from 'hono/utils/accept';
import { describe, expect, it } from 'vitest';
import { negotiateCitation, NEGOTIABLE_TYPES } from '../../../src/core/citations';
import { hostileText, PROPERTY_RUNS } from '../property-runs';

const OFFERED = [...NEGOTIABLE_TYPES.keys()];

/** Accept headers as clients and attackers write them: offered types, wildcards, prototype names, odd parameters. */
const mediaRange = fc.record({
  type: fc.oneof(
    fc.constantFrom(...OFFERED, '*/*', 'text/*', 'application/*', '*', 'text/html', 'image/png'),
    fc.constantFrom('constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__', 'prototype'),
    fc.string({ maxLength: 12 }),
  ),
  params: fc.array(fc.tuple(fc.constantFrom('q', 'style', 'locale', '__proto__', 'constructor', 'charset'), fc.oneof(fc.constantFrom('0', '0.5', '1', '1.0', '-1', 'NaN', 'mla', 'fr-FR', '"a;b,c"'), fc.string({ maxLength: 8 }))), { maxLength: 3 }),
});
const acceptHeader = fc.oneof(
  fc.array(mediaRange, { maxLength: 5 }).map((ranges) => ranges.map((r) => [r.type, ...r.params.map(([k, v]) => `${k}=${v}`)].join('; ')).join(', ')),
  hostileText,
);

describe('negotiateCitation(parseAccept(header)), for any header', () => {
  it('gives JSON, an offered citation type, or not-acceptable; never throws', () => {
    fc.assert(
      fc.property(acceptHeader, (header) => {
        const negotiated = negotiateCitation(parseAccept(header));
        expect(['json', 'citation', 'not-acceptable']).toContain(negotiated.kind);
        if (negotiated.kind === 'citation') {
          expect(OFFERED).toContain(negotiated.mediaType);
          expect(NEGOTIABLE_TYPES.get(negotiated.mediaType)).toBe(negotiated.format);
          for (const value of [negotiated.style, negotiated.locale]) expect(value === null || typeof value === 'string').toBe(true);
        }
      }),
      PROPERTY_RUNS,
    );
  });

  it('answers a header naming only prototype members with not-acceptable', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'), { minLength: 1, maxLength: 4 }), (names) => {
        expect(negotiateCitation(parseAccept(names.join(', ')))).toEqual({ kind: 'not-acceptable' });
      }),
      PROPERTY_RUNS,
    );
  });

  it('gives the one offered type a header asks for alone', () => {
    fc.assert(
      fc.property(fc.constantFrom(...OFFERED.filter((t) => t !== 'application/json')), fc.constantFrom('', '; q=1', '; q=0.3'), (type, q) => {
        const negotiated = negotiateCitation(parseAccept(type + q));
        expect(negotiated).toMatchObject({ kind: 'citation', mediaType: type, format: NEGOTIABLE_TYPES.get(type) });
      }),
      PROPERTY_RUNS,
    );
  });
});
