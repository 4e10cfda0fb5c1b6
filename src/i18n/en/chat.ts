/** /tokenize show:chat: how each family's chat template turns a system and a user message into tokens. */
export const chat = {
	defaultSystem: 'You are a helpful assistant.',
	chart: {
		title: 'How a chat becomes tokens',
		subtitle: 'system: “{{system}}” · user: “{{user}}”',
		heading: '{{family}} · {{tokens}} tokens, {{special}} special',
		footer:
			'Each strip: the family’s chat format applied to a system and a user message, then the start of the reply. ' +
			'Dark spans with yellow text are the tokenizer’s special tokens. ⋅ marks a space, ↵ a newline.',
	},
	reply: {
		title: 'Chat templates: system + user message as tokens',
		count: '**{{family}}**: **{{tokens}} tokens**, {{special}} special — {{source}}',
		sourceConfig: 'the `chat_template` in {{package}}’s tokenizer_config.json',
		sourceChatml:
			'ChatML as OpenAI’s chatml.md documents it for its chat models (`<|im_start|>` 100264, `<|im_end|>` 100265 as in tiktoken’s README); GPT-4’s exact format is not published',
		sourceLegacyText:
			'the public tokenizer has no chat template: this is Anthropic’s legacy Text Completions text (`Human:` and `Assistant:` turns), no special token at all; the Messages API’s format is not published',
		noneUnpublished: '{{family}}: no chat format published by OpenAI',
		noneNotChat: '{{family}}: not a chat model, no chat format',
		noneNoTemplate: '{{family}}: {{package}} ships the special tokens (`[INST]`, `[/INST]`) but no chat template',
		cut: 'The chart draws the first {{drawn}} of {{tokens}} {{family}} tokens; the counts cover them all.',
		deepseekMarkers:
			'deepseek-v3’s tokenizer.json adds `<｜User｜>` and `<｜Assistant｜>` as whole tokens without the special flag: one token each, drawn as ordinary ones.',
		userInside:
			'Special-token text typed in a message is read as the special token by most of these tokenizers: the root of chat-format injection.',
		pick: 'Pick up to four with `encoding:compare families:…`; these have a chat format: {{families}}.',
		alt: 'Token strips of a system and a user message in each family’s chat format, special tokens dark: {{counts}}.',
	},
	errors: {
		noTemplate: 'None of {{families}} has a chat format to show. Pick from: {{available}}.',
	},
} as const;
