import type { APIActionRowComponent, APIComponentInMessageActionRow } from 'discord-api-types/v10';
import type { Logger } from 'pino';
import { LIMITS } from '../core/limits.js';
import type { Reply } from '../core/reply.js';
import { splitMessage } from './split.js';
import { t } from '../i18n/index.js';

const CURSOR = ' ▌';

export interface StreamViewOptions {
	/** Edits the reply (the handler's `ctx.update`). */
	update(reply: Reply): Promise<void>;
	/** Shown above the answer in the first message (e.g. the question). */
	header?: string;
	ephemeral?: boolean;
	/** At most one edit per this many milliseconds: Discord rate-limits message edits. */
	intervalMs?: number;
	now?: () => number;
	log?: Logger;
}

/**
 * Shows a streamed answer by editing the reply as text arrives, at most once per `intervalMs` (the latest text
 * wins; edits never overlap). Only the first message can be edited while the handler runs, so an answer longer
 * than one message shows its first page with a "continued" note, and {@link StreamView.final} sends the rest as
 * follow-up messages.
 */
export class StreamView {
	private latest: string | null = null;
	private note = '';
	private lastEditAt = -Infinity;
	private timer: NodeJS.Timeout | undefined;
	private inFlight: Promise<void> | null = null;
	private closed = false;
	/** Edits actually sent, for tests and logs. */
	edits = 0;
	private readonly interval: number;
	private readonly now: () => number;

	constructor(private readonly options: StreamViewOptions) {
		this.interval = options.intervalMs ?? 1000;
		this.now = options.now ?? Date.now;
	}

	/** The answer so far (the whole text, not a delta). */
	show(text: string): void {
		if (this.closed) return;
		this.latest = text;
		this.schedule();
	}

	/** A line under the answer, e.g. "retrying…"; cleared by passing ''. */
	notice(line: string): void {
		if (line === this.note) return;
		this.note = line;
		this.show(this.latest ?? '');
	}

	private schedule(): void {
		if (this.timer || this.inFlight) return;
		const wait = this.lastEditAt + this.interval - this.now();
		if (wait <= 0) this.flush();
		else
			this.timer = setTimeout(() => {
				this.timer = undefined;
				this.flush();
			}, wait);
	}

	private flush(): void {
		if (this.closed || this.latest === null) return;
		const content = this.render(this.latest);
		this.latest = null;
		this.lastEditAt = this.now();
		this.edits += 1;
		this.inFlight = this.options
			.update({ content, ephemeral: this.options.ephemeral })
			.catch((error: unknown) => this.options.log?.warn({ err: error }, 'stream edit failed'))
			.finally(() => {
				this.inFlight = null;
				if (this.latest !== null) this.schedule();
			});
	}

	private render(text: string): string {
		const note = this.note ? `\n${this.note}` : '';
		const CONTINUED = t('tutor.continued');
		const pages = splitMessage(this.compose(text), LIMITS.content - CONTINUED.length - note.length - CURSOR.length);
		const first = pages[0] ?? '';
		return pages.length > 1 ? `${first}${CONTINUED}${note}` : `${first}${CURSOR}${note}`;
	}

	private compose(text: string): string {
		return this.options.header ? `${this.options.header}\n${text}` : text;
	}

	/** Stops further edits and waits for the one in flight, so the final reply is the last write. */
	async close(): Promise<void> {
		this.closed = true;
		clearTimeout(this.timer);
		this.timer = undefined;
		await this.inFlight;
	}

	/**
	 * The final reply: the answer split into messages (code blocks closed and reopened across them), `footer` and
	 * `components` on the last one.
	 */
	async final(
		text: string,
		extra: { footer?: string; components?: APIActionRowComponent<APIComponentInMessageActionRow>[] } = {},
	): Promise<Reply> {
		await this.close();
		// A code block the model left open is closed first, so the footer is not swallowed by it.
		const closed = splitMessage(this.compose(text), Number.POSITIVE_INFINITY)[0] ?? '';
		const body = closed + (extra.footer ? `\n${extra.footer}` : '');
		const pages = splitMessage(body, LIMITS.content);
		const ephemeral = this.options.ephemeral;
		const replies: Reply[] = pages.map((content) => ({ content, ephemeral }));
		const last = replies[replies.length - 1]!;
		if (extra.components) last.components = extra.components;
		const [first, ...rest] = replies;
		return { ...first!, ...(rest.length ? { followUps: rest } : {}) };
	}
}
