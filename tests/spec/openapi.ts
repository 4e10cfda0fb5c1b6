import { readFileSync } from 'node:fs';
import { fixturePath } from '../helpers/fixtures.js';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

/** Discord's OpenAPI description, in tests/fixtures/discord-api-spec (see its README). */
export const DISCORD_SPEC_PATH = fixturePath('discord-api-spec', 'openapi.json');

const HTTP_METHODS = ['get', 'put', 'post', 'patch', 'delete'] as const;
export type HttpMethod = Uppercase<(typeof HTTP_METHODS)[number]>;

/** The part of an OpenAPI parameter the validator reads. */
interface SpecParameter {
	name: string;
	in: 'path' | 'query' | 'header';
	required?: boolean;
	schema: object;
}

interface RawOperation {
	operationId: string;
	parameters?: SpecParameter[];
	requestBody?: { required?: boolean; content: Record<string, { schema: object }> };
	security?: Record<string, string[]>[];
}

/** One HTTP operation of the spec, matched by method and path template. */
export interface SpecOperation {
	method: HttpMethod;
	/** Path template as the spec writes it, e.g. `/channels/{channel_id}/messages`. */
	template: string;
	operationId: string;
	pathParams: SpecParameter[];
	queryParams: SpecParameter[];
	/** The JSON request schema; a multipart body's `payload_json` is checked against it too. */
	requestSchema: object | undefined;
	bodyRequired: boolean;
	/** False for interaction callbacks and webhook-token routes, which Discord serves without the bot token. */
	requiresBotToken: boolean;
	/** Literal segments count: `/messages/@original` must win over `/messages/{message_id}`. */
	specificity: number;
	pattern: RegExp;
}

export interface SpecMatch {
	operation: SpecOperation;
	/** Path parameters by name, as they appeared in the URL. */
	params: Record<string, string>;
}

const SCHEMA_ROOT_ID = 'discord';

/** What the union narrowing reads of a component schema. */
interface BranchSchema {
	properties?: { type?: { enum?: unknown[]; const?: unknown } };
}

function compilePattern(template: string): RegExp {
	const source = template
		.split('/')
		.map((segment) => (segment.startsWith('{') ? '([^/]+)' : segment.replace(/[.*+?^$()|[\]\\]/g, '\\$&')))
		.join('/');
	return new RegExp(`^${source}$`);
}

/**
 * Discord's spec, indexed by operation, with request-body validators compiled on first use
 * (compiling everything up front takes seconds; one operation takes about 0.1 s).
 */
export class DiscordSpec {
	readonly operations: SpecOperation[] = [];
	private readonly ajv: Ajv2020;
	private readonly compiled = new Map<string, ValidateFunction | Error>();
	private readonly schemas: Record<string, BranchSchema>;

	constructor(specPath: string = DISCORD_SPEC_PATH) {
		// Component refs are rewritten to point into one registered schema, so each operation can be compiled alone.
		const text = readFileSync(specPath, 'utf8').replaceAll('"#/components/schemas/', `"${SCHEMA_ROOT_ID}#/$defs/`);
		const spec = JSON.parse(text) as {
			paths: Record<string, Record<string, unknown>>;
			components: { schemas: Record<string, object> };
		};
		this.ajv = new Ajv2020({ allErrors: true, strict: true, validateSchema: false });
		addFormatsModule.default(this.ajv);
		// Both are constrained by keywords next to them (pattern, maxLength); the format names add nothing.
		this.ajv.addFormat('snowflake', true);
		this.ajv.addFormat('nonce', true);
		this.ajv.addKeyword('x-discord-union');
		this.ajv.addSchema({ $id: SCHEMA_ROOT_ID, $defs: spec.components.schemas });
		this.schemas = spec.components.schemas;

		for (const [template, item] of Object.entries(spec.paths)) {
			const shared = (item.parameters ?? []) as SpecParameter[];
			for (const method of HTTP_METHODS) {
				const raw = item[method] as RawOperation | undefined;
				if (!raw) continue;
				const parameters = [...shared, ...(raw.parameters ?? [])];
				const literal = template.split('/').filter((s) => s !== '' && !s.startsWith('{')).length;
				this.operations.push({
					method: method.toUpperCase() as HttpMethod,
					template,
					operationId: raw.operationId,
					pathParams: parameters.filter((p) => p.in === 'path'),
					queryParams: parameters.filter((p) => p.in === 'query'),
					requestSchema: raw.requestBody?.content['application/json']?.schema,
					bodyRequired: raw.requestBody?.required === true,
					requiresBotToken: !(raw.security?.some((s) => Object.keys(s).length === 0) ?? true),
					specificity: literal,
					pattern: compilePattern(template),
				});
			}
		}
		this.operations.sort((a, b) => b.specificity - a.specificity);
	}

	/** Finds the operation for a method and an API path (without `/api/v10` and query). */
	match(method: string, rawPath: string): SpecMatch | null {
		const upper = method.toUpperCase();
		// Clients percent-encode segments (discord.js sends `%40original`); Discord routes on the decoded path.
		const path = rawPath
			.split('/')
			.map((segment) => {
				try {
					return decodeURIComponent(segment);
				} catch {
					return segment;
				}
			})
			.join('/');
		for (const operation of this.operations) {
			if (operation.method !== upper) continue;
			const found = operation.pattern.exec(path);
			if (!found) continue;
			const params: Record<string, string> = {};
			const names = [...operation.template.matchAll(/\{([^}]+)\}/g)].map((m) => m[1] ?? '');
			names.forEach((name, i) => {
				params[name] = found[i + 1] ?? '';
			});
			return { operation, params };
		}
		return null;
	}

	/** Validates a value against an operation's JSON request schema. */
	validateBody(operation: SpecOperation, body: unknown): ErrorObject[] {
		const validate = this.bodyValidator(operation);
		if (validate instanceof Error) {
			return [{ instancePath: '', schemaPath: '#', keyword: 'compile', params: {}, message: validate.message }];
		}
		if (validate(body)) return [];
		return pruneUnionNoise(this.narrowUnionErrors(operation, body, validate.errors ?? []));
	}

	/**
	 * Unions like the interaction callback are `anyOf` over one schema per `type`; when the body fails, ajv lists
	 * the errors of every branch. Report only those of the branches whose `type` the body actually has.
	 */
	private narrowUnionErrors(operation: SpecOperation, body: unknown, errors: ErrorObject[]): ErrorObject[] {
		const schema = operation.requestSchema as { anyOf?: { $ref?: string }[]; oneOf?: { $ref?: string }[] } | undefined;
		const branches = schema?.anyOf ?? schema?.oneOf;
		const bodyType = typeof body === 'object' && body !== null ? (body as { type?: unknown }).type : undefined;
		if (!branches || bodyType === undefined) return errors;
		const narrowed: ErrorObject[] = [];
		let matchedBranch = false;
		for (const branch of branches) {
			const name = branch.$ref?.split('/').pop();
			const typeRule = name ? this.schemas[name]?.properties?.type : undefined;
			const allowed = typeRule?.enum ?? (typeRule?.const === undefined ? undefined : [typeRule.const]);
			if (!name || !allowed?.includes(bodyType)) continue;
			matchedBranch = true;
			const validate = this.refValidator(name);
			if (!validate(body)) narrowed.push(...(validate.errors ?? []));
		}
		return matchedBranch ? narrowed : errors;
	}

	/** Validates a value against any schema fragment of the spec (for parameters). */
	validateSchema(schema: object, value: unknown): ErrorObject[] {
		const key = JSON.stringify(schema);
		let validate = this.compiled.get(key);
		if (!validate) {
			validate = this.ajv.compile(schema);
			this.compiled.set(key, validate);
		}
		if (validate instanceof Error || validate(value)) return [];
		return validate.errors ?? [];
	}

	/** Compiles the body validators of `METHOD template` routes now, so the first request does not pay for it. */
	warm(routes: readonly string[]): void {
		for (const operation of this.operations) {
			if (operation.requestSchema && routes.includes(`${operation.method} ${operation.template}`))
				this.bodyValidator(operation);
		}
	}

	bodyValidator(operation: SpecOperation): ValidateFunction | Error {
		const key = `${operation.method} ${operation.template}`;
		let validate = this.compiled.get(key);
		if (!validate) {
			try {
				validate = this.ajv.compile(operation.requestSchema ?? {});
			} catch (error) {
				validate = error instanceof Error ? error : new Error(String(error));
			}
			this.compiled.set(key, validate);
		}
		return validate;
	}

	/** Compiles a `$ref` into the spec's schemas, e.g. `CreateMessageInteractionCallbackRequest`. */
	refValidator(name: string): ValidateFunction {
		const key = `ref:${name}`;
		let validate = this.compiled.get(key);
		if (!validate) {
			validate = this.ajv.compile({ $ref: `${SCHEMA_ROOT_ID}#/$defs/${name}` });
			this.compiled.set(key, validate);
		}
		if (validate instanceof Error) throw validate;
		return validate;
	}
}

/**
 * Nullable fields are written `oneOf: [{type: null}, {$ref}]`, so one real error also yields "must be null" and
 * "must match exactly one schema in oneOf". Drop those two when a more specific error sits at or under the same place.
 */
function pruneUnionNoise(errors: ErrorObject[]): ErrorObject[] {
	const specific = errors.filter((e) => !isUnionNoise(e));
	if (specific.length === 0) return errors;
	return errors.filter((e) => !isUnionNoise(e) || !specific.some((s) => s.instancePath.startsWith(e.instancePath)));
}

function isUnionNoise(error: ErrorObject): boolean {
	if (error.keyword === 'oneOf' || error.keyword === 'anyOf') return true;
	return error.keyword === 'type' && (error.params as { type?: unknown }).type === 'null';
}

let shared: DiscordSpec | undefined;

/** The spec loaded once per process. */
export function discordSpec(): DiscordSpec {
	shared ??= new DiscordSpec();
	return shared;
}
