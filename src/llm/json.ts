import type { z } from 'zod';
import type { ChatMessage, LlmClient } from './client.js';

/**
 * Reads a JSON object out of a model's reply: the reply itself, or the inside of a ```json fence, or the span
 * from the first `{` to the last `}` (models like to add a sentence around it). Throws SyntaxError otherwise.
 */
export function extractJsonObject(text: string): unknown {
	const candidates = [text.trim()];
	const fenced = /```(?:json)?\s*\n([\s\S]*?)```/i.exec(text);
	if (fenced) candidates.push(fenced[1]!.trim());
	const first = text.indexOf('{');
	const last = text.lastIndexOf('}');
	if (first >= 0 && last > first) candidates.push(text.slice(first, last + 1));
	for (const candidate of candidates) {
		try {
			const value: unknown = JSON.parse(candidate);
			if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value;
		} catch {
			// try the next reading
		}
	}
	throw new SyntaxError('no JSON object in the reply');
}

export type JsonResult<T> = { ok: true; value: T; attempts: number } | { ok: false; problem: string; attempts: number };

export interface ChatJsonOptions<T> {
	/** How many times the model is shown its mistake and asked again. */
	repairs?: number;
	maxTokens?: number;
	/** Checks beyond the schema (e.g. one verdict per rubric point); returns a problem to show the model, or null. */
	check?: (value: T) => string | null;
}

function describeIssues(error: z.ZodError): string {
	return error.issues
		.slice(0, 6)
		.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
		.join('; ');
}

/**
 * Asks for a JSON object (JSON mode where the server has it), validates it with `schema` and `check`, and on a
 * malformed or invalid reply shows the model what was wrong and asks again, up to `repairs` times. Model server
 * failures are thrown as LlmError; a reply that never validates is returned as `{ ok: false }`.
 */
export async function chatJson<S extends z.ZodType>(
	client: LlmClient,
	messages: ChatMessage[],
	schema: S,
	options: ChatJsonOptions<z.infer<S>> = {},
): Promise<JsonResult<z.infer<S>>> {
	const repairs = options.repairs ?? 1;
	const conversation = [...messages];
	let problem = '';
	for (let attempt = 1; attempt <= repairs + 1; attempt++) {
		const reply = await client.chat({
			messages: conversation,
			json: true,
			temperature: 0,
			maxTokens: options.maxTokens ?? 1200,
		});
		let parsed: unknown;
		try {
			parsed = extractJsonObject(reply.text);
		} catch {
			problem = 'the reply was not a JSON object';
		}
		if (parsed !== undefined) {
			const result = schema.safeParse(parsed);
			if (result.success) {
				const semantic = options.check?.(result.data) ?? null;
				if (semantic === null) return { ok: true, value: result.data, attempts: attempt };
				problem = semantic;
			} else {
				problem = describeIssues(result.error);
			}
		}
		conversation.push(
			{ role: 'assistant', content: reply.text.slice(0, 4000) },
			{
				role: 'user',
				content: `That reply cannot be used: ${problem}. Answer again with only the corrected JSON object, in the shape asked for.`,
			},
		);
	}
	return { ok: false, problem, attempts: repairs + 1 };
}
