/** What /sample, /ffn and /residual say about our model reading the member's text. */
export const modelText = {
	tooLong:
		"Your text is {{tokens}} tokens long for our model's tokenizer; the model reads at most {{context}} at once, so /{{command}} takes up to {{context}}. Send a shorter part of it.",
	layer: 'This model has {{layers}} layers: pick `layer` 1–{{layers}} (1 is the layer nearest the input).',
	layerName: 'layer {{layer}} of {{layers}}',
	englishOnly: {
		title: '**tiny-gpt knows only English.**',
		saw_one:
			"It learnt from Shakespeare's plays and Tolstoy's War and Peace in English (1.2 million tokens, not one Korean character), so its tokenizer has no Korean pieces: your text became **{{tokens}} tokens**, and its {{count}} Korean character alone is {{bytes}} of them, one per UTF-8 byte (shown like `<EC 95>`).",
		saw_other:
			"It learnt from Shakespeare's plays and Tolstoy's War and Peace in English (1.2 million tokens, not one Korean character), so its tokenizer has no Korean pieces: your text became **{{tokens}} tokens**, and its {{count}} Korean characters alone are {{bytes}} of them, one per UTF-8 byte (shown like `<EC 95>`).",
		sample: 'It never met these bytes in training, so it continues in the English it knows.',
		layers: 'It never met these bytes in training, so what its layers do with them shows English habits, not Korean.',
		ngram:
			'Its n-gram counts come from the same English text and never saw these bytes either, so every panel guesses English tokens from counts of English contexts.',
		openai: 'A real model that reads Korean: `/sample engine:openai` with the same prompt.',
		tokenize: 'How real LLM tokenizers read Korean: `/tokenize encoding:all` with the same text.',
	},
} as const;
