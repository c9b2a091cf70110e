/**
 * What the build bundles into the Worker's script: code and its identity,
 * never data (the library's data is read through `src/data/`). The build id,
 * the widget, the page script, the host page's frame script and the
 * stylesheet are imported as text
 * (wrangler.toml's module rule) and encoded once per isolate.
 */
import buildIdText from '../index/build/build-id.json';
import frameScript from '../index/build/frame.js';
import pageScript from '../index/build/page.js';
import widgetScript from '../index/build/widget.js';
import stylesheet from './assets/style.css';
import { utf8Bytes } from './isolate-cache';

// wrangler.toml's module rule makes these imports strings.
const asText = (module: unknown) => module as unknown as string;

let buildId: string | null = null;

/** The build's identity: a hash of its files and the Worker's code (scripts/build-id.ts). */
export function getBuildId(): string {
  buildId ??= (JSON.parse(asText(buildIdText)) as { id: string }).id;
  return buildId;
}

const ASSETS = { 'widget.js': widgetScript, 'page.js': pageScript, 'frame.js': frameScript, 'style.css': stylesheet } as const;

const assetBytes = new Map<keyof typeof ASSETS, Uint8Array<ArrayBuffer>>();

/** A static asset as the bytes a response sends, encoded once per isolate: the widget, the page and frame scripts, the stylesheet. */
export function getAsset(name: keyof typeof ASSETS): Uint8Array<ArrayBuffer> {
  let bytes = assetBytes.get(name);
  if (!bytes) assetBytes.set(name, (bytes = utf8Bytes(asText(ASSETS[name]))));
  return bytes;
}
