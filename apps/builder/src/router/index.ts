// A small router over the History API: what the builder needs and nothing more (no router
// dependency). Paths are plain strings; patterns use `:param` and a trailing `*`.
export { Link, type LinkProps } from './link.js';
export { buildPath, matchPath, type RouteParams } from './match-path.js';
export { navigate, type AppLocation, type NavigateOptions } from './history-store.js';
export { Redirect } from './redirect.js';
export { Routes, pickRoute, type RouteDefinition } from './routes.js';
export { useLocation, useSearchParam } from './use-location.js';
