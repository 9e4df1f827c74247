import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Provenance } from './page.ts';

/** What a report reads of a manifest.json (every command writes one: src/cli/main.ts). */
export interface Manifest {
  tool?: string;
  version?: string;
  command?: string;
  seed?: number;
  scenario?: { file: string; sha256: string };
  athlete?: { file: string; sha256: string };
  resolved?: unknown;
  files?: { name: string; sha256: string }[];
}

/** The folder's manifest.json, or null when it has none (a report of files copied without it). */
export function readManifest(dir: string): Manifest | null {
  const file = join(dir, 'manifest.json');
  if (!existsSync(file)) return null;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Manifest;
  } catch {
    // The page says it has no provenance rather than refuse to draw the outputs.
    return null;
  }
}

/** The page's provenance: the tool, the command, the seed, the input file and every output's SHA-256. */
export function provenanceOf(manifest: Manifest | null): Provenance {
  const input = manifest?.scenario ?? manifest?.athlete ?? null;
  return {
    tool: manifest?.tool ?? 'periodize',
    version: manifest?.version ?? 'unknown (no manifest.json)',
    command: manifest?.command ?? null,
    seed: manifest?.seed ?? null,
    input: input === null ? null : { file: input.file, sha256: input.sha256 },
    files: (manifest?.files ?? []).map((f) => ({ name: f.name, sha256: f.sha256 })),
  };
}
