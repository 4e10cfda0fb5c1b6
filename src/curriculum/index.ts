export {
	DEMO_COMMANDS,
	DEMO_COMMAND_NAMES,
	TUTOR_COMMANDS,
	type DemoCommandName,
	type DemoCommandSpec,
	type DemoOptionSpec,
} from './commands.js';
export { computationSchema, MODEL_KINDS, type Computation, type ComputationKind } from './computations.js';
export {
	evaluate,
	evaluatePure,
	formatNumericAnswer,
	isWithinTolerance,
	needsModels,
	parseNumericAnswer,
	type ModelComputation,
	type ModelFunctions,
	type PureComputation,
	type TokenEncoding,
} from './compute.js';
export { createCurriculum, type BankQuestion, type Curriculum } from './curriculum.js';
export { CurriculumError, loadCurriculum } from './loader.js';
export { formatProblem, type CurriculumProblem } from './locate.js';
export { builtinCurriculumDir, curriculumDirs } from './paths.js';
export {
	questionSchema,
	tierSchema,
	type FreeTextQuestion,
	type MultipleChoiceQuestion,
	type NumericQuestion,
	type Question,
	type Tier,
} from './question-schema.js';
export {
	DIMENSION_IDS,
	sessionFormatSchema,
	weekSchema,
	type Demo,
	type DimensionId,
	type KnowledgePoint,
	type Reading,
	type Reflection,
	type SessionFormat,
	type Week,
	type WeekPart,
	type WorksheetItem,
} from './schema.js';
