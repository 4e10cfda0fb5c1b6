// Types for scripts/build-if-stale.mjs (plain JavaScript so that `npm start` runs it before anything is compiled).
export const STAMP: string;
export function isStale(root: string): boolean;
export function buildIfStale(root: string): number;
