import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, secretsOf } from '../../src/config.js';
import { quotaDay } from '../../src/llm/service.js';

describe('the tutor’s configuration', () => {
	it('GIVEN nothing set THEN the tutor is off and the defaults are OpenAI’s small models, 50 requests a day, 60 s', () => {
		const config = loadConfig({});
		expect(config.OPENAI_API_KEY).toBeUndefined();
		expect(config).toMatchObject({
			OPENAI_MODEL: 'gpt-4o-mini',
			OPENAI_EMBEDDING_MODEL: 'text-embedding-3-small',
			LLM_DAILY_QUOTA: 50,
			LLM_TIMEOUT_MS: 60_000,
		});
	});

	it('GIVEN an Ollama server and no limit THEN they are read; GIVEN bad values THEN each is named', () => {
		const config = loadConfig({
			OPENAI_API_KEY: 'ollama',
			OPENAI_BASE_URL: 'http://127.0.0.1:11434/v1',
			OPENAI_MODEL: 'llama3.2',
			LLM_DAILY_QUOTA: '0',
		});
		expect(config).toMatchObject({
			OPENAI_BASE_URL: 'http://127.0.0.1:11434/v1',
			OPENAI_MODEL: 'llama3.2',
			LLM_DAILY_QUOTA: 0,
		});
		const error = (() => {
			try {
				loadConfig({ OPENAI_BASE_URL: 'localhost:11434', LLM_DAILY_QUOTA: '-1', LLM_TIMEOUT_MS: '10' });
			} catch (e) {
				return e as Error;
			}
		})();
		expect(error).toBeInstanceOf(ConfigError);
		for (const name of ['OPENAI_BASE_URL', 'LLM_DAILY_QUOTA', 'LLM_TIMEOUT_MS']) expect(error!.message).toContain(name);
	});

	it('GIVEN an API key THEN the logger is told to scrub it', () => {
		expect(secretsOf(loadConfig({ OPENAI_API_KEY: 'sk-live-abcdefgh123' }))).toContain('sk-live-abcdefgh123');
	});

	it('GIVEN times around midnight UTC THEN the quota day is the UTC date', () => {
		expect(quotaDay(new Date('2026-03-04T23:59:59Z'))).toBe('2026-03-04');
		expect(quotaDay(new Date('2026-03-05T00:00:00Z'))).toBe('2026-03-05');
		expect(quotaDay(new Date('2026-03-05T08:30:00+09:00'))).toBe('2026-03-04');
	});
});
