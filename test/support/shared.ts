import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** `../shared` beside the checkout (CI clones main with shared/ next to it). */
export const SHARED_DIR = process.env.VIDMESH_SHARED_DIR ?? join(__dirname, '..', '..', '..', '..', 'shared');

export function readVectors<T>(provider: string): T {
  return JSON.parse(readFileSync(join(SHARED_DIR, 'providers', provider, 'vectors.json'), 'utf8')) as T;
}
