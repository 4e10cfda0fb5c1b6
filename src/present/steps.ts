import type { Demo, Week } from '../curriculum/index.js';

/**
 * Demo commands that answer in public with something to look at together. The others a week may name (/ask, /inject,
 * /quiz practice) are private or personal: the wrap-up step lists them for members to try on their own.
 */
export const LIVE_DEMO_COMMANDS: ReadonlySet<string> = new Set([
	'tokenize',
	'similarity',
	'attention',
	'sample',
	'positions',
	'ffn',
	'residual',
]);

/** One step of a session: the week's introduction, a knowledge point with or without a live demo, or the wrap-up. */
export type Step =
	| { kind: 'intro' }
	/** `demo` indexes the week's demos; `continued` marks a second demo on the same point. */
	| { kind: 'point'; point: number; demo: number | null; continued: boolean }
	| { kind: 'wrap' };

export function isLiveDemo(demo: Demo): boolean {
	return LIVE_DEMO_COMMANDS.has(demo.command);
}

/**
 * The steps of a week's session: the introduction, each knowledge point in order, and a wrap-up. The week's live
 * demos keep their order and are spread evenly over the points (demo j of D goes with point ⌊j·K/D⌋ of K), so the
 * first demo comes with the first point; a point that gets two demos is shown twice, once with each.
 */
export function planSteps(week: Week): Step[] {
	const points = week.knowledgePoints.length;
	const live = week.demos.flatMap((demo, i) => (isLiveDemo(demo) ? [i] : []));
	const byPoint = new Map<number, number[]>();
	live.forEach((demo, j) => {
		const point = Math.floor((j * points) / live.length);
		byPoint.set(point, [...(byPoint.get(point) ?? []), demo]);
	});
	const steps: Step[] = [{ kind: 'intro' }];
	for (let point = 0; point < points; point++) {
		const demos = byPoint.get(point) ?? [];
		if (demos.length === 0) steps.push({ kind: 'point', point, demo: null, continued: false });
		demos.forEach((demo, k) => steps.push({ kind: 'point', point, demo, continued: k > 0 }));
	}
	steps.push({ kind: 'wrap' });
	return steps;
}
