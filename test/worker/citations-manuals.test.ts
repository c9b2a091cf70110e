/**
 * Every formatted style × form × item, checked against the style manuals (issues 8 and 24).
 *
 * Each expected string is written by hand from the manual's rule named beside it,
 * never captured from the program. Items: the whole report, section 5 (titled
 * "Introduction", pp. 3–4), section 7 (untitled, pp. 9–14), the selection
 * sections=5,7, and page=11 of section 7.
 *
 * Expectations are written as the HTML entry (italics as <i>…</i>); the text
 * answer must hold the same words without the tags.
 */
import { describe, expect, it } from 'vitest';
import { call, getJson, getProblem, REPORT_PATH } from './client';

// ---- The report's facts (metadata, not program output) ----
/** Title in sentence case, as stored: APA, Harvard and Vancouver print it so (APA 7 §6.17; Cite Them Right; Citing Medicine ch. 2 "Title"). */
const CSL_TITLE = 'Driving the system apart? A study of United Nations integration and integrated strategic planning';
/** Title in headline case: MLA 9 (ch. 2, titles) and CMOS 17 §8.159 (CMOS 18 ch. 8, headline style) capitalise titles so. */
const TITLE = 'Driving the System Apart? A Study of United Nations Integration and Integrated Strategic Planning';
/** Short title for a shortened note: the main title before the subtitle (CMOS 17 §14.30). */
const SHORT_TITLE = 'Driving the System Apart?';
const URL_OF_REPORT = 'https://www.jstor.org/stable/resrep09639';

// ---- Today's date, as each manual writes an access date (UTC: the Worker fills it for the request's day) ----
const NOW = new Date();
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
/** Cite Them Right, online documents: "(Accessed: 28 November 2026)", day month year, month in full. */
const ACCESSED_CTR = `${NOW.getUTCDate()} ${MONTHS[NOW.getUTCMonth()]} ${NOW.getUTCFullYear()}`;
/** Citing Medicine ch. 22 "Date of citation": "[cited 2026 Nov 28]", year, month as its first three letters without a period, day. */
const CITED_NLM = `${NOW.getUTCFullYear()} ${MONTHS[NOW.getUTCMonth()].slice(0, 3)} ${NOW.getUTCDate()}`;

// ---- What each style lists as the reference (by hand from each manual) ----
// APA 7 §10.4 (reports): Author, A. (Year). *Title*. Publisher. URL — no database name (§9.30), no "Retrieved from" (§9.34).
const APA_REF = `Boutellis, A. (2013). <i>${CSL_TITLE}</i>. International Peace Institute. ${URL_OF_REPORT}`;
// MLA 9 ch. 5 (core elements): a report read through JSTOR is container 1 = the report like a book, container 2 = *JSTOR*, location without https://.
const MLA_REF = `Boutellis, Arthur. <i>${TITLE}</i>. International Peace Institute, 2013. <i>JSTOR</i>, www.jstor.org/stable/resrep09639.`;
// CMOS 18 §14.30–31: the place of publication is no longer given for a book published after 1900 (reports are cited like books,
// ch. 14); the author-date reference list puts the year after the author: Publisher. URL.
const CAD_REF = `Boutellis, Arthur. 2013. <i>${TITLE}</i>. International Peace Institute. ${URL_OF_REPORT}.`;
// CMOS 18 §14.30–31 and the bibliography entry of a book: Publisher, Year. URL.
const CNB_REF = `Boutellis, Arthur. <i>${TITLE}</i>. International Peace Institute, 2013. ${URL_OF_REPORT}.`;
// CMOS 17 ch. 14 (reports and similar documents, cited like books) and ch. 15 (author-date reference list): year after the author, Place: Publisher.
const CAD17_REF = `Boutellis, Arthur. 2013. <i>${TITLE}</i>. New York: International Peace Institute. ${URL_OF_REPORT}.`;
// CMOS 17 §14.20–14.22 (bibliography entry of a book), reports like books: Place: Publisher, Year. URL.
const CNB17_REF = `Boutellis, Arthur. <i>${TITLE}</i>. New York: International Peace Institute, 2013. ${URL_OF_REPORT}.`;
// Cite Them Right (reports; online documents): Author, Initial. (Year) *Title*. Place: Publisher. Available at: URL (Accessed: date).
const HARVARD_REF = `Boutellis, A. (2013) <i>${CSL_TITLE}</i>. New York: International Peace Institute. Available at: ${URL_OF_REPORT} (Accessed: ${ACCESSED_CTR}).`;
// Citing Medicine ch. 22 (books on the Internet): Author AA. Title [Internet]. Place: Publisher; date [cited date]. Available from: URL
// and ch. 2 / 22 (parts of books by the book's author): the book, then "Part title; p. 9-14." before "Available from:";
// no italics in Citing Medicine; page ranges with a hyphen. Date of publication "2013 Aug" as issue 8 gives it (year and month).
const vancouverRef = (n: number, part = '') =>
  `${n}. Boutellis A. ${CSL_TITLE} [Internet]. New York: International Peace Institute; 2013 Aug [cited ${CITED_NLM}].${part ? ` ${part}` : ''} Available from: ${URL_OF_REPORT}`;

/**
 * Citing Medicine ch. 22 in the German and French CSL locales: the date of publication as the locale writes a month and year
 * ("August 2013", "août 2013"), "[zitiert 7. Dezember 2026]" / "[cité 7 déc 2026]" (the locales' "cited" term and date
 * forms; Citing Medicine strips the periods of abbreviated months), "Verfügbar unter:" / "Disponible sur:" (their
 * "available at" term).
 */
const GERMAN_MONTHS = ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'];
const FRENCH_SHORT_MONTHS = ['janv.', 'févr.', 'mars', 'avr.', 'mai', 'juin', 'juill.', 'août', 'sept.', 'oct.', 'nov.', 'déc.'];
const VANCOUVER_LOCALE: Record<string, { issued: string; cited: string; available: string }> = {
  'de-DE': { issued: 'August 2013', cited: `zitiert ${NOW.getUTCDate()}. ${GERMAN_MONTHS[NOW.getUTCMonth()]} ${NOW.getUTCFullYear()}`, available: 'Verfügbar unter' },
  'fr-FR': { issued: 'août 2013', cited: `cité ${NOW.getUTCDate()} ${FRENCH_SHORT_MONTHS[NOW.getUTCMonth()].replace('.', '')} ${NOW.getUTCFullYear()}`, available: 'Disponible sur' },
};
const vancouverIn = (locale: string, n: number, part: string) => {
  const words = VANCOUVER_LOCALE[locale];
  return `${n}. Boutellis A. ${CSL_TITLE} [Internet]. New York: International Peace Institute; ${words.issued} [${words.cited}]. ${part} ${words.available}: ${URL_OF_REPORT}`;
};

// ---- The items ----
type Item = 'report' | 's5' | 's7' | '5,7' | 's7 p. 11';
const ITEMS: Record<Item, string> = {
  report: `${REPORT_PATH}/cite?`,
  s5: `${REPORT_PATH}/sections/5/cite?`,
  s7: `${REPORT_PATH}/sections/7/cite?`,
  '5,7': `${REPORT_PATH}/cite?sections=5,7&`,
  's7 p. 11': `${REPORT_PATH}/sections/7/cite?page=11&`,
};

type Form = 'reference' | 'in-text' | 'note' | 'short-note';
/** One expectation: the entries (reference) or citations (other forms), each as HTML. */
type Row = [style: string, locale: string, form: Form, item: Item, expected: string[]];

/** A reference form that lists the report once whatever is cited (pages go in the citation). */
const once = (style: string, locale: string, entry: string): Row[] =>
  (['report', 's5', 's7', '5,7', 's7 p. 11'] as Item[]).map((item) => [style, locale, 'reference', item, [entry]]);

/**
 * Per locale, from the CSL locale files (locales-LL-CC.xml, the same in citation-js's built-ins): the short "page" term
 * (single / multiple) that APA puts before a locator, and the "page-range-delimiter" term that joins a range.
 */
const LOCALE_TERMS: Record<string, { p: string; pp: string; to: string }> = {
  'en-US': { p: 'p.', pp: 'pp.', to: '–' }, // p. / pp., en dash — APA 7 §8.13 "(p. 11)", "(pp. 9–14)"
  'de-DE': { p: 'S.', pp: 'S.', to: '–' }, // S. / S., en dash
  'fr-FR': { p: 'p.', pp: 'p.', to: '\u2011' }, // p. / p., non-breaking hyphen (French typography: "p. 9-14")
};

const ROWS: Row[] = [
  // ---- APA 7: the report listed once (§10.3: no chapter reference for a part of an authored book; §10.4 reports) ----
  ...['en-US', 'de-DE', 'fr-FR'].flatMap((locale): Row[] => {
    const { p, pp, to } = LOCALE_TERMS[locale];
    return [
      // APA 7 §10.4 reference; in de-DE and fr-FR the entry has no localisable term, so it is the same.
      ...once('apa', locale, APA_REF),
      // APA 7 §8.11: parenthetical citation (Author, Year); a whole work takes no pages.
      ['apa', locale, 'in-text', 'report', ['(Boutellis, 2013)']],
      // APA 7 §8.13: parenthetical citation with pages of the part cited.
      ['apa', locale, 'in-text', 's5', [`(Boutellis, 2013, ${pp} 3${to}4)`]],
      ['apa', locale, 'in-text', 's7', [`(Boutellis, 2013, ${pp} 9${to}14)`]],
      // APA 7 §8.13 for each part cited, in section order (issue 8: one citation per section).
      ['apa', locale, 'in-text', '5,7', [`(Boutellis, 2013, ${pp} 3${to}4)`, `(Boutellis, 2013, ${pp} 9${to}14)`]],
      // APA 7 §8.13: a single page is "p." (de-DE "S.", fr-FR "p.").
      ['apa', locale, 'in-text', 's7 p. 11', [`(Boutellis, 2013, ${p} 11)`]],
    ];
  }),

  // ---- MLA 9: the report listed once; pages of an authored work in the in-text citation ----
  ...once('mla', 'en-US', MLA_REF),
  // MLA 9 ch. 6 (in-text citations): the author's surname alone for a work cited as a whole.
  ['mla', 'en-US', 'in-text', 'report', ['(Boutellis)']],
  // MLA 9 ch. 6: author and page numbers, no comma, no "p." or "pp.".
  ['mla', 'en-US', 'in-text', 's5', ['(Boutellis 3–4)']],
  ['mla', 'en-US', 'in-text', 's7', ['(Boutellis 9–14)']],
  ['mla', 'en-US', 'in-text', '5,7', ['(Boutellis 3–4)', '(Boutellis 9–14)']],
  ['mla', 'en-US', 'in-text', 's7 p. 11', ['(Boutellis 11)']],

  // ---- Chicago 18 and 17 author-date: report like a book, listed once; pages in the text citation, no "p." ----
  ...(
    [
      ['chicago-author-date', CAD_REF],
      ['chicago-author-date-17', CAD17_REF],
    ] as const
  ).flatMap(([style, reference]) =>
    ['en-US', 'de-DE', 'fr-FR'].flatMap((locale): Row[] => {
      const { to } = LOCALE_TERMS[locale];
      return [
        // CMOS 18 §14.30–31 / CMOS 17 ch. 14 and ch. 15 reference list; no localised term in this entry, so every locale is the same.
        ...once(style, locale, reference),
        // CMOS 17 ch. 15, CMOS 18 ch. 13 (author-date text citations: (Author Year), a page locator after a comma, no "p."); only the range delimiter is localised.
        [style, locale, 'in-text', 'report', ['(Boutellis 2013)']],
        [style, locale, 'in-text', 's5', [`(Boutellis 2013, 3${to}4)`]],
        [style, locale, 'in-text', 's7', [`(Boutellis 2013, 9${to}14)`]],
        [style, locale, 'in-text', '5,7', [`(Boutellis 2013, 3${to}4)`, `(Boutellis 2013, 9${to}14)`]],
        [style, locale, 'in-text', 's7 p. 11', ['(Boutellis 2013, 11)']],
      ];
    }),
  ),

  // ---- Chicago 18 and 17 notes-bibliography ----
  ...(
    [
      ['chicago-notes-bibliography', CNB_REF, ''],
      ['chicago-notes-bibliography-17', CNB17_REF, 'New York: '],
    ] as const
  ).flatMap(([style, reference, place]): Row[] => [
    // CMOS 18 §14.30–31 / CMOS 17 §14.20–14.22: bibliography entry of the book (the report), listed once.
    ...once(style, 'en-US', reference),
    // Full note: Author First Last, *Title* (Place: Publisher, Year), pages, URL (CMOS 17 §14.20–14.22); CMOS 18 drops the
    // place (§14.30–31): (Publisher, Year). The URL ends a note for an online source; for a whole work no pages.
    [style, 'en-US', 'note', 'report', [`Arthur Boutellis, <i>${TITLE}</i> (${place}International Peace Institute, 2013), ${URL_OF_REPORT}.`]],
    // CMOS ch. 14 (introductions and the like by the book's own author: cite the book, with the part's pages).
    [style, 'en-US', 'note', 's5', [`Arthur Boutellis, <i>${TITLE}</i> (${place}International Peace Institute, 2013), 3–4, ${URL_OF_REPORT}.`]],
    [style, 'en-US', 'note', 's7', [`Arthur Boutellis, <i>${TITLE}</i> (${place}International Peace Institute, 2013), 9–14, ${URL_OF_REPORT}.`]],
    // CMOS 17 §14.29, CMOS 18 §13.32: after the first note, a note to the same work is shortened: Surname, *Short Title*, pages.
    [style, 'en-US', 'note', '5,7', [`Arthur Boutellis, <i>${TITLE}</i> (${place}International Peace Institute, 2013), 3–4, ${URL_OF_REPORT}.`, `Boutellis, <i>${SHORT_TITLE}</i>, 9–14.`]],
    [style, 'en-US', 'note', 's7 p. 11', [`Arthur Boutellis, <i>${TITLE}</i> (${place}International Peace Institute, 2013), 11, ${URL_OF_REPORT}.`]],
    // CMOS 17 §14.29–14.30, CMOS 18 §13.32: short note, Surname, *Short Title*, pages. For the whole work no pages, and a title
    // ending in "?" takes no period after it (CMOS ch. 6, question mark with other punctuation), while a comma after it is kept.
    [style, 'en-US', 'short-note', 'report', [`Boutellis, <i>${SHORT_TITLE}</i>`]],
    [style, 'en-US', 'short-note', 's5', [`Boutellis, <i>${SHORT_TITLE}</i>, 3–4.`]],
    [style, 'en-US', 'short-note', 's7', [`Boutellis, <i>${SHORT_TITLE}</i>, 9–14.`]],
    [style, 'en-US', 'short-note', '5,7', [`Boutellis, <i>${SHORT_TITLE}</i>, 3–4.`, `Boutellis, <i>${SHORT_TITLE}</i>, 9–14.`]],
    [style, 'en-US', 'short-note', 's7 p. 11', [`Boutellis, <i>${SHORT_TITLE}</i>, 11.`]],
  ]),

  // ---- Harvard, Cite Them Right, in en-GB (the locale of most Harvard users) ----
  // Cite Them Right (reports; online documents): listed once with "Available at: URL (Accessed: date)".
  ...once('harvard', 'en-GB', HARVARD_REF),
  // Cite Them Right writes the access date day, month, year whatever the reader's English: en-US too.
  ...once('harvard', 'en-US', HARVARD_REF),
  // Cite Them Right (citing in the text): (Author, Year); with pages (Author, Year, p./pp. x).
  ['harvard', 'en-GB', 'in-text', 'report', ['(Boutellis, 2013)']],
  ['harvard', 'en-GB', 'in-text', 's5', ['(Boutellis, 2013, pp. 3–4)']],
  ['harvard', 'en-GB', 'in-text', 's7', ['(Boutellis, 2013, pp. 9–14)']],
  ['harvard', 'en-GB', 'in-text', '5,7', ['(Boutellis, 2013, pp. 3–4)', '(Boutellis, 2013, pp. 9–14)']],
  ['harvard', 'en-GB', 'in-text', 's7 p. 11', ['(Boutellis, 2013, p. 11)']],

  // ---- Vancouver, Citing Medicine: each cited part is a numbered reference ----
  // Citing Medicine ch. 22 (Internet book, [cited date]).
  ['vancouver', 'en-US', 'reference', 'report', [vancouverRef(1)]],
  // Citing Medicine ch. 2 / 22 (part of a book by its author): "Introduction; p. 3-4." after the book.
  ['vancouver', 'en-US', 'reference', 's5', [vancouverRef(1, 'Introduction; p. 3-4.')]],
  // Same rule, an untitled part: its pages only (no title invented).
  ['vancouver', 'en-US', 'reference', 's7', [vancouverRef(1, 'p. 9-14.')]],
  // Citing Medicine: references numbered consecutively in order of citation (here section order).
  ['vancouver', 'en-US', 'reference', '5,7', [vancouverRef(1, 'Introduction; p. 3-4.'), vancouverRef(2, 'p. 9-14.')]],
  // Vancouver has no page in the text citation: the page cited is the part's location, "p. 11.".
  ['vancouver', 'en-US', 'reference', 's7 p. 11', [vancouverRef(1, 'p. 11.')]],
  // Citing Medicine ch. 2 / 22 in other locales: the part and its pages still come before "Available from" (in the locale's
  // words), with the locale's short term for a page (the CSL locale files: de-DE "S.", fr-FR "p.", en-GB "p.") and its
  // month names; the structure is Citing Medicine's, the words the locale's.
  ['vancouver', 'en-GB', 'reference', 's5', [vancouverRef(1, 'Introduction; p. 3-4.')]],
  ['vancouver', 'de-DE', 'reference', 's5', [vancouverIn('de-DE', 1, 'Introduction; S. 3-4.')]],
  ['vancouver', 'de-DE', 'reference', 's7', [vancouverIn('de-DE', 1, 'S. 9-14.')]],
  ['vancouver', 'fr-FR', 'reference', 's5', [vancouverIn('fr-FR', 1, 'Introduction; p. 3-4.')]],
  ['vancouver', 'fr-FR', 'reference', '5,7', [vancouverIn('fr-FR', 1, 'Introduction; p. 3-4.'), vancouverIn('fr-FR', 2, 'p. 9-14.')]],
  // ICMJE / Citing Medicine: in the text, the reference's number in parentheses.
  ['vancouver', 'en-US', 'in-text', 'report', ['(1)']],
  ['vancouver', 'en-US', 'in-text', 's5', ['(1)']],
  ['vancouver', 'en-US', 'in-text', 's7', ['(1)']],
  ['vancouver', 'en-US', 'in-text', '5,7', ['(1)', '(2)']],
  ['vancouver', 'en-US', 'in-text', 's7 p. 11', ['(1)']],
];

/** GETs a styled citation and returns its body, expecting 200. */
async function fetchStyled(item: Item, style: string, locale: string, form: Form, format: 'text' | 'html'): Promise<{ body: string; res: Response }> {
  const url = `${ITEMS[item]}format=${format}&style=${style}&locale=${locale}&form=${form}`;
  const res = await call(url);
  const body = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(await res.arrayBuffer());
  expect(res.status, `${url}: ${body}`).toBe(200);
  return { body, res };
}

/**
 * The entries of an HTML answer, without the wrapping divs: an entry may span lines
 * (Vancouver's number column is a div of its own, kept as text).
 */
function htmlEntries(body: string, form: Form): string[] {
  const [outer, inner] = form === 'reference' ? ['csl-bib-body', 'csl-entry'] : ['csl-citations', 'csl-citation'];
  expect(body.startsWith(`<div class="${outer}">\n`), body).toBe(true);
  expect(body.trimEnd().endsWith('</div>'), body).toBe(true);
  const chunks = body.split(new RegExp(`<div[^>]*class="${inner}"[^>]*>`)).slice(1);
  return chunks.map((chunk) =>
    chunk
      // The number column (Vancouver) is its own div, laid out beside the entry: read it as "1. ".
      .replace(/<div class="csl-left-margin">(.*?)<\/div>/, (_, number: string) => `${number.trim()} `)
      .replace(/<\/?div[^>]*>/g, '')
      .split('\n')
      .map((line) => line.trim())
      .join(''),
  );
}

const stripTags = (html: string) => html.replace(/<\/?i>/g, '');

describe('each style × form × item, as its manual writes it', () => {
  it.each(ROWS)('%s %s %s of %s', async (style, locale, form, item, expected) => {
    const text = await fetchStyled(item, style, locale, form, 'text');
    expect(text.body.split('\n').filter(Boolean), `text, ${style} ${locale} ${form} ${item}`).toEqual(expected.map(stripTags));

    const html = await fetchStyled(item, style, locale, form, 'html');
    expect(htmlEntries(html.body, form), `html, ${style} ${locale} ${form} ${item}: ${html.body}`).toEqual(expected);
  }, 30_000);
});

describe('access dates', () => {
  // Issue 8: an answer carrying today's date is cached for at most a day.
  it.each([
    ['harvard', 'en-GB', 's7'],
    ['harvard', 'en-GB', 'report'],
    ['vancouver', 'en-US', 's7'],
    ['vancouver', 'en-US', '5,7'],
  ] as Array<[string, string, Item]>)('%s %s reference of %s carries today and is cached for at most a day', async (style, locale, item) => {
    const { body, res } = await fetchStyled(item, style, locale, 'reference', 'text');
    expect(body).toContain(style === 'harvard' ? `(Accessed: ${ACCESSED_CTR})` : `[cited ${CITED_NLM}]`);
    const maxAge = Number(/max-age=(\d+)/.exec(res.headers.get('Cache-Control') ?? '')?.[1] ?? NaN);
    expect(maxAge).toBeGreaterThan(0);
    expect(maxAge).toBeLessThanOrEqual(86400);
  });
});

describe('bad input: 400 problem+json naming the valid choices', () => {
  it('an unknown form lists the four forms', async () => {
    const problem = await getProblem(`${ITEMS.s7}format=text&form=footnote`, 400);
    expect(problem.invalid_params?.map((p) => p.name)).toEqual(['form']);
    for (const form of ['reference', 'in-text', 'note', 'short-note']) expect(problem.detail).toContain(form);
  });

  // Issue 8: a style without notes (or without in-text citations) names the forms it offers.
  it.each([
    ['apa', 'note', ['reference', 'in-text']],
    ['apa', 'short-note', ['reference', 'in-text']],
    ['mla', 'note', ['reference', 'in-text']],
    ['chicago-author-date', 'short-note', ['reference', 'in-text']],
    ['harvard', 'note', ['reference', 'in-text']],
    ['vancouver', 'note', ['reference', 'in-text']],
    ['chicago-notes-bibliography', 'in-text', ['reference', 'note', 'short-note']],
  ])('%s form=%s lists the forms %j', async (style, form, forms) => {
    const problem = await getProblem(`${ITEMS.s7}format=text&style=${style}&form=${form}`, 400);
    expect(problem.invalid_params?.map((p) => p.name)).toEqual(['form']);
    expect(problem.forms).toEqual(forms);
  });

  it.each([
    ['section 7, page 20', `${ITEMS.s7}format=text&form=in-text&page=20`, /9[-–]14/],
    ['section 7, page 8', `${ITEMS.s7}format=text&form=in-text&page=8`, /9[-–]14/],
    ['section 5, page 11', `${ITEMS.s5}format=html&form=in-text&page=11`, /3[-–]4/],
  ])('a page outside the item (%s) names its range', async (_what, path, range) => {
    const problem = await getProblem(path, 400);
    expect(problem.invalid_params?.map((p) => p.name)).toEqual(['page']);
    expect(problem.detail).toMatch(range);
  });

  it.each([
    ['with format=ris', `${ITEMS.s7}format=ris&page=11`],
    ['with a selection', `${ITEMS['5,7']}format=text&form=in-text&page=11`],
  ])('page %s', async (_what, path) => {
    const problem = await getProblem(path, 400);
    expect(problem.invalid_params?.map((p) => p.name)).toEqual(['page']);
  });
});

describe('what the report offers', () => {
  it('lists en-GB among the locales and each style with its forms', async () => {
    const { citations } = await getJson(REPORT_PATH);
    expect(citations.locales).toEqual(expect.arrayContaining(['en-US', 'en-GB', 'de-DE', 'fr-FR']));
    const forms = Object.fromEntries(citations.styles.map((s: { name: string; forms: string[] }) => [s.name, s.forms]));
    expect(forms).toMatchObject({
      apa: ['reference', 'in-text'],
      mla: ['reference', 'in-text'],
      'chicago-author-date': ['reference', 'in-text'],
      'chicago-notes-bibliography': ['reference', 'note', 'short-note'],
      harvard: ['reference', 'in-text'],
      vancouver: ['reference', 'in-text'],
    });
  });
});
