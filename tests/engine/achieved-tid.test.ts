import { beforeAll, describe, expect, it } from 'vitest';
import { createContainer } from '../../src/composition-root.ts';
import { LEVELS, Scenario, type Level } from '../../src/models/scenario/schema.ts';
import { BUILTIN_DESIGNS } from '../../src/engine/designs/builtins.ts';
import { ScenarioRunner } from '../../src/sim/runner.ts';
import { prepareScenario } from '../../src/sim/scenario/prepare.ts';
import type { Summary } from '../../src/sim/summary.ts';
import { CATALOGUE, PARAMETER_SET } from '../../src/sim/tokens.ts';

/**
 * The plan generator's promise (issue #2): the time in zone of the sessions it writes — by speed
 * against the athletes' current thresholds, the sessions as simulated — lands within ±3 percentage
 * points of the design's target (`planDistribution`; what the athletes then do departs from it where
 * illness and injuries take sessions or an injured athlete runs easy on the way back). Checked for every built-in design counted by time, at every level, on 200
 * athletes over 8 weeks. Untrained athletes' habitual volume (< 1 h a week) cannot hold a
 * distribution, so they train 3 h a week here (as a study would prescribe).
 *
 * The planner writes only what a coach writes (src/engine/plan/constants.ts): one hard session a
 * day in these designs, at most 30 min above LT2 in a session and at most 8 % of the week (Daniels),
 * repetitions within the catalogue's. Where a design asks more than that, it falls short instead —
 * below its zone-2 and zone-3 targets, never above them — and the summary's warnings say so.
 */
const FALLS_SHORT: Readonly<Record<string, { levels: readonly Level[]; why: string }>> = {
  hiit: {
    levels: LEVELS,
    why: '25 % above LT2 at ⅔ of the usual volume takes more sessions of at most 8 % of the week than there are hard days',
  },
  polarized: { levels: ['elite'], why: '15 % of 13 h is ≈ 117 min above LT2: more than three hard days (an easy day between) of at most 30 min hold' },
  'vo2max-emphasis': { levels: ['elite'], why: 'as polarized: ≈ 117 min above LT2 in three hard days of at most 30 min' },
  pyramidal: { levels: ['elite'], why: '20 % of 13 h is ≈ 156 min between the thresholds, and 5 % above LT2: more than three hard days of the menu\'s sessions hold' },
  threshold: {
    levels: ['untrained', 'elite'],
    why: "40 % of 13 h is ≈ 310 min between the thresholds, and 10 % above LT2: more than six hard days of one session hold; untrained at 3 h: race-pace reps set from a 10-km run near LT2 land above it, and the plain stand-ins are too long for the week's few minutes",
  },
  'clearance-emphasis': {
    levels: ['untrained', 'elite'],
    why: '17 % + 8 % of 13 h in sessions of at most 30 min above LT2, one a day: more than three hard days hold; untrained at 3 h: race-pace reps as for threshold',
  },
  'double-threshold': { levels: ['untrained'], why: 'untrained at 3 h: the afternoon half\'s 5–10-km-pace reps land above LT2 for runners whose 10 km is near it' },
};

const container = createContainer();
const runner = container.get(ScenarioRunner);
const designs = Object.entries(BUILTIN_DESIGNS).filter(([, builtin]) => builtin.design.distribution !== undefined);

describe('achieved time in zone of the built-in designs', () => {
  for (const level of LEVELS) {
    describe(`having ${level} athletes`, () => {
      const arms = designs.map(([name]) => ({ id: name, design: level === 'untrained' ? { extends: name, weeklyHours: 3 } : name }));
      const scenario = Scenario.parse({ name: 'tid', seed: 3, weeks: 8, population: { size: 200, level }, arms });
      let summary: Summary;
      beforeAll(() => {
        const prepared = prepareScenario(scenario, container.get(CATALOGUE), container.get(PARAMETER_SET));
        if (!prepared.ok) throw new Error(JSON.stringify(prepared.issues));
        summary = runner.run(prepared.spec).summary;
      });

      for (const [name, builtin] of designs) {
        const target = builtin.design.distribution as { z1: number; z2: number; z3: number };
        const arm = () => summary.arms.find((a) => a.id === name)!;
        const shortfall = FALLS_SHORT[name];
        if (shortfall !== undefined && shortfall.levels.includes(level)) {
          it(`should fall short of ${name} only below its zone-2 and zone-3 targets, and say so (${shortfall.why})`, () => {
            const achieved = arm().planDistribution!;
            expect(achieved.z2, `Z2 ${achieved.z2} vs ${target.z2}`).toBeLessThanOrEqual(target.z2 + 0.03);
            expect(achieved.z3, `Z3 ${achieved.z3} vs ${target.z3}`).toBeLessThanOrEqual(target.z3 + 0.03);
            expect(achieved.z1, `Z1 ${achieved.z1} vs ${target.z1}`).toBeGreaterThanOrEqual(target.z1 - 0.03);
            const missed = Math.max(Math.abs(achieved.z1 - target.z1), Math.abs(achieved.z2 - target.z2), Math.abs(achieved.z3 - target.z3)) > 0.03;
            if (missed) expect(arm().warnings.join('\n')).toContain("the planner's caps on sessions and days");
          });
        } else {
          it(`should hold ${name} within ±3 pp of its target`, () => {
            const achieved = arm().planDistribution!;
            expect(Math.abs(achieved.z1 - target.z1), `Z1 ${achieved.z1} vs ${target.z1}`).toBeLessThanOrEqual(0.03);
            expect(Math.abs(achieved.z2 - target.z2), `Z2 ${achieved.z2} vs ${target.z2}`).toBeLessThanOrEqual(0.03);
            expect(Math.abs(achieved.z3 - target.z3), `Z3 ${achieved.z3} vs ${target.z3}`).toBeLessThanOrEqual(0.03);
          });
        }
      }
    });
  }
});
