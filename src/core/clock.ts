/** Where time comes from. Jobs and handlers take it from here so tests can run a semester in milliseconds. */
export interface Clock {
	now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
