import { isTruthy, sanitizeValue, toNumber } from './coerce.js';
import { FUNCTIONS, isFunctionName } from './functions.js';
import { applyBinary } from './operators.js';
import { parseExpression } from './parse-expression.js';
import { readProperty } from './read-property.js';
import type { Expr, FormatEnv, Scope, Value } from './types.js';

/**
 * Evaluates a parsed expression against `scope`. Total and pure: never throws, never
 * loops. Missing paths are `undefined`; only own data of plain objects and arrays is
 * readable; wrong types give `null`/`false` rather than errors. Containers in the result
 * are fresh JSON-like copies, never references into `scope`.
 */
export function evaluate(expr: Expr, scope: Scope, env: FormatEnv): Value {
  try {
    return sanitizeValue(evaluateNode(expr, scope, env));
  } catch {
    // Only reachable with a malformed hand-built AST or a hostile scope (throwing Proxy).
    return undefined;
  }
}

/**
 * Parses and evaluates `source` in one go; a syntax error evaluates to `undefined`.
 * Never throws.
 */
export function evaluateExpression(source: string, scope: Scope, env: FormatEnv): Value {
  const parsed = parseExpression(source);
  return parsed.ok ? evaluate(parsed.value, scope, env) : undefined;
}

/** Evaluation without the safety net; callers inside the package wrap it. */
export function evaluateNode(expr: Expr, scope: Scope, env: FormatEnv): Value {
  switch (expr.type) {
    case 'literal':
      return expr.value;
    case 'array':
      return expr.items.map((item) => evaluateNode(item, scope, env));
    case 'variable':
      return readProperty(scope, expr.name);
    case 'member':
      return readProperty(evaluateNode(expr.object, scope, env), expr.key);
    case 'index':
      return readIndex(evaluateNode(expr.object, scope, env), evaluateNode(expr.index, scope, env));
    case 'unary':
      return unary(expr.operator, evaluateNode(expr.operand, scope, env));
    case 'logical': {
      // JavaScript semantics: returns the deciding operand, so `a || "fallback"` works.
      const left = evaluateNode(expr.left, scope, env);
      const decided = expr.operator === '&&' ? !isTruthy(left) : isTruthy(left);
      return decided ? left : evaluateNode(expr.right, scope, env);
    }
    case 'conditional':
      return isTruthy(evaluateNode(expr.test, scope, env))
        ? evaluateNode(expr.consequent, scope, env)
        : evaluateNode(expr.alternate, scope, env);
    case 'binary':
      return applyBinary(expr.operator, evaluateNode(expr.left, scope, env), evaluateNode(expr.right, scope, env));
    case 'call':
      // Re-checked here because an AST may come from storage rather than from the parser.
      if (!isFunctionName(expr.name)) return undefined;
      return FUNCTIONS[expr.name].apply(
        expr.args.map((arg) => evaluateNode(arg, scope, env)),
        env,
      );
    default:
      return undefined;
  }
}

function readIndex(container: Value, index: Value): Value {
  if (typeof index === 'number' || typeof index === 'string') return readProperty(container, index);
  return undefined;
}

function unary(operator: '!' | '-', operand: Value): Value {
  if (operator === '!') return !isTruthy(operand);
  const n = toNumber(operand);
  return n === null ? null : n === 0 ? 0 : -n;
}
