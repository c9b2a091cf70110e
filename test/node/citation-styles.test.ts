import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEBIAN_STYLES_DIR, loadStyles } from '../../scripts/render-citations';

const dir = mkdtempSync(join(tmpdir(), 'report-edge-styles-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('which citation styles the build offers', () => {
  it('offers APA, Harvard and Vancouver from citation-js and MLA and both Chicagos from the official styles', () => {
    const { styles, missing } = loadStyles();

    expect(styles.map((s) => s.name)).toEqual(['apa', 'harvard', 'vancouver', 'mla', 'chicago-author-date', 'chicago-notes-bibliography']);
    expect(missing).toEqual([]);
  });

  it('names the styles it cannot offer, and why, when the official styles are not installed', () => {
    const { styles, missing } = loadStyles({ debianDir: join(dir, 'nowhere') });

    expect(styles.map((s) => s.name)).toEqual(['apa', 'harvard', 'vancouver']);
    expect(missing.map((m) => m.name)).toEqual(['mla', 'chicago-author-date', 'chicago-notes-bibliography']);
    expect(missing[0].reason).toMatch(/install Debian's citation-style-language-styles/);
  });

  it('offers a .csl file dropped into index/styles under its file name, and replaces a built-in of the same name', () => {
    const styles = join(dir, 'styles');
    rmSync(styles, { recursive: true, force: true });
    mkdirSync(styles);
    copyFileSync(join(DEBIAN_STYLES_DIR, 'ieee.csl'), join(styles, 'ieee.csl'));
    copyFileSync(join(DEBIAN_STYLES_DIR, 'apa.csl'), join(styles, 'apa.csl'));
    writeFileSync(join(styles, 'Bad Name.csl'), '<style/>');

    const loaded = loadStyles({ stylesDir: styles });

    expect(loaded.styles.find((s) => s.name === 'ieee')).toMatchObject({ title: 'IEEE', source: join(styles, 'ieee.csl') });
    expect(loaded.styles.filter((s) => s.name === 'apa')).toEqual([expect.objectContaining({ source: join(styles, 'apa.csl') })]);
    expect(loaded.missing).toEqual([{ name: 'Bad Name', reason: expect.stringMatching(/lower-case letters, digits and hyphens/) }]);
  });
});
