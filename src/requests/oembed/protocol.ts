/**
 * oEmbed's words (https://oembed.com, sections named): the version, the
 * formats, the limits on a request and the shapes of an answer. Apart from
 * ./index.ts so that the API's schemas (which Node scripts import too) read
 * them without the data look-ups.
 */

/** The only version the spec defines (§2.3.4: "This must be 1.0"). */
export const OEMBED_VERSION = '1.0';

/**
 * Longest `url=` accepted: a search page's URL with a query at its longest
 * (200 UTF-16 units, up to 1,800 characters percent-encoded) fits, and 2,048
 * is the length browsers and sitemaps have long kept URLs within.
 */
export const MAX_OEMBED_URL_LENGTH = 2048;

/** The largest `maxwidth`/`maxheight` read: far past any screen; a larger one is a client bug. */
export const MAX_OEMBED_DIMENSION = 10_000;

/** The formats of §2.3: JSON is served; XML (§2.3.2) is known but not implemented, so asking for it is the spec's 501. */
export const OEMBED_FORMATS = { served: ['json'], known: ['json', 'xml'] } as const;

/** The discovery link's media type for the JSON answer (§4). */
export const OEMBED_JSON_TYPE = 'application/json+oembed';

/** What every answer carries (§2.3.4). */
interface OEmbedCommon {
  version: typeof OEMBED_VERSION;
  title: string;
  provider_name: string;
  provider_url: string;
  cache_age: number;
}

/** §2.3.4.4: HTML to show, and the size it needs, within the consumer's maxima. */
export interface OEmbedRich extends OEmbedCommon {
  type: 'rich';
  html: string;
  width: number;
  height: number;
}

/** §2.3.4.3: only a title; the consumer links to the URL it asked about. */
export interface OEmbedLink extends OEmbedCommon {
  type: 'link';
}

export type OEmbed = OEmbedRich | OEmbedLink;

export interface OEmbedRequest {
  /** The page URL to embed, as the consumer sent it (an absolute http(s) URL). */
  url: string;
  maxwidth?: number;
  maxheight?: number;
}
