import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
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

/** A file's code without its comments. */
function code(file: string): string {
  return readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
}

/** Each file's relative imports that land in a place it must not reach, as `file → target`. */
function reaching(folder: string, forbidden: (target: string) => boolean): string[] {
  return sourceFiles(join(ROOT, folder)).flatMap((file) =>
    resolvedImports(file)
      .filter(forbidden)
      .map((target) => `${relative(ROOT, file)} → ${target}`),
  );
}

/** A target in the composition root or under one of `folders`: what a lower layer must not import. */
const rootOr =
  (...folders: string[]) =>
  (target: string): boolean =>
    target === 'src/composition-root.ts' || folders.some((folder) => target.startsWith(folder));

/**
 * The import cycles among `files` (relative imports, types included), each as the path that closes
 * it: `a → b → a`. A depth-first search that reports each cycle where it first meets it.
 */
function importCycles(files: readonly string[]): string[] {
  const graph = new Map(files.map((file) => [relative(ROOT, file), resolvedImports(file)] as const));
  const done = new Set<string>();
  const cycles: string[] = [];
  const visit = (node: string, path: string[]) => {
    const seen = path.indexOf(node);
    if (seen >= 0) return void cycles.push([...path.slice(seen), node].join(' → '));
    if (done.has(node) || !graph.has(node)) return;
    for (const next of graph.get(node)!) visit(next, [...path, node]);
    done.add(node);
  };
  for (const node of graph.keys()) visit(node, []);
  return cycles;
}

describe('the layers (docs/ARCHITECTURE.md: cli, workers → composition root → sim → engine → models)', () => {
  describe('having the simulator', () => {
    it('should import neither the composition root, the workers, the CLI nor bin/: it is handed what it runs on', () => {
      expect(reaching('src/sim', rootOr('src/workers/', 'src/cli/', 'src/report/', 'bin/'))).toEqual([]);
    });

    it("should count a run's athlete-days in one place (athleteDays, src/sim/scenario/prepare.ts)", () => {
      const product = /\barms\.length\s*\*[^;\n]*\bweeks\s*\*\s*7\b|\bweeks\s*\*\s*7\s*\*[^;\n]*\barms\.length\b/;
      const counting = [...sourceFiles(join(ROOT, 'src')), ...sourceFiles(join(ROOT, 'bench'))].filter((file) => product.test(code(file)));
      expect(counting.map((file) => relative(ROOT, file))).toEqual(['src/sim/scenario/prepare.ts']);
    });
  });

  describe('having the report (src/report/)', () => {
    it('should read outputs and draw them: it imports neither the composition root, the CLI, the workers, the engine nor bin/', () => {
      expect(reaching('src/report', rootOr('src/cli/', 'src/workers/', 'src/engine/', 'bin/'))).toEqual([]);
    });

    it('should build each chart in a pure function: the chart modules do no I/O', () => {
      const io = sourceFiles(join(ROOT, 'src/report/charts')).filter((file) => /from 'node:(fs|child_process|net|http)/.test(code(file)));
      expect(io.map((file) => relative(ROOT, file))).toEqual([]);
    });
  });

  describe('having the entry points (the CLI and the workers)', () => {
    it('should import neither bench/ nor tests/, and of bin/ only the bundler, for the worker script', () => {
      const reached = [...reaching('src/cli', (target) => /^(bench|tests|bin)\//.test(target)), ...reaching('src/workers', (target) => /^(bench|tests|bin)\//.test(target))];
      expect(reached).toEqual(['src/workers/script.ts → bin/bundle.js']);
    });
  });

  describe('having the engine', () => {
    const engine = sourceFiles(join(ROOT, 'src/engine'));

    it('should never import the simulator, the CLI, the workers, the composition root or bin/: it sees only what a coach would see', () => {
      expect(reaching('src/engine', rootOr('src/sim/', 'src/cli/', 'src/workers/', 'src/report/', 'bin/'))).toEqual([]);
    });

    it('should return what it decided: the morning and the weekly review give a Decision, no public counter carries it out', () => {
      const text = readFileSync(join(ROOT, 'src/engine/adapt/engine.ts'), 'utf8');
      expect(text).toMatch(/\n {2}morning\([^)]*\): Decision \{/);
      expect(text).toMatch(/\n {2}reviewWeek\([^)]*\): Decision \{/);
      expect(text).not.toMatch(/\n {2}(?:readonly )?(?:applied|overridden|fired)\b/);
    });

    it('should keep the conflict order in one table (src/engine/adapt/conservativeness.ts), not as a number on each action', () => {
      const ranked = engine.filter((file) => !file.endsWith('/conservativeness.ts') && /\bconservativeness\s*[:=]/.test(code(file)));
      expect(ranked.map((file) => relative(ROOT, file))).toEqual([]);
    });

    it('should need no cast through never or unknown: its registry and its decision are typed', () => {
      const casts = [...engine, ...sourceFiles(join(ROOT, 'src/sim'))].filter((file) => /\bas (?:never|unknown as)\b/.test(code(file)));
      expect(casts.map((file) => relative(ROOT, file))).toEqual([]);
    });
  });

  describe('having the models', () => {
    it('should import nothing but other models (pure domain)', () => {
      expect(reaching('src/models', (target) => !target.startsWith('src/models/'))).toEqual([]);
    });

    it('should read no value of the runtime parameter set (src/models/parameters.ts), only its types: a run may be given another set', () => {
      const offending = sourceFiles(join(ROOT, 'src/models')).filter((file) =>
        [...readFileSync(file, 'utf8').matchAll(/import\s+(type\s)?[^;]*?from\s+'([^']+)'/g)].some(
          ([, typeOnly, spec]) => typeOnly === undefined && spec!.endsWith('/parameters.ts'),
        ),
      );
      expect(offending.map((file) => relative(ROOT, file))).toEqual([]);
    });

    it('should do no I/O', () => {
      const offending = sourceFiles(join(ROOT, 'src/models')).filter((file) => importsOf(file).some((spec) => spec.startsWith('node:')));
      expect(offending.map((file) => relative(ROOT, file))).toEqual([]);
    });
  });

  describe('having every source file', () => {
    it('should import in no circle: a module is read after everything it needs', () => {
      expect(importCycles(sourceFiles(join(ROOT, 'src')))).toEqual([]);
    });

    it('should find a circle when there is one (the check itself)', () => {
      const folder = mkdtempSync(join(tmpdir(), 'periodize-cycles-'));
      writeFileSync(join(folder, 'a.ts'), "import { b } from './b.ts';\nexport const a = b;\n");
      writeFileSync(join(folder, 'b.ts'), "import type { a } from './a.ts';\nexport const b = 1;\n");
      writeFileSync(join(folder, 'c.ts'), "import { a } from './a.ts';\nexport const c = a;\n");
      const cycles = importCycles(sourceFiles(folder)).map((cycle) => cycle.replaceAll(`${relative(ROOT, folder)}/`, ''));
      expect(cycles).toEqual(['a.ts → b.ts → a.ts']);
    });
  });

  describe('having the composition root', () => {
    it('should be called only by the entry points: the CLI and the workers', () => {
      const importers = sourceFiles(join(ROOT, 'src')).filter((file) => resolvedImports(file).includes('src/composition-root.ts'));
      expect(importers.map((file) => relative(ROOT, file)).sort()).toEqual(['src/cli/main.ts', 'src/workers/tasks.ts']);
    });

    it('should be the only file that builds a Container', () => {
      const builders = sourceFiles(join(ROOT, 'src')).filter((file) => /new Container\(/.test(readFileSync(file, 'utf8')));
      expect(builders.map((file) => relative(ROOT, file))).toEqual(['src/composition-root.ts']);
    });
  });

  describe('having the extension points (README.md, How it works: the adaptive engine)', () => {
    // The fact providers, action handlers, rule sources and adaptation model reach the code only
    // through the container: the source and the bench name no built-in one outside the root.
    const code = [...sourceFiles(join(ROOT, 'src')), ...sourceFiles(join(ROOT, 'bench'))].filter((file) => !file.endsWith('/composition-root.ts'));
    const text = (file: string) => readFileSync(file, 'utf8');

    it('should be named by the composition root alone: no other file imports the built-in providers, handlers or rule sets', () => {
      const builtIns = /\bimport\s[^;]*\b(FACT_PROVIDERS_BUILT_IN|ACTION_HANDLERS_BUILT_IN|BUILTIN_RULE_SETS)\b[^;]*from/;
      expect(code.filter((file) => builtIns.test(text(file))).map((file) => relative(ROOT, file))).toEqual([]);
    });

    it('should never be built by hand: no other file constructs the loader, the runner, the jobs or the model the container builds', () => {
      const built = /\bnew (ScenarioLoader|ScenarioRunner|RunScenario|RunTrials|PlausibilityScan|MultiSystemModel)\(/;
      expect(code.filter((file) => built.test(text(file))).map((file) => relative(ROOT, file))).toEqual([]);
    });

    it('should have no default in an injected parameter that would stand in for a missing binding', () => {
      const defaulted = /@(?:inject|multiInject)\([^)]*\)\s+(?:(?:private|public|readonly)\s+)*\w+\s*:[^,=)]*=/;
      expect(code.filter((file) => defaulted.test(text(file))).map((file) => relative(ROOT, file))).toEqual([]);
    });
  });

  describe('having the physiology', () => {
    // The model, the daily life (nights, illness, markers, injuries) and the tests: code, not comments.
    const physiology = [...sourceFiles(join(ROOT, 'src/sim/model')), join(ROOT, 'src/sim/daily-life.ts'), join(ROOT, 'src/sim/test-battery.ts')];

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
