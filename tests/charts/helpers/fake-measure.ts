import { graphemes, type TextMeasurer } from '../../../src/charts/text.js';

/** A predictable measurer for exact layout tests: every grapheme is half the font size wide. */
export const fakeMeasure: TextMeasurer = (text, font) => graphemes(text).length * font.size * 0.5;
