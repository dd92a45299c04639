import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, it } from 'node:test';

/**
 * The emulators are their own package: a server written from the provider specs, never from the
 * gateway's client code, so tests compare two implementations (issue 19). The gateway in turn needs
 * nothing of the emulators or the sandbox (its production build compiles src/ alone). Checked on
 * the compiled JavaScript: every relative `require` resolved against its file.
 */
const DIST = resolve(__dirname, '..', '..');

function jsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? jsFiles(join(dir, e.name)) : e.name.endsWith('.js') ? [join(dir, e.name)] : []));
}

/** `file → target` for every relative require of the compiled files under `dir`, targets relative to dist/. */
function relativeRequires(dir: string): { file: string; target: string }[] {
  return jsFiles(join(DIST, dir)).flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(/\brequire\(\s*["'](\.{1,2}\/[^"']*)["']\s*\)/g)].map((m) => ({
      file: relative(DIST, file),
      target: relative(DIST, resolve(dirname(file), m[1]!))
        .split(sep)
        .join('/'),
    })),
  );
}

const inside = (target: string, top: string) => target === top || target.startsWith(`${top}/`);

describe('package boundaries (issue 19)', () => {
  it('finds the compiled emulators and their relative requires', () => {
    const requires = relativeRequires('emulators');
    assert.ok(requires.length > 50, 'the emulators were compiled and read');
    assert.ok(requires.some((r) => inside(r.target, 'emulators/common')));
  });

  it('nothing under emulators/ requires the gateway (src/), the sandbox, tests or scripts', () => {
    const crossing = relativeRequires('emulators').filter((r) => !inside(r.target, 'emulators'));
    assert.deepEqual(crossing, []);
  });

  it('nothing under src/ requires the emulators or the sandbox', () => {
    const crossing = relativeRequires('src').filter((r) => inside(r.target, 'emulators') || inside(r.target, 'sandbox'));
    assert.deepEqual(crossing, []);
  });
});
