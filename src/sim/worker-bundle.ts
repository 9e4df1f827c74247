import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { threadId } from 'node:worker_threads';
import { buildSync, version as esbuildVersion } from 'esbuild';

/** The worker through the TypeScript loader: every module resolved and compiled in each thread. */
const LOADER_WORKER = new URL('../../bin/worker.js', import.meta.url);

/**
 * The worker thread's script: the worker's modules bundled into one file with esbuild (packages
 * left as imports), built once per state of the sources and kept in `.cache/` at the project's
 * root (so that the bundle's `../package.json` is the project's). A thread starts ready in about
 * 0.25 s instead of 0.7 s through the TypeScript loader, which resolves and compiles each module
 * in each thread. The bundle is named by a SHA-256 of every source file, so an edited source is
 * never run stale; any failure (a read-only checkout, no esbuild) falls back to the loader.
 */
export function workerScript(): URL {
  try {
    const root = fileURLToPath(new URL('../../', import.meta.url));
    const cache = join(root, '.cache');
    const name = `worker-${fingerprint(join(root, 'src'), join(root, 'package.json'))}.mjs`;
    const file = join(cache, name);
    if (!existsSync(file)) {
      mkdirSync(cache, { recursive: true });
      const partial = `${file}.${process.pid}-${threadId}.partial`;
      buildSync({
        entryPoints: [join(root, 'src', 'sim', 'worker-main.ts')],
        outfile: partial,
        bundle: true,
        platform: 'node',
        format: 'esm',
        target: 'node20',
        packages: 'external',
        tsconfig: join(root, 'tsconfig.json'),
        logLevel: 'silent',
      });
      // Whole or not at all: another process building the same bundle renames the same bytes.
      renameSync(partial, file);
      for (const old of readdirSync(cache)) {
        if (old.startsWith('worker-') && old !== name && !old.endsWith('.partial')) rmSync(join(cache, old), { force: true });
      }
    }
    return pathToFileURL(file);
  } catch {
    return LOADER_WORKER;
  }
}

/** SHA-256 (12 hex digits) of every source file's path and bytes, package.json and esbuild's version. */
function fingerprint(sources: string, packageJson: string): string {
  const hash = createHash('sha256').update(esbuildVersion).update(readFileSync(packageJson));
  const files = (readdirSync(sources, { recursive: true }) as string[]).filter((path) => path.endsWith('.ts')).sort();
  for (const path of files) hash.update(path).update('\0').update(readFileSync(join(sources, path)));
  return hash.digest('hex').slice(0, 12);
}
