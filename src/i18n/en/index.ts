import { common } from './common.js';
import { ffn } from './ffn.js';
import { modelText } from './model-text.js';
import { positions } from './positions.js';
import { residual } from './residual.js';
import { sample } from './sample.js';

/** The English catalogue: every user-facing string, by area. Other languages follow its shape. */
export const en = { common, sample, positions, ffn, residual, modelText } as const;
