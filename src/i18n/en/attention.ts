/** /attention: replies, errors, autocomplete, the three views' charts, and what tiny-gpt makes of Korean. */
export const attention = {
	errors: {
		layer: 'This model has {{layers}} layers: pick `layer` 1–{{layers}} (1 is the layer nearest the input).',
		head: 'Each layer of this model has {{heads}} heads: pick `head` 1–{{heads}}.',
		tooLong:
			"Your text is {{tokens}} tokens long for our model's tokenizer; /attention draws up to {{max}} tokens (a {{max}} × {{max}} map). Send a shorter part of it.",
	},
	choices: {
		layer: 'Layer {{n}} of {{count}}',
		layerFirst: 'Layer {{n}} of {{count}} (first, nearest the input)',
		layerLast: 'Layer {{n}} of {{count}} (last, nearest the output)',
		head: 'Head {{n}} of {{count}}',
	},
	headName: 'layer {{layer}}, head {{head}}',
	tokens_one: '{{count}} token',
	tokens_other: '{{count}} tokens',
	headUnused: '`head` is not used by `view:heads`, which draws every head.',
	korean: {
		bytes:
			'**Korean and our model**: {{model}} learnt from English text only (Shakespeare’s plays and Tolstoy’s War and Peace), so its tokenizer has no pieces for Hangul and reads it byte by byte: {{word}} ({{bytes}} UTF-8 bytes) became {{tokens}} tokens, one per byte. The map is of those bytes, not of syllables or words.',
		pieces:
			'**Korean and our model**: {{model}} learnt from English text only (Shakespeare’s plays and Tolstoy’s War and Peace), so it knows Hangul only as bytes: {{word}} ({{bytes}} UTF-8 bytes) became {{tokens}} tokens. The map is of those pieces, not of words.',
		tokenize:
			'To see how large language models split Korean into tokens, try `/tokenize` (`encoding:all` compares every family).',
		openai:
			'To compare Korean sentences by meaning, `/similarity engine:openai` uses an embedding model that reads Korean.',
	},
	reply: {
		readRow:
			'Each **row** is one token acting as the **query**; each **column** is a **key** token at or before it. A cell is the weight the query gives that key; every row sums to 1 (softmax). Hatched cells lie in the future: the causal mask gives them weight 0.',
		whereLooks: '**Where each token looks most** ({{head}}; tokens numbered from 1):',
		headAlone: '**Head {{n}}**: one token, so it can only attend to itself.',
		headLine: '**Head {{n}}**: previous {{previous}} · first {{first}} · itself {{self}} · strongest {{link}}',
		headsIntro:
			'The chart has one map per head of layer {{layer}}. {{readRow}} Each head has its own W_Q, W_K and W_V, so each learns to look for something else.',
		headsDiffer:
			'**How the heads differ** (average weight over query tokens 2–{{n}} on the previous token, the first token and itself; and the strongest link):',
		shapes:
			'**Shapes** (T = {{tokens}}): each head makes Q, K, V of {{n}} × {{dk}}, weights of {{n}} × {{n}}, and an output weights · V of {{n}} × {{dk}}. The {{heads}} outputs side by side make {{n}} × {{d}}; × W_O ({{d}} × {{d}}) plus a bias gives {{n}} × {{d}}, which is added to the residual stream.',
		walkRow: "Row {{row}} (query “{{token}}”), d_k = {{dk}}, √{{dk}} = {{root}}; m = the row's largest ÷√d_k, {{max}}.",
		walkKeys: 'Keys: {{keys}}',
		walkOutput: "**Output, dimension 1** = Σ weight × v (d1 of each key's V row): {{terms}} = **{{value}}**",
		walkOutputRow: 'Output row {{row}}, dims 1–{{dims}}: {{values}}',
		stepsCut:
			"These are the first {{t}} of your {{total}} tokens. A token only sees the tokens before it, so these {{t}} rows are exactly rows 1–{{t}} of the whole text's map. ",
		stepsIntro:
			'{{cut}}The chart follows {{head}} through ① Q·Kᵀ, ② ÷ √d_k, ③ the causal mask, ④ the softmax of each row and ⑤ the weighted sum of V. V has {{dk}} dimensions; the chart shows 1–{{dims}} and `attention-steps.csv` has all of them, with q and k, at full precision.',
		checkByHand: '**Check the last row by hand:**',
		titleHeads: 'Attention: all {{heads}} heads of layer {{layer}}',
		titleSteps: 'Attention step by step: {{head}}',
		titleHead: 'Attention: {{head}}',
		footer: '{{model}} · {{tokens}} · {{layers}} layers × {{heads}} heads, counted from 1 · d_model {{d}}, d_k {{dk}}',
	},
	chart: {
		headTitle: 'Attention of {{head}} in {{model}}',
		headSubtitle:
			'“{{text}}” · {{tokens}}. Row = a query token; its cells = how much it attends to each key token at or before it. Every row sums to 1.',
		headFooter:
			'Hatched cells are the causal mask: a token may not attend to tokens after it (their weight is exactly 0). Weights = softmax(Q·Kᵀ / √{{dk}}) of this head; {{heads}} heads × {{layers}} layers, counted from 1.',
		rowAxis: 'query token (row sums to 1)',
		colAxis: 'key token (attended to)',
		weight: 'weight',
		panelHead: 'head {{n}}',
		headsTitle: 'All {{heads}} heads of layer {{layer}} in {{model}}',
		headsSubtitle:
			'“{{text}}” · {{tokens}}. Each map: rows = query tokens, columns = key tokens; every row sums to 1. One colour scale for all.',
		headsFooter:
			'Hatched cells are the causal mask (weight 0). Heads and layers are counted from 1. Each head has its own W_Q, W_K, W_V ({{d}} × {{dk}}), so each learns to look for something different.',
		headsAlt:
			"{{title}}. {{panels}} attention maps of {{n}} × {{n}} tokens, one colour scale from 0 to 1, and a diagram of how the heads' outputs are concatenated and projected by W_O.",
		combine: 'How the heads combine (multi-head attention):',
		headBox: 'head {{n}}: weights · V',
		concatenated: 'concatenated side by side: {{n}} × {{d}}',
		residual: '{{n}} × {{d}}, added to the residual stream',
		stepsTitle: 'Attention step by step: {{head}} of {{model}}',
		stepsFirst: 'The first {{t}} of your {{total}} tokens',
		stepsAll: 'Your {{t}} tokens',
		stepsSubtitle:
			"{{which}} (“{{text}}”). Each token's q, k and v have d_k = {{dk}} numbers; rows are query tokens, numbered from 1.",
		stepsFooter:
			'Follow one row through ① to ⑤: q·k with every key, divided by √{{dk}}, future keys set to −∞, softmax along the row (e^x / Σ e^x, so −∞ becomes 0 and the row sums to 1), then the weighted sum of the V rows. V and the output show dims 1–{{dims}} of {{dk}}; attention-steps.csv holds every number.',
		stepsAlt:
			'{{title}}. Six {{t}}-row panels with numbers: scores, scaled scores, masked scores, softmax weights, a slice of V and of the output.',
		scores: '① scores = Q·Kᵀ',
		mask: '③ causal mask: future keys → −∞',
		softmax: '④ softmax of each row = weights',
		vSlice: 'V (dims 1–{{dims}} of {{dk}})',
		output: '⑤ output = weights · V (dims 1–{{dims}})',
		scaledBar: 'scaled',
		valueBar: 'value',
	},
	files: {
		head: 'Heatmap of the attention weights of {{head}} over {{n}} tokens; rows are queries, columns keys, future cells hatched.',
		heads:
			'{{heads}} heatmaps: the attention weights of every head of layer {{layer}} over {{n}} tokens, and how their outputs are concatenated and projected.',
		steps:
			'Six small heatmaps with numbers: {{head}} on {{t}} tokens, from Q·Kᵀ through scaling, masking and softmax to the weighted sum of V.',
		csv: 'Every number of the steps of {{head}}, as CSV.',
		csvHeader: '# {{model}}, {{head}}: the first {{t}} tokens; d_k = {{dk}}; rows are query tokens, numbered from 1',
	},
} as const;
