import { randomInt } from 'node:crypto';

const CONSONANTS = 'BDFGKLMNPRSTVZ';
const VOWELS = 'AEIOU';

/**
 * A new secret word: four consonant-vowel syllables (e.g. `MOVALIKU`), drawn with crypto's CSPRNG: 70⁴ ≈ 24
 * million possibilities, pronounceable so members can tell when a guard hints at it.
 */
export function newSecret(): string {
	let word = '';
	for (let i = 0; i < 4; i++) word += CONSONANTS[randomInt(CONSONANTS.length)]! + VOWELS[randomInt(VOWELS.length)]!;
	return word;
}
