/** Our byte-level BPE trainer (the encoder is the generic one in ../tokenizers/bpe.ts). */
export { countPretokens, GPT2_PATTERN, pretokenize } from './pretokenize.js';
export { trainBpe, type BpeModel, type TrainBpeOptions } from './train.js';
