import { existsSync, readFileSync, realpathSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { availableParallelism } from 'node:os';
import { ROOT } from '../root.ts';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import type { Container } from 'inversify';
import { InputError } from '../models/input/located.ts';
import { abortStagesOnSignals, OutputError, OutputStage } from '../sim/outputs/stage.ts';
import { LocalPool } from '../sim/local-pool.ts';
import { loadAthlete, MAX_PLAN_WEEKS, OptionError, type LoadedAthlete, type PlanSpan } from '../sim/athlete/load.ts';
import { addDays, weekdayOf } from '../models/calendar.ts';
import { planAthlete, type PlannedWeek } from '../sim/athlete/plan.ts';
import { coachAthlete, OutsidePlanError, type CoachReport } from '../sim/athlete/coach.ts';
import { readWellness, type WellnessRecord } from '../sim/athlete/wellness.ts';
import { activityFiles, readActivities } from '../sim/athlete/activities.ts';
import { coachJson, coachText } from './coach.ts';
import { usualMornings, whatIf, whatIfUncertainty, type WhatIfUncertainty } from '../sim/athlete/whatif.ts';
import { whatIfCsv, whatIfJson, whatIfText } from './whatif.ts';
import { BUILTIN_DESIGNS } from '../engine/designs/builtins.ts';
import { didYouMean } from '../models/text/suggest.ts';

import { IsoDate, type AthleteFile } from '../models/athlete/schema.ts';
import { planCsv, planJson, planText } from './plan.ts';
import { planIcs } from './plan-ics.ts';
import { planIcu } from './plan-icu.ts';
import { sessionFit } from './plan-fit.ts';
import { sha256, sha256File } from '../sim/outputs/read-chunks.ts';
import { duration, estimateLine, MAX_UNASKED_BYTES, MAX_UNASKED_CPU_SECONDS, pastAsking, size } from '../sim/estimate.ts';
import type { RuleFileAccess } from '../sim/scenario/rules-load.ts';
import { OUTPUT_FILES } from '../sim/outputs/run-outputs.ts';
import { MACHINE_ERRORS } from '../sim/machine-errors.ts';
import { PARAMETER_SET } from '../sim/tokens.ts';
import { UNCERTAIN_PARAMETERS, type Parameters, type UncertainParameter } from '../models/parameters.ts';
import { globalSensitivity, runSet, type GlobalSensitivityResult, type SensitivityMethod } from '../sim/global-sensitivity.ts';
import { ScenarioLoader } from '../sim/scenario/loader.ts';
import type { MetricName } from '../sim/summary.ts';
import { chooseMetrics, choosePriors, globalSensitivityTable, sensitivityCsv, sensitivitySetsCsv } from './global-sensitivity.ts';
import { RunScenario, type OutputFormat, type RunReport, type RunRequest } from '../sim/run-scenario.ts';
import { VERSION } from '../version.ts';
import { ExplainError, explainAthlete } from './explain.ts';
import { RULE_VOCABULARY } from '../sim/scenario/rules-load.ts';
import { counted } from '../models/text/plural.ts';
import { progressBar } from './progress.ts';
import { WorkerStopped } from '../workers/process-pool.ts';
import { parseShard, shardRange } from '../sim/shards.ts';
import { defaultWorkers, WorkerPool } from '../workers/pool.ts';
import { athleteDays, type RunSpec } from '../sim/scenario/prepare.ts';
import { comparisonTable, sweepSummary } from './table.ts';
import { coverage, STUDIES_PER_SET, trialsMarkdown, trialsTable, type TrialPredictive } from './trials.ts';
import { RunTrials } from '../sim/trials/run-trials.ts';
import { PlausibilityScan } from '../sim/scan.ts';
import { scanText } from './scan.ts';
import { powerRanges, sampleSizeRanges, studyPower, studySampleSize, type TrialDesign } from '../sim/power.ts';
import { ScenarioRunner } from '../sim/runner.ts';
import { powerCsv, powerTable, sampleSizeCsv, sampleSizeTable } from './power.ts';
import { differingFiles, readManifest } from './rerun.ts';
import { describeRules, ruleSetAsYaml, UnknownRuleSetError } from './rules.ts';
import { ACTION_HANDLERS, FACT_PROVIDERS, RULE_SOURCES } from '../engine/adapt/tokens.ts';
import type { Ensemble } from '../sim/calibration/ensemble.ts';
import { ENSEMBLE_FILE, EnsembleError, LEAVE_OUT_FOLDER, leaveOutFits, parametersOfSet, readEnsemble } from '../sim/calibration/ensemble-file.ts';
import { resampleSets, runDrawnSets } from '../sim/calibration/draws.ts';
import { runTrialSet, trialPredictions, type TrialSetTask } from '../sim/calibration/predictive.ts';
import { DEFAULT_UNCERTAINTY_SETS, parseUncertainty, runEnsembleSets, type EnsembleRuns } from '../sim/model-uncertainty.ts';
import { readScenarioText } from '../sim/scenario/load.ts';
import { NoReportError, REPORT_FILE, writeReport } from '../report/write.ts';
import { ReportInputError } from '../report/files.ts';
import { MissingColumnError } from '../report/tables.ts';
import { TRIALS_FILE, trialsJson } from '../report/trials-report.ts';
import { POWER_FILE } from '../report/power-report.ts';

/** Where the CLI writes: the process's streams, or a test's buffers. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

const PROCESS_IO: CliIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

export const EXIT_OK = 0;
export const EXIT_INTERNAL = 1;
export const EXIT_BAD_INPUT = 2;
/** Fewest athletes per scenario `periodize trials` runs (HERITAGE's study alone had 481). */
const MIN_TRIAL_SIZE = 500;

/** `periodize trials`: some simulated outcome falls outside its published band. */
export const EXIT_OUTSIDE = 3;

/**
 * The command line: parse arguments, take the job from the composition root, print or write.
 * Returns the exit code — 0 ok, 2 bad input (each problem as `file:line:col: path: message`, no
 * stack trace), 1 internal error — so it can be tested without a child process.
 */
export async function runCli(argv: readonly string[], io: CliIo = PROCESS_IO, container?: Container): Promise<number> {
  // Output piped into a reader that stops early (`| head`): the reader has what it wanted.
  if (io === PROCESS_IO) {
    for (const stream of [process.stdout, process.stderr]) {
      stream.on('error', (error: NodeJS.ErrnoException) => {
        if (error.code === 'EPIPE') process.exit(0);
        throw error;
      });
    }
  }
  const getContainer = async () => container ?? (await import('../composition-root.ts')).createContainer();
  const program = new Command()
    .name('periodize')
    .description('Adaptive periodization engine with a simulation harness: synthetic athletes through training block designs.')
    .version(VERSION, '-V, --version')
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .showHelpAfterError('(run periodize --help for usage)');

  let exitCode = EXIT_OK;

  program
    .command('run')
    .description('simulate a scenario and write summary.json, athletes.csv, days.csv (when asked), adjustments.csv and manifest.json')
    .argument('<scenario>', 'scenario YAML file')
    .option('-o, --out <dir>', 'output folder (default: out/<scenario name>)')
    .option('-q, --quiet', 'print only the final line')
    .option('--shard <i/N>', 'only shard i of N (i from 0) of the athletes, for `periodize merge` (a Kubernetes Indexed Job or SLURM array task)')
    .option('--workers <n>', 'worker processes (default: the available cores for a run of a million athlete-days or more, else 1; 1 for a shard); the outputs are the same for any number', wholeNumber)
    .addOption(formatOption())
    .addOption(uncertaintyOption())
    .addOption(allowOutsideRulesOption())
    .option('--yes', `run even when the estimate is past ${duration(MAX_UNASKED_CPU_SECONDS)} of CPU or ${size(MAX_UNASKED_BYTES)} of outputs (otherwise such a run is refused, exit 2)`)
    .addOption(reportOption())
    .option('--resume', 'continue a run into --out that was killed (SIGKILL, out of memory, a machine gone down): its checkpointed slices, checked against their SHA-256, are kept and only the rest simulated; the outputs are byte-identical to a run never stopped')
    .action(async (scenario: string, options: { out?: string; quiet?: boolean; shard?: string; workers?: number; format: OutputFormat; uncertainty?: string; resume?: boolean; allowOutsideRules?: boolean; yes?: boolean; report?: boolean }) => {
      const shard = options.shard === undefined ? null : parseShard(options.shard);
      if (typeof shard === 'string' || (shard !== null && options.report === true)) {
        io.err(`periodize run: ${typeof shard === 'string' ? `--shard: ${shard}` : '--report: a shard has no summary to draw: ask merge for --report'}\n`);
        exitCode = EXIT_BAD_INPUT;
        return;
      }
      const uncertainty = options.uncertainty === undefined ? null : parseUncertainty(options.uncertainty);
      if (typeof uncertainty === 'string' || (uncertainty !== null && shard !== null)) {
        io.err(`periodize run: --uncertainty: ${typeof uncertainty === 'string' ? uncertainty : 'a shard has no summary: run the whole scenario for its model uncertainty'}\n`);
        exitCode = EXIT_BAD_INPUT;
        return;
      }
      const job = (await getContainer()).get(RunScenario);
      const outDir = options.out ?? join('out', basename(scenario, extname(scenario)));
      const command = ['periodize', ...argv].join(' ');
      if (shard !== null && options.format !== 'csv') {
        io.err('periodize run: --format parquet: a shard is written as CSV, for merge; ask merge for --format parquet\n');
        exitCode = EXIT_BAD_INPUT;
        return;
      }
      if (options.workers === 0) {
        io.err('periodize run: --workers: at least 1\n');
        exitCode = EXIT_BAD_INPUT;
        return;
      }
      const spec = job.load(scenario, ruleAccess(options));
      const ensemble = uncertainty === null ? null : withEnsemble(spec, scenario, 'run --uncertainty', (await getContainer()).get(PARAMETER_SET));
      // The output folder is checked (a file in the way, a run writing into it) before the estimate and
      // the parameter sets, not after them; a killed run's staging is left for --resume.
      OutputStage.check(outDir, OUTPUT_FILES);
      const workers = workerCount(io, 'run', options.workers, shard === null ? defaultWorkers(athleteDays(spec) * (1 + (uncertainty?.sets ?? 0))) : 1);
      // What the run will cost, before it starts: one past a day of CPU or 100 GB only when asked for.
      const estimate = job.estimate(spec, shard === null ? [0, spec.population.size] : shardRange(spec.population.size, shard), workers, uncertainty?.sets ?? 0);
      const past = pastAsking(estimate);
      if (past !== null && options.yes !== true) {
        throw new UsageError(
          `periodize run: ${scenario}: ${estimateLine(estimate)} — ${past}: pass --yes to run it, or make it smaller (fewer athletes or weeks, no daily rows) or split it over machines (--shard i/N, then merge)`,
        );
      }
      if (options.quiet !== true) io.out(`${scenario}: ${estimateLine(estimate)}\n`);
      // A progress bar on a terminal; nothing but the final line otherwise (logs, pipes, tests).
      const bars = io === PROCESS_IO && process.stderr.isTTY === true && options.quiet !== true;
      let runs: EnsembleRuns | null = null;
      const report = await withPool(workers, async (pool) => {
        runs = ensemble === null ? null : await ensembleRuns(spec, scenario, { ...ensemble, sets: uncertainty!.sets }, pool, bars, await getContainer());
        const bar = bars ? progressBar(shard === null) : null;
        try {
          return await simulate(job, { scenario, outDir, command, progress: bar?.update ?? null, format: options.format, shard, uncertainty: runs, resume: options.resume === true }, pool);
        } finally {
          bar?.stop();
        }
      });
      // A shard has no summary of its own: `merge` makes it.
      const summary = report.summary;
      if (!options.quiet && summary !== null) io.out(`${comparisonTable(summary)}\n\n`);
      if (!options.quiet && summary !== null && report.spec.sweep != null) io.out(`${sweepSummary(summary, report.spec.sweep)}\n\n`);
      if (options.resume === true && options.quiet !== true) {
        const resumed = report.resumed ?? null;
        io.out(resumed === null ? `note: no killed run to resume in ${outDir}/: ran from the start\n` : `resumed: ${resumed.slices} of ${counted(resumed.of, 'slice')} were done before the run was killed; simulated the rest\n`);
      }
      const rate = report.athleteDays / Math.max(report.seconds, 1e-9);
      const ran = runs as EnsembleRuns | null;
      const underSets = ran === null ? '' : `; ${ran.athleteDays.toLocaleString('en-US')} more under ${counted(ran.about.distinct, 'parameter set')} of the ensemble`;
      io.out(
        `wrote ${outDir}/ (${report.files.join(', ')}): ${report.athleteDays.toLocaleString('en-US')} athlete-days in ${report.seconds.toFixed(2)} s (${(rate / 1e6).toFixed(2)} M/s)${underSets}\n`,
      );
      if (options.report === true) await reportInto(io, outDir);
    });

  program
    .command('merge')
    .description('merge the shard folders of one run (periodize run --shard i/N) into the outputs of the run never split')
    .argument('<dirs...>', 'every shard folder of the run')
    .requiredOption('-o, --out <dir>', 'output folder')
    .addOption(formatOption())
    .addOption(reportOption())
    .option('-q, --quiet', 'print only the final line (not the results table)')
    .action(async (dirs: string[], options: { out: string; format: OutputFormat; report?: boolean; quiet?: boolean }) => {
      // The inputs are never touched: an --out that is a shard folder, or inside one, is refused.
      // Compared as the file system resolves them: a symlink to a shard folder is that folder.
      const out = realPathOf(options.out);
      const clash = dirs.find((dir) => out === realPathOf(dir) || out.startsWith(`${realPathOf(dir)}${sep}`));
      if (clash !== undefined) {
        io.err(`periodize merge: --out ${options.out}: ${out === realPathOf(clash) ? 'is' : 'is inside'} the shard folder ${clash}, which merge reads and never changes: choose another folder\n`);
        exitCode = EXIT_BAD_INPUT;
        return;
      }
      const report = (await getContainer()).get(RunScenario).merge({ shards: dirs, outDir: options.out, command: ['periodize', ...argv].join(' '), format: options.format });
      // The results as `run` prints them: the merged run is the run never split.
      if (options.quiet !== true && report.summary !== null) {
        io.out(`${comparisonTable(report.summary)}\n\n`);
        if (report.spec.sweep != null) io.out(`${sweepSummary(report.summary, report.spec.sweep)}\n\n`);
      }
      io.out(`merged ${counted(dirs.length, 'shard')} into ${options.out}/ (${report.files.join(', ')}): ${report.athleteDays.toLocaleString('en-US')} athlete-days\n`);
      if (options.report === true) await reportInto(io, options.out);
    });

  program
    .command('report')
    .description(`draw a folder of outputs (run, merge, plan, coach, whatif, trials --report) as one HTML page of charts: <dir>/${REPORT_FILE}, which opens offline`)
    .argument('<dir>', 'the output folder')
    .action(async (dir: string) => {
      await reportInto(io, dir);
    });

  program
    .command('validate')
    .description('check a scenario without running it')
    .argument('<scenario>', 'scenario YAML file')
    .addOption(allowOutsideRulesOption())
    .action(async (scenario: string, options: { allowOutsideRules?: boolean }) => {
      const job = (await getContainer()).get(RunScenario);
      const spec = job.load(scenario, ruleAccess(options));
      const arms = spec.arms.map((arm) => `${arm.id} (${arm.label})`).join(', ');
      // What `run` would cost, on the processes it would use without --workers.
      const estimate = job.estimate(spec, [0, spec.population.size], workerCount(io, 'validate', undefined, defaultWorkers(athleteDays(spec))));
      const past = pastAsking(estimate);
      io.out(`${scenario}: ok — ${counted(spec.population.size, 'athlete')}, ${counted(spec.weeks, 'week')}, arms: ${arms}\n`);
      if (spec.contrasts.length > 0) io.out(`${contrastsLine(spec)}\n`);
      io.out(`${estimateLine(estimate)}${past === null ? '' : ` — ${past}: run asks for --yes`}\n`);
    });

  program
    .command('plan')
    .description("an athlete's plan week by week with real dates: each session's workout, structure, paces and heart rates from what the athlete file knows; writes plan.csv and plan.json")
    .argument('<athlete>', 'athlete YAML file (README, An athlete file)')
    .option('--from <date>', "the first day, YYYY-MM-DD: the plan starts on the Monday on or after it (default: the athlete file's start, else on or after today)")
    .option('--weeks <n>', "weeks to plan (default: up to the goal race's week, else a macrocycle's weeks, else 12)", wholeNumber)
    .option('--option <name>', 'the plan of one what-if option (periodize whatif): a built-in design in place of every block but a taper')
    .option('-o, --out <dir>', 'output folder for plan.csv and plan.json (default: out/<athlete file name>-plan)')
    .option('--ics', 'also write plan.ics: the sessions as all-day calendar events, the structure in each description')
    .option('--icu', "also write plan.icu.txt: each session in intervals.icu's workout text, to paste there (and on to a watch)")
    .option('--fit', 'also write a FIT workout file per session (<date>-<n>-<workout>.fit: steps with pace targets), for a Garmin watch')
    .addOption(reportOption())
    .addOption(allowOutsideRulesOption())
    .action(async (athleteFile: string, options: { from?: string; weeks?: number; option?: string; out?: string; ics?: boolean; icu?: boolean; fit?: boolean; allowOutsideRules?: boolean; report?: boolean }) => {
      const problem =
        options.weeks === 0 || (options.weeks ?? 0) > MAX_PLAN_WEEKS ? `--weeks: 1 to ${MAX_PLAN_WEEKS}`
        : options.option !== undefined ? unknownOption('--option', [options.option])
        : null;
      if (problem !== null) {
        io.err(`periodize plan: ${problem}\n`);
        exitCode = EXIT_BAD_INPUT;
        return;
      }
      const container = await getContainer();
      const loader = container.get(ScenarioLoader);
      let from = '';
      const loaded = loadAthlete(
        athleteFile,
        loader,
        (athlete) => {
          const start = planStart(options.from ?? athlete.start, new Date());
          if (typeof start !== 'string') throw new UsageError(`periodize plan: --from: ${start.problem}`);
          from = start;
          const option = options.option === undefined ? {} : { whatIf: { options: [options.option], replicates: 1, seed: 1 } };
          return { from, weeks: options.weeks ?? null, ...option };
        },
        ruleAccess(options),
      );
      const outDir = options.out ?? join('out', `${basename(athleteFile, extname(athleteFile))}-plan`);
      const earlier = earlierPlanFiles(outDir);
      const stage = new OutputStage(outDir, PLAN_FILES);
      try {
        const weeks = planAthlete(loaded, from, loader.parameters, loader.catalogue);
        writePlanFiles(stage, loaded, weeks, options);
        const manifest = { tool: 'periodize', version: VERSION, command: ['periodize', ...argv].join(' '), athlete: { file: athleteFile, sha256: sha256(loaded.text) }, from, files: stage.describe() };
        stage.write('manifest.json', `${JSON.stringify(manifest, null, 2)}\n`);
        // An earlier plan's files go, its workout files too (named by their dates): the folder holds one plan.
        stage.commit([...PLAN_FILES, ...earlier]);
        const asked = options.from ?? loaded.athlete.start;
        if (asked !== undefined && from !== asked) io.out(`note: the plan starts on Monday ${from}, the first Monday from ${asked}\n`);
        io.out(planText(loaded, weeks));
        io.out(`\nwrote ${outDir}/ (${writtenList(stage)})\n`);
      } finally {
        stage.abort();
      }
      if (options.report === true) await reportInto(io, outDir);
    });

  program
    .command('coach')
    .description("replay the athlete's own mornings and runs through the adaptive engine: what it said each morning, today's decision with its reasons, the coming week as adjusted")
    .argument('<athlete>', 'athlete file (YAML): see README, An athlete file')
    .requiredOption('--wellness <file>', "the athlete's mornings: a wellness CSV from intervals.icu or HRV4Training, or one the athlete file's data.wellness maps (docs/ATHLETE-DATA.md)")
    .requiredOption('--activities <file-or-dir>', "the athlete's runs: intervals.icu's activities CSV, a FIT activity file, or a folder of them")
    .option('--date <date>', "today, YYYY-MM-DD: the morning to decide (default: the last morning in --wellness); data after it are not read")
    .option('--from <date>', "the plan's first day, a Monday (default: the athlete file's start, else the first Monday of the data)")
    .option('-o, --out <dir>', 'output folder for plan.csv, plan.json (the coming sessions, as adjusted) and coach.json (default: out/<athlete file name>-coach)')
    .option('--ics', 'also write plan.ics of the coming sessions')
    .option('--icu', "also write plan.icu.txt of the coming sessions, in intervals.icu's workout text")
    .option('--fit', 'also write a FIT workout file per coming session, for a Garmin watch')
    .addOption(reportOption())
    .addOption(allowOutsideRulesOption())
    .action(async (athleteFile: string, options: { wellness: string; activities: string; date?: string; from?: string; out?: string; ics?: boolean; icu?: boolean; fit?: boolean; allowOutsideRules?: boolean; report?: boolean }) => {
      for (const [flag, value] of [['--date', options.date], ['--from', options.from]] as const) {
        if (value !== undefined && !IsoDate.safeParse(value).success) {
          io.err(`periodize coach: ${flag}: a date as YYYY-MM-DD, e.g. 2027-01-04 (got ${value})\n`);
          exitCode = EXIT_BAD_INPUT;
          return;
        }
      }
      const container = await getContainer();
      const loader = container.get(ScenarioLoader);
      // The athlete file first (its data section says how to read the mornings), then the mornings, which date the plan when nothing else does.
      const notes: string[] = [];
      const read: { wellness: WellnessRecord | null } = { wellness: null };
      let today = '';
      let from = '';
      const loaded = loadAthlete(
        athleteFile,
        loader,
        (athlete) => {
          const wellness = readWellness(options.wellness, athlete.data?.wellness, athlete.data?.timeZone);
          read.wellness = wellness;
          const last = wellness.mornings.at(-1)?.date;
          if (options.date === undefined && last === undefined) throw new InputError([{ file: options.wellness, line: 1, col: 1, path: [], message: 'no mornings in it: give --date' }]);
          today = options.date ?? last!;
          const given = options.from ?? athlete.start;
          from = planStart(given ?? wellness.mornings[0]?.date ?? today, new Date()) as string;
          if (given === undefined) notes.push(`the plan taken to start on Monday ${from}, the first Monday of the mornings: give --from (or start: in the athlete file) to say when it started`);
          else if (given !== from) notes.push(`the plan taken to start on Monday ${from}, the first Monday from ${given}`);
          return { from, weeks: null };
        },
        ruleAccess(options),
      );
      const wellness = read.wellness!;
      const activities = readActivities(options.activities, { lt1Hr: loaded.known.hr.lt1, lt2Hr: loaded.known.hr.lt2, lt1Speed: loaded.known.lt1Speed, lt2Speed: loaded.known.lt2Speed }, loaded.athlete.data?.timeZone);
      let report: CoachReport;
      try {
        report = coachAthlete({ loaded, from, today, mornings: wellness.mornings, activities: activities.activities }, loader.parameters, loader.catalogue, container.get(ScenarioRunner).engineParts);
      } catch (error) {
        if (!(error instanceof OutsidePlanError)) throw error;
        const source = options.date !== undefined ? '--date' : `today, the last morning in ${options.wellness}`;
        const start = options.from !== undefined ? '--from' : loaded.athlete.start !== undefined ? `start: in ${athleteFile}` : 'the first Monday of the mornings';
        io.err(`periodize coach: ${source}: ${error.message}, the plan starting as ${start} says: give ${options.date === undefined ? '--date or ' : ''}--from\n`);
        exitCode = EXIT_BAD_INPUT;
        return;
      }
      const outDir = options.out ?? join('out', `${basename(athleteFile, extname(athleteFile))}-coach`);
      const earlier = earlierPlanFiles(outDir);
      const stage = new OutputStage(outDir, [...PLAN_FILES, 'coach.json']);
      try {
        const weeks = [report.thisWeek, ...(report.nextWeek === null ? [] : [report.nextWeek])];
        writePlanFiles(stage, loaded, weeks, options);
        stage.write('coach.json', `${JSON.stringify(coachJson(report), null, 2)}\n`);
        const manifest = {
          tool: 'periodize',
          version: VERSION,
          command: ['periodize', ...argv].join(' '),
          athlete: { file: athleteFile, sha256: sha256(loaded.text) },
          wellness: { file: options.wellness, sha256: sha256File(options.wellness) },
          // Each file read, with its hash: the run can be checked against the data it was given.
          activities: activityFiles(options.activities).paths.map((file) => ({ file, sha256: sha256File(file) })),
          from,
          today,
          files: stage.describe(),
        };
        stage.write('manifest.json', `${JSON.stringify(manifest, null, 2)}\n`);
        stage.commit([...PLAN_FILES, 'coach.json', ...earlier]);
        io.out(
          coachText(loaded, report, {
            wellness: { file: options.wellness, format: wellness.format, mornings: wellness.mornings.length, notes: [...notes, ...wellness.notes] },
            activities: { path: options.activities, runs: activities.activities.length, notes: activities.notes },
          }),
        );
        io.out(`\nwrote ${outDir}/ (${writtenList(stage)})\n`);
      } finally {
        stage.abort();
      }
      if (options.report === true) await reportInto(io, outDir);
    });

  program
    .command('whatif')
    .description("ask what-ifs in race times: the athlete's plan under each option, run on many versions of the athlete (what you know held, what nobody measured drawn)")
    .argument('<athlete>', 'athlete file (YAML): see README, An athlete file')
    .requiredOption('--options <list>', `options to compare, comma-separated: plan (the file's own design) or a built-in design (${Object.keys(BUILTIN_DESIGNS).join(', ')}), which takes the place of every block but a taper`)
    .option('--rules <name-or-file>', "the rule set every option runs with: a built-in name, none, or a rule file (default: the athlete file's rules)")
    .option('--replicates <n>', `versions of the athlete to simulate (default ${DEFAULT_WHATIF_VERSIONS})`, wholeNumber)
    .option('--seed <n>', 'random seed (default 1): the same seed gives the same answer', wholeNumber)
    .option('--from <date>', "the plan's first day (default: the athlete file's start, else the Monday on or after today)")
    .option('--wellness <file>', "the athlete's mornings (as coach reads them): the versions' usual resting HR, HRV and sleep are the means of the 4 weeks before the plan")
    .option('-o, --out <dir>', 'output folder for whatif.csv (each version\'s race time) and whatif.json (default: out/<athlete file name>-whatif)')
    .addOption(uncertaintyOption())
    .addOption(reportOption())
    .addOption(allowOutsideRulesOption())
    .action(async (athleteFile: string, options: { options: string; rules?: string; replicates?: number; seed?: number; from?: string; wellness?: string; out?: string; uncertainty?: string; allowOutsideRules?: boolean; report?: boolean }) => {
      const names = options.options.split(',').map((name) => name.trim()).filter((name) => name !== '');
      const uncertainty = options.uncertainty === undefined ? null : parseUncertainty(options.uncertainty);
      const problem =
        unknownOption('--options', names) ??
        (names.length === 0 ? '--options: name at least one option'
        : new Set(names).size !== names.length ? '--options: each option once'
        : options.replicates === 0 || (options.replicates ?? 0) > MAX_WHATIF_VERSIONS ? `--replicates: 1 to ${MAX_WHATIF_VERSIONS}`
        : typeof uncertainty === 'string' ? `--uncertainty: ${uncertainty}`
        : null);
      if (problem !== null) {
        io.err(`periodize whatif: ${problem}\n`);
        exitCode = EXIT_BAD_INPUT;
        return;
      }
      const container = await getContainer();
      const loader = container.get(ScenarioLoader);
      const rules = options.rules === undefined || loader.vocabulary.ruleSets.has(options.rules) || options.rules === 'none' ? options.rules : resolve(options.rules);
      let from = '';
      const held: string[] = [];
      // Worked out once from the file (each parameter set of --uncertainty reads the file again).
      let span: PlanSpan | null = null;
      const spanOf = (athlete: AthleteFile): PlanSpan => (span ??= whatIfSpan(athlete));
      const whatIfSpan = (athlete: AthleteFile): PlanSpan => {
          const start = planStart(options.from ?? athlete.start, new Date());
          if (typeof start !== 'string') throw new UsageError(`periodize whatif: --from: ${start.problem}`);
          from = start;
          const baseline = options.wellness === undefined ? undefined : usualMornings(readWellness(options.wellness, athlete.data?.wellness, athlete.data?.timeZone).mornings, from);
          const race = athlete.knows.race;
          if (race !== undefined) held.push(`${race.distance} in ${race.time}`);
          if (athlete.knows.lt1?.pace !== undefined) held.push(`LT1 ${athlete.knows.lt1.pace}/km`);
          if (athlete.knows.lt2?.pace !== undefined) held.push(`LT2 ${athlete.knows.lt2.pace}/km`);
          held.push(`${athlete.weeklyHours} h a week`);
          if (baseline !== undefined) {
            held.push(
              Object.keys(baseline).length > 0
                ? `the usual mornings of ${options.wellness} (the 4 weeks before the plan: ${Object.keys(baseline).join(', ')})`
                : `not the mornings of ${options.wellness}: too few in the 4 weeks before the plan (drawn instead)`,
            );
          }
          return { from, weeks: null, whatIf: { options: names, raceDay: true, ...(rules === undefined ? {} : { rules }), replicates: options.replicates ?? DEFAULT_WHATIF_VERSIONS, seed: options.seed ?? 1, ...(baseline === undefined ? {} : { baseline }) } };
      };
      const loaded = loadAthlete(athleteFile, loader, spanOf, ruleAccess(options));
      const result = whatIf(loaded, container.get(ScenarioRunner), loader.parameters);
      let modelUncertainty: WhatIfUncertainty | null = null;
      if (uncertainty !== null && typeof uncertainty !== 'string') {
        const base = loader.parameters;
        const { ensemble } = withEnsembleOnly('whatif', base);
        const { createContainer } = await import('../composition-root.ts');
        modelUncertainty = whatIfUncertainty(result, resampleSets(ensemble, uncertainty.sets), (set) => {
          const each = createContainer(parametersOfSet(base, ensemble, set));
          const setLoader = each.get(ScenarioLoader);
          return whatIf(loadAthlete(athleteFile, setLoader, spanOf, ruleAccess(options)), each.get(ScenarioRunner), setLoader.parameters);
        });
      }
      const outDir = options.out ?? join('out', `${basename(athleteFile, extname(athleteFile))}-whatif`);
      const earlier = earlierPlanFiles(outDir);
      const stage = new OutputStage(outDir, WHATIF_FILES);
      try {
        stage.write('whatif.csv', whatIfCsv(result));
        stage.write('whatif.json', `${JSON.stringify(whatIfJson(result, modelUncertainty), null, 2)}\n`);
        const manifest = { tool: 'periodize', version: VERSION, command: ['periodize', ...argv].join(' '), athlete: { file: athleteFile, sha256: sha256(loaded.text) }, from, files: stage.describe() };
        stage.write('manifest.json', `${JSON.stringify(manifest, null, 2)}\n`);
        stage.commit([...WHATIF_FILES, ...earlier]);
        io.out(whatIfText(loaded, result, from, athleteFile, held, modelUncertainty));
        io.out(`\nwrote ${outDir}/ (${writtenList(stage)})\n`);
      } finally {
        stage.abort();
      }
      if (options.report === true) await reportInto(io, outDir);
    });

  program
    .command('explain')
    .description("show, day by day, what the adaptive engine changed in one athlete's plan and why")
    .requiredOption('-o, --out <dir>', 'output folder of a run')
    .requiredOption('-a, --arm <id>', 'arm id')
    .requiredOption('--athlete <n-or-id>', "athlete number (athletes.csv's athlete column) or id")
    .option('--replicate <r>', "which version of a named athlete (default 0)", wholeNumber)
    .action(async (options: { out: string; arm: string; athlete: string; replicate?: number }) => {
      // The facts' definitions (labels, templates) to write the reasons from the recorded traces.
      // The facts a run's rules may read, catalogued once by the container (their labels and units word the reasons).
      const { facts } = (await getContainer()).get(RULE_VOCABULARY);
      io.out(await explainAthlete({ outDir: options.out, arm: options.arm, athlete: options.athlete, replicate: options.replicate }, facts));
    });

  program
    .command('rules')
    .description('list the built-in rule sets, the facts, operators, actions and scopes a rule file may use; with a name, print that rule set as a file to start from')
    .argument('[name]', 'a built-in rule set')
    .action(async (name: string | undefined) => {
      const container = await getContainer();
      const ruleSets = container.get(RULE_SOURCES);
      io.out(name === undefined ? describeRules(ruleSets, container.getAll(FACT_PROVIDERS), container.getAll(ACTION_HANDLERS)) : ruleSetAsYaml(ruleSets, name));
    });

  program
    .command('power')
    .description('how many athletes a real trial needs: the power of trials of n athletes per arm drawn from the simulated population (--n), or the smallest n reaching a target power (--target), for each contrast')
    .argument('<scenario>', 'scenario YAML file (with a reference arm or contrasts:)')
    .option('--n <sizes>', 'athletes per arm, comma-separated (default 15,30,60)')
    .option('--target <power>', 'find, per contrast and metric, the smallest n per arm reaching this power (e.g. 0.8)')
    .option('--alpha <alpha>', 'significance level of each two-sided test (default 0.05)')
    .option('--replicates <k>', 'simulated trials per size (default 1000)', wholeNumber)
    .option('--paired', 'a crossover: the same athletes in both arms (default: parallel groups)')
    .option('-o, --out <dir>', 'output folder for power.csv and manifest.json (default: out/<scenario name>-power)')
    .addOption(uncertaintyOption())
    .addOption(reportOption())
    .addOption(allowOutsideRulesOption())
    .action(async (scenario: string, options: { n?: string; target?: string; alpha?: string; replicates?: number; paired?: boolean; out?: string; uncertainty?: string; allowOutsideRules?: boolean; report?: boolean }) => {
      const sizes = (options.n ?? '15,30,60').split(',').map(Number);
      const uncertainty = options.uncertainty === undefined ? null : parseUncertainty(options.uncertainty);
      const target = options.target === undefined ? null : Number(options.target);
      const alpha = options.alpha === undefined ? 0.05 : Number(options.alpha);
      const misuse = sizes.some((n) => !Number.isInteger(n) || n < 2)
        ? `--n: whole numbers of at least 2, comma-separated (got ${options.n})`
        : sizes.some((n) => n > MAX_POWER_N)
          ? `--n: at most ${MAX_POWER_N.toLocaleString('en-US')} athletes per arm, more than any study enrols (got ${options.n})`
          : options.replicates !== undefined && (options.replicates < 1 || options.replicates > MAX_POWER_REPLICATES)
            ? `--replicates: 1 to ${MAX_POWER_REPLICATES.toLocaleString('en-US')} simulated trials per size (got ${options.replicates})`
            : target !== null && !(target > 0 && target < 1)
              ? `--target: a power between 0 and 1, such as 0.8 (got ${options.target})`
              : target !== null && options.n !== undefined
                ? '--target finds the n: give it or --n, not both'
                : !(alpha > 0 && alpha <= 0.5)
                  ? `--alpha: a significance level above 0 and at most 0.5, such as 0.05 (got ${options.alpha})`
                  : typeof uncertainty === 'string'
                    ? `--uncertainty: ${uncertainty}`
                    : null;
      if (misuse !== null || typeof uncertainty === 'string') {
        io.err(`periodize power: ${misuse}\n`);
        exitCode = EXIT_BAD_INPUT;
        return;
      }
      const container = await getContainer();
      const spec = withContrasts(container.get(RunScenario).load(scenario, ruleAccess(options)), scenario, 'power');
      const design: TrialDesign = { replicates: options.replicates ?? 1000, paired: options.paired === true, alpha };
      const base = container.get(PARAMETER_SET);
      // The ensemble checked, and the output folder made (or refused), before any work.
      const ensemble = uncertainty === null ? null : withEnsemble(spec, scenario, 'power --uncertainty', base).ensemble;
      const outDir = options.out ?? join('out', `${basename(scenario, extname(scenario))}-power`);
      const stage = new OutputStage(outDir, POWER_FILES);
      // What the manifest says of the power table: the command, the scenario, the seed and how the trials were run.
      const manifestOf = () => ({
        tool: 'periodize',
        version: VERSION,
        node: process.versions.node,
        command: ['periodize', ...argv].join(' '),
        seed: spec.seed,
        scenario: { file: scenario, sha256: sha256(readScenarioText(scenario)), name: spec.scenario.name },
        trials: { ...design, ...(target === null ? { sizes } : { target }) },
        ...(uncertainty === null ? {} : { uncertainty: { ensemble: ENSEMBLE_FILE, sets: uncertainty.sets } }),
        files: stage.describe(),
      });
      try {
        // What the trials find under one parameter set's run of the scenario.
        const answer = (setSpec: RunSpec, runner: ScenarioRunner) => {
          const outcome = runner.run(setSpec);
          return target === null ? { power: studyPower(setSpec, outcome, sizes, design) } : { sizes: studySampleSize(setSpec, outcome, target, design) };
        };
        const committed = answer(spec, container.get(ScenarioRunner));
        let perSet: ReturnType<typeof answer>[] | null = null;
        let drawn: number[] = [];
        if (uncertainty !== null && ensemble !== null) {
          // Each drawn set runs the same athletes (the scenario's seed) and the same simulated trials.
          const { createContainer } = await import('../composition-root.ts');
          drawn = resampleSets(ensemble, uncertainty.sets);
          const bar = io === PROCESS_IO && process.stderr.isTTY === true ? progressBar(false, 'parameter sets') : null;
          try {
            perSet = await runDrawnSets(
              drawn,
              (set) => {
                const each = createContainer(parametersOfSet(base, ensemble, set));
                return answer(each.get(ScenarioLoader).load(scenario).spec, each.get(ScenarioRunner));
              },
              1,
              bar === null ? undefined : (done, total) => bar.update(done, total, 0),
            );
          } finally {
            bar?.stop();
          }
        }
        const about = { sets: drawn.length, distinct: new Set(drawn).size, ensemble: ENSEMBLE_FILE };
        if (committed.power !== undefined) {
          const ranges = perSet === null ? null : { ...about, ranges: powerRanges(perSet.map((set) => set.power!)) };
          stage.write(POWER_FILE, powerCsv(committed.power, sizes, design));
          io.out(powerTable(committed.power, sizes, spec, design, ranges));
        } else {
          const ranges = perSet === null ? null : { ...about, ranges: sampleSizeRanges(perSet.map((set) => set.sizes!)) };
          stage.write(POWER_FILE, sampleSizeCsv(committed.sizes!, target!, design));
          io.out(sampleSizeTable(committed.sizes!, target!, spec, design, ranges));
        }
        stage.write('manifest.json', `${JSON.stringify(manifestOf(), null, 2)}\n`);
        stage.commit(POWER_FILES);
        io.out(`\nwrote ${outDir}/ (${POWER_FILE}, manifest.json)\n`);
      } finally {
        stage.abort();
      }
      if (options.report === true) await reportInto(io, outDir);
    });

  program
    .command('rerun')
    .description('rerun the scenario of a manifest.json with its seed and check that every output is byte-identical')
    .argument('<manifest>', 'a run\'s manifest.json')
    .option('-o, --out <dir>', 'output folder (default: <the run\'s folder>-rerun)')
    .option('--workers <n>', 'worker processes, as for run (the outputs are the same for any number)', wholeNumber)
    .addOption(allowOutsideRulesOption())
    .action(async (manifestFile: string, options: { out?: string; workers?: number; allowOutsideRules?: boolean }) => {
      if (options.workers === 0) {
        io.err('periodize rerun: --workers: at least 1\n');
        exitCode = EXIT_BAD_INPUT;
        return;
      }
      const { manifest, scenario } = readManifest(manifestFile);
      const job = (await getContainer()).get(RunScenario);
      // Beside the run's folder, named after it (from inside it too: not a hidden .-rerun there).
      const outDir = options.out ?? `${resolve(dirname(manifestFile))}-rerun`;
      // A run folder may come from someone else: its rule files outside the scenario's folder are read
      // only with this user's own --allow-outside-rules, whatever the run's command said.
      const spec = job.load(scenario, ruleAccess(options));
      const sets = manifest.uncertainty?.sets ?? 0;
      // A shard's manifest: that shard again, not the whole scenario (its command says which).
      const shardText = /(?:^| )--shard[ =](\S+)/.exec(manifest.command)?.[1];
      const shard = shardText === undefined ? null : parseShard(shardText);
      if (typeof shard === 'string') throw new UsageError(`periodize rerun: ${manifestFile}: the command's --shard: ${shard}`);
      const ensemble = sets === 0 ? null : withEnsemble(spec, scenario, 'rerun', (await getContainer()).get(PARAMETER_SET));
      const workers = workerCount(io, 'rerun', options.workers, shard === null ? defaultWorkers(athleteDays(spec) * (1 + sets)) : 1);
      const bars = io === PROCESS_IO && process.stderr.isTTY === true;
      await withPool(workers, async (pool) => {
        const runs = ensemble === null ? null : await ensembleRuns(spec, scenario, { ...ensemble, sets }, pool, bars, await getContainer());
        const bar = bars ? progressBar() : null;
        try {
          await simulate(job, { scenario, outDir, command: manifest.command, progress: bar?.update ?? null, format: manifest.format, shard, uncertainty: runs }, pool);
        } finally {
          bar?.stop();
        }
      });
      if (manifest.version !== VERSION) io.out(`note: the run was made by periodize ${manifest.version}, this is ${VERSION}\n`);
      if (ensemble !== null && ensemble.sha256 !== manifest.uncertainty?.ensembleSha256) io.out(`note: ${ENSEMBLE_FILE} has changed since the run: its model intervals will differ\n`);
      const differing = differingFiles(manifest, outDir);
      if (differing.length === 0) {
        io.out(`reproduced: ${counted(manifest.files.length, 'file')} in ${outDir}/ byte-identical to ${manifestFile}\n`);
      } else {
        io.out(`not reproduced: ${differing.join(', ')} differ${differing.length === 1 ? 's' : ''} from ${manifestFile} (rerun in ${outDir}/)\n`);
        exitCode = EXIT_OUTSIDE;
      }
    });

  program
    .command('trials')
    .description('replay the published training studies of a folder (default trials/) and compare simulated with published outcomes')
    .argument('[folder]', 'folder of trial files', 'trials')
    .option('--size <n>', 'simulated athletes per scenario (default 4000)', wholeNumber)
    .option('--replicates <k>', "simulated studies of each trial's own size, for how often its finding is reproduced (default 0)", wholeNumber)
    .option('--only <names>', 'only these trial files, comma-separated, without .yaml')
    .option('--write', 'also write <folder>/RESULTS.md')
    .addOption(
      new Option(
        '--uncertainty <ensemble[:M]>',
        `also run every trial under M parameter sets of the calibrated ensemble (${ENSEMBLE_FILE}; default M ${DEFAULT_UNCERTAINTY_SETS}): each outcome's interval over plausible models, the study's predictive interval with its own sampling error, and the coverage of the published values`,
      ),
    )
    .option('--workers <n>', 'worker processes for --uncertainty, each running whole parameter sets (default: the available cores)', wholeNumber)
    .option('--ensemble <file>', `the ensemble --uncertainty draws from (default ${ENSEMBLE_FILE}; a leave-one-study-out fit: ensemble/leave-out/<trial>.json)`)
    .option('--report', `also write <out>/${TRIALS_FILE} (every outcome, simulated against published) and <out>/${REPORT_FILE}, its charts`)
    .option('-o, --out <dir>', 'the folder for --report (default out/trials)')
    .addOption(allowOutsideRulesOption())
    .action(async (folder: string, options: { size?: number; replicates?: number; only?: string; write?: boolean; uncertainty?: string; workers?: number; ensemble?: string; allowOutsideRules?: boolean; report?: boolean; out?: string }) => {
      const replicates = options.replicates ?? 0;
      const uncertainty = options.uncertainty === undefined ? null : parseUncertainty(options.uncertainty);
      // Fewer athletes than a study's own n would resample a handful of athletes into every simulated study.
      const misuse =
        options.size !== undefined && options.size < MIN_TRIAL_SIZE
          ? `--size: at least ${MIN_TRIAL_SIZE} athletes`
          : // RESULTS.md is the whole folder's table: a partial run must not overwrite it.
            options.write === true && options.only !== undefined
            ? '--write writes every trial of the folder: leave out --only'
            : typeof uncertainty === 'string'
              ? `--uncertainty: ${uncertainty}`
              : options.workers === 0
                ? '--workers: at least 1'
                : (options.workers !== undefined || options.ensemble !== undefined) && uncertainty === null
                  ? `--${options.workers !== undefined ? 'workers' : 'ensemble'} is for the parameter sets of --uncertainty: give --uncertainty too`
                  : options.out !== undefined && options.report !== true
                    ? '--out is the folder of --report: give --report too'
                    : null;
      if (misuse !== null || typeof uncertainty === 'string') {
        io.err(`periodize trials: ${misuse}\n`);
        exitCode = EXIT_BAD_INPUT;
        return;
      }
      // The report's folder checked (a file in the way, another run writing into it, another
      // command's outputs that its manifest.json would be replaced under) before the trials run.
      if (options.report === true) {
        const outDir = options.out ?? join('out', 'trials');
        OutputStage.check(outDir, TRIALS_REPORT_FILES);
        if (existsSync(join(outDir, 'manifest.json')) && !existsSync(join(outDir, TRIALS_FILE))) {
          throw new UsageError(`periodize trials: --out ${outDir}: holds another command's outputs (its manifest.json would be replaced): choose another folder`);
        }
      }
      const container = await getContainer();
      const size = options.size ?? 4000;
      const only = options.only === undefined ? undefined : options.only.split(',');
      const base = container.get(PARAMETER_SET);
      // The ensemble checked before any work: a stale one is refused at once.
      const ensemble = uncertainty === null ? null : withEnsembleOnly('trials --uncertainty', base, options.ensemble).ensemble;
      const results = container.get(RunTrials).run(folder, { size, replicates, ...(only === undefined ? {} : { only }), ruleFiles: ruleAccess(options) });
      let predictive: TrialPredictive | null = null;
      if (uncertainty !== null && ensemble !== null) {
        const { createContainer } = await import('../composition-root.ts');
        // Leave one study out: with the committed ensemble over trials/, each trial file that has a
        // committed fit without it (ensemble/leave-out/<trial>.json) is predicted by that fit too.
        const leaveOneOut = options.ensemble === undefined && resolve(folder) === resolve(fileURLToPath(new URL('trials/', ROOT)));
        const fits = leaveOneOut ? leaveOutFits(UNCERTAIN_PARAMETERS, base, results.map((result) => basename(result.file, extname(result.file)))) : [];
        const usable = fits.filter((fit) => fit.ensemble !== null);
        // Every run's drawn sets, the ensemble's first, then each usable leave-out fit's (its trial alone).
        const jobs = [
          { ensemble, only, drawn: resampleSets(ensemble, uncertainty.sets) },
          ...usable.map((fit) => ({ ensemble: fit.ensemble!, only: [fit.trial], drawn: resampleSets(fit.ensemble!, uncertainty.sets) })),
        ];
        const total = jobs.reduce((sum, job) => sum + new Set(job.drawn).size, 0);
        // Each distinct set draws its studies from a stream of its own (d: its place among them).
        const task = (job: (typeof jobs)[number], set: number, d: number): TrialSetTask => ({
          folder,
          size,
          parameters: parametersOfSet(base, job.ensemble, set),
          studies: STUDIES_PER_SET,
          stream: d,
          ...(job.only === undefined ? {} : { only: job.only }),
        });
        const bar = io === PROCESS_IO && process.stderr.isTTY === true ? progressBar(false, 'parameter sets') : null;
        const packed = await withPool(workerCount(io, 'trials', options.workers, defaultWorkers(Number.POSITIVE_INFINITY)), async (pool) => {
          const all: Float64Array[][] = [];
          let before = 0;
          try {
            for (const job of jobs) {
              all.push(
                await runDrawnSets(
                  job.drawn,
                  (set, d) => (pool === null ? runTrialSet(createContainer(task(job, set, d).parameters).get(RunTrials), task(job, set, d)) : pool.trialSet(task(job, set, d))),
                  pool === null ? 1 : 2 * pool.workers,
                  bar === null ? undefined : (done) => bar.update(before + done, total, 0),
                ),
              );
              before += new Set(job.drawn).size;
            }
            return all;
          } finally {
            bar?.stop();
          }
        });
        const drawn = jobs[0]!.drawn;
        predictive = {
          predictions: trialPredictions(results, packed[0]!, STUDIES_PER_SET),
          sets: drawn.length,
          distinct: new Set(drawn).size,
          studies: STUDIES_PER_SET,
          ensemble: options.ensemble ?? ENSEMBLE_FILE,
          leftOut: ensemble.provenance.leftOut ?? [],
          leaveOneOut: !leaveOneOut ? null : fits.map((fit) => {
            const file = `${LEAVE_OUT_FOLDER}/${fit.trial}.json`;
            if (fit.ensemble === null) return { trial: fit.trial, file, stale: fit.stale, predictions: null, sets: 0, distinct: 0 };
            const j = 1 + usable.indexOf(fit);
            const ofTrial = results.filter((result) => basename(result.file, extname(result.file)) === fit.trial);
            return { trial: fit.trial, file, stale: null, predictions: trialPredictions(ofTrial, packed[j]!, STUDIES_PER_SET), sets: jobs[j]!.drawn.length, distinct: new Set(jobs[j]!.drawn).size };
          }),
        };
      }
      io.out(trialsTable(results, replicates, predictive));
      if (options.write === true) {
        const file = join(folder, 'RESULTS.md');
        writeFileSync(file, trialsMarkdown(results, replicates, ['periodize', ...argv].join(' '), predictive));
        io.out(`wrote ${file}\n`);
      }
      if (options.report === true) {
        const outDir = options.out ?? join('out', 'trials');
        const outcomes = results.flatMap((r) => r.outcomes);
        const covered = predictive === null ? null : { validation: coverage(outcomes, predictive.predictions, 'validation'), calibration: coverage(outcomes, predictive.predictions, 'calibration') };
        const stage = new OutputStage(outDir, TRIALS_REPORT_FILES);
        try {
          stage.write(TRIALS_FILE, `${JSON.stringify(trialsJson(results, predictive?.predictions ?? null, covered), null, 2)}\n`);
          const manifest = { tool: 'periodize', version: VERSION, command: ['periodize', ...argv].join(' '), folder, files: stage.describe() };
          stage.write('manifest.json', `${JSON.stringify(manifest, null, 2)}\n`);
          stage.commit(TRIALS_REPORT_FILES);
        } finally {
          stage.abort();
        }
        await reportInto(io, outDir);
      }
      if (results.some((result) => result.outcomes.some((outcome) => !outcome.within))) exitCode = EXIT_OUTSIDE;
    });

  program
    .command('sensitivity')
    .description("global sensitivity of a scenario's paired contrasts to the uncertain constants (src/models/parameters.ts, UNCERTAIN_PARAMETERS): Morris screening or Sobol' indices over their ranges")
    .argument('<scenario>', 'scenario YAML file (with a reference arm)')
    .addOption(new Option('--method <method>', "morris (elementary effects, a screening) or sobol (shares of variance, Saltelli's design)").choices(['morris', 'sobol']).default('morris'))
    .option('--samples <n>', "Morris: trajectories, r (k + 1) sets (default 10); Sobol': base samples, n (k + 2) sets (default 32)", wholeNumber)
    .option('--size <n>', "athletes per parameter set: the scenario's first n (default 200)", wholeNumber)
    .option('--seed <n>', 'which points of the design (default 1); the scenario\'s own seed draws the athletes', wholeNumber)
    .option('--replicates <k>', "bootstrap resamples of the Sobol' intervals (default 1000)", wholeNumber)
    .option('--only <paths>', 'only these uncertain constants, comma-separated paths (default: all)')
    .option('--metrics <names>', 'outcomes, comma-separated (default: vo2maxPct,lt2SpeedPct,timeTrialPct)')
    .option('-o, --out <dir>', 'output folder for sensitivity.csv and sensitivity-sets.csv (default: out/<scenario name>-sensitivity)')
    .option('--workers <n>', 'worker processes, each running whole parameter sets (default: the available cores for a million athlete-days or more, else 1); the outputs are the same for any number', wholeNumber)
    .addOption(allowOutsideRulesOption())
    .action(async (scenario: string, options: { method: SensitivityMethod; samples?: number; size?: number; seed?: number; replicates?: number; only?: string; metrics?: string; out?: string; workers?: number; allowOutsideRules?: boolean }) => {
      let priors: UncertainParameter[];
      let metrics: MetricName[];
      try {
        priors = choosePriors(UNCERTAIN_PARAMETERS, options.only);
        metrics = chooseMetrics(options.metrics);
      } catch (error) {
        io.err(`periodize sensitivity: ${error instanceof Error ? error.message : String(error)}\n`);
        exitCode = EXIT_BAD_INPUT;
        return;
      }
      const least = { samples: 2, size: 2, replicates: 1, workers: 1 };
      const small = (Object.keys(least) as (keyof typeof least)[]).find((name) => options[name] !== undefined && options[name]! < least[name]);
      if (small !== undefined) {
        io.err(`periodize sensitivity: --${small}: at least ${least[small]}\n`);
        exitCode = EXIT_BAD_INPUT;
        return;
      }
      const container = await getContainer();
      const spec = withReference(container.get(RunScenario).load(scenario, ruleAccess(options)), scenario, 'sensitivity');
      const { createContainer } = await import('../composition-root.ts');
      const partsFor = (parameters: Parameters) => {
        const each = createContainer(parameters);
        return { loader: each.get(ScenarioLoader), runner: each.get(ScenarioRunner) };
      };
      const outDir = options.out ?? join('out', `${basename(scenario, extname(scenario))}-sensitivity`);
      const samples = options.samples ?? (options.method === 'morris' ? 10 : 32);
      const sets = 1 + (options.method === 'morris' ? samples * (priors.length + 1) : samples * (priors.length + 2));
      const workers = workerCount(io, 'sensitivity', options.workers, defaultWorkers(sets * athleteDays(spec, Math.min(options.size ?? 200, spec.population.size))));
      // The output folder is made (or refused) before hours of sets, not after.
      const stage = new OutputStage(outDir);
      const pool = workers > 1 ? new WorkerPool(workers) : null;
      const bar = io === PROCESS_IO && process.stderr.isTTY === true ? progressBar(false, 'parameter sets') : null;
      let result: GlobalSensitivityResult;
      try {
        result = await globalSensitivity(spec, {
          file: scenario,
          method: options.method,
          samples,
          size: options.size ?? 200,
          seed: options.seed ?? 1,
          replicates: options.replicates ?? 1000,
          metrics,
          priors,
          base: container.get(PARAMETER_SET),
          concurrency: pool === null ? 1 : 2 * workers,
          ...(bar === null ? {} : { progress: bar.update }),
        }, pool === null ? (task) => runSet(partsFor, task) : (task) => pool.runSet(task));
      } catch (error) {
        stage.abort();
        throw error;
      } finally {
        bar?.stop();
        await pool?.destroy();
      }
      try {
        stage.write('sensitivity.csv', sensitivityCsv(result));
        stage.write('sensitivity-sets.csv', sensitivitySetsCsv(result));
        stage.commit();
      } finally {
        stage.abort();
      }
      io.out(`${globalSensitivityTable(result)}\n\nwrote ${outDir}/ (sensitivity.csv, sensitivity-sets.csv): ${result.athleteDays.toLocaleString('en-US')} athlete-days\n`);
    });

  program
    .command('scan')
    .description('run many random scenarios and check every day and test against the limits of the plausible (src/models/limits.ts)')
    .option('--scenarios <n>', 'random scenarios (default 1000)', wholeNumber)
    .option('--size <n>', 'athletes per scenario (default 8)', wholeNumber)
    .option('--seed <n>', 'which random scenarios (default 1)', wholeNumber)
    .action(async (options: { scenarios?: number; size?: number; seed?: number }) => {
      const report = (await getContainer()).get(PlausibilityScan).run({ scenarios: options.scenarios ?? 1000, size: options.size ?? 8, seed: options.seed ?? 1 });
      io.out(scanText(report, options.seed ?? 1));
      if (report.violations.length > 0) exitCode = EXIT_OUTSIDE;
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.exitCode === 0 ? EXIT_OK : EXIT_BAD_INPUT;
    }
    if (error instanceof InputError || error instanceof OutputError || error instanceof ExplainError || error instanceof UnknownRuleSetError || error instanceof UsageError) {
      io.err(`${error.message}\n`);
      return EXIT_BAD_INPUT;
    }
    if (error instanceof OptionError) {
      io.err(`periodize ${argv[0] ?? ''}: ${error.message}\n`);
      return EXIT_BAD_INPUT;
    }
    if (error instanceof WorkerStopped) {
      io.err(`periodize: ${error.message}\n`);
      return EXIT_INTERNAL;
    }
    const environment = environmentProblem(error);
    if (environment !== null) {
      io.err(`periodize: ${environment}\n`);
      return EXIT_INTERNAL;
    }
    io.err(`periodize: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return EXIT_INTERNAL;
  }
}

/** The one line for what the machine refused (MACHINE_ERRORS), or null for anything else. */
export function environmentProblem(error: unknown): string | null {
  const { code, path } = (error ?? {}) as NodeJS.ErrnoException;
  const cause = code === undefined ? undefined : MACHINE_ERRORS[code];
  if (cause === undefined) return null;
  return `${path === undefined ? '' : `${path}: `}${cause} (${code})`;
}

/** A command asked of input it cannot serve (bad input: exit 2, the message alone). */
class UsageError extends Error {}

/** What a run will test, as `validate` says it: the contrasts, the adjustment, the smallest effects of interest. */
function contrastsLine(spec: RunSpec): string {
  const pairs = spec.contrasts.map(({ arm, vs }) => `${spec.arms[arm]!.id} − ${spec.arms[vs]!.id}`);
  const shown = pairs.length > 6 ? `${pairs.slice(0, 6).join(', ')}, … (${pairs.length - 6} more)` : pairs.join(', ');
  const bounds = Object.entries(spec.sesoi).map(([metric, bound]) => `±${bound} ${metric}`);
  const adjust = spec.adjust === 'none' ? 'p-values not adjusted' : `p-values adjusted by ${spec.adjust === 'holm' ? 'Holm' : 'Bonferroni'} within each metric`;
  return `contrasts: ${counted(pairs.length, 'pair')} (${shown}); ${adjust}${bounds.length === 0 ? '' : `; equivalence within ${bounds.join(', ')}`}`;
}

/** The scenario, which must have contrasts — a reference arm, or `contrasts:` — for `command`. */
function withContrasts(spec: RunSpec, scenario: string, command: string): RunSpec {
  if (spec.contrasts.length === 0) throw new UsageError(`${scenario}: ${command} compares arms: add reference: <arm id> or contrasts: pairwise to the scenario`);
  return spec;
}

/** The scenario, which must name a reference arm for `command`'s comparisons. */
function withReference(spec: RunSpec, scenario: string, command: string): RunSpec {
  if (spec.referenceIndex < 0) throw new UsageError(`${scenario}: ${command} compares arms with a reference: add reference: <arm id> to the scenario`);
  return spec;
}

/** `--format csv|parquet`: how the per-athlete tables (athletes, days, adjustments) are written. */
function formatOption(): Option {
  return new Option('--format <format>', 'athletes, days and adjustments tables as csv, or as parquet (with the seed and the resolved scenario as file metadata)')
    .choices(['csv', 'parquet'])
    .default('csv');
}

/**
 * A run, on the pool's workers or, without one, on this process a slice at a time (LocalPool) —
 * so that an interrupt between two slices removes the staging, and a checkpoint follows each.
 */
async function simulate(job: RunScenario, request: RunRequest & { resume?: boolean }, pool: WorkerPool | null): Promise<RunReport> {
  if (pool !== null) return await job.runParallel({ ...request, pool });
  const release = abortStagesOnSignals();
  try {
    return await job.runParallel({ ...request, pool: new LocalPool(job) });
  } finally {
    release();
  }
}

/** A path as the file system resolves it, symlinks followed: its deepest existing part's real path, then the rest. */
function realPathOf(path: string): string {
  const absolute = resolve(path);
  let existing = absolute;
  while (!existsSync(existing) && dirname(existing) !== existing) existing = dirname(existing);
  return join(realpathSync(existing), relative(existing, absolute));
}

/** power's --n: athletes per arm, at most — ten times the largest training study's enrolment, and memory stays bounded. */
const MAX_POWER_N = 100_000;
/** power's --replicates, at most: the Monte Carlo error of a power at 100 000 trials is below 0.2 pp. */
const MAX_POWER_REPLICATES = 100_000;

/**
 * The worker processes a command starts: those asked for (or `fallback`), at most the cores the
 * machine has — a larger request is capped, with a note on stderr (more processes than cores only
 * share them, and each holds its own heap).
 */
function workerCount(io: CliIo, command: string, requested: number | undefined, fallback: number): number {
  const cores = availableParallelism();
  if (requested === undefined) return Math.min(fallback, cores);
  if (requested <= cores) return requested;
  io.err(`periodize ${command}: --workers ${requested} capped at the ${cores} cores available\n`);
  return cores;
}

/** `work` with a pool of `workers` processes when more than one (null: this process), the pool ended after. */
async function withPool<T>(workers: number, work: (pool: WorkerPool | null) => Promise<T>): Promise<T> {
  const pool = workers > 1 ? new WorkerPool(workers) : null;
  // While the work waits on the workers, an interrupt removes what it was staging.
  const release = pool === null ? () => {} : abortStagesOnSignals();
  try {
    return await work(pool);
  } finally {
    release();
    await pool?.destroy();
  }
}

/** plan.csv and plan.json of `weeks`, and the exports asked for: plan.ics, plan.icu.txt, a FIT workout file per session. */
function writePlanFiles(stage: OutputStage, loaded: LoadedAthlete, weeks: readonly PlannedWeek[], options: { ics?: boolean; icu?: boolean; fit?: boolean }): void {
  stage.write('plan.csv', planCsv(weeks));
  stage.write('plan.json', `${JSON.stringify(planJson(loaded, weeks), null, 2)}\n`);
  if (options.ics === true) stage.write('plan.ics', planIcs(loaded.athlete.name, weeks));
  if (options.icu === true) stage.write('plan.icu.txt', planIcu(weeks));
  if (options.fit !== true) return;
  for (const week of weeks) {
    week.sessions.forEach((session, k) => {
      if (session.workout === 'race') return;
      const nth = week.sessions.slice(0, k).filter((other) => other.date === session.date).length + 1;
      // Each file its own time of creation: the session's date, its nth second.
      const created = new Date(Date.parse(`${session.date}T00:00:00Z`) + nth * 1000);
      const file = stage.open(`${session.date}-${nth}-${session.workout}.fit`);
      file.writeBytes(sessionFit(session, created, loaded.known.hr.lt1));
      file.close();
    });
  }
}

/** What a stage wrote, FIT files counted: "plan.csv, plan.json, manifest.json, 9 FIT workout files". */
function writtenList(stage: OutputStage): string {
  const written = stage.describe().map((file) => file.name);
  const fit = written.filter((name) => name.endsWith('.fit')).length;
  return [...written.filter((name) => !name.endsWith('.fit')), ...(fit === 0 ? [] : [`${counted(fit, 'FIT workout file')}`])].join(', ');
}

/**
 * The files an earlier plan's manifest.json in `folder` lists, for a new plan to replace (none when
 * there is no manifest). A folder whose manifest is another's — a run's outputs — is refused: a plan
 * would leave them mixed with its own, or take them away.
 */
function earlierPlanFiles(folder: string): string[] {
  const path = join(folder, 'manifest.json');
  if (!existsSync(path)) return [];
  let manifest: unknown = null;
  try {
    manifest = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    // Not ours to read: refused below.
  }
  const plan = manifest as { athlete?: unknown; files?: { name?: unknown }[] } | null;
  if (plan === null || typeof plan !== 'object' || plan.athlete === undefined || !Array.isArray(plan.files)) {
    throw new OutputError(folder, 'not a plan', new Error("holds a manifest.json that is not an earlier plan's (a run's outputs?): choose another folder"));
  }
  return plan.files.map((file) => file?.name).filter((name): name is string => typeof name === 'string' && name === basename(name) && name !== '' && !name.startsWith('.'));
}

/** The what-if options (plan, or a built-in design) a flag names that there are none of: its problem, or null. */
function unknownOption(flag: string, names: readonly string[]): string | null {
  const known = ['plan', ...Object.keys(BUILTIN_DESIGNS)];
  const unknown = names.find((name) => !known.includes(name));
  return unknown === undefined ? null : `${flag}: no design "${unknown}"${didYouMean(unknown, known)}; options: ${known.join(', ')}`;
}

/** What `trials --report` writes into its folder. */
const TRIALS_REPORT_FILES = [TRIALS_FILE, 'manifest.json', REPORT_FILE];

/** What `power` writes into its folder. */
const POWER_FILES = [POWER_FILE, 'manifest.json', REPORT_FILE];

/** What `whatif` writes into its folder. */
const WHATIF_FILES = ['whatif.csv', 'whatif.json', 'manifest.json', REPORT_FILE];

/**
 * Versions of the athlete a what-if runs unless told: with 1 000, the Monte Carlo error of a paired
 * difference between options is a second or two of a 10-km time (the table prints it), and the run
 * takes about a second.
 */
const DEFAULT_WHATIF_VERSIONS = 1000;
const MAX_WHATIF_VERSIONS = 100_000;

/** What `plan` writes into its folder. */
const PLAN_FILES = ['plan.csv', 'plan.json', 'plan.ics', 'plan.icu.txt', 'manifest.json', REPORT_FILE];

/**
 * The plan's first day: the Monday on or after `--from` (YYYY-MM-DD), or on or after today — weeks
 * run Monday to Sunday, as a training week does.
 */
export function planStart(from: string | undefined, today: Date): string | { problem: string } {
  let date: string;
  // Today as the coach's calendar says it: the local date, not UTC's.
  if (from === undefined) date = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
  else if (IsoDate.safeParse(from).success) date = from;
  else return { problem: `a date as YYYY-MM-DD, e.g. 2027-01-04 (got ${from})` };
  return addDays(date, (7 - weekdayOf(date)) % 7);
}

/** `--allow-outside-rules`: a scenario may name rule files outside its folder (RuleFileAccess). */
function allowOutsideRulesOption(): Option {
  return new Option('--allow-outside-rules', "read rule files (and athlete files) the scenario names outside its own folder (by an absolute path, ../ or a symlink): refused by default, so that a scenario from elsewhere reads nothing else on the machine");
}

/** Which rule files the scenario a command is given may name: its folder's, unless the user allowed any. */
function ruleAccess(options: { allowOutsideRules?: boolean }): RuleFileAccess {
  return options.allowOutsideRules === true ? 'anywhere' : 'inside';
}

/** `--uncertainty ensemble[:M]`: the model's uncertainty carried into every paired contrast (src/sim/model-uncertainty.ts). */
/** `--report`: the page of charts, written at the end (src/report/, docs/REPORT.md). */
function reportOption(): Option {
  return new Option('--report', `also write ${REPORT_FILE}: the outputs as one page of charts that opens offline (periodize report <dir> draws it again)`);
}

/**
 * Draws `dir`'s outputs into `dir`/report.html and prints its path. A folder that holds nothing to
 * draw, or a table of another version's columns, is bad input (exit 2); the folder is left as it was.
 */
async function reportInto(io: CliIo, dir: string): Promise<void> {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`periodize report: ${dir}: no such folder`);
  let path: string;
  try {
    path = await writeReport(dir);
  } catch (error) {
    if (error instanceof NoReportError || error instanceof ReportInputError || error instanceof MissingColumnError) throw new UsageError(`periodize report: ${error.message}`);
    throw error;
  }
  io.out(`report: ${path} (one page of charts: open it in any browser, no network needed)\n`);
}

function uncertaintyOption(): Option {
  return new Option(
    '--uncertainty <ensemble[:M]>',
    `also run the athletes under M parameter sets of the calibrated ensemble (${ENSEMBLE_FILE}; default M ${DEFAULT_UNCERTAINTY_SETS}): every paired contrast gains its interval over plausible models and the share of them agreeing in sign`,
  );
}

/** The scenario, with contrasts to run over the sets, and the committed ensemble, checked against today's model. */
function withEnsemble(spec: RunSpec, scenario: string, command: string, base: Parameters): { ensemble: Ensemble; sha256: string } {
  withContrasts(spec, scenario, command);
  return withEnsembleOnly(command, base);
}

/** The committed ensemble, checked against today's model: a stale or missing one is bad input, with the command that refits it. */
function withEnsembleOnly(command: string, base: Parameters, file?: string): { ensemble: Ensemble; sha256: string } {
  try {
    return file === undefined ? readEnsemble(UNCERTAIN_PARAMETERS, base) : readEnsemble(UNCERTAIN_PARAMETERS, base, file);
  } catch (error) {
    if (error instanceof EnsembleError) throw new UsageError(`periodize ${command}: ${error.message}`);
    throw error;
  }
}

/** The scenario's contrasts under `sets` drawn sets of the ensemble: each set on a worker of the pool, or here in turn. */
async function ensembleRuns(
  spec: RunSpec,
  scenario: string,
  chosen: { ensemble: Ensemble; sha256: string; sets: number },
  pool: WorkerPool | null,
  bars: boolean,
  container: Container,
): Promise<EnsembleRuns> {
  const { createContainer } = await import('../composition-root.ts');
  const partsFor = (parameters: Parameters) => {
    const each = createContainer(parameters);
    return { loader: each.get(ScenarioLoader), runner: each.get(ScenarioRunner) };
  };
  const bar = bars ? progressBar(false, 'parameter sets') : null;
  try {
    return await runEnsembleSets(
      spec,
      {
        file: scenario,
        text: readScenarioText(scenario),
        ...chosen,
        base: container.get(PARAMETER_SET),
        concurrency: pool === null ? 1 : 2 * pool.workers,
        ...(bar === null ? {} : { progress: bar.update }),
      },
      pool === null ? (task) => runSet(partsFor, task) : (task) => pool.runSet(task),
    );
  } finally {
    bar?.stop();
  }
}

/** Commander's parser for a count or index option: `--replicate 2`. */
function wholeNumber(text: string): number {
  if (!/^\d+$/.test(text)) throw new InvalidArgumentError('expected a whole number');
  return Number(text);
}
