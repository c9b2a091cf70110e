import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SEED_PAGE_FILE } from './seed-fixture';

// The only test that reads outside the repository: the shared seed the project copied.
const SHARED_SEED = path.resolve(__dirname, '../../../shared/seed/000_f51091e1d750617a.txt');

describe('the project copy of the seed page', () => {
  it('is byte-identical to the shared seed 000_f51091e1d750617a.txt', () => {
    const copy = readFileSync(SEED_PAGE_FILE);
    const seed = readFileSync(SHARED_SEED);

    expect(copy.length).toBe(seed.length);
    expect(copy.equals(seed)).toBe(true);
  });
});
