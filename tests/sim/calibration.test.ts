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
 * test fails and its line here goes. The search (docs/CALIBRATION.md) ends with these five just
 * outside, pulled apart by the others: more VO2max from 4 × 4 min would put more on the recreational
 * polarized arm, already at its band's top, and on HERITAGE's top percentile.
 */
const OUTSIDE = new Map([
  // +4.58 % (n = 4 000: +4.49 %), band +4.7 to +9.7 %.
  ['Helgerud et al. 2007: VO2max, 4 × 4 min (55.5 → 60.4 ml/kg/min)', '+4.58 %'],
  // +1 509 ml/min (n = 4 000: within), band +900 to +1 500 ml/min.
  ['Bouchard et al. 1999 (HERITAGE): VO2max change, 99th percentile (some gain over 1 L/min)', '+1509 ml/min'],
  // +6.04 % (n = 4 000: +6.06 %), band +3 to +6 %.
  ['Recreational runners, 8 weeks (Muñoz et al. 2014; Nuuttila et al. 2021): 10-km race → time trial, polarized', '+6.04 %'],
  // −0.31 % (n = 4 000: −0.49 %), band −0.2 to +3.2 %.
  ['Treff et al. 2017: 2000-m power → time trial, pyramidal', '−0.31 %'],
  // +3.03 % (n = 4 000: +3.09 %), band +1.5 to +3 %.
  ['Well-trained runners, 16 weeks (Filipas et al. 2022): vBLa → LT2 speed, polarized', '+3.03 %'],
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
