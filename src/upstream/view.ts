/**
 * A view of `base` for one request: it answers everything from `base` (its methods run with the view
 * as `this`) except `own`'s properties, which are the view's. How a per-account datasource and its
 * client are bound to a request's scope without copying their state (pools, caches, breakers).
 * Methods must then be on the prototype, not arrow-function properties (those keep `base` as `this`).
 */
export function viewOf<T extends object>(base: T, own: Readonly<Record<string, unknown>>): T {
  const view = Object.create(base) as T;
  for (const key of Object.keys(own)) Object.defineProperty(view, key, { value: own[key], enumerable: true });
  return view;
}
