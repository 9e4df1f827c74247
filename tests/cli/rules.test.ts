import { describe, expect, it } from 'vitest';
import { actionParameters, FACT_SETTING_MEANINGS, GUARDRAIL_MEANINGS, HIT_POLICY_MEANINGS, SCOPE_MEANINGS } from '../../src/cli/rules.ts';
import { ACTION_NAMES, FactSettings, Guardrails, HIT_POLICIES, SCOPES } from '../../src/models/rules/schema.ts';

describe(actionParameters, () => {
  describe('having every action of the schema', () => {
    it('should say what each takes, from its schema (only keepPlan takes nothing)', () => {
      const described = Object.fromEntries(ACTION_NAMES.map((name) => [name, actionParameters(name)]));
      expect(described).toEqual({
        makeHardSessionsEasy: 'scope: any; minutes?: 10–240',
        postponeHardSession: 'scope?: today',
        bringForwardHardSession: 'scope?: today',
        rest: 'scope: today | nextSession',
        scaleVolume: 'scope: any; factor: 0.2–1',
        progress: 'scope: any; factor: 1–1.3',
        insertDeloadWeek: 'scope?: nextMicrocycle; volume?: 0.2–1',
        extendBlock: 'weeks: 1–8 (whole)',
        shortenBlock: 'weeks: 1–8 (whole)',
        shiftDesign: "scope: nextMicrocycle | nextMesocycle; design: a design's name",
        keepPlan: '—',
      });
    });
  });
});

describe('the meanings periodize rules prints', () => {
  // The tables are typed by the schema's keys; these catch a key the schema gains at run time too.
  it('should cover every scope, hit policy, guardrail and fact setting of the schema, and nothing else', () => {
    expect(Object.keys(SCOPE_MEANINGS)).toEqual([...SCOPES]);
    expect(Object.keys(HIT_POLICY_MEANINGS)).toEqual([...HIT_POLICIES]);
    expect(Object.keys(GUARDRAIL_MEANINGS)).toEqual(Object.keys(Guardrails.shape));
    expect(Object.keys(FACT_SETTING_MEANINGS)).toEqual(Object.keys(FactSettings.shape));
  });
});
