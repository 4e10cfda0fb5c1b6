import type { UploadedFile } from './messages.js';

/** A request body as the emulator understood it. */
export interface ParsedBody {
	kind: 'none' | 'json' | 'multipart' | 'other';
	/** The JSON body, or a multipart body's `payload_json` (merged with its plain text fields). */
	json: unknown;
	files: UploadedFile[];
	/** Why the body could not be read, if it could not. */
	error?: string;
}

/**
 * Reads a JSON or multipart body. Multipart goes through undici's `Response.formData()` (built into Node 20),
 * the same parser family Discord's clients use to build it, so field names and filenames arrive as sent.
 */
export async function parseBody(contentType: string | undefined, raw: Buffer): Promise<ParsedBody> {
	if (raw.length === 0) return { kind: 'none', json: undefined, files: [] };
	const type = (contentType ?? '').toLowerCase();
	if (type.startsWith('application/json')) {
		try {
			return { kind: 'json', json: JSON.parse(raw.toString('utf8')), files: [] };
		} catch (error) {
			return { kind: 'json', json: undefined, files: [], error: `invalid JSON: ${(error as Error).message}` };
		}
	}
	if (type.startsWith('multipart/form-data')) {
		let form: FormData;
		try {
			form = await new Response(raw, { headers: { 'content-type': contentType ?? '' } }).formData();
		} catch (error) {
			return {
				kind: 'multipart',
				json: undefined,
				files: [],
				error: `unreadable multipart body: ${(error as Error).message}`,
			};
		}
		const files: UploadedFile[] = [];
		const fields: Record<string, unknown> = {};
		let json: unknown;
		let error: string | undefined;
		for (const [field, value] of form.entries()) {
			if (typeof value === 'string') {
				if (field === 'payload_json') {
					try {
						json = JSON.parse(value);
					} catch (e) {
						error = `payload_json is not JSON: ${(e as Error).message}`;
					}
				} else {
					fields[field] = value;
				}
				continue;
			}
			files.push({
				field,
				filename: value.name,
				contentType: value.type || 'application/octet-stream',
				bytes: Buffer.from(await value.arrayBuffer()),
			});
		}
		if (json === undefined && Object.keys(fields).length > 0) json = fields;
		else if (json !== null && typeof json === 'object' && Object.keys(fields).length > 0) json = { ...fields, ...json };
		return { kind: 'multipart', json, files, ...(error ? { error } : {}) };
	}
	return { kind: 'other', json: undefined, files: [], error: `unsupported content-type ${contentType ?? '(none)'}` };
}
