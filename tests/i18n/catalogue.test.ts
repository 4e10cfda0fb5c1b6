import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en/index.js';
import { ko } from '../../src/i18n/ko/index.js';
import { t, tIn, withLanguage } from '../../src/i18n/index.js';

/** Every message of a catalogue by dotted key, plural suffixes kept. */
function flatten(tree: object, prefix = ''): Map<string, string> {
	const out = new Map<string, string>();
	for (const [key, value] of Object.entries(tree)) {
		if (typeof value === 'string') out.set(prefix + key, value);
		else for (const [k, v] of flatten(value as object, `${prefix}${key}.`)) out.set(k, v);
	}
	return out;
}
const baseKey = (key: string) => key.replace(/_(?:zero|one|two|few|many|other)$/, '');
const placeholders = (text: string) =>
	[...new Set(text.match(/\{\{\s*[\w.]+/g) ?? [])].map((p) => p.slice(2).trim()).sort();

const english = flatten(en);
const korean = flatten(ko);

/** The bot's own source (not the catalogues, not tests): where a message key must be named to be used. */
function sourceText(): string {
	const root = path.resolve(import.meta.dirname, '../..');
	const catalogues = [path.join('src', 'i18n', 'en'), path.join('src', 'i18n', 'ko')];
	return ['src', 'commands', 'scripts']
		.flatMap((dir) =>
			readdirSync(path.join(root, dir), { recursive: true, encoding: 'utf8' })
				.map((file) => path.join(dir, file))
				.filter((file) => /\.(?:ts|mjs)$/.test(file) && !catalogues.some((c) => file.startsWith(c + path.sep))),
		)
		.map((file) => readFileSync(path.join(root, file), 'utf8'))
		.concat(pageKeys(root))
		.join('\n');
}

/**
 * The local page's own strings: the server sends it `local.page` whole, and its script and HTML name each message
 * by its last part (`t('noEvents')`, `data-i18n="noEvents"`); written back here as full quoted keys.
 */
function pageKeys(root: string): string[] {
	const page = path.join(root, 'src', 'local', 'page');
	return readdirSync(page, { encoding: 'utf8' })
		.filter((file) => /\.(?:js|html)$/.test(file))
		.flatMap((file) => [
			...readFileSync(path.join(page, file), 'utf8').matchAll(/\bt\(\s*'([\w.-]+)'|data-i18n(?:-[\w-]+)?="([\w.-]+)"/g),
		])
		.map((m) => `'local.page.${m[1] ?? m[2]}'`);
}

describe('the message catalogue', () => {
	it('GIVEN the English catalogue THEN every message has a Korean counterpart with the same placeholders', () => {
		const missing: string[] = [];
		const mismatched: string[] = [];
		for (const [key, text] of english) {
			const koKey = key.endsWith('_one') ? null : key;
			if (koKey === null) continue;
			const koText = korean.get(koKey);
			if (koText === undefined || koText.trim() === '') missing.push(key);
			else {
				// `count` picks the plural form; Korean may leave it out of a sentence that has no number in it.
				const need = placeholders(text).filter((p) => p !== 'count');
				const have = placeholders(koText).filter((p) => p !== 'count');
				if (need.join() !== have.join()) mismatched.push(`${key}: {${need.join()}} vs {${have.join()}}`);
			}
		}
		expect(missing, 'keys without Korean').toEqual([]);
		expect(mismatched, 'placeholders that differ').toEqual([]);
	});

	it('GIVEN the Korean catalogue THEN it has no key English lacks, and its messages are Korean', () => {
		const englishBases = new Set([...english.keys()].map(baseKey));
		expect([...korean.keys()].filter((key) => !englishBases.has(baseKey(key)))).toEqual([]);
		const notKorean = [...korean].filter(
			([key, text]) =>
				/[A-Za-z]{3}/.test(text.replace(/\{\{[^}]*\}\}|`[^`]*`|\/[a-z-]+/g, '')) &&
				!/\p{Script=Hangul}/u.test(text) &&
				!key.endsWith('.symbol'),
		);
		expect(notKorean.map(([key]) => key)).toEqual([]);
	});

	it('GIVEN the source THEN every message key is used somewhere, whole or under a prefix the code completes', () => {
		const source = sourceText();
		// Keys completed at run time (`schedule.days.${weekday}`) count as used under their quoted prefix; every other
		// key must appear whole in quotes. A plural key is used through its base key.
		const areas = Object.keys(en).join('|');
		const prefixes = [...source.matchAll(new RegExp(`\`((?:${areas})(?:\\.[\\w-]+)*)\\.\\$\\{`, 'g'))].map(
			(m) => `${m[1]}.`,
		);
		const quoted = new Set([...source.matchAll(/['"`]([a-zA-Z]+(?:\.[\w-]+)+)['"`]/g)].map((m) => m[1]!));
		const unused = [...new Set([...english.keys()].map(baseKey))].filter(
			(key) => !quoted.has(key) && !prefixes.some((prefix) => key.startsWith(prefix)),
		);
		expect(unused, 'keys no code uses: delete them in both languages').toEqual([]);
	});

	it('GIVEN a language set for a piece of work THEN t writes in it, across awaits, and English elsewhere', async () => {
		expect(t('common.errors.rateLimited', { command: 'sample', seconds: 3 })).toContain('try again in 3 s');
		const inKorean = await withLanguage('ko', async () => {
			await new Promise((resolve) => setTimeout(resolve, 1));
			return t('common.errors.rateLimited', { command: 'sample', seconds: 3 });
		});
		expect(inKorean).toContain('3초');
		expect(tIn('ko', 'common.errors.unexpected', { reference: 'ab12' })).toContain('`ab12`');
	});
});
