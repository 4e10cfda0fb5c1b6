import { z } from 'zod';

/** Discord ids are snowflakes: 17 to 20 decimal digits. */
const snowflake = z.string().regex(/^\d{17,20}$/, 'must be a Discord id (17–20 digits)');
const emptyAsUndefined = (value: unknown) => (value === '' ? undefined : value);
const optional = <S extends z.ZodType>(schema: S) => z.preprocess(emptyAsUndefined, schema.optional());

const schema = z.object({
	NODE_ENV: optional(z.enum(['development', 'production', 'test'])).default('development'),
	DISCORD_TOKEN: optional(z.string().min(1)),
	DISCORD_APPLICATION_ID: optional(snowflake),
	DISCORD_GUILD_ID: optional(snowflake),
	DISCORD_API_BASE: optional(
		z.url({ protocol: /^https?$/, error: 'must be an http(s) URL such as http://127.0.0.1:8080/api' }),
	),
	STORE_URL: optional(
		z
			.string()
			.regex(/^(sqlite|redis|rediss|postgres|postgresql):\/\//, 'must start with sqlite://, redis:// or postgres://'),
	).default('sqlite://data/bot.sqlite'),
	LOG_LEVEL: optional(z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])).default('info'),
	HOST: optional(z.string().min(1)).default('127.0.0.1'),
	PORT: optional(z.coerce.number().int().min(0).max(65535)).default(3000),
	CURRICULUM_DIR: optional(z.string().min(1)),
	/** A weekly post missed while the bot was down is made on recovery if it is at most this late. */
	SCHEDULE_GRACE_MINUTES: optional(z.coerce.number().int().min(0).max(7 * 24 * 60)).default(360),
	// The AI tutor (/ask, /session, /inject, engine:openai): off without a key; any OpenAI-compatible server works.
	OPENAI_API_KEY: optional(z.string().min(1)),
	OPENAI_BASE_URL: optional(z.url({ protocol: /^https?$/, error: 'must be an http(s) URL such as http://127.0.0.1:11434/v1' })),
	OPENAI_MODEL: optional(z.string().min(1)).default('gpt-4o-mini'),
	OPENAI_EMBEDDING_MODEL: optional(z.string().min(1)).default('text-embedding-3-small'),
	/** Tutor requests per member per UTC day; 0 means no limit. */
	LLM_DAILY_QUOTA: optional(z.coerce.number().int().min(0)).default(50),
	/** How long one model request may wait for its first byte, and a stream for its next chunk. */
	LLM_TIMEOUT_MS: optional(z.coerce.number().int().min(1000).max(600_000)).default(60_000),
});

export type Config = z.infer<typeof schema>;

/** Thrown when the environment is invalid; its message lists every bad variable at once. */
export class ConfigError extends Error {
	override readonly name = 'ConfigError';
}

/** Reads and validates the environment. The only place that reads `process.env`. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
	const result = schema.safeParse(env);
	if (result.success) return result.data;
	const lines = result.error.issues.map((issue) => `  - ${issue.path.join('.')}: ${issue.message}`);
	throw new ConfigError(`Invalid configuration (see .env.example):\n${lines.join('\n')}`);
}

/** The secrets a log line must never contain. */
export function secretsOf(config: Config): string[] {
	return [config.DISCORD_TOKEN, config.OPENAI_API_KEY].filter((value): value is string => typeof value === 'string' && value.length > 0);
}
