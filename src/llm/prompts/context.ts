import type { Tier } from '../../curriculum/question-schema.js';
import type { KnowledgePoint, SessionFormat, Week } from '../../curriculum/schema.js';

/** The tier's display name from the session format, e.g. `Hands-on implementation`. */
export function tierName(format: SessionFormat, tier: Tier): string {
	return format.tiers.find((t) => t.id === tier)?.name ?? tier;
}

/** How each tier's answers are written; the curriculum's tier descriptions say who they are for. */
export const TIER_STYLE: Readonly<Record<Tier, string>> = {
	core: 'Explain with an everyday analogy and plain words. No code and no formulas. One small concrete example.',
	implementation:
		'Show how it is computed: the steps a program takes and a short Python/PyTorch snippet (at most 20 lines) with tensor shapes in comments. Mention the bot demo command for this week when it lets the member see it.',
	theory:
		'Give the formal definitions and the key equations, justify the main step, and name the original papers (title and authors) where the page does. Discord does not render LaTeX: write formulas in a code block or with Unicode symbols.',
};

/** The text of one knowledge point at `tier`, with the core explanation always included (everyone reads it). */
export function knowledgePointText(kp: KnowledgePoint, tier: Tier | 'all'): string {
	const parts = [`Core concepts: ${kp.core}`];
	if (tier === 'implementation' || tier === 'all') parts.push(`Implementation: ${kp.implementation}`);
	if (tier === 'theory' || tier === 'all') parts.push(`Theory: ${kp.theory}`);
	return parts.join('\n');
}

/**
 * The week's curriculum page as the model reads it: public course material, so a reply may quote it freely
 * (the leak check covers only the private instructions around it).
 */
export function weekPage(week: Week, tier: Tier | 'all'): string {
	const lines = [
		`Week ${week.number}: ${week.title}`,
		`Topic: ${week.topic}`,
		`Summary: ${week.summary}`,
		'Objectives:',
		...week.objectives.map((o) => `- ${o}`),
		'Knowledge points:',
		...week.knowledgePoints.flatMap((kp, i) => [`${i + 1}. ${kp.title}`, knowledgePointText(kp, tier)]),
		'Key questions:',
		...week.keyQuestions.map((q) => `- ${q}`),
		'Demo commands of the bot for this week:',
		...week.demos.map(
			(d) =>
				`- /${d.command}${d.subcommand ? ` ${d.subcommand}` : ''} ${Object.entries(d.options)
					.map(([k, v]) => `${k}:${v}`)
					.join(' ')}: ${d.try}`,
		),
	];
	return lines.join('\n');
}

/** Words that say nothing about a topic, left out when matching a question to a week. */
const STOP = new Set(
	'what which when where does that this with from have about into than then them they their there these those would could should will your yours between because how why the and for are can not you its'.split(
		' ',
	),
);

/** Lowercase content words of at least three letters. */
function contentWords(text: string): string[] {
	return (text.toLowerCase().match(/\p{L}[\p{L}\p{N}-]{2,}/gu) ?? []).filter((w) => !STOP.has(w));
}

/**
 * The week whose page best matches a question: words found in its title and knowledge-point titles count
 * three times, in its topic and summary twice, anywhere in its knowledge points once. Ties go to the earlier week.
 */
export function bestWeekFor(question: string, weeks: readonly Week[]): Week | undefined {
	const words = [...new Set(contentWords(question))];
	let best: { week: Week; score: number } | undefined;
	for (const week of weeks) {
		const strong = contentWords([week.title, ...week.knowledgePoints.map((k) => k.title)].join(' '));
		const medium = contentWords(`${week.topic} ${week.summary}`);
		const weak = contentWords(week.knowledgePoints.map((k) => `${k.core} ${k.implementation} ${k.theory}`).join(' '));
		const has = (list: string[], w: string) =>
			list.some((x) => x === w || (w.length >= 5 && x.startsWith(w.slice(0, -1))));
		const score = words.reduce(
			(s, w) => s + (has(strong, w) ? 3 : 0) + (has(medium, w) ? 2 : 0) + (has(weak, w) ? 1 : 0),
			0,
		);
		if (score > 0 && (!best || score > best.score)) best = { week, score };
	}
	return best?.week;
}
