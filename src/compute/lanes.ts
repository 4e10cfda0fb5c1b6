import { BusyError, UserError } from '../core/errors.js';
import { t } from '../i18n/index.js';

/** Cheap tasks (a chart, one forward pass) or ones that run the model many times over. */
export type Lane = 'light' | 'heavy';

/** A member asked for a second heavy task while their first is queued or running. */
export class StillRunningError extends UserError {
	constructor(command: string) {
		super(t('core.stillRunning', { command }), 'compute.still-running');
	}
}

export interface LaneOptions {
	/** Tasks running at once (the worker threads): the scheduler never hands the pool more, so the pool never queues. */
	slots: number;
	/** Of those, the most that heavy tasks may hold; the rest are kept for light ones. */
	heavySlots: number;
	/** Tasks that may wait in each lane; beyond it the member is told "busy" at once. */
	maxQueue: number;
}

/** Who asked, and what the reply names if they ask again too soon. */
export interface Requester {
	member?: string;
	/** The command as the member typed it, e.g. `/sample`. */
	command?: string;
	/** Told once when the task has to wait for a slot, so the member can be shown their place in line. */
	onQueued?: (wait: QueueWait) => void;
}

/** A task's place in line when it could not start at once. */
export interface QueueWait {
	/** Tasks that run now or wait before it (for a heavy task, light ones included: they go first). */
	ahead: number;
	/** About how long until it is answered, from the lane's recent run times; undefined before any has run. */
	expectedMs?: number;
	/** Settles when the task gets its slot. */
	started: Promise<void>;
}

interface Waiting {
	start: () => void;
}

/**
 * Schedules tasks by expected cost onto a fixed number of slots: light tasks first, heavy ones only while fewer than
 * `heavySlots` heavy tasks run, so a chart never waits behind a minute of generation. Each member holds at most one
 * heavy task (queued or running); a second is refused at once with {@link StillRunningError}.
 */
export class LaneScheduler {
	private readonly queues: Record<Lane, Waiting[]> = { light: [], heavy: [] };
	private running = 0;
	private heavyRunning = 0;
	private readonly heavyMembers = new Set<string>();
	/** Recent run time per lane (exponentially weighted), for the wait a queued member is told. */
	private readonly typicalMs: Partial<Record<Lane, number>> = {};

	constructor(private readonly options: LaneOptions) {
		if (options.slots < 1) throw new RangeError('slots must be ≥ 1');
		if (options.heavySlots < 1 || options.heavySlots > options.slots)
			throw new RangeError('heavySlots must be 1…slots');
	}

	/** Runs `job` when its lane gets a slot. Throws at once (without queueing) for a busy lane or a member's second heavy task. */
	async submit<T>(lane: Lane, requester: Requester, job: () => Promise<T>): Promise<T> {
		const member = lane === 'heavy' ? requester.member : undefined;
		if (member !== undefined && this.heavyMembers.has(member))
			throw new StillRunningError(requester.command ?? 'request');
		if (this.queues[lane].length >= this.options.maxQueue) throw new BusyError();
		if (member !== undefined) this.heavyMembers.add(member);
		try {
			let started = false;
			const slot = new Promise<void>((resolve) => {
				this.queues[lane].push({
					start: () => {
						started = true;
						resolve();
					},
				});
			});
			this.pump();
			if (!started) this.tellWait(lane, requester, slot);
			await slot;
			const began = performance.now();
			try {
				return await job();
			} finally {
				const took = performance.now() - began;
				const typical = this.typicalMs[lane];
				this.typicalMs[lane] = typical === undefined ? took : 0.7 * typical + 0.3 * took;
				this.running--;
				if (lane === 'heavy') this.heavyRunning--;
				this.pump();
			}
		} finally {
			if (member !== undefined) this.heavyMembers.delete(member);
		}
	}

	/** Tasks waiting and running, per lane. */
	stats(): { queued: Record<Lane, number>; running: number; heavyRunning: number } {
		return {
			queued: { light: this.queues.light.length, heavy: this.queues.heavy.length },
			running: this.running,
			heavyRunning: this.heavyRunning,
		};
	}

	/** Tells a member who has to wait their place in the lane (those running and those queued before them). */
	private tellWait(lane: Lane, requester: Requester, started: Promise<void>): void {
		if (!requester.onQueued) return;
		const slots = lane === 'heavy' ? this.options.heavySlots : this.options.slots;
		// Everything running now is ahead of it, and the tasks waiting before it: in its own lane, and for a heavy
		// task the light ones too (they go first).
		const waitingBefore = this.queues[lane].length - 1 + (lane === 'heavy' ? this.queues.light.length : 0);
		const ahead = this.running + waitingBefore;
		const typical = this.typicalMs[lane];
		// The ones ahead share the lane's slots; the running ones are half done on average.
		const expectedMs = typical === undefined ? undefined : Math.round(typical * (ahead / slots + 0.5));
		try {
			requester.onQueued({ ahead, expectedMs, started });
		} catch {
			// A notice that cannot be shown must not stop the task.
		}
	}

	private pump(): void {
		while (this.running < this.options.slots) {
			const light = this.queues.light.shift();
			if (light) {
				this.running++;
				light.start();
				continue;
			}
			if (this.heavyRunning >= this.options.heavySlots) return;
			const heavy = this.queues.heavy.shift();
			if (!heavy) return;
			this.running++;
			this.heavyRunning++;
			heavy.start();
		}
	}
}
