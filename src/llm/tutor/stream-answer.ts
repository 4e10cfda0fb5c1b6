import type { Logger } from 'pino';
import type { Reply } from '../../core/reply.js';
import type { ChatMessage } from '../client.js';
import type { RetryNotice } from '../retry.js';
import type { LeakVerdict } from '../safety.js';
import { spend, type LlmTicket } from '../service.js';
import { StreamView } from '../stream-view.js';
import { t } from '../../i18n/index.js';

export interface StreamAnswerInput {
	update(reply: Reply): Promise<void>;
	log?: Logger;
	ticket: LlmTicket;
	messages: ChatMessage[];
	/** Checks the text before anything is shown; null only for the deliberately weak /inject levels. */
	guard: ((text: string) => LeakVerdict) | null;
	header?: string;
	ephemeral?: boolean;
	maxTokens?: number;
	temperature?: number;
	intervalMs?: number;
}

export interface StreamedAnswer {
	text: string;
	finishReason: string;
	/** Set when the guard stopped the answer; `text` must then not be shown. */
	withheld: LeakVerdict | null;
	view: StreamView;
}

/** The line shown under a streamed answer while a failed request is retried. */
export function retryLine(notice: RetryNotice): string {
	const wait = notice.delayMs >= 1000 ? t('tutor.retryIn', { seconds: Math.ceil(notice.delayMs / 1000) }) : '';
	if (notice.error.code === 'llm.rate-limited') return t('tutor.busy', { wait });
	return t('tutor.trouble', { code: notice.error.code.replace('llm.', ''), wait });
}

/**
 * Streams a chat completion into the reply: throttled edits, a "retrying…" line while failed requests are
 * retried, and every piece checked by `guard` before it is shown (once it fails, nothing more is shown). The
 * ticket is refunded when the model server fails.
 */
export async function streamAnswer(input: StreamAnswerInput): Promise<StreamedAnswer> {
	const view = new StreamView({
		update: input.update,
		header: input.header,
		ephemeral: input.ephemeral,
		intervalMs: input.intervalMs,
		log: input.log,
	});
	let withheld: LeakVerdict | null = null;
	try {
		const result = await spend(input.ticket, (client) =>
			client.streamChat(
				{ messages: input.messages, maxTokens: input.maxTokens ?? 900, temperature: input.temperature },
				{
					onText: (text) => {
						if (withheld) return;
						const verdict = input.guard?.(text);
						if (verdict && !verdict.ok) {
							withheld = verdict;
							return;
						}
						if (text) view.notice('');
						view.show(text);
					},
					onRetry: (notice) => {
						withheld = null;
						view.notice(retryLine(notice));
					},
				},
			),
		);
		const finalVerdict = input.guard?.(result.text);
		if (finalVerdict && !finalVerdict.ok) withheld = finalVerdict;
		return { ...result, withheld, view };
	} catch (error) {
		await view.close();
		throw error;
	}
}
