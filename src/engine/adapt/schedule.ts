import type { Macroplan, ResolvedBlock, ResolvedDesign } from '../designs/resolve.ts';

/**
 * The weeks ahead as the engine has changed them for one athlete-arm: the block layout (blocks
 * extended or shortened), and per week a volume factor, a design shift and whether hard sessions
 * are off. Week-scoped actions write here; the simulator reads it when it plans each week.
 */
export class WeekSchedule implements Macroplan {
  label = '';
  weeks = 0;
  blocks: ResolvedBlock[] = [];
  blockOfWeek: Uint8Array;
  /** Planned volume × this, per week (1-based; index 0 unused). */
  readonly volume: Float64Array;
  /** 1: every hard session of the week becomes easy. */
  readonly easy: Uint8Array;
  /** A design that replaces the block's for that week, or null. */
  readonly design: (ResolvedDesign | null)[];

  constructor(maxWeeks: number) {
    this.blockOfWeek = new Uint8Array(maxWeeks + 2);
    this.volume = new Float64Array(maxWeeks + 2);
    this.easy = new Uint8Array(maxWeeks + 2);
    this.design = new Array<ResolvedDesign | null>(maxWeeks + 2).fill(null);
  }

  /** Starts from an arm's macroplan, nothing changed. */
  reset(plan: Macroplan): void {
    this.label = plan.label;
    this.weeks = plan.weeks;
    // The arm's blocks, copied into objects kept from arm to arm.
    const blocks = this.blocks;
    blocks.length = plan.blocks.length;
    for (let i = 0; i < plan.blocks.length; i++) {
      const from = plan.blocks[i]!;
      const to = (blocks[i] ??= { name: '', startWeek: 0, weeks: 0, design: from.design });
      to.name = from.name;
      to.startWeek = from.startWeek;
      to.weeks = from.weeks;
      to.design = from.design;
    }
    this.blockOfWeek.set(plan.blockOfWeek);
    this.volume.fill(1);
    this.easy.fill(0);
    this.design.fill(null);
  }

  /** The design week `week` trains to. */
  designOf(week: number): ResolvedDesign {
    return this.design[week] ?? this.blocks[this.blockOfWeek[week]!]!.design;
  }

  /**
   * Weeks of "the next mesocycle" seen from `week`: the rest of the current block from next week,
   * or, in a block's last week, the whole next block. None (last < first) after the last week.
   */
  nextMesocycleFirst(week: number): number {
    return week + 1;
  }

  nextMesocycleLast(week: number): number {
    const from = week + 1;
    if (from > this.weeks) return week;
    const block = this.blocks[this.blockOfWeek[from]!]!;
    return Math.min(this.weeks, block.startWeek + block.weeks - 1);
  }

  /**
   * Lengthens (weeks > 0) or shortens (weeks < 0) the block running in `week` by moving its
   * boundary with the next block, which shrinks or grows to match: the plan keeps its length and the
   * blocks after the next keep theirs. The next block keeps at least a week, a taper keeps all of its
   * weeks, and the current block never ends before `week`. Returns the weeks actually added or
   * removed (0 in the last block, or before a taper).
   */
  resizeBlock(week: number, weeks: number): number {
    const index = this.blockOfWeek[week]!;
    if (index === this.blocks.length - 1) return 0;
    const block = this.blocks[index]!;
    const next = this.blocks[index + 1]!;
    // A taper is sized to the race, not to the training before it: it keeps its weeks.
    if (next.design.taper !== null) return 0;
    const end = block.startWeek + block.weeks - 1;
    const change = Math.max(week - end, Math.min(weeks, next.weeks - 1));
    if (change === 0) return 0;
    block.weeks += change;
    next.startWeek += change;
    next.weeks -= change;
    for (let w = block.startWeek; w < block.startWeek + block.weeks; w++) this.blockOfWeek[w] = index;
    for (let w = next.startWeek; w < next.startWeek + next.weeks; w++) this.blockOfWeek[w] = index + 1;
    return change;
  }
}
