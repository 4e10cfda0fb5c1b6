import { pino, type Logger, type LoggerOptions } from 'pino';

export type { Logger };

export interface LoggerSettings {
	level: string;
	/** Pretty, coloured lines for a person at a terminal; JSON otherwise. */
	pretty: boolean;
	/** Values (tokens, API keys) replaced by `[redacted]` wherever they appear in a log line. */
	secrets?: readonly string[];
	destination?: NodeJS.WritableStream;
}

/** Field paths that hold credentials in the objects we log (config, request options, headers). */
const REDACT_PATHS = [
	'token',
	'*.token',
	'DISCORD_TOKEN',
	'*.DISCORD_TOKEN',
	'OPENAI_API_KEY',
	'*.OPENAI_API_KEY',
	'apiKey',
	'*.apiKey',
	'authorization',
	'*.authorization',
	'headers.authorization',
	'*.headers.authorization',
	'headers.Authorization',
	'*.headers.Authorization',
];

function scrubber(secrets: readonly string[]): (text: string) => string {
	const found = secrets.filter((secret) => secret.length >= 8);
	if (found.length === 0) return (text) => text;
	return (text) => found.reduce((out, secret) => out.split(secret).join('[redacted]'), text);
}

/**
 * The one logger. Paths that hold credentials are redacted; known secret values are also scrubbed from
 * messages and error texts, since a library may put a token into an error message.
 */
export function createLogger(settings: LoggerSettings): Logger {
	const scrub = scrubber(settings.secrets ?? []);
	const options: LoggerOptions = {
		level: settings.level,
		redact: { paths: REDACT_PATHS, censor: '[redacted]' },
		serializers: {
			err: (err: unknown) => {
				// A Discord REST error carries the request body (a member's words, a guarded /inject secret) and a URL
				// with the interaction's webhook token: neither belongs in a log.
				const { requestBody: _body, ...serialized } = pino.stdSerializers.err(err as Error) as ReturnType<
					typeof pino.stdSerializers.err
				> & { requestBody?: unknown };
				const url =
					typeof serialized.url === 'string'
						? { url: serialized.url.replace(/(\/webhooks\/\d+\/)[^/?]+/, '$1[redacted]') }
						: {};
				return { ...serialized, ...url, message: scrub(serialized.message), stack: scrub(serialized.stack ?? '') };
			},
		},
		hooks: {
			logMethod(args, method) {
				const cleaned = args.map((arg) => (typeof arg === 'string' ? scrub(arg) : arg));
				method.apply(this, cleaned as Parameters<typeof method>);
			},
		},
	};
	if (settings.pretty) {
		return pino({
			...options,
			transport: {
				target: 'pino-pretty',
				options: { colorize: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname' },
			},
		});
	}
	return settings.destination ? pino(options, settings.destination as pino.DestinationStream) : pino(options);
}
