import type { Parameters } from '../../models/parameters.ts';
import { Arm, Event, MAX_WEEKS, Scenario, Sweep } from '../../models/scenario/schema.ts';
import type { CompiledCatalogue } from '../../models/workouts/compile.ts';
import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import * as z from 'zod';
import { InputError, LocatedDocument, zodProblems, type InputProblem } from '../../models/input/located.ts';
import { athleteOfFile } from '../athlete/load.ts';
import { readInputText } from '../input-file.ts';
import { prepareScenario, type RunSpec } from './prepare.ts';
import { insideFolder, loadScenarioRules, type RuleFileAccess, type RuleVocabulary } from './rules-load.ts';
import { expandSweep } from '../../engine/designs/sweep.ts';
import type { ResolveIssue } from '../../engine/designs/resolve.ts';

/** A scenario's text, read as every input file is. */
export { readInputText as readScenarioText } from '../input-file.ts';

/**
 * Reads (unless given its text), parses, validates and resolves a scenario file, with the rule
 * files its arms name; throws InputError with every problem of the scenario and its rule files.
 */
export function loadScenario(
  file: string,
  catalogue: CompiledCatalogue,
  parameters: Parameters,
  text: string | undefined,
  vocabulary: RuleVocabulary,
  access: RuleFileAccess = 'anywhere',
): RunSpec {
  const source = text ?? readInputText(file);
  const doc = LocatedDocument.parse(source, file);
  const raw = doc.toJS();
  const athleteProblems = readAthleteFiles(raw, doc, parameters, access);
  if (athleteProblems.length > 0) throw new InputError(athleteProblems);
  const parsed = Scenario.safeParse(raw);
  if (!parsed.success) {
    // Every problem at once: the names and references of the parts that did parse, too.
    const schemaProblems = zodProblems(parsed.error.issues, doc);
    throw new InputError([...schemaProblems, ...partProblems(raw, schemaProblems, doc, catalogue, parameters)]);
  }
  // A sweep's combinations become arms after the scenario's own; their problems point at the sweep.
  const sweepIssues: ResolveIssue[] = [];
  const sweep = expandSweep(parsed.data, sweepIssues);
  const written = parsed.data.arms.length;
  sweep?.arms.forEach((arm, i) => {
    const checked = Arm.safeParse(arm);
    if (!checked.success) sweepIssues.push({ path: ['sweep', 'vary'], message: `${sweep.arms[i]!.id}: ${checked.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}` });
  });
  if (sweepIssues.length > 0) throw new InputError(sweepIssues.map((issue) => doc.problem(issue.path, issue.message)));
  const scenario = sweep === null ? parsed.data : { ...parsed.data, arms: [...parsed.data.arms, ...sweep.arms] };
  // A sweep's arms are not written as arms: their problems point at the sweep.
  const located = (path: (string | number)[]) => (path[0] === 'arms' && typeof path[1] === 'number' && path[1] >= written ? ['sweep', ...path.slice(2)] : path);
  const armRules = loadScenarioRules(scenario, doc, catalogue, vocabulary, located, access);
  const prepared = prepareScenario(scenario, catalogue, parameters, armRules.rules);
  if (!prepared.ok || armRules.problems.length > 0) {
    const scenarioProblems = prepared.ok ? [] : prepared.issues.map((issue) => doc.problem(located(issue.path), issue.message));
    throw new InputError([...scenarioProblems, ...armRules.problems]);
  }
  return { ...prepared.spec, sweep };
}

/**
 * The problems with names and references (arm ids, the reference, contrasts, events' arms, designs)
 * of a scenario that failed its schema, found in the parts that passed it: a part that failed is
 * replaced by a stand-in that raises nothing (an arm keeps its id when that is a string), and any
 * problem at or inside a part the schema already faulted is left to the schema's. Rule files are
 * not read: they are checked once the scenario parses. Empty when the arms themselves do not parse.
 */
function partProblems(raw: unknown, schemaProblems: readonly InputProblem[], doc: LocatedDocument, catalogue: CompiledCatalogue, parameters: Parameters): InputProblem[] {
  if (raw === null || typeof raw !== 'object' || !Array.isArray((raw as { arms?: unknown }).arms)) return [];
  const parts = raw as Record<string, unknown>;
  const shape = Scenario.shape;
  const salvaged: Record<string, unknown> = {};
  for (const key of Object.keys(shape) as (keyof typeof shape)[]) {
    if (key === 'arms' || key === 'events' || key === 'sweep' || parts[key] === undefined) continue;
    const checked = shape[key].safeParse(parts[key]);
    if (checked.success) salvaged[key] = checked.data;
  }
  const weeksKnown = salvaged.weeks !== undefined;
  salvaged.name ??= 'salvaged';
  salvaged.seed ??= 0;
  salvaged.population ??= { size: 1, level: 'recreational' };
  salvaged.weeks ??= MAX_WEEKS;
  salvaged.arms = (parts.arms as unknown[]).map((arm, i) => {
    const checked = Arm.safeParse(arm);
    if (checked.success) return checked.data;
    const id = (arm as { id?: unknown } | null)?.id;
    return { id: typeof id === 'string' && id !== '' ? id : `#${i}`, design: 'polarized' };
  });
  // An event that does not parse stands in as one that changes nothing and names no arm.
  if (Array.isArray(parts.events)) salvaged.events = parts.events.map((event) => Event.safeParse(event).data ?? { type: 'load-multiplier', fromWeek: 1, factor: 1 });
  // A sweep's arms can be named too: with a sweep that does not expand, their names are unknown.
  let armsKnown = parts.sweep === undefined;
  const sweep = Sweep.safeParse(parts.sweep);
  if (sweep.success) {
    const expanded = expandSweep({ ...(salvaged as Scenario), sweep: sweep.data }, []);
    if (expanded !== null) {
      salvaged.arms = [...(salvaged.arms as unknown[]), ...expanded.arms];
      armsKnown = true;
    }
  }
  const prepared = prepareScenario(salvaged as Scenario, catalogue, parameters);
  if (prepared.ok) return [];
  const namesArms = (path: readonly (string | number)[]) => path[0] === 'reference' || path[0] === 'contrasts' || (path[0] === 'events' && path[2] === 'arms');
  // At, inside or around a part the schema faulted (a problem of the whole scenario, such as an unknown key, faults no part).
  const faulted = (path: readonly (string | number)[]) =>
    schemaProblems.some((problem) => problem.path.length > 0 && problem.path.every((segment, i) => i >= path.length || segment === path[i]));
  // Without the weeks, a design's blocks cannot be held to them.
  return prepared.issues
    .filter((issue) => !faulted(issue.path) && (weeksKnown || issue.path[0] !== 'arms') && (armsKnown || !namesArms(issue.path)))
    // A sweep arm's own problems are the sweep's, reported once it parses.
    .filter((issue) => !(issue.path[0] === 'arms' && typeof issue.path[1] === 'number' && issue.path[1] >= (parts.arms as unknown[]).length))
    // A sesoi "with no contrast" when the reference or the contrasts were given but did not parse.
    .filter((issue) => !(issue.path[0] === 'sesoi' && (parts.reference !== undefined || parts.contrasts !== undefined)))
    .map((issue) => doc.problem(issue.path, issue.message));
}

/** A named athlete written as an athlete file: its path (relative to the scenario's folder) and, optionally, its id in the outputs. */
const AthleteFileEntry = z.strictObject({ file: z.string().min(1), id: z.string().min(1).optional() });

/**
 * The scenario's athletes given as athlete files (`population.athletes: [{ file: anna.yaml }]`,
 * README, A scenario), each replaced in `raw` by the athlete its file describes
 * (src/sim/athlete/load.ts, athleteOfFile) before the scenario is checked; the problems of an entry
 * located at it, a file's own in the file. A file outside the scenario's folder is refused unread
 * unless `access` allows it, as a rule file is.
 */
function readAthleteFiles(raw: unknown, doc: LocatedDocument, parameters: Parameters, access: RuleFileAccess): InputProblem[] {
  const athletes = (raw as { population?: { athletes?: unknown } } | null)?.population?.athletes;
  if (!Array.isArray(athletes)) return [];
  const problems: InputProblem[] = [];
  athletes.forEach((entry: unknown, i) => {
    if (entry === null || typeof entry !== 'object' || !('file' in entry)) return;
    const at = ['population', 'athletes', i];
    const checked = AthleteFileEntry.safeParse(entry);
    if (!checked.success) {
      problems.push(...zodProblems(checked.error.issues.map((issue) => ({ ...issue, path: [...at, ...issue.path] })), doc));
      return;
    }
    const path = isAbsolute(checked.data.file) ? checked.data.file : join(dirname(doc.file), checked.data.file);
    if (access === 'inside' && !insideFolder(path, dirname(doc.file))) {
      problems.push(doc.problem([...at, 'file'], `athlete file "${checked.data.file}" is outside the scenario's folder: put it there (or below), or pass --allow-outside-rules to read it where it is`));
      return;
    }
    if (!existsSync(path)) {
      problems.push(doc.problem([...at, 'file'], `no athlete file "${checked.data.file}" beside the scenario (${path})`));
      return;
    }
    try {
      athletes[i] = athleteOfFile(path, parameters, checked.data.id);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      problems.push(...error.problems);
    }
  });
  return problems;
}
