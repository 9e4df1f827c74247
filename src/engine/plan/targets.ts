import type { ZoneShares } from '../../models/zones.ts';
import type { Macroplan, ResolvedDesign } from '../designs/resolve.ts';
import { PLANNING } from './constants.ts';

/** What one week of a plan must hold for one athlete. */
export class WeekTargets {
  totalMinutes = 0;
  z2Minutes = 0;
  z3Minutes = 0;
  /** Session counts by goal, for designs counted by sessions. */
  thresholdSessions = 0;
  highSessions = 0;
}

type LoadingPattern = Pick<ResolvedDesign, 'progression' | 'loadWeeks' | 'deloadWeeks' | 'deloadVolume'>;

/** Whether week `weekInBlock` (0-based) of a block is a deload week of its loading pattern. */
export function isDeloadWeek(design: LoadingPattern, weekInBlock: number): boolean {
  return weekInBlock % (design.loadWeeks + design.deloadWeeks) >= design.loadWeeks;
}

/**
 * Volume of week `weekInBlock` (0-based) of a block relative to the block's starting volume:
 * +progression per loading week, and deload weeks at `deloadVolume` of the loading week before.
 * @example volumeFactor({ progression: 0.03, loadWeeks: 3, deloadWeeks: 1, deloadVolume: 0.7 }, 3) // 1.03² × 0.7
 */
export function volumeFactor(design: LoadingPattern, weekInBlock: number): number {
  const cycle = design.loadWeeks + design.deloadWeeks;
  const position = weekInBlock % cycle;
  const loadingBefore = Math.floor(weekInBlock / cycle) * design.loadWeeks + Math.min(position, design.loadWeeks);
  if (!isDeloadWeek(design, weekInBlock)) return Math.pow(1 + design.progression, loadingBefore);
  return Math.pow(1 + design.progression, loadingBefore - 1) * design.deloadVolume;
}

/**
 * Walks one athlete's macroplan week by week and sets each week's targets. A taper works from the
 * last week before it; session-counted designs carry fractional session counts from week to week so
 * that the shares hold on average.
 */
export class TargetTracker {
  /** The most minutes a week the athlete has (Infinity: no cap): a week's targets are scaled down to it, zones alike. */
  weeklyMinutesCap = Number.POSITIVE_INFINITY;
  private habitualMinutes = 0;
  private beforeTaperTotal = 0;
  private beforeTaperZ2 = 0;
  private beforeTaperZ3 = 0;
  private highCarry = 0;
  private thresholdCarry = 0;

  /**
   * `out` held to the weekly cap, zones alike: for targets something changed after `next` (the
   * adaptive engine's volume changes) — the athlete has no more hours for them.
   */
  holdCap(out: WeekTargets): void {
    if (!(out.totalMinutes > this.weeklyMinutesCap)) return;
    const scale = this.weeklyMinutesCap / out.totalMinutes;
    out.totalMinutes = this.weeklyMinutesCap;
    out.z2Minutes *= scale;
    out.z3Minutes *= scale;
  }

  /** Starts a new athlete-arm from the athlete's habitual week. */
  reset(habitualWeeklyHours: number, habitual: ZoneShares): void {
    this.habitualMinutes = habitualWeeklyHours * 60;
    this.beforeTaperTotal = this.habitualMinutes;
    this.beforeTaperZ2 = this.habitualMinutes * habitual.z2;
    this.beforeTaperZ3 = this.habitualMinutes * habitual.z3;
    this.highCarry = 0;
    this.thresholdCarry = 0;
  }

  /**
   * Targets of `week` (from 1) with the planned volume multiplied by `loadFactor` (events). The
   * week trains to its block's design unless `design` says otherwise (the adaptive engine shifting
   * it); the block still says where the week stands in its loading pattern.
   */
  next(plan: Macroplan, week: number, loadFactor: number, out: WeekTargets, design: ResolvedDesign = plan.blocks[plan.blockOfWeek[week]!]!.design): void {
    const block = plan.blocks[plan.blockOfWeek[week]!]!;
    let total: number;
    let z2: number;
    let z3: number;
    if (design.taper !== null) {
      total = this.beforeTaperTotal * design.taper.volume;
      z2 = this.beforeTaperZ2 * design.taper.hardMinutes;
      z3 = this.beforeTaperZ3 * design.taper.hardMinutes;
    } else {
      const base = 'absolute' in design.weeklyHours ? design.weeklyHours.absolute * 60 : design.weeklyHours.relative * this.habitualMinutes;
      const shares = design.distribution!;
      const weekInBlock = week - block.startWeek;
      total = base * volumeFactor(design, weekInBlock);
      z2 = total * shares.z2;
      z3 = total * shares.z3;
      if (!isDeloadWeek(design, weekInBlock)) {
        // The week a taper works from is the week as the athlete can run it: capped.
        const capped = total > this.weeklyMinutesCap ? this.weeklyMinutesCap / total : 1;
        this.beforeTaperTotal = total * capped;
        this.beforeTaperZ2 = z2 * capped;
        this.beforeTaperZ3 = z3 * capped;
      }
    }
    // No more than the athlete has: the week scaled down to the cap, zones alike.
    const scale = total * loadFactor > this.weeklyMinutesCap ? this.weeklyMinutesCap / total : loadFactor;
    out.totalMinutes = total * scale;
    out.z2Minutes = z2 * scale;
    out.z3Minutes = z3 * scale;
    out.highSessions = 0;
    out.thresholdSessions = 0;
    if (design.basis === 'sessions' && design.distribution !== null) {
      const sessions = Math.max(1, Math.round(out.totalMinutes / PLANNING.minutesPerDay));
      this.highCarry += design.distribution.z3 * sessions;
      this.thresholdCarry += design.distribution.z2 * sessions;
      out.highSessions = Math.max(0, Math.round(this.highCarry));
      out.thresholdSessions = Math.max(0, Math.round(this.thresholdCarry));
      this.highCarry -= out.highSessions;
      this.thresholdCarry -= out.thresholdSessions;
    }
  }
}
