/** On a view: the object it views (views are always made of the original, never of another view). */
const ORIGINAL = Symbol('vidmesh.viewOf');

type Viewable = { [ORIGINAL]?: object };

/**
 * A view of `base` for one request: it answers everything from `base` (its methods run with the view
 * as `this`) except `own`'s properties, which are the view's. How a per-account datasource and its
 * client are bound to a request's scope without copying their state (pools, caches, breakers).
 * Methods must then be on the prototype, not arrow-function properties (those keep `base` as `this`).
 *
 * A view of a view (the read deadline's, of a request's) is made of the original with `own` alone:
 * `own` must hold everything a view adds. Fresh objects are never made prototypes (V8 makes each
 * one a prototype map, microseconds), and assignment is a few ns where defineProperty is ~130 ns.
 */
export function viewOf<T extends object>(base: T, own: Readonly<Record<string, unknown>>): T {
  const original = (base as Viewable)[ORIGINAL] ?? base;
  const view = Object.create(original) as T & Viewable;
  view[ORIGINAL] = original;
  return Object.assign(view, own);
}
