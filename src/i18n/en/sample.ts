/** /sample: its replies, errors and charts (sampling and beam search). */
export const sample = {
	errors: {
		beamOpenAi:
			'Beam search needs the probabilities of every token after every candidate, which only our own model gives: leave out `engine`.',
		beamTooLong:
			'Beam search runs the model once per beam and token: at most {{max}} tokens (you asked for {{length}}).',
		openAiNotConfigured:
			'`engine:openai` shows a real model’s next-token probabilities, which needs the AI tutor, and it is not set up on this bot. Ask an organizer: the AI tutor works once the bot’s operator gives the bot an API key for a language model. Until then, `engine:local` (the default) samples from our own small model.',
	},
	settings: {
		greedy: 'T = 0 (greedy)',
		off: 'off',
		seedGreedy:
			'Temperature 0 is greedy: always the most likely token (ties: the lowest id). No random numbers are used, so the seed does not matter.',
		seedRule:
			'Seed {{seed}} → one mulberry32 stream of numbers u in [0, 1) (a small seeded generator; the same on every machine). Each sampled token takes the next u and picks the first token id whose running sum of probabilities (after the filters, in id order) exceeds u. Run k (a continuation, and draw k of the histogram) starts at number {{start}} of the stream. Same prompt, options and seed: same output, on any machine.',
	},
	cut: {
		kept_one: 'kept {{n}} token',
		kept_other: 'kept {{n}} tokens',
		topKAll: 'top-k {{param}} {{kept}} (k is at least the number of candidates, so all stay)',
		topK: 'top-k {{param}} {{kept}} (those with p ≥ the k-th largest, {{cutoff}})',
		topP: 'top-p {{param}} {{kept}}, the fewest most likely whose sum reached {{cutoff}}',
		minP: 'min-p {{param}} {{kept}}, those with p ≥ {{param}} × p_max = {{cutoff}}',
	},
	reply: {
		titleLocal: '{{model}} continues your prompt',
		titleOpenAi: '{{model}}: the next token',
		promptTokens_one: ' ({{count}} token{{context}})',
		promptTokens_other: ' ({{count}} tokens{{context}})',
		promptContext: '; the model sees the last {{context}}, its context',
		prompt: '**Prompt**{{length}}: {{prompt}}',
		greedy:
			'**Temperature 0 = greedy**: the most likely token every time (ties: the lowest id), so the seed does not matter.',
		seed: ', seed {{seed}}',
		seedDrawn: ', seed {{seed}}, drawn at random: add `seed:{{seed}}` to repeat it',
		run1_one: '**Run 1**: {{count}} token{{seed}}',
		run1_other: '**Run 1**: {{count}} tokens{{seed}}',
		drawn:
			'**Drawn**: {{token}}{{seed}}. The API gives the probabilities of one position per request, so the real model shows one token (`tokens` is not used).',
		covered:
			'Its top 20 hold {{covered}} of its probability; /sample renormalises them to 100% and applies the filters to those 20. The server itself chose {{choice}}.',
		filters: '**Filters** (in this order, after the temperature): {{cuts}}.',
		tokenByToken:
			'**Token by token**: p = its probability after temperature and filters (what it was drawn with); p(T=1) = the model’s own.',
		run: 'Run {{run}} (numbers {{from}}–{{to}} of the stream)',
		drawsTitle: '{{count}} draws of the next token',
		drawsDescription:
			'Each run’s first token, drawn from the same distribution (after temperature and filters). Most drawn:',
		drawsMore: '… {{count}} more in {{file}}',
		csvDescription: 'Every token drawn in the {{count}} draws, with its count and probability.',
	},
	chart: {
		ourModel: '{{model}} (our model)',
		realModel: '{{model}} (top 20 of the real model)',
		minPLabel: 'min-p = {{param}} (p ≥ {{param}} × max)',
		seriesModel: 'the model (T = 1)',
		seriesReal: 'real model, top 20 renormalised',
		seriesGreedy: 'T = 0: greedy, all on the top token',
		seriesTemperature: 'after T = {{temperature}}',
		seriesFilters: 'after the filters (drawn from)',
		onlyTop: 'T = 0: only the top token',
		kept: '{{label}}: {{count}} kept',
		keeps: '{{label}} keeps {{count}}',
		covered:
			' The server’s top 20 hold {{covered}} of the real model’s probability; they are renormalised to 100% before the filters.',
		title: 'What comes after {{prompt}}? {{engine}}',
		subtitle: '{{settings}} · {{kept}} of {{vocabulary}} tokens left to draw from.{{covered}}',
		footerFilters:
			'Filters apply in the order temperature → top-k → top-p → min-p; a dashed line marks where each cut: bars right of the last one are dropped, the rest renormalised to 100%. ',
		footerNoFilter: 'No filter is on: every token can be drawn, with its probability after the temperature. ',
		footerBeyond: '{{cuts}} (beyond the {{top}} shown). ',
		footerOthers: 'Tokens not in the chart: {{raw}} at T = 1, {{final}} after temperature and filters.',
		greedyPick: 'greedy pick: “{{token}}”',
		sampled: 'sampled (seed {{seed}}): “{{token}}”',
		cumulative: 'cumulative, top-p input',
		probability: 'probability',
		nextToken: 'next token, most likely first',
		others: '{{count}} others',
		allOthers: 'all others',
		drawsTitle: '{{count}} draws of the token after {{prompt}}',
		drawsGreedy: 'greedy: every draw is the top token',
		drawsSeed: 'seed {{seed}}: draw k uses the first number of run k',
		drawsFooter:
			'Each draw picks one token from the same filtered distribution. With more draws, the shares settle towards the probabilities (the law of large numbers). {{count}} different tokens were drawn.',
		drawsProbability: 'probability drawn with (after temperature and filters)',
		drawsShare: 'share of the {{count}} draws',
		drawsAxis: 'probability, share of draws',
		nextDescription:
			'Bar chart: the {{count}} most likely next tokens before and after temperature and filters, the sampled token “{{token}}” outlined.',
		drawsDescription: 'Bar chart: how often each token was drawn in {{count}} draws, beside its probability.',
	},
	beam: {
		agree: '**Beam and greedy agree** on all {{length}} tokens: at every step the greedy choice stayed best.',
		part: '**They part at token {{token}}**: greedy takes {{greedy}} (log p {{greedyStep}}), the best beam {{beam}} (log p {{beamStep}}). ',
		gain: 'Over {{length}} tokens the beam’s sequence is more likely: total log p {{best}} against {{greedy}}, {{gain}} higher (×{{ratio}} the probability).',
		noGain: 'Greedy’s sequence scores {{greedy}}, the beam’s {{best}}.',
		sequence: '{{name}}: total log p {{score}}',
		beamName: 'Beam {{index}}',
		title: '{{model}}: beam search (width {{width}}) and greedy',
		prompt_one: '**Prompt** ({{count}} token): {{prompt}}',
		prompt_other: '**Prompt** ({{count}} tokens): {{prompt}}',
		best: '**Best beam**, total log p {{score}}:',
		greedy: '**Greedy**, total log p {{score}}:',
		footer:
			'Each step, each of the {{width}} beams proposes its {{width}} likeliest next tokens and the {{width}} best sums of log p go on ({{nodes}} candidates in all, {{pruned}} pruned). No length penalty, no sampling: the same prompt always gives the same beams. Greedy is beam width 1.',
		chartTitle: 'Beam search, width {{width}}, beside greedy',
		chartSubtitle: '{{prompt}} → {{length}} tokens of {{model}}. y = the running sum of log p (natural log).',
		chartAgree:
			'Orange: the best beam. Blue dashed: greedy. They agree on every token here. Grey: other candidates (faint = pruned).',
		chartPart:
			'Orange: the best beam. Blue dashed: greedy; they part at token {{token}}. Grey: other candidates (faint = pruned).',
		tickPrompt: 'prompt',
		tickToken: 'token {{index}}',
		chartDescription:
			'Tree chart of a beam search of width {{width}} over {{length}} tokens: {{nodes}} candidates, {{pruned}} pruned. Best beam total log p {{best}}, greedy {{greedy}}.',
	},
} as const;
