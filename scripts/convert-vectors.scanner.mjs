// A streaming JSON scanner (SAX style) for scripts/convert-vectors.mjs: bytes go in chunk by chunk, scalars come
// out with the path of keys that leads to them. It holds one token at a time, so memory stays flat however large
// the document is. Plain JavaScript so that postinstall can run it without TypeScript.

const VALUE = 0; // expecting a value
const VALUE_OR_CLOSE = 1; // just after '['
const KEY_OR_CLOSE = 2; // just after '{'
const KEY = 3; // after ',' in an object
const COLON = 4;
const AFTER = 5; // after a value: ',' or a closing bracket
const STRING = 6;
const STRING_ESCAPE = 7;
const NUMBER = 8;
const LITERAL = 9;

/** The key a scalar inside an array is reported under. */
export const ARRAY_ITEM = '#';

const POW10 = Array.from({ length: 23 }, (_, k) => 10 ** k);

/**
 * @typedef {object} ScannerHandlers
 * @property {(path: readonly string[], value: string | number | boolean | null) => void} onScalar
 *   A string, number, true, false or null; `path` holds the object keys (ARRAY_ITEM for array items) down to it.
 *   The array is reused: copy it to keep it.
 * @property {(path: readonly string[]) => void} [onEnd] An object or array at `path` has closed.
 * @property {(significantDigits: number) => void} [onNumberDigits] The significant digits of each number.
 */

/** @param {ScannerHandlers} handlers */
export function createJsonScanner(handlers) {
	/** @type {string[]} */
	const path = [];
	/** @type {boolean[]} true for an object, false for an array */
	const containers = [];
	let state = VALUE;
	let stringIsKey = false;
	let stringHasEscape = false;
	let token = new Uint8Array(256);
	let tokenLength = 0;
	let done = false;

	const push = (/** @type {number} */ byte) => {
		if (tokenLength === token.length) {
			const bigger = new Uint8Array(token.length * 2);
			bigger.set(token);
			token = bigger;
		}
		token[tokenLength++] = byte;
	};

	const fail = (/** @type {string} */ message) => {
		throw new SyntaxError(`JSON scanner: ${message} at ${path.join('.') || '(top)'}`);
	};

	const afterValue = () => {
		if (containers.length === 0) done = true;
		state = AFTER;
	};

	const emit = (/** @type {string | number | boolean | null} */ value) => {
		handlers.onScalar(path, value);
		afterValue();
	};

	const open = (/** @type {boolean} */ isObject) => {
		containers.push(isObject);
		path.push(isObject ? '' : ARRAY_ITEM);
		state = isObject ? KEY_OR_CLOSE : VALUE_OR_CLOSE;
	};

	const close = (/** @type {boolean} */ isObject) => {
		if (containers.pop() !== isObject) fail(`unexpected ${isObject ? '}' : ']'}`);
		path.pop();
		handlers.onEnd?.(path);
		afterValue();
	};

	const finishString = () => {
		const bytes = token.subarray(0, tokenLength);
		const text = stringHasEscape
			? JSON.parse(`"${Buffer.from(bytes).toString('utf8')}"`)
			: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
		if (stringIsKey) {
			path[path.length - 1] = text;
			state = COLON;
		} else emit(text);
	};

	const finishNumber = () => emit(parseNumber(token, tokenLength, handlers.onNumberDigits));

	const finishLiteral = () => {
		const word = Buffer.from(token.subarray(0, tokenLength)).toString('latin1');
		if (word === 'true') emit(true);
		else if (word === 'false') emit(false);
		else if (word === 'null') emit(null);
		else fail(`unknown literal ${word}`);
	};

	/** @param {number} byte */
	const startValue = (byte) => {
		if (byte === 0x7b) open(true);
		else if (byte === 0x5b) open(false);
		else if (byte === 0x22) {
			stringIsKey = false;
			stringHasEscape = false;
			tokenLength = 0;
			state = STRING;
		} else if (byte === 0x2d || (byte >= 0x30 && byte <= 0x39)) {
			tokenLength = 0;
			push(byte);
			state = NUMBER;
		} else if (byte === 0x74 || byte === 0x66 || byte === 0x6e) {
			tokenLength = 0;
			push(byte);
			state = LITERAL;
		} else fail(`unexpected byte 0x${byte.toString(16)}`);
	};

	/** @param {Uint8Array} chunk */
	const write = (chunk) => {
		for (let i = 0; i < chunk.length; i++) {
			const byte = /** @type {number} */ (chunk[i]);
			switch (state) {
				case STRING:
					if (byte === 0x22) finishString();
					else {
						if (byte === 0x5c) {
							stringHasEscape = true;
							state = STRING_ESCAPE;
						}
						push(byte);
					}
					continue;
				case STRING_ESCAPE:
					push(byte);
					state = STRING;
					continue;
				case NUMBER:
					if (
						(byte >= 0x30 && byte <= 0x39) ||
						byte === 0x2e ||
						byte === 0x65 ||
						byte === 0x45 ||
						byte === 0x2d ||
						byte === 0x2b
					) {
						push(byte);
						continue;
					}
					finishNumber();
					break; // the byte that ended the number is handled below
				case LITERAL:
					if (byte >= 0x61 && byte <= 0x7a) {
						push(byte);
						continue;
					}
					finishLiteral();
					break;
				default:
					break;
			}
			if (byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09) continue;
			if (done) fail('content after the top-level value');
			switch (state) {
				case VALUE:
					startValue(byte);
					break;
				case VALUE_OR_CLOSE:
					if (byte === 0x5d) close(false);
					else startValue(byte);
					break;
				case KEY_OR_CLOSE:
				case KEY:
					if (byte === 0x7d && state === KEY_OR_CLOSE) close(true);
					else if (byte === 0x22) {
						stringIsKey = true;
						stringHasEscape = false;
						tokenLength = 0;
						state = STRING;
					} else fail('expected a key');
					break;
				case COLON:
					if (byte !== 0x3a) fail('expected :');
					state = VALUE;
					break;
				case AFTER:
					if (byte === 0x2c) state = containers.at(-1) ? KEY : VALUE;
					else if (byte === 0x7d) close(true);
					else if (byte === 0x5d) close(false);
					else fail(`unexpected byte 0x${byte.toString(16)} after a value`);
					break;
				default:
					fail(`bad state ${state}`);
			}
		}
	};

	const end = () => {
		if (state === NUMBER) finishNumber();
		else if (state === LITERAL) finishLiteral();
		if (!done || containers.length > 0) fail('unexpected end of input');
	};

	return { write, end };
}

/**
 * Parses a JSON number from bytes. Up to 15 significant digits and a power of ten within ±22 the result is
 * exactly what Number() gives (one correctly rounded multiplication or division of exact doubles); anything else
 * falls back to Number().
 * @param {Uint8Array} bytes @param {number} length @param {((digits: number) => void) | undefined} onDigits
 */
export function parseNumber(bytes, length, onDigits) {
	let i = 0;
	let negative = false;
	if (bytes[0] === 0x2d) {
		negative = true;
		i = 1;
	}
	let mantissa = 0;
	let digits = 0;
	let leading = true;
	let fraction = 0;
	let seenPoint = false;
	for (; i < length; i++) {
		const b = /** @type {number} */ (bytes[i]);
		if (b === 0x2e) {
			seenPoint = true;
			continue;
		}
		if (b < 0x30 || b > 0x39) break;
		mantissa = mantissa * 10 + (b - 0x30);
		if (seenPoint) fraction++;
		if (leading && b !== 0x30) leading = false;
		if (!leading) digits++;
	}
	let exponent = 0;
	if (i < length) {
		let expNegative = false;
		i++; // e or E
		if (bytes[i] === 0x2d || bytes[i] === 0x2b) expNegative = bytes[i++] === 0x2d;
		for (; i < length; i++) exponent = exponent * 10 + /** @type {number} */ (bytes[i] - 0x30);
		if (expNegative) exponent = -exponent;
	}
	onDigits?.(digits);
	const power = exponent - fraction;
	let value;
	if (digits <= 15 && power >= 0 && power <= 22) value = mantissa * /** @type {number} */ (POW10[power]);
	else if (digits <= 15 && power < 0 && power >= -22) value = mantissa / /** @type {number} */ (POW10[-power]);
	else value = Number(Buffer.from(bytes.subarray(negative ? 1 : 0, length)).toString('latin1'));
	if (Number.isNaN(value))
		throw new SyntaxError(`bad number ${Buffer.from(bytes.subarray(0, length)).toString('latin1')}`);
	return negative ? -value : value;
}
