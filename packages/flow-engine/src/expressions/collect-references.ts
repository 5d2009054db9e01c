import type { Expr, Template } from './types.js';

/**
 * Every variable path an expression or template reads, deduplicated, in order of
 * appearance: `cart.total > 100 && contact.tags contains "vip"` gives
 * `[['cart','total'], ['contact','tags']]`. Paths stop at the first index or computed
 * segment (`a.b[0].c` gives `['a','b']`); quoted keys are static (`vars["my key"]` gives
 * `['vars','my key']`). Function and filter names are not references. Never throws.
 */
export function collectReferences(node: Expr | Template): string[][] {
  const seen = new Set<string>();
  const paths: string[][] = [];
  const add = (path: string[]): void => {
    const key = JSON.stringify(path);
    if (seen.has(key)) return;
    seen.add(key);
    paths.push(path);
  };
  try {
    if (isTemplate(node)) {
      for (const part of node.parts) {
        if (part.kind !== 'expr') continue;
        visit(part.expr, add);
        for (const filter of part.filters) filter.args.forEach((arg) => visit(arg, add));
      }
    } else {
      visit(node, add);
    }
  } catch {
    // A malformed hand-built tree: report what was found before the bad node.
  }
  return paths;
}

function isTemplate(node: Expr | Template): node is Template {
  return 'parts' in node && Array.isArray(node.parts);
}

function visit(expr: Expr, add: (path: string[]) => void): void {
  switch (expr.type) {
    case 'variable':
      add([expr.name]);
      return;
    case 'member': {
      const path = staticPath(expr);
      if (path === null) visit(expr.object, add);
      else add(path);
      return;
    }
    case 'index':
      visit(expr.object, add);
      visit(expr.index, add);
      return;
    case 'array':
      expr.items.forEach((item) => visit(item, add));
      return;
    case 'call':
      expr.args.forEach((arg) => visit(arg, add));
      return;
    case 'unary':
      visit(expr.operand, add);
      return;
    case 'binary':
    case 'logical':
      visit(expr.left, add);
      visit(expr.right, add);
      return;
    case 'conditional':
      visit(expr.test, add);
      visit(expr.consequent, add);
      visit(expr.alternate, add);
      return;
    default:
      return;
  }
}

/** `a.b.c` as ['a','b','c'], or null when the chain does not start at a plain variable path. */
function staticPath(expr: Expr): string[] | null {
  if (expr.type === 'variable') return [expr.name];
  if (expr.type !== 'member') return null;
  const base = staticPath(expr.object);
  return base === null ? null : [...base, expr.key];
}
