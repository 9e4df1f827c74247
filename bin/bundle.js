// Bundles one entry of the TypeScript sources into a single ES module with esbuild (packages left as
// imports), once per state of the sources, into `.cache/` at the project's root — where the
// bundle's `../package.json` is the project's, as it is from `src/`. Plain JavaScript: the CLI's
// launcher uses it before any TypeScript loader is in place.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { threadId } from 'node:worker_threads';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

/**
 * The bundle of `entry` (a path from the project's root), named `<name>-<fingerprint>.mjs`: built
 * when missing, older bundles of the same name removed. The fingerprint is a SHA-256 of every
 * source file's path and bytes under src/, package.json and tsconfig.json, so an edited source is
 * never run stale. Null when it cannot be built (a read-only checkout, no esbuild): the caller then
 * runs the sources through the TypeScript loader.
 * @param {string} entry
 * @param {string} name
 * @returns {URL | null}
 */
export function bundled(entry, name) {
  try {
    const cache = join(ROOT, '.cache');
    const fileName = `${name}-${fingerprint()}.mjs`;
    const file = join(cache, fileName);
    if (!existsSync(file)) {
      // Loaded only to build (30 ms): most starts find the bundle made.
      const { buildSync } = createRequire(import.meta.url)('esbuild');
      mkdirSync(cache, { recursive: true });
      const partial = `${file}.${process.pid}-${threadId}.partial`;
      buildSync({
        entryPoints: [join(ROOT, entry)],
        outfile: partial,
        bundle: true,
        platform: 'node',
        format: 'esm',
        target: 'node20',
        packages: 'external',
        tsconfig: join(ROOT, 'tsconfig.json'),
        logLevel: 'silent',
      });
      // Whole or not at all: another process building the same bundle renames the same bytes.
      renameSync(partial, file);
      for (const old of readdirSync(cache)) {
        if (old.startsWith(`${name}-`) && old !== fileName && !old.endsWith('.partial')) rmSync(join(cache, old), { force: true });
      }
    }
    return pathToFileURL(file);
  } catch {
    return null;
  }
}

/** 12 hex digits of SHA-256 over the sources (paths and bytes), package.json and tsconfig.json. */
function fingerprint() {
  const hash = createHash('sha256').update(readFileSync(join(ROOT, 'package.json'))).update(readFileSync(join(ROOT, 'tsconfig.json')));
  const sources = join(ROOT, 'src');
  const files = readdirSync(sources, { recursive: true })
    .filter((path) => path.endsWith('.ts'))
    .sort();
  for (const path of files) hash.update(path).update('\0').update(readFileSync(join(sources, path)));
  return hash.digest('hex').slice(0, 12);
}
