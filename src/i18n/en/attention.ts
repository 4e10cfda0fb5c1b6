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
			'{{cut}}Three charts follow {{head}}: ① Q·Kᵀ and ② ÷ √d_k here, ③ the causal mask and ④ the softmax of each row next, then V and ⑤ the weighted sum of V. V has {{dk}} dimensions; the charts show 1–{{dims}}, and `attention-steps.csv` holds every number of every step, with q, k and all {{dk}} dimensions, at full precision.',
		checkByHand: '**Check the last row by hand:**',
		stepsSoftmax:
			'③ sets the scores of the keys after each query to −∞ (row {{row}}, the last, has none), and ④ takes the softmax along each row: e^(x−m) ÷ Σ, the `weight` column of the table above. −∞ becomes 0 and every row sums to 1.',
		csvLine:
			'Every number of the three charts, with q, k and all {{dk}} dimensions of V and the output, at full precision: `attention-steps.csv`.',
		titleHeads: 'Attention: all {{heads}} heads of layer {{layer}}',
		titleSteps: 'Attention step by step: {{head}}',
		titleStepsSoftmax: '③ Causal mask and ④ softmax',
		titleStepsOutput: 'V and ⑤ weights · V',
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
		stepsTitle: 'Attention step by step ({{part}} of {{parts}}): {{head}} of {{model}}',
		stepsFirst: 'The first {{t}} of your {{total}} tokens',
		stepsAll_one: 'Your one token',
		stepsAll_other: 'Your {{count}} tokens',
		stepsSubtitle:
			"{{which}} (“{{text}}”). Each token's q, k and v have d_k = {{dk}} numbers; rows are query tokens, numbered from 1.",
		stepsFooter: {
			scores:
				'① q·k of each query (row) with every key (column), future keys included: the mask comes in ③. ② The same scores ÷ √{{dk}} = {{root}}, so that their spread does not grow with d_k. Next: ③ the mask and ④ the softmax.',
			softmax:
				'③ A query may not look at later tokens: their scores become −∞. ④ Softmax along each row (e^x / Σ e^x): −∞ becomes 0 and every row sums to 1. These are the attention weights; ⑤ uses them to mix the V rows.',
			output:
				"⑤ Each output row is the sum of the V rows, each multiplied by that row's weight from ④: output = weights · V. V and the output show dims 1–{{dims}} of {{dk}}; attention-steps.csv holds every number.",
		},
		stepsAlt: '{{title}}. Two {{t}}-row panels with a number in every cell: {{panels}}.',
		scores: '① scores = Q·Kᵀ',
		mask: '③ causal mask: future keys → −∞',
		softmax: '④ softmax of each row = weights',
		vSlice: 'V (dims 1–{{dims}} of {{dk}})',
		output: '⑤ output = weights · V (dims 1–{{dims}})',
	},
	files: {
		head: 'Heatmap of the attention weights of {{head}} over {{n}} tokens; rows are queries, columns keys, future cells hatched.',
		heads:
			'{{heads}} heatmaps: the attention weights of every head of layer {{layer}} over {{n}} tokens, and how their outputs are concatenated and projected.',
		steps: 'Two small heatmaps with a number in every cell, {{head}} on {{tokens}}: {{panels}}.',
		csv: 'Every number of the steps of {{head}}, as CSV.',
		csvHeader: '# {{model}}, {{head}}: the first {{t}} tokens; d_k = {{dk}}; rows are query tokens, numbered from 1',
	},
} as const;
