export type RouteParams = Readonly<Record<string, string>>;

/**
 * Matches a pattern such as `/flows/:id/versions` against a pathname. Segments starting with
 * `:` capture (URI-decoded); a trailing `*` captures the rest as `*`. A trailing slash on the
 * pathname is ignored. Returns the parameters, or null when the path does not match.
 */
export function matchPath(pattern: string, pathname: string): RouteParams | null {
  const patternParts = split(pattern);
  const pathParts = split(pathname);
  const params: Record<string, string> = {};
  for (let index = 0; index < patternParts.length; index++) {
    const part = patternParts[index] ?? '';
    if (part === '*') {
      params['*'] = pathParts.slice(index).map(safeDecode).join('/');
      return params;
    }
    const value = pathParts[index];
    if (value === undefined) return null;
    if (part.startsWith(':')) {
      const decoded = safeDecode(value);
      if (decoded === '') return null;
      params[part.slice(1)] = decoded;
    } else if (part !== value) {
      return null;
    }
  }
  return pathParts.length === patternParts.length ? params : null;
}

/** Builds a path from a pattern, encoding each parameter: `buildPath('/flows/:id', { id })`. */
export function buildPath(pattern: string, params: RouteParams = {}): string {
  return pattern.replace(/:(\w+)/g, (_whole, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`buildPath: missing parameter ${name} for ${pattern}`);
    return encodeURIComponent(value);
  });
}

function split(path: string): string[] {
  return path.split('/').filter((part) => part !== '');
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    // A malformed escape (`%E0%A4%A`) is kept as typed rather than crashing the app.
    return value;
  }
}
