/** /ngram: unigram, bigram and trigram counts beside tiny-gpt (reply, error, chart). */
export const ngram = {
	empty: 'Give a prompt to continue, e.g. `/ngram prompt:The king said`.',
	models: {
		unigram: 'unigram',
		bigram: 'bigram',
		trigram: 'trigram',
	},
	heldOut: '{{nats}} nats/token held out',
	context: {
		unigram: 'no context: how common each token is in the training text',
		tinyOne: 'the prompt’s one token, {{shown}}',
		tinyAll: 'all {{count}} prompt tokens (last: {{shown}})',
		oneToken: 'the prompt has one token: the bigram’s distribution',
		never: 'after {{shown}}: never in the training text, so the {{lower}} decides',
		seen: 'after {{shown}}: seen {{seen}}× with {{distinct}} different next tokens',
	},
	chart: {
		title: 'The next token: counting n-grams against a transformer',
		subtitle:
			'“{{prompt}}” → each model’s most likely next tokens. Lower held-out nats/token = better predictions of unseen text.',
		footer:
			'Counted on tiny-gpt’s {{tokens}} training tokens, in its own {{vocabulary}}-token vocabulary. Unigram: add-one smoothing; bigram and trigram: Witten–Bell interpolation with the order below.',
		panel: '{{model}} ({{nats}} nats/token): {{top}}',
		description: 'Four bar charts of the next token. {{panels}}.',
	},
	reply: {
		title: 'Next token: unigram, bigram, trigram and tiny-gpt',
		prompt_one: '**Prompt** ({{count}} token of tiny-gpt’s tokenizer): {{prompt}}',
		prompt_other: '**Prompt** ({{count}} tokens of tiny-gpt’s tokenizer): {{prompt}}',
		panel: '**{{model}}** — {{context}}: {{top}}',
		heldOut: '**Held-out cross-entropy** (the model card’s, every model on the same held-out tokens; lower is better):',
		moral:
			'More context, better guesses: each count model sees one token more than the one above it, and tiny-gpt sees them all — with 1.3 M weights instead of a table of counts.',
		footer:
			'Counted on tiny-gpt’s {{tokens}} training tokens (Shakespeare, Tolstoy). Unigram: add-one smoothing. Bigram and trigram: Witten–Bell interpolation, λ = c/(c + n) for a context seen c times with n different next tokens, the rest from the order below. (×) = times the token followed the context.',
	},
} as const;
