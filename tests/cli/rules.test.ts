import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { actionParameters, meaningOf } from '../../src/cli/rules.ts';
import { ACTION_NAMES, FactSettings, Guardrails, HIT_POLICIES, HitPolicy, Scope, SCOPES } from '../../src/models/rules/schema.ts';

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

describe(meaningOf, () => {
  describe('having the rule-set schema', () => {
    // The meanings live in the schema: these catch a value or a field the schema gains without one.
    it('should find the meaning of every scope and hit policy, and of nothing else', () => {
      expect(Object.keys(Scope.meta()!.meanings!)).toEqual([...SCOPES]);
      expect(Object.keys(HitPolicy.meta()!.meanings!)).toEqual([...HIT_POLICIES]);
      expect(meaningOf(Scope, 'nextMicrocycle')).toBe('next week');
    });

    it('should find the description of every guardrail and fact setting', () => {
      const fields = [...Object.values(Guardrails.shape), ...Object.values(FactSettings.shape)];
      expect(fields.length).toBe(9);
      for (const field of fields) expect(meaningOf(field)).toMatch(/^[a-z].{10,}[^.]$/);
    });
  });

  describe('having a schema that says nothing', () => {
    it('should throw rather than print an empty meaning', () => {
      expect(() => meaningOf(z.number())).toThrow('the rule-set schema gives no meaning of a field');
      expect(() => meaningOf(Scope, 'tomorrow')).toThrow('no meaning of tomorrow');
    });
  });
});
