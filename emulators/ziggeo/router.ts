import type { Handler } from './context';
import { otherRoutes } from './routes-other';
import { streamRoutes } from './routes-streams';
import { videoRoutes } from './routes-videos';

/** Method + path → handler. Collection paths match with or without their trailing slash (ziggeo spec §10.1.3). */

interface Route {
  readonly method: string;
  readonly parts: readonly string[];
  readonly handler: Handler;
}

const ROUTES: Route[] = [...videoRoutes, ...streamRoutes, ...otherRoutes].map(([pattern, handler]) => {
  const [method, path] = pattern.split(' ') as [string, string];
  return { method, parts: path.split('/').slice(1), handler };
});

/** Path segments as sent: the SDK concatenates tokens and keys verbatim (spec §1.3); `%XX` is decoded when valid. */
export function pathSegments(path: string): string[] {
  const trimmed = path.length > 1 ? path.replace(/\/+$/, '') : path;
  return trimmed
    .split('/')
    .slice(1)
    .map((s) => {
      try {
        return decodeURIComponent(s);
      } catch {
        return s;
      }
    });
}

export function matchRoute(method: string, segments: readonly string[]): { handler: Handler; params: Record<string, string> } | null {
  for (const route of ROUTES) {
    if (route.method !== method || route.parts.length !== segments.length) continue;
    const params: Record<string, string> = {};
    let ok = true;
    for (let i = 0; i < route.parts.length && ok; i++) {
      const part = route.parts[i]!;
      if (part.startsWith(':')) params[part.slice(1)] = segments[i]!;
      else ok = part === segments[i];
    }
    if (ok) return { handler: route.handler, params };
  }
  return null;
}
