import { isMap, isNode, isPair, isScalar, LineCounter, parseDocument, type Document } from 'yaml';

/** One thing wrong with a curriculum file, pointing at the line an organizer has to edit. */
export interface CurriculumProblem {
	/** The file as given to the loader, relative to the repository root when inside it. */
	file: string;
	/** 1-based line; 0 when the problem is with a directory or the curriculum as a whole. */
	line: number;
	/** Where in the file's data, e.g. `quiz[3].options`; empty for the file as a whole. */
	path: string;
	message: string;
}

/** Formats a problem as `file:line: path: reason` (`file: reason` when it has no line). */
export function formatProblem(p: CurriculumProblem): string {
	return `${p.file}${p.line > 0 ? `:${p.line}` : ''}: ${p.path ? `${p.path}: ` : ''}${p.message}`;
}

/** A YAML file parsed with positions kept, so any value in it can be traced back to a line. */
export interface SourceFile {
	file: string;
	doc: Document;
	lines: LineCounter;
	/** The YAML's syntax errors, already as problems; when there are any, `data` is not to be trusted. */
	syntaxProblems: CurriculumProblem[];
	data: unknown;
}

/** Parses YAML text, keeping the line of every node. */
export function parseSource(file: string, text: string): SourceFile {
	const lines = new LineCounter();
	const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
	const syntaxProblems = doc.errors.map((error) => ({
		file,
		line: lines.linePos(error.pos[0]).line,
		path: '',
		message: `YAML: ${error.message.split('\n')[0] ?? error.code}`,
	}));
	return { file, doc, lines, syntaxProblems, data: syntaxProblems.length ? undefined : doc.toJS() };
}

/** `['quiz', 3, 'options']` → `quiz[3].options`. */
export function formatPath(path: readonly PropertyKey[]): string {
	let out = '';
	for (const key of path) out += typeof key === 'number' ? `[${key}]` : `${out ? '.' : ''}${String(key)}`;
	return out;
}

/**
 * The line of the value at `path`: of its key when the last step is a map key (so `quiz[3].options` points at
 * `options:`), of the item when it is a list index. A path into something missing (a key not written) points at
 * the closest parent that exists, which is where the missing key has to be added.
 */
export function lineOf(source: SourceFile, path: readonly PropertyKey[]): number {
	const keys = path.filter((k): k is string | number => typeof k !== 'symbol');
	for (let n = keys.length; n >= 0; n--) {
		const last = keys[n - 1];
		if (typeof last === 'string') {
			const parent = n === 1 ? source.doc.contents : source.doc.getIn(keys.slice(0, n - 1), true);
			if (isMap(parent)) {
				const pair = parent.items.find((item) => isPair(item) && isScalar(item.key) && item.key.value === last);
				if (pair && isNode(pair.key) && pair.key.range) return source.lines.linePos(pair.key.range[0]).line;
			}
		}
		const node = n === 0 ? source.doc.contents : source.doc.getIn(keys.slice(0, n), true);
		if (isNode(node) && node.range) return source.lines.linePos(node.range[0]).line;
	}
	return 1;
}
