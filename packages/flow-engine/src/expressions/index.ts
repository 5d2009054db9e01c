/**
 * Safe expressions and message templates for journey flows. Pure: no I/O, no clock, no
 * randomness, no `eval`; parsing and evaluation never throw.
 */
export type {
  BinaryOperator,
  Expr,
  FilterCall,
  FilterName,
  FormatEnv,
  FunctionName,
  ParseResult,
  Scope,
  Template,
  TemplatePart,
  Value,
} from './types.js';
export type { DateStyle } from './format.js';
export { parseExpression } from './parse-expression.js';
export { evaluate, evaluateExpression } from './evaluate.js';
export { isTruthy } from './coerce.js';
export { parseTemplate } from './parse-template.js';
export { renderTemplate } from './render-template.js';
export { collectReferences } from './collect-references.js';
export { formatCurrency, formatDate, formatNumber } from './format.js';
export { FILTER_NAMES, FUNCTION_NAMES } from './names.js';
