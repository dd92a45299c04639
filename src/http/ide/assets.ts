import { createHash } from 'node:crypto';
import { createReadStream, readFileSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { IDE_CSS, IDE_JS } from './client';

/** Where the IDE's files are served, below the GraphQL endpoint so a path prefix in front of it carries over. */
export const ASSET_PREFIX = '/graphql/ide/';

/** One served file: from an installed package, or a text of our own. */
interface Asset {
  readonly type: string;
  readonly file?: string;
  readonly text?: string;
}

/** An installed package's folder and version: the version names the URL, so a year's caching is safe. */
function installed(name: string): { dir: string; version: string } {
  // the package.json, since graphiql's `exports` do not list its UMD files
  const manifest = require.resolve(`${name}/package.json`);
  return { dir: dirname(manifest), version: (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version };
}

const JS = 'text/javascript; charset=utf-8';
const CSS = 'text/css; charset=utf-8';

function buildAssets(): { urls: IdeAssetUrls; byPath: Map<string, Asset> } {
  const graphiql = installed('graphiql');
  const react = installed('react');
  const reactDom = installed('react-dom');
  const own = createHash('sha256').update(IDE_JS).update(IDE_CSS).digest('hex').slice(0, 12);
  const g = `graphiql@${graphiql.version}/`;
  const r = `react@${react.version}/`;
  const d = `react-dom@${reactDom.version}/`;
  const v = `vidmesh@${own}/`;
  const byPath = new Map<string, Asset>([
    [`${r}react.production.min.js`, { type: JS, file: join(react.dir, 'umd/react.production.min.js') }],
    [`${d}react-dom.production.min.js`, { type: JS, file: join(reactDom.dir, 'umd/react-dom.production.min.js') }],
    [`${g}graphiql.min.js`, { type: JS, file: join(graphiql.dir, 'graphiql.min.js') }],
    [`${g}graphiql.min.css`, { type: CSS, file: join(graphiql.dir, 'graphiql.min.css') }],
    // the name graphiql.min.js's sourceMappingURL asks for, beside it (only opened developer tools fetch it)
    [`${g}index.umd.js.map`, { type: 'application/json; charset=utf-8', file: join(graphiql.dir, 'graphiql.min.js.map') }],
    [`${v}ide.js`, { type: JS, text: IDE_JS }],
    [`${v}ide.css`, { type: CSS, text: IDE_CSS }],
  ]);
  const urls = {
    scripts: [`${r}react.production.min.js`, `${d}react-dom.production.min.js`, `${g}graphiql.min.js`, `${v}ide.js`],
    styles: [`${g}graphiql.min.css`, `${v}ide.css`],
  };
  return { urls, byPath };
}

/** The page's scripts (in load order) and stylesheets, relative to `ASSET_PREFIX`. */
export interface IdeAssetUrls {
  readonly scripts: readonly string[];
  readonly styles: readonly string[];
}

let assets: ReturnType<typeof buildAssets> | null = null;
const table = () => (assets ??= buildAssets());

export const ideAssetUrls = (): IdeAssetUrls => table().urls;

/** Headers every IDE response carries: the browser may not guess types, nor frame the IDE. */
export const COMMON_HEADERS = { 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer', 'x-frame-options': 'DENY' } as const;

/**
 * Streams `name` (the path after `ASSET_PREFIX`) with its type and a year of `immutable` caching;
 * false when there is no such asset. HEAD gets the headers only.
 */
export async function sendAsset(req: IncomingMessage, res: ServerResponse, name: string): Promise<boolean> {
  const asset = table().byPath.get(name);
  if (asset === undefined) return false;
  const size = asset.text !== undefined ? Buffer.byteLength(asset.text) : (await stat(asset.file!)).size;
  // the URL names the version; the size tells a reinstalled package's file apart all the same
  const etag = `"${name.replace(/[^A-Za-z0-9.@_-]/g, '_')}-${size}"`;
  const headers = { ...COMMON_HEADERS, 'content-type': asset.type, 'cache-control': 'public, max-age=31536000, immutable', etag };
  if (req.headers['if-none-match'] === etag) {
    res.writeHead(304, headers);
    res.end();
    return true;
  }
  res.writeHead(200, { ...headers, 'content-length': String(size) });
  if (req.method === 'HEAD') {
    res.end();
  } else if (asset.text !== undefined) {
    res.end(asset.text);
  } else {
    try {
      await pipeline(createReadStream(asset.file!), res);
    } catch (error) {
      // the browser went away mid-file: nothing to answer, nothing to log
      if (res.destroyed && (error as NodeJS.ErrnoException).code === 'ERR_STREAM_PREMATURE_CLOSE') return true;
      throw error;
    }
  }
  return true;
}
