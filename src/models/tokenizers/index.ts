export {
	BytePairEncoding,
	formatTiktokenFile,
	parseTiktokenFile,
	type BytePairEncodingSpec,
	type EncodeOptions,
} from './bpe.js';
export { replaceLoneSurrogates } from './byte-string.js';
export {
	adoptEncodings,
	encodingFromJsTiktoken,
	encodingFromShared,
	loadEncoding,
	loadModelEncoding,
	OPENAI_ENCODINGS,
	OPENAI_MODELS,
	readJsTiktokenRanks,
	shareEncoding,
	shareEncodings,
	type JsTiktokenRanks,
	type OpenAiEncodingName,
	type OpenAiModel,
	type SharedEncoding,
} from './openai.js';
export { parseJsTiktokenRanks, parseJsTiktokenRankTable } from './js-tiktoken-ranks.js';
export { rankOfRange, type RankTable } from './rank-table.js';
export { translateTiktokenPattern } from './pattern.js';
export { hexLabel, tokenPieces, visibleLabel, type PieceEncoding, type TokenPiece } from './token-pieces.js';
export { FAMILIES, FAMILY_INFO, isFamily, loadFamily, type Family } from './families.js';
export {
	huggingFaceEncoding,
	readPackageTokenizer,
	type FamilyEncoding,
	type HuggingFaceFiles,
} from './hugging-face.js';
export {
	CHAT_FAMILIES,
	CHAT_FORMATS,
	chatEncoding,
	chatTemplateOf,
	renderChat,
	type ChatEncoding,
	type ChatFormat,
	type ChatMessage,
} from './chat-templates.js';
