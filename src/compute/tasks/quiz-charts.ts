import {
	layoutBarChart,
	layoutCard,
	renderBarChart,
	sceneToPng,
	type BarChartInput,
	type CardInput,
} from '../../charts/index.js';

/** A card (see CardInput) whose figure, if any, is a bar chart laid out in the worker. */
export interface QuizCardInput {
	card: Omit<CardInput, 'figure'>;
	figure?: BarChartInput;
}

/**
 * Chart rendering for quizzes and progress, off the gateway's event loop. Inputs are built by the pure functions of
 * src/quiz/charts.ts; the PNG comes back as bytes (use `toBuffer`).
 */
export const quizChartTasks = {
	/** A bar chart: a live question's answer spread. */
	'quiz.barChart': async (input: BarChartInput): Promise<Uint8Array> => renderBarChart(input),
	/** A card: progress, leaderboards, the report's overview. */
	'quiz.card': async (input: QuizCardInput): Promise<Uint8Array> =>
		sceneToPng(layoutCard({ ...input.card, ...(input.figure ? { figure: layoutBarChart(input.figure) } : {}) })),
};
