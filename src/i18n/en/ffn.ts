/** /ffn: its reply and charts. */
export const ffn = {
	reply: {
		tokenLine: '{{index}} {{token}} → {{units}} · **{{strong}}** > {{threshold}} · adds {{norm}}',
		peak: '{{unit}} · {{peak}} at {{position}} {{token}}',
		noExamples: 'No examples in ffn-top.json.',
		check:
			"Recomputed in float64 from **each position's own {{dModel}} numbers alone** (LayerNorm → ×W₁ ({{dModel}}×{{dFF}}) → GELU → ×W₂ → {{dModel}}), the FFN gives the full pass's output at all {{count}} positions to within **{{maxDiff}}** (largest difference; outputs reach {{maxOutput}}), and its hidden units to within {{hiddenDiff}}: float32 rounding, nothing from the other tokens.",
		repeat:
			"{{token}} appears at positions {{first}} and {{second}}. Entering this layer, its two vectors have cosine **{{stream}}**; after attention mixed in their contexts, the FFN's two inputs have cosine **{{input}}**, its two outputs **{{output}}**, and {{shared}} of their {{top}} most active units are shared. Same function, different inputs.",
		noRepeat:
			'No token appears twice in this text: repeat a word (“the king … the king”) to see one token in two contexts.',
		intro:
			"Each token's vector goes through the same small network: {{dModel}} → {{dFF}} hidden units (GELU) → {{dModel}}, added to the residual stream. Per token: its 3 most active units (activation), how many of the {{dFF}} are above {{threshold}}, and the length of the vector the FFN adds to the stream.",
		more: '…and {{count}} more tokens (all are in the chart).',
		title_one: 'FFN · {{layer}} · {{count}} token',
		title_other: 'FFN · {{layer}} · {{count}} tokens',
		checkTitle: 'One function, applied to each position on its own',
	},
	chart: {
		title: 'FFN of {{layer}}: the most active hidden units at each token',
		subtitle:
			"“{{text}}” · activation after GELU of {{shown}} of the {{dFF}} units: each token's 3 most active, in order of first appearance",
		footer:
			'The same function runs at every position: a row depends only on that token’s vector after attention, not on the other rows.',
		activation: 'activation',
		token: 'token',
		unit: 'hidden unit',
		repeatTitle: '“{{token}}” at positions {{first}} and {{second}}: the same FFN, different inputs',
		repeatSubtitle: '{{layer}}: the {{count}} units that are most active at either position, activation after GELU',
		atPosition: '{{token}} at position {{position}}',
		unitsDescription: 'Heatmap: the most active FFN hidden units of layer {{layer}} at each of {{count}} tokens.',
		repeatDescription: "Bar chart: one repeated token's most active FFN units at its two positions.",
	},
} as const;
