import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEBIAN_STYLES_DIR, loadLocales, loadStyles, textOfHtml } from '../../scripts/citations/render';

const dir = mkdtempSync(join(tmpdir(), 'report-edge-styles-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('which citation styles the build offers', () => {
  it('offers APA and Vancouver from citation-js, and MLA, both Chicagos and Harvard (Cite Them Right) from the official styles', () => {
    const { styles, missing } = loadStyles();

    expect(styles.map((s) => s.name)).toEqual(['apa', 'mla', 'chicago-author-date', 'chicago-notes-bibliography', 'harvard', 'vancouver']);
    expect(styles.map((s) => s.source)).toEqual(['citation-js', ...Array(4).fill('citation-style-language-styles'), 'citation-js']);
    expect(missing).toEqual([]);
  });

  it('knows each style’s class, so notes are offered where the style writes notes', () => {
    const { styles } = loadStyles();
    const classOf = Object.fromEntries(styles.map((s) => [s.name, s.styleClass]));

    expect(classOf).toEqual({ apa: 'in-text', mla: 'in-text', 'chicago-author-date': 'in-text', 'chicago-notes-bibliography': 'note', harvard: 'in-text', vancouver: 'in-text' });
    expect(styles.filter((s) => s.numbered).map((s) => s.name)).toEqual(['vancouver']);
  });

  it('names the styles it cannot offer, and why, when the official styles are not installed', () => {
    const { styles, missing } = loadStyles({ debianDir: join(dir, 'nowhere') });

    expect(styles.map((s) => s.name)).toEqual(['apa', 'vancouver']);
    expect(missing.map((m) => m.name)).toEqual(['mla', 'chicago-author-date', 'chicago-notes-bibliography', 'harvard']);
    expect(missing[0].reason).toMatch(/install Debian's citation-style-language-styles/);
  });

  it('offers en-GB from Debian’s locales, and names it as missing where they are not installed', () => {
    expect(loadLocales().locales).toEqual(['en-US', 'en-GB', 'de-DE', 'es-ES', 'fr-FR', 'nl-NL']);
    const without = loadLocales({ debianLocalesDir: join(dir, 'nowhere') });
    expect(without.locales).toEqual(['en-US', 'de-DE', 'es-ES', 'fr-FR', 'nl-NL']);
    expect(without.missing).toEqual([{ name: 'en-GB', reason: expect.stringMatching(/install Debian's citation-style-language-locales/) }]);
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

describe('textOfHtml: a citation’s text read off its HTML', () => {
  it('takes the tags out and decodes character references, numeric and named', () => {
    expect(textOfHtml('Boutellis, <i>Driving the System Apart?</i>, 9&#8211;14.')).toBe('Boutellis, Driving the System Apart?, 9–14.');
    expect(textOfHtml('A &#38; B &amp; C &lt;D&gt; &#x2019;E&#x2019; &quot;F&quot;&nbsp;G')).toBe('A & B & C <D> ’E’ "F"\u00a0G');
  });

  it('leaves the placeholders the Worker fills as they are', () => {
    expect(textOfHtml('(Boutellis 2013, \uE000p\uE001)')).toBe('(Boutellis 2013, \uE000p\uE001)');
  });
});
