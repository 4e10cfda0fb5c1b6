/**
 * The shape every other language's catalogue must have: the English catalogue's keys, each a string. Plural forms
 * use i18next's suffixes (`_one`, `_other`); Korean has no singular form, so `_one` keys are not required of it.
 */
export type Catalogue<T> = {
	[K in keyof T as K extends `${string}_one` ? never : K]: T[K] extends string ? string : Catalogue<T[K]>;
};

/** Dotted message keys of a catalogue, with plural suffixes folded into their base key. */
export type MessageKeyOf<T, P extends string = ''> = {
	[K in keyof T & string]: T[K] extends string
		? `${P}${K extends `${infer B}_${'one' | 'other'}` ? B : K}`
		: MessageKeyOf<T[K], `${P}${K}.`>;
}[keyof T & string];
