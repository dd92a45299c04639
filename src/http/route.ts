import type { IncomingMessage, ServerResponse } from 'node:http';

/** One route of the front (graphql-yoga's plugins are the model): composed, in order, in server.ts. */
export interface Route {
  /** Its `route` label in request metrics. */
  readonly name: string;
  matches(pathname: string): boolean;
  /** Browser apps on other origins call it: CORS headers on its answers, its preflights answered (`server.cors`). */
  readonly crossOrigin?: boolean;
  handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> | void;
}

/** Matches one exact path. */
export const exactly =
  (path: string) =>
  (pathname: string): boolean =>
    pathname === path;
