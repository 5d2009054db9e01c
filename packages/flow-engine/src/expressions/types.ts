/** A value an expression can produce: JSON-like data plus `undefined` for "missing". */
export type Value = string | number | boolean | null | undefined | Value[] | { [key: string]: Value };

/** Variables visible to expressions, e.g. `{ contact: {...}, cart: {...}, score: 9 }`. */
export type Scope = Readonly<Record<string, unknown>>;

/**
 * Formatting settings of the account/contact. `locale` is 'pt-BR' or 'en' (others fall back
 * to en), `currency` an ISO 4217 code such as 'BRL', `timezone` an IANA zone such as
 * 'America/Sao_Paulo'.
 */
export interface FormatEnv {
  locale: string;
  currency: string;
  timezone: string;
}

/** Outcome of a parse: never thrown, always returned. `offset` is 0-based into the source. */
export type ParseResult<T> = { ok: true; value: T } | { ok: false; error: { message: string; offset: number } };

/** Names of the whitelisted functions callable from expressions. */
export type FunctionName =
  | 'lower'
  | 'upper'
  | 'trim'
  | 'len'
  | 'round'
  | 'floor'
  | 'ceil'
  | 'abs'
  | 'min'
  | 'max'
  | 'number'
  | 'string'
  | 'isEmpty'
  | 'coalesce'
  | 'normalize';

/** Names of the whitelisted template filters. */
export type FilterName =
  | 'currency'
  | 'number'
  | 'date'
  | 'datetime'
  | 'time'
  | 'upper'
  | 'lower'
  | 'capitalize'
  | 'trim'
  | 'default'
  | 'truncate'
  | 'first_word'
  | 'json'
  | 'url';

export type BinaryOperator =
  | '=='
  | '!='
  | '<'
  | '<='
  | '>'
  | '>='
  | '+'
  | '-'
  | '*'
  | '/'
  | '%'
  | 'contains'
  | 'in'
  | 'startsWith'
  | 'endsWith';

/** Expression AST: plain, JSON-serialisable objects discriminated by `type`. */
export type Expr =
  | { type: 'literal'; value: string | number | boolean | null }
  | { type: 'array'; items: Expr[] }
  | { type: 'variable'; name: string }
  /** Static property access: `a.b` or `a["b"]`. */
  | { type: 'member'; object: Expr; key: string }
  /** Index or computed access: `a[0]`, `a[key]`. */
  | { type: 'index'; object: Expr; index: Expr }
  | { type: 'unary'; operator: '!' | '-'; operand: Expr }
  | { type: 'binary'; operator: BinaryOperator; left: Expr; right: Expr }
  | { type: 'logical'; operator: '&&' | '||'; left: Expr; right: Expr }
  | { type: 'conditional'; test: Expr; consequent: Expr; alternate: Expr }
  | { type: 'call'; name: FunctionName; args: Expr[] };

/** A filter applied in a template placeholder: `{{ x | truncate:20 }}`. */
export interface FilterCall {
  name: FilterName;
  args: Expr[];
}

export type TemplatePart =
  | { kind: 'text'; text: string }
  /** `source` is the trimmed text between the braces, e.g. `cart.total | currency`. */
  | { kind: 'expr'; expr: Expr; filters: FilterCall[]; source: string };

/** A parsed template: literal text interleaved with placeholders. */
export interface Template {
  parts: TemplatePart[];
}
