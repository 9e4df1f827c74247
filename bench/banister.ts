/**
 * The comparison line of `npm run bench`: the classic two-component Banister fitness–fatigue model
 * (Banister et al. 1975; Calvert et al. 1976) with daily resting-HR and lnRMSSD markers, on the same
 * batch — the loop a researcher would otherwise write by hand — so that the full model's throughput
 * can be read against it. Fitness and fatigue are impulse responses of the daily load with the
 * conventional time constants (42 and 7 days, PARAMETERS.fatigue) and weights k1 = 1, k2 = 2;
 * markers move with fatigue relative to fitness, with the parameters' noise.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { PARAMETERS } from '../src/models/parameters.ts';
import { RandomStream } from '../src/sim/rng.ts';
import { athleteDays } from '../src/sim/scenario/prepare.ts';

/** Banister's weights of fitness and fatigue in performance (the conventional k2/k1 = 2). */
const FITNESS_WEIGHT = 1;
const FATIGUE_WEIGHT = 2;

/** Runs athletes × weeks × arms athlete-days of the two-component model; returns athlete-days per second. */
export function banisterThroughput(athletes: number, weeks: number, arms: number): number {
  const fitnessDecay = Math.exp(-1 / PARAMETERS.fatigue.chronicTimeConstantDays);
  const fatigueDecay = Math.exp(-1 / PARAMETERS.fatigue.timeConstantDays.mean);
  const hr = PARAMETERS.markers.restingHr;
  const hrv = PARAMETERS.markers.lnRmssd;
  const stream = new RandomStream(Int32Array.from([1, 2, 3, 4]));
  const noise = new Float64Array(2);
  // A week of daily loads per arm (AU): hard days, easy days, a long day and rest, scaled by arm.
  const week = [60, 40, 90, 0, 45, 120, 30];
  let checksum = 0;
  const started = performance.now();
  for (let athlete = 0; athlete < athletes; athlete++) {
    const baseHr = 55 + (athlete % 20);
    const baseHrv = 3.5 + (athlete % 10) * 0.1;
    for (let arm = 0; arm < arms; arm++) {
      const scale = 0.8 + 0.1 * arm;
      let fitness = 300;
      let fatigue = 300 * (1 - fitnessDecay) / (1 - fatigueDecay);
      let performance = 0;
      for (let day = 0; day < weeks * 7; day++) {
        const load = scale * week[day % 7]!;
        fitness = fitness * fitnessDecay + load;
        fatigue = fatigue * fatigueDecay + load;
        performance = FITNESS_WEIGHT * fitness * (1 - fitnessDecay) - FATIGUE_WEIGHT * fatigue * (1 - fatigueDecay);
        const strain = (fatigue * (1 - fatigueDecay)) / Math.max(1e-9, fitness * (1 - fitnessDecay)) - 1;
        stream.normals(noise, 2);
        const restingHr = baseHr + hr.perStrain * strain + hr.noiseSd * noise[0]!;
        const lnRmssd = baseHrv + hrv.perStrain * strain + hrv.noiseSd * noise[1]!;
        checksum += restingHr * 1e-9 + lnRmssd * 1e-9;
      }
      checksum += performance * 1e-9;
    }
  }
  const seconds = (performance.now() - started) / 1000;
  if (!Number.isFinite(checksum)) throw new Error('banister: not a number');
  return athleteDays({ population: { size: athletes }, arms: { length: arms }, weeks }) / seconds;
}

/**
 * The same loop in vectorised numpy (bench/banister.py), run by python3 on the same batch with the
 * same constants: athlete-days per second and numpy's version, or why it could not run (no python3,
 * no numpy) — the bench then prints the reason instead of the line.
 */
export function numpyBanisterThroughput(athletes: number, weeks: number, arms: number): { rate: number; numpy: string } | { skipped: string } {
  const constants = {
    athletes,
    weeks,
    arms,
    fitnessDays: PARAMETERS.fatigue.chronicTimeConstantDays,
    fatigueDays: PARAMETERS.fatigue.timeConstantDays.mean,
    fitnessWeight: FITNESS_WEIGHT,
    fatigueWeight: FATIGUE_WEIGHT,
    hrPerStrain: PARAMETERS.markers.restingHr.perStrain,
    hrNoiseSd: PARAMETERS.markers.restingHr.noiseSd,
    hrvPerStrain: PARAMETERS.markers.lnRmssd.perStrain,
    hrvNoiseSd: PARAMETERS.markers.lnRmssd.noiseSd,
  };
  const script = fileURLToPath(new URL('banister.py', import.meta.url));
  const run = spawnSync('python3', [script, JSON.stringify(constants)], { encoding: 'utf8' });
  if (run.error !== undefined) return { skipped: `python3: ${(run.error as NodeJS.ErrnoException).code ?? run.error.message}` };
  if (run.status !== 0) return { skipped: /No module named .?numpy/.test(run.stderr) ? 'numpy is not installed for python3' : `python3 exited ${run.status}: ${run.stderr.trim().split('\n').at(-1)}` };
  const result = JSON.parse(run.stdout) as { rate: number; numpy: string };
  return result;
}
