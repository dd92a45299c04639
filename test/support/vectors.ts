import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The provider vectors copied into the repository (test/fixtures/providers/README.md says from where). */
export const FIXTURES_DIR = join(__dirname, '..', '..', '..', 'test', 'fixtures', 'providers');

export const vectorsPath = (provider: string): string => join(FIXTURES_DIR, provider, 'vectors.json');

export function readVectors<T>(provider: string): T {
  return JSON.parse(readFileSync(vectorsPath(provider), 'utf8')) as T;
}
