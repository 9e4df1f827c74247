import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as z from 'zod';
import { sha256, sha256File } from '../sim/outputs/read-chunks.ts';
import { InputError, LocatedDocument, zodProblems } from '../models/input/located.ts';
import { readInputText } from '../sim/input-file.ts';

/** What `rerun` reads of a manifest.json (the rest is ignored). */
const Manifest = z.object({
  version: z.string(),
  command: z.string(),
  scenario: z.object({ file: z.string(), path: z.string().optional(), sha256: z.string() }),
  parametersSha256: z.string(),
  /** Manifests from before `--format` are CSV runs. */
  format: z.enum(['csv', 'parquet']).default('csv'),
  // Each a file of the run's folder: a name, not a path.
  files: z.array(z.object({ name: z.string().regex(/^[^/\\]+$/, 'a file name of the output folder').refine((name) => name !== '.' && name !== '..', 'a file name of the output folder'), sha256: z.string() })),
  /** A run with `--uncertainty ensemble:M`: the sets it drew, and the ensemble's SHA-256 then. */
  uncertainty: z.object({ sets: z.number().int().min(2), ensembleSha256: z.string() }).optional(),
});
export type Manifest = z.infer<typeof Manifest>;

/** Reads a manifest (problems located in it, as for any input) and finds its scenario file, unchanged. */
export function readManifest(file: string): { manifest: Manifest; scenario: string } {
  const doc = LocatedDocument.parse(readInputText(file), file);
  const parsed = Manifest.safeParse(doc.toJS());
  if (!parsed.success) throw new InputError(zodProblems(parsed.error.issues, doc));
  const manifest = parsed.data;
  // The scenario as the run named it (relative to where it ran), or where it was.
  const candidates = [manifest.scenario.file, manifest.scenario.path, join(dirname(file), manifest.scenario.file)].filter((c): c is string => c !== undefined);
  const scenario = candidates.find((candidate) => existsSync(candidate) && statSync(candidate).isFile());
  if (scenario === undefined) {
    throw new InputError([doc.problem(['scenario', 'file'], `the scenario is not where the run found it (${candidates.join(', ')})`)]);
  }
  const text = readInputText(scenario);
  if (sha256(text) !== manifest.scenario.sha256) {
    throw new InputError([doc.problem(['scenario', 'sha256'], `${scenario} has changed since the run: it would not reproduce it`)]);
  }
  return { manifest, scenario };
}

/** The manifest's files that differ in `outDir` (missing, or another SHA-256). */
export function differingFiles(manifest: Manifest, outDir: string): string[] {
  return manifest.files
    .filter((file) => {
      const path = join(outDir, file.name);
      return !existsSync(path) || sha256File(path) !== file.sha256;
    })
    .map((file) => file.name);
}
