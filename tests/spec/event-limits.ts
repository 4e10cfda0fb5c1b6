/**
 * Documented guild-scheduled-event rules the spec leaves out
 * (https://discord.com/developers/docs/resources/guild-scheduled-event#create-guild-scheduled-event).
 */

interface ScheduledEventLike {
	name?: string;
	entity_type?: number;
	channel_id?: string | null;
	scheduled_start_time?: string;
	scheduled_end_time?: string | null;
}

const STAGE_INSTANCE = 1;
const VOICE = 2;
const EXTERNAL = 3;

/** Checks a scheduled-event create body; `now` is the time the request arrived. */
export function checkScheduledEventLimits(event: ScheduledEventLike, now: Date): string[] {
	const errors: string[] = [];
	if (event.name !== undefined && [...event.name].length < 1) errors.push('/name must be 1 to 100 characters');
	const start = event.scheduled_start_time ? Date.parse(event.scheduled_start_time) : Number.NaN;
	const end = event.scheduled_end_time ? Date.parse(event.scheduled_end_time) : Number.NaN;
	if (!Number.isNaN(start) && start <= now.getTime()) {
		errors.push(`/scheduled_start_time ${event.scheduled_start_time} is not in the future`);
	}
	if (!Number.isNaN(start) && !Number.isNaN(end) && end <= start) {
		errors.push('/scheduled_end_time must be after scheduled_start_time');
	}
	if (event.entity_type === EXTERNAL) {
		if (event.channel_id != null) errors.push('/channel_id must be null for an EXTERNAL event');
		if (event.scheduled_end_time == null) errors.push('/scheduled_end_time is required for an EXTERNAL event');
	}
	if ((event.entity_type === VOICE || event.entity_type === STAGE_INSTANCE) && event.channel_id == null) {
		errors.push('/channel_id is required for a VOICE or STAGE_INSTANCE event');
	}
	return errors;
}
