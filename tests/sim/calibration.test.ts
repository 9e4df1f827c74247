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
 * n = 1 500 (and 4 000). Their tests are marked `it.fails`: when one comes within its band, its
 * test fails and its line here goes. The committed set is the calibrated ensemble's weighted median
 * (docs/CALIBRATION.md, The default parameter set), which misses these five (docs/CALIBRATION.md,
 * The result, says why).
 */
const OUTSIDE = new Map([
  // +3.00 % (n = 4 000: +2.90 %), band +4.7 to +9.7 %.
  ['Helgerud et al. 2007: VO2max, 4 × 4 min (55.5 → 60.4 ml/kg/min)', '+3.00 %'],
  // +2.24 % (n = 4 000: +2.23 %), band +3 to +8 %.
  ['Helgerud et al. 2007: VO2max, 15/15 s intervals (60.5 → 64.4 ml/kg/min)', '+2.24 %'],
  // +1.95 pp (n = 4 000: +1.95 pp), band +2 to +3 pp.
  ['Mujika et al. 1996: performance after the taper − before it → 10-km time trial', '+1.95 pp'],
  // −0.45 % (n = 4 000: −0.69 %), band −0.2 to +3.2 %.
  ['Treff et al. 2017: 2000-m power → time trial, pyramidal', '−0.45 %'],
  // +1.04 % (n = 4 000: +1.20 %), band +1.5 to +3 %.
  ['Well-trained runners, 16 weeks (Filipas et al. 2022): 5-km → 10-km time trial, pyramidal', '+1.04 %'],
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
