/** Where the full-text fixture's sources and build go (ignored by git); read by vitest.config.ts and build-fixture.ts. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const FULLTEXT_DIR = fileURLToPath(new URL('../.fulltext', import.meta.url));
export const FULLTEXT_BUILD = path.join(FULLTEXT_DIR, 'index/build');
