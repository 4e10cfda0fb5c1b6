/** /positions: its reply, error and charts. */
export const positions = {
	errors: {
		oddDims:
			'`dims` must be even: each frequency uses two dimensions, a sine and a cosine (try {{below}} or {{above}}).',
	},
	reply: {
		staysAbove: 'stays above 0.5 up to distance {{distance}}',
		fallsBelow: 'falls below 0.5 at distance **{{distance}}**',
		moreAlike: '**more** alike than the average neighbours ({{neighbour}})',
		lessAlike: 'less alike than the average neighbours ({{neighbour}})',
		lookalike:
			'Most alike pair at least {{farApart}} apart: positions **{{q}}** and **{{p}}** (distance {{distance}}), cosine **{{value}}**, {{than}}.',
		onePair: 'one pair, which repeats every **{{fastest}}** positions',
		pairs: 'pair 0 repeats every **{{fastest}}** positions, pair {{last}} every **{{slowest}}**',
		sinusoidal:
			'**Sinusoidal**, {{length}} positions × {{dims}} dimensions: pair i turns at ωᵢ = 1/10000^(2i/{{dims}}); {{pairs}}.',
		lengths:
			'Every row has length √(d/2) = **{{norm}}**, so a dot product is d/2 × the cosine, and it depends only on the distance: neighbours score **{{dot}}** (cosine **{{cosine}}**). The mean cosine {{falloff}}.',
		lineUp: ' With few dimensions the waves line up again; more dimensions tell far positions apart.',
		learnt:
			"**Learnt** (our tiny-gpt's position table, {{context}} positions × {{dModel}}; the first {{positions}} compared): lengths from **{{min}}** (position {{minAt}}) to **{{max}}** (position {{maxAt}}), mean {{mean}}.",
		learntNeighbours: 'Neighbours have mean cosine **{{neighbour}}**; the mean cosine {{falloff}}.',
		tableEnds:
			'The table ends at position {{last}}: the model was trained on {{context}}-token windows and has no vector for later positions. The formula has no such end.',
		allSame: 'all **{{value}}**',
		range: 'from **{{from}}** to **{{to}}**',
		distanceOnly:
			"• **Distance only vs each position its own:** neighbouring pairs' cosines are {{sinusoidal}} (sinusoidal) and {{learnt}} (learnt). Sinusoidal similarity is a function of p − q alone, so every diagonal of its heatmap is one colour.",
		normsDiffer: '• **Lengths:** sinusoidal rows are all {{norm}} long; learnt rows range from {{min}} to {{max}}.',
		neighbours:
			'• **Neighbours:** mean cosine {{sinusoidal}} (sinusoidal, d = {{dims}}) vs {{learnt}} (learnt, d = {{dModel}}).',
		reach: '• **Reach:** the formula gives a vector for any position; the learnt table stops at {{context}}.',
		title: "Positions: sinusoidal (d = {{dims}}) and our model's learnt table",
		differs: 'What differs',
	},
	chart: {
		sinusoidalTitle: 'Sinusoidal positional encoding: {{length}} positions × {{dims}} dimensions',
		sinusoidalSubtitle:
			'PE(pos, 2i) = sin(pos / 10000^(2i/{{dims}})), PE(pos, 2i+1) = cos(…). Every row has length √(d/2) = {{norm}}, and PE(p)·PE(q) = Σᵢ cos(ωᵢ·(p − q)) depends only on the distance p − q.',
		sinusoidalFooter:
			'Pair 0 (the first two columns) repeats every {{fastest}} positions; pair {{last}} (the last two) every {{slowest}}. Nearby rows share the slow columns, so their dot product is high.',
		encodingPanel: 'PE: row = position, column = dimension',
		dotPanel: 'Dot product PE(p)·PE(q) (max {{max}} = d/2)',
		position: 'position',
		dimension: 'dimension',
		value: 'value',
		positionP: 'position p',
		positionQ: 'position q',
		dot: 'dot',
		cosine: 'cosine',
		cutAfter: 'all {{rows}} positions (the model has none later)',
		cutAll: 'all {{rows}} positions',
		cutFirst: 'the first {{rows}} of its {{context}} positions',
		learntTitle: 'Learnt position embeddings of our tiny-gpt: {{cut}} × {{dModel}} dimensions',
		learntSubtitle:
			"Trained with the model (no formula): row p is added to the token embedding at position p. Right: cosine similarity, because the rows' lengths differ ({{min}} at position {{minAt}} to {{max}} at {{maxAt}}).",
		learntFooter:
			'Left: colours end at ±{{reach}}, the 99th percentile of |value|, so the few larger values do not wash out the rest. Read with the sinusoidal chart: there every row has the same length and similarity depends only on the distance.',
		learntPanel: 'Learnt table: row = position, column = dimension',
		cosinePanel: 'Cosine similarity of positions p and q',
		distanceTitle: 'How alike are positions k apart?',
		distanceSubtitle:
			"Mean cosine similarity of every pair of positions at distance k: sinusoidal (d = {{dims}}, {{length}} positions) and our model's learnt table ({{positions}} positions).",
		distanceFooter:
			'Sinusoidal: exactly (1/(d/2))·Σᵢ cos(ωᵢ·k) for every pair. Learnt: an average over the pairs, which differ from one another.',
		seriesSinusoidal: 'sinusoidal, d = {{dims}}',
		seriesLearnt: 'learnt, d = {{dModel}}',
		distanceAxis: 'distance k = |p − q| (positions)',
		meanCosine: 'mean cosine',
		heatmaps: '{{title}}. Heatmaps: {{panels}}.',
		sinusoidalDescription:
			'Two heatmaps: the sinusoidal encoding of {{length}} positions in {{dims}} dimensions, and the dot product of every pair of positions.',
		learntDescription:
			"Two heatmaps: our model's learnt position embeddings for {{rows}} positions, and the cosine similarity of every pair.",
		distanceDescription: 'Line chart: mean cosine similarity of positions k apart, sinusoidal and learnt.',
	},
} as const;
