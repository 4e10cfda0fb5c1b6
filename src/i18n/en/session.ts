/** /session: a week studied with the AI tutor in a thread (the model's prompts stay English). */
export const session = {
	errors: {
		noWeek: 'There is no week {{week}}.',
		unknownLanguage: 'I do not know the language “{{language}}”. Pick one from the list.',
		cannotPost: 'I cannot open a session thread here: {{reason}}',
		thread:
			'I could not open a thread for your session here (a thread inside a thread, or a missing permission). Try /session in a text channel.',
		lastPoint:
			'That was the last knowledge point. Press 🏁 Finish for your evaluation, or pick a point from the menu to review it.',
		notStarted: 'Press ▶️ Start first: the answer goes with a knowledge point.',
		empty: 'Write an answer or a question first.',
		expired: 'This session has expired. Start a new one with /session.',
		notYours: 'This is {{owner}}’s session. Start your own with `/session week:{{week}}`.',
		finished: 'This session is finished and evaluated. Start a new one with /session to go again.',
		weekGone: 'This session’s week is no longer in the curriculum. Start a new one with /session.',
		kpCount: 'Week {{week}} has {{count}} knowledge points.',
		formGone: 'This form belongs to a knowledge point that no longer exists. Pick one from the menu.',
		nothing:
			'Answer at least one knowledge point’s question (✍️ Answer or ask) before finishing: the evaluation is about what you wrote.',
		malformed: 'The evaluation came back unreadable, so nothing was recorded. Press 🏁 Finish again.',
	},
	start: {
		starter: '📚 **{{who}}** is studying week {{week}}: {{title}}.',
		threadName: 'Week {{week}} · {{who}}',
		ready: 'Your session on week {{week}} is ready in <#{{thread}}>.',
	},
	step: {
		point: 'Point {{point}} of {{total}}',
		header: '**Knowledge point {{point}}/{{total}}: {{title}}**',
		memberHeader: '**{{who}}** (point {{point}}):',
		evaluating: '🏁 Evaluating your session…',
		finished: '🏁 {{member}} finished week {{week}}.',
	},
	view: {
		answer: 'Answer or ask',
		start: 'Start',
		next: 'Next point',
		progress: 'Progress',
		finish: 'Finish',
		goto: 'Go to a knowledge point…',
		tier: 'Tier: {{tier}}',
		welcome: '📚 **Week {{week}}: {{title}}** — a session for {{member}}',
		settings: 'Tier: {{tier}} · Language: {{language}}',
		points: '**Knowledge points**',
		howTo:
			'Press **▶️ Start**. Each point ends with a question: answer it (or ask your own) with **✍️ Answer or ask** — I cannot read messages typed in this thread, so answers go through a form. Jump with the menu, change tier any time, see **📊 Progress**, and press **🏁 Finish** for your five-dimension evaluation.',
		modalTitle: 'Point {{point}}: {{title}}',
		answerLabel: 'Your answer or question',
	},
	progress: {
		here: ' ← you are here',
		title: '**Your progress in week {{week}}: {{title}}**',
		summary: '{{visited}} of {{total}} points opened, {{answered}} answered · tier: {{tier}}',
		legend: '-# ✍️ answered · 👀 opened · ⬜ not yet',
	},
	evaluation: {
		title: 'Week {{week}} session evaluation — {{member}}',
		total: '**Total: {{total}}/{{max}}** · {{mastery}}',
		points: 'Knowledge points: {{visited}} of {{total}} opened, {{answered}} answered',
		strengths: 'Strengths',
		improvements: 'To improve',
		nextSteps: 'Next steps',
		footer: 'Recorded in your progress · LLM4LLM five-dimension evaluation, {{min}}–{{max}} each · {{model}}',
	},
} as const;
