/**
 * Level 3's input filter: a deny-list of the words attacks usually use. It is deliberately the kind of filter
 * real applications ship, so members can see that paraphrase, other languages and indirection walk past it.
 */
const PATTERNS: readonly { pattern: RegExp; label: string }[] = [
	{ pattern: /\bsecret/i, label: 'secret' },
	{ pattern: /\bpass ?(word|phrase)/i, label: 'password' },
	{
		pattern: /\b(ignore|disregard|forget)\b[^.]{0,40}\b(previous|above|prior|all|earlier|your)\b/i,
		label: 'ignore previous instructions',
	},
	{ pattern: /\binstructions?\b/i, label: 'instructions' },
	{ pattern: /\bsystem\s*(prompt|message)/i, label: 'system prompt' },
	{ pattern: /\breveal/i, label: 'reveal' },
	{ pattern: /비밀|암호|무시/, label: '비밀 / 암호 / 무시' },
	{
		pattern: /geheim|passwort|secreto|contraseña|mot de passe/i,
		label: 'secret or password (German, Spanish, French)',
	},
];

/** The first deny-list entry the message matches, or null. */
export function inputFilter(message: string): string | null {
	const text = message.normalize('NFKC');
	return PATTERNS.find((p) => p.pattern.test(text))?.label ?? null;
}
