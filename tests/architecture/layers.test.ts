import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('../../', import.meta.url).pathname;

function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:import|export)\s[^;]*?from\s+'([^']+)'/g), ...text.matchAll(/import\(\s*'([^']+)'\s*\)/g)].map((m) => m[1]!);
}

function resolvedImports(file: string): string[] {
  return importsOf(file)
    .filter((spec) => spec.startsWith('.'))
    .map((spec) => relative(ROOT, join(file, '..', spec)));
}

/** Each file's relative imports that land in a place it must not reach, as `file → target`. */
function reaching(folder: string, forbidden: (target: string) => boolean): string[] {
  return sourceFiles(join(ROOT, folder)).flatMap((file) =>
    resolvedImports(file)
      .filter(forbidden)
      .map((target) => `${relative(ROOT, file)} → ${target}`),
  );
}

describe('the layers (README.md, How it works: cli, workers → composition root → sim → engine → models)', () => {
  describe('having the simulator', () => {
    it('should import neither the composition root, the workers, the CLI nor bin/: it is handed what it runs on', () => {
      const above = (target: string) =>
        target === 'src/composition-root.ts' || ['src/workers/', 'src/cli/', 'bin/'].some((folder) => target.startsWith(folder));
      expect(reaching('src/sim', above)).toEqual([]);
    });
  });

  describe('having the engine', () => {
    it('should never import the simulator or the CLI: it sees only what a coach would see', () => {
      const offending = sourceFiles(join(ROOT, 'src/engine')).flatMap((file) =>
        resolvedImports(file)
          .filter((target) => target.startsWith('src/sim') || target.startsWith('src/cli'))
          .map((target) => `${relative(ROOT, file)} → ${target}`),
      );
      expect(offending).toEqual([]);
    });
  });

  describe('having the models', () => {
    it('should import nothing but other models (pure domain)', () => {
      const offending = sourceFiles(join(ROOT, 'src/models')).flatMap((file) =>
        resolvedImports(file)
          .filter((target) => !target.startsWith('src/models'))
          .map((target) => `${relative(ROOT, file)} → ${target}`),
      );
      expect(offending).toEqual([]);
    });

    it('should do no I/O', () => {
      const offending = sourceFiles(join(ROOT, 'src/models')).filter((file) => importsOf(file).some((spec) => spec.startsWith('node:')));
      expect(offending.map((file) => relative(ROOT, file))).toEqual([]);
    });
  });

  describe('having the composition root', () => {
    it('should be the only file that builds a Container', () => {
      const builders = sourceFiles(join(ROOT, 'src')).filter((file) => /new Container\(/.test(readFileSync(file, 'utf8')));
      expect(builders.map((file) => relative(ROOT, file))).toEqual(['src/composition-root.ts']);
    });
  });

  describe('having the physiology', () => {
    // The model, the daily life (nights, illness, markers, injuries) and the tests: code, not comments.
    const physiology = [...sourceFiles(join(ROOT, 'src/sim/model')), join(ROOT, 'src/sim/daily-life.ts'), join(ROOT, 'src/sim/test-battery.ts')];
    const code = (file: string) => readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');

    it('should never read a design or rule-set name: the model files do not see labels', () => {
      const offending = physiology.filter((file) => /\b(label|design|macroplan|designs|rules|ruleSet)\b/.test(code(file)));
      expect(offending.map((file) => relative(ROOT, file))).toEqual([]);
    });

    it("should never read a level, an arm, a study or an athlete's name: only what the athlete is and did", () => {
      const offending = physiology.filter((file) => /\.(level|id|study|arm|replicate)\b|\blevels\b/.test(code(file)));
      expect(offending.map((file) => relative(ROOT, file))).toEqual([]);
    });
  });
});
