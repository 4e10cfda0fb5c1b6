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
	/** A key prefix, so several bots (or test runs) can share one Redis or PostgreSQL. */
	STORE_NAMESPACE: optional(z.string().regex(/^[\w.-]{1,64}$/, 'letters, digits, _ . - only')).default('bot'),
	LOG_LEVEL: optional(z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])).default('info'),
	HOST: optional(z.string().min(1)).default('127.0.0.1'),
	PORT: optional(z.coerce.number().int().min(0).max(65535)).default(3000),
	CURRICULUM_DIR: optional(z.string().min(1)),
	/** A weekly post missed while the bot was down is made on recovery if it is at most this late. */
	SCHEDULE_GRACE_MINUTES: optional(
		z.coerce
			.number()
			.int()
			.min(0)
			.max(7 * 24 * 60),
	).default(360),
	// The AI tutor (/ask, /session, /inject, engine:openai): off without a key; any OpenAI-compatible server works.
	OPENAI_API_KEY: optional(z.string().min(1)),
	OPENAI_BASE_URL: optional(
		z.url({ protocol: /^https?$/, error: 'must be an http(s) URL such as http://127.0.0.1:11434/v1' }),
	),
	OPENAI_MODEL: optional(z.string().min(1)).default('gpt-4o-mini'),
	OPENAI_EMBEDDING_MODEL: optional(z.string().min(1)).default('text-embedding-3-small'),
	/** Tutor requests per member per UTC day; 0 means no limit. */
	LLM_DAILY_QUOTA: optional(z.coerce.number().int().min(0)).default(50),
	/** How long one model request may wait for its first byte, and a stream for its next chunk. */
	LLM_TIMEOUT_MS: optional(z.coerce.number().int().min(1000).max(600_000)).default(60_000),
	/** Run sharded: `auto` (Discord's recommendation) or a shard count; one process per shard. Unset: one process. */
	SHARDS: optional(
		z.union([z.literal('auto'), z.coerce.number().int().min(1).max(4096)], { error: 'must be auto or a shard count' }),
	),
	/** Milliseconds between starting two shard processes (Discord allows one IDENTIFY per 5 s per bucket). */
	SHARD_SPAWN_DELAY_MS: optional(z.coerce.number().int().min(0).max(60_000)).default(5500),
	/** `npm run rest-proxy` listens here (its upstream is DISCORD_API_BASE, or Discord). */
	REST_PROXY_PORT: optional(z.coerce.number().int().min(0).max(65535)).default(8080),
	/** Worker threads for model inference and charts; default one per core. */
	COMPUTE_THREADS: optional(z.coerce.number().int().min(1).max(64)),
	/** Tasks that may wait for a worker thread before members are told to retry. */
	COMPUTE_MAX_QUEUE: optional(z.coerce.number().int().min(1).max(10_000)),
	/**
	 * MiB of demo answers kept for members who ask the same thing (a presenter's "everyone, try it now"); 0 turns
	 * the cache off. See src/compute/memo.ts.
	 */
	COMPUTE_CACHE_MIB: optional(z.coerce.number().min(0).max(4096)).default(16),
	/** Set by discord.js's ShardingManager in the processes it spawns: this process is one shard. */
	SHARDING_MANAGER: optional(z.string()).transform((value) => value !== undefined),
	/** Set by the ShardingManager too: how many shards there are in all. */
	SHARD_COUNT: optional(z.coerce.number().int().min(1)),
});

export type Config = z.infer<typeof schema>;

/** Thrown when the environment is invalid; its message lists every bad variable at once. */
export class ConfigError extends Error {
	override readonly name = 'ConfigError';
}

/** Reads and validates the environment. The only place that reads `process.env`. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
	// In a shard process discord.js sets SHARDS to the shard's own id list; our SHARDS is the manager's setting.
	const source = env.SHARDING_MANAGER ? { ...env, SHARDS: undefined } : env;
	const result = schema.safeParse(source);
	if (result.success) return result.data;
	const lines = result.error.issues.map((issue) => `  - ${issue.path.join('.')}: ${issue.message}`);
	throw new ConfigError(`Invalid configuration (see .env.example):\n${lines.join('\n')}`);
}

/** The secrets a log line must never contain. */
export function secretsOf(config: Config): string[] {
	return [config.DISCORD_TOKEN, config.OPENAI_API_KEY].filter(
		(value): value is string => typeof value === 'string' && value.length > 0,
	);
}
