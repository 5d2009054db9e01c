import { FILTERS } from './filters.js';
import { FUNCTIONS } from './functions.js';
import type { FilterName, FunctionName } from './types.js';

/** Whitelisted function names, e.g. for editor autocompletion. */
export const FUNCTION_NAMES: readonly FunctionName[] = Object.freeze(Object.keys(FUNCTIONS) as FunctionName[]);

/** Whitelisted filter names, e.g. for editor autocompletion. */
export const FILTER_NAMES: readonly FilterName[] = Object.freeze(Object.keys(FILTERS) as FilterName[]);
