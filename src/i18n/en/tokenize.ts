/** /tokenize: replies, errors and the token-strip and family charts. */
export const tokenize = {
	errors: {
		unknownFamily_one: 'Unknown tokenizer: {{names}}. Pick from: {{families}}.',
		unknownFamily_other: 'Unknown tokenizers: {{names}}. Pick from: {{families}}.',
		tooMany:
			'compare stacks up to {{max}} tokenizers in one chart; you named {{count}}. For all of them, use encoding:all.',
		tooLong: 'Your text has {{characters}} characters; /tokenize takes up to {{max}}. Send a shorter part of it.',
	},
	chart: {
		stripHeading_one: '{{model}} · {{name}} · {{n}} token',
		stripHeading_other: '{{model}} · {{name}} · {{n}} tokens',
		spans:
			'Each span is one token, its id beneath. ⋅ marks a space, ↵ a newline, → a tab; [NAME] an invisible character.',
		hex: 'Hex: the token’s UTF-8 bytes.',
		partial: '� is part of a character: show:bytes shows its bytes.',
		compareTitle2: 'One text, two tokenizers',
		compareTitle3: 'One text, three tokenizers',
		compareTitle4: 'One text, four tokenizers',
		compareTitle: 'One text, {{count}} tokenizers',
		title: 'How {{model}} splits your text into tokens',
		claudeLabel: 'Claude (old)',
	},
	reply: {
		title: 'Tokens: {{model}} ({{encoding}})',
		compareTitle: 'Tokens: {{models}} compared',
		countLine_one: '**{{model}}** · {{encoding}}: **{{n}} token**, {{perToken}} characters per token',
		countLine_other: '**{{model}}** · {{encoding}}: **{{n}} tokens**, {{perToken}} characters per token',
		same: 'All {{count}} tokenizers need the same number of tokens for this text.',
		ratio:
			'{{most}} needs **{{ratio}}×** the tokens {{fewest}} needs for this text: a model pays per token, in money and in context length.',
		size: '{{characters}} characters (Unicode code points), {{bytes}} UTF-8 bytes',
		cut: 'The chart draws the first {{drawn}} of {{total}} {{model}} tokens ({{rest}} not drawn); the counts cover them all.',
		surrogates_one:
			'{{n}} lone surrogate (half of an emoji’s UTF-16 pair) became U+FFFD (�) before tokenizing, as tiktoken does.',
		surrogates_other:
			'{{n}} lone surrogates (half of an emoji’s UTF-16 pair) became U+FFFD (�) before tokenizing, as tiktoken does.',
		partial: 'Tokens drawn as � hold only part of a character: `show:bytes` shows their UTF-8 bytes.',
		idsCut: 'first {{shown}} of {{total}} ids; all of them are in {{file}}',
		idsField: '{{model}} ids',
		idsFile: 'Every {{model}} token id of the text, one per line ({{n}} ids).',
		alt: 'Token chart: each token of the text as a coloured span with its id. {{counts}}.',
		altCount: '{{model}} ({{encoding}}) {{n}} tokens',
	},
	families: {
		title: 'Tokens: every model family',
		summary: '{{characters}} characters. {{most}} needs **{{ratio}}×** the tokens {{fewest}} needs.',
		claudeModels:
			'the tokenizer Anthropic published with its SDK for its earlier models (before Claude 3); newer Claude models use one that is not public',
		mistralModels:
			'Mistral NeMo, Mistral Large 2 (Tekken, 2024-07-18); Mistral 7B and Mixtral use an older SentencePiece one',
		alt: 'Bar chart of token counts: {{counts}}.',
		chartTitle: 'One text, every tokenizer: how many tokens',
		chartFooter:
			'Fewer tokens = cheaper and more text in the context. claude is the tokenizer Anthropic published for its earlier models.',
		category: '{{family}} · {{perToken}} ch/tok',
		series: 'tokens',
	},
} as const;
