export { argmax, logSoftmax, softmax, type Vector } from './softmax.js';
export {
	applyFilters,
	type FilterName,
	type FilterStep,
	type FilteredDistribution,
	type SamplingOptions,
} from './filters.js';
export { createRng, seedFromString, type Rng } from './prng.js';
export { sample, sampleFromLogits, type SampledToken } from './sample.js';
export { beamSearch, pathTo, type BeamNode, type BeamSearchResult, type ScoredSequence } from './beam.js';
