export { analogy, type Analogy } from './analogy.js';
export { ensureVectorFile, isVectorFileCurrent, loadWordVectors, vectorsFromShared, VECTOR_PATHS } from './load.js';
export {
	approximateScores,
	nearestToUnit,
	neighbors,
	SEARCH_VOCABULARY,
	type Neighbor,
	type SearchOptions,
} from './neighbors.js';
export { projectPca, type Projection } from './pca.js';
export { DotKernel, kernelSupported } from './dot-kernel.js';
export {
	cosine,
	dotProduct,
	similarityMatrix,
	unitVector,
	type PairSimilarity,
	type SimilarityMatrix,
} from './similarity.js';
export { pearson, spearman, tieAwareRanks } from './spearman.js';
export { normalizeWord, WordVectors, type Word } from './store.js';
export { editDistance, suggestSpellings } from './suggest.js';
export { readVectorIndex, type SharedVectorData } from './vector-file.js';
export { resolveWords, type Resolved } from './resolve.js';
