import { describe, expect, it } from 'vitest';
import { cleanParagraph, openingWords } from '../../scripts/sources/clean-text';

describe('cleanParagraph', () => {
  it('cleans the documented example: rejoins "Depart - ment" and keeps the full stop of "...."', () => {
    const cleaned = cleanParagraph('the Depart - ment of Political Affairs (DPA) in 1992....');

    expect(cleaned).toEqual({ text: 'the Department of Political Affairs (DPA) in 1992.', truncated: true });
  });

  it('removes a spaced footnote marker after a sentence', () => {
    const cleaned = cleanParagraph('postconflict engagement. ¹ Over the last two decades');

    expect(cleaned.text).toBe('postconflict engagement. Over the last two decades');
  });

  it('removes a footnote marker written against the full stop and a multi-digit marker', () => {
    expect(cleanParagraph('engagement.¹ Over').text).toBe('engagement. Over');
    expect(cleanParagraph('as reported. ¹² Later').text).toBe('as reported. Later');
  });

  it('drops a three-dot truncation mark and flags the paragraph as cut', () => {
    expect(cleanParagraph('to combine efforts in support...')).toEqual({ text: 'to combine efforts in support', truncated: true });
  });

  it('treats a Unicode ellipsis at the end as a truncation mark', () => {
    expect(cleanParagraph('this reality may be …')).toEqual({ text: 'this reality may be', truncated: true });
  });

  it('leaves an ellipsis inside the text alone and the paragraph not truncated', () => {
    expect(cleanParagraph('Mendeley...) and more.')).toEqual({ text: 'Mendeley...) and more.', truncated: false });
  });

  it('collapses runs of whitespace and line breaks into single spaces', () => {
    expect(cleanParagraph('  Over the\n   past   two\tdecades  ').text).toBe('Over the past two decades');
  });

  it('keeps en dashes, curly quotes and real hyphenated compounds', () => {
    const text = 'an intra–UN affair, “integration” and Secretary-General Boutros-Ghali’s plan';

    expect(cleanParagraph(text)).toEqual({ text, truncated: false });
  });

  it('does not join a spaced hyphen followed by a capital letter', () => {
    expect(cleanParagraph('Africa - Europe relations').text).toBe('Africa - Europe relations');
  });
});

describe('openingWords', () => {
  it('takes whole words up to the limit and says the text was cut', () => {
    expect(openingWords('After all these efforts, many within and beyond the UN', 8)).toEqual({
      words: 'After all these efforts, many within and beyond',
      cut: true,
    });
  });

  it('drops a comma, semicolon or colon that would dangle at the end', () => {
    expect(openingWords('Over the past two decades, the UN', 5).words).toBe('Over the past two decades');
    expect(openingWords('first; second', 1).words).toBe('first');
  });

  it('keeps a short text whole and says it was not cut', () => {
    expect(openingWords('  Executive   Summary ', 8)).toEqual({ words: 'Executive Summary', cut: false });
  });
});
