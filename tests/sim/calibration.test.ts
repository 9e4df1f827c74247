import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { calibrationMarkdown } from '../../src/cli/calibration.ts';
import { createContainer } from '../../src/composition-root.ts';
import { RunTrials } from '../../src/sim/trials/run-trials.ts';

/**
 * The calibration outcomes of trials/ — every outcome whose role is `calibration`, with the band its
 * trial file gives it — on 1 500 athletes per scenario, each trial on its own seed, with the one
 * committed parameter set (`npm run calibrate` shows the same at n = 4 000).
 */
const TRIALS = new URL('../../trials/', import.meta.url).pathname;
const results = createContainer().get(RunTrials).run(TRIALS, { size: 1500, replicates: 0, roles: ['calibration'] });

/**
 * Calibration outcomes the committed parameter set misses, by "study: outcome", with the numbers at
 * n = 1 500. Their tests are marked `it.fails`: the physiology is being rebuilt and will be
 * recalibrated; when one comes within its band, its test fails and its line here goes.
 */
const OUTSIDE = new Map([
  // With the planner's caps (plans a coach would write) the same zone-3 minutes come in more,
  // smaller sessions, and polarized gains more: +7.40 % (n = 4 000: +7.47 %), band +3 to +6 %.
  ['Recreational runners, 8 weeks (Muñoz et al. 2014; Nuuttila et al. 2021): threshold speed → LT2 speed, polarized', '+7.40 %'],
  // +7.02 % (n = 4 000: +7.02 %), band +3 to +6 %.
  ['Recreational runners, 8 weeks (Muñoz et al. 2014; Nuuttila et al. 2021): 10-km race → time trial, polarized', '+7.02 %'],
  // +1.28 % (n = 4 000: +1.34 %), band +1.5 to +3 %; the former target judged the mean of polarized and pyramidal.
  ['Well-trained runners, 16 weeks (Filipas et al. 2022): VO2peak → VO2max, pyramidal', '+1.28 %'],
  // +3.34 % (n = 4 000: +3.40 %), band +1.5 to +3 %.
  ['Well-trained runners, 16 weeks (Filipas et al. 2022): vBLa → LT2 speed, polarized', '+3.34 %'],
  // +3.01 % at n = 1 500 (n = 4 000: +2.96 %, just within), band +1.5 to +3 %.
  ['Well-trained runners, 16 weeks (Filipas et al. 2022): 5-km → 10-km time trial, polarized', '+3.01 %'],
]);

describe('calibration', () => {
  it('should run every calibration outcome of trials/ and nothing else', () => {
    const outcomes = results.flatMap((r) => r.outcomes);
    expect(outcomes.length).toBe(30);
    expect(outcomes.every((o) => o.expectation.role === 'calibration')).toBe(true);
  });

  for (const result of results) {
    describe(`having ${result.trial.study}`, () => {
      for (const o of result.outcomes) {
        const name = `${result.trial.study}: ${o.expectation.outcome}`;
        const known = OUTSIDE.get(name);
        const test = known === undefined ? it : it.fails;
        const title = `should put ${o.expectation.outcome} within its band (${o.band[0]} to ${o.band[1]} ${o.expectation.published.unit})`;
        test(known === undefined ? title : `${title} — outside for now: ${known}`, () => {
          expect(o.within, `${o.simulated.toFixed(2)} ${o.expectation.published.unit}`).toBe(true);
        });
      }
    });
  }
});

describe('docs/calibration-results.md', () => {
  it('should be what `node bin/calibrate.js --write` writes now (rerun it after changing the model or a trial)', () => {
    const fresh = createContainer().get(RunTrials).run(TRIALS, { size: 4000, replicates: 0, roles: ['calibration'] });
    const committed = readFileSync(new URL('../../docs/calibration-results.md', import.meta.url), 'utf8');
    expect(calibrationMarkdown(fresh, 'npm run calibrate -- --write')).toBe(committed);
  });
});
