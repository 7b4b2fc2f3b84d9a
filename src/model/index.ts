export { loadMed7Model, type LoadOptions, type LoadProgress, type Med7Model } from './loader.ts';
export { Med7ModelError } from './errors.ts';
export type { Med7Dtype, ResolvedDtype } from './dtype.ts';
export type { Entity } from '../core/types.ts';
export type { AbortSignalLike, RunOptions } from '../core/decode/extract.ts';
