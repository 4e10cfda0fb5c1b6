/** /residual: its reply and charts. */
export const residual = {
	reply: {
		streamIntro:
			'Each layer adds two updates to every token’s vector, attention (mixing in the tokens before it) and the FFN (each token alone); the stream is only ever added to. Mean lengths over the tokens (stream: going into the layer; +attn, +FFN: what each adds):',
		attention: 'the attention',
		ffn: 'the FFN',
		biggest:
			'Biggest change relative to its token’s stream: {{where}} of layer {{layer}} at {{position}} {{token}}, length **{{norm}}**, **{{ratio}}×** the stream it was added to.',
		topFrom: 'It is the top token from {{depth}} on.',
		topAtOutput: 'It is the top token only at the output.',
		topAt: 'It is the top token {{depths}}; in between another token leads.',
		final:
			"After {{last}} the output's most likely next token is {{token}} (**{{prob}}**). The same token read out earlier:",
		top: '**top**',
		rank: 'rank {{rank}}',
		topTokens: 'Top tokens at the last position: {{tokens}}.',
		hits: "Top token = the text's actual next token, at {{count}} positions: {{hits}}.",
		echoes:
			'With the embeddings only, {{echoes}} of {{count}} positions “predict” the input token itself: the output head is the embedding matrix (tied weights), so a token’s own embedding scores highest until the layers add something.',
		title_one: 'Residual stream · {{count}} token through {{layers}} layers',
		title_other: 'Residual stream · {{count}} tokens through {{layers}} layers',
		lensTitle: 'Logit lens: the prediction forming, layer by layer',
	},
	chart: {
		attn: 'attn {{layer}}',
		ffn: 'FFN {{layer}}',
		in: 'x₀ in',
		out: '{{x}} out',
		normsTitle: 'The residual stream: what each sub-layer adds to each token',
		normsSubtitle:
			'“{{text}}” · L2 norm (length) of each update, between the stream as it enters (x₀ = token + position embedding) and as the output reads it',
		normsFooter:
			'Each block adds to the stream, never replaces it: x ← x + attn(LN(x)), then x ← x + FFN(LN(x)). Mean length entering layer 1: {{first}}; leaving layer {{layers}}: {{last}}.',
		length: 'length',
		token: 'token',
		embeddingsOnly: 'embeddings only',
		afterOutput: 'after layer {{layer}} = output',
		after: 'after layer {{layer}}',
		lastPositions: ' (the last {{shown}} of {{count}} positions)',
		lensTitle: 'Logit lens: what the model would predict if it stopped after each layer',
		lensSubtitle:
			'Each column: the most likely next token after that position{{cut}}, read from the stream after each layer. Colour: its probability.',
		lensFooter:
			'The final LayerNorm and the output head applied to the stream at each depth (the bottom row is the real output). Yellow border: the text’s actual next token.',
		probability: 'probability',
		lensScene: '{{title}}. A grid of {{rows}} depths × {{columns}} positions, each cell the top predicted token.',
		normsDescription:
			"Heatmap: the length of the residual stream and of each sub-layer's update, for {{count}} tokens and {{layers}} layers.",
		lensDescription:
			'Grid: the top predicted next token at each position when the stream is read out after each of {{layers}} layers.',
	},
} as const;
