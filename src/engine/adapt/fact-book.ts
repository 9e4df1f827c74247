import type { FactContext, FactDefinition, FactProvider } from './facts/types.ts';

/**
 * The facts one rule set reads, each computed at most once a morning and only when a condition asks
 * for it (a rule that checks the weekday first never computes the HRV band on other days).
 * Values are numbers; NaN is *missing*.
 */
export class FactBook {
  readonly definitions: FactDefinition[] = [];
  private readonly slots = new Map<string, number>();
  private values = new Float64Array(0);
  private stamps = new Int32Array(0);
  /** Bumped every morning: a fact computed under an older stamp is stale. */
  private stamp = 1;

  constructor(
    private readonly known: ReadonlyMap<string, FactDefinition>,
    readonly context: FactContext,
  ) {}

  /** Every fact the providers offer, by name. */
  static catalogue(providers: readonly FactProvider[]): Map<string, FactDefinition> {
    const known = new Map<string, FactDefinition>();
    for (const provider of providers) {
      for (const fact of provider.facts) {
        if (known.has(fact.name)) throw new Error(`two fact providers define "${fact.name}"`);
        known.set(fact.name, fact);
      }
    }
    return known;
  }

  /** The slot of a fact, adding it (and its companions) on first use; throws for an unknown name. */
  slot(name: string): number {
    let slot = this.slots.get(name);
    if (slot !== undefined) return slot;
    const definition = this.known.get(name);
    if (definition === undefined) throw new Error(`unknown fact "${name}"`);
    slot = this.definitions.length;
    this.definitions.push(definition);
    this.slots.set(name, slot);
    const values = new Float64Array(slot + 1);
    values.set(this.values);
    this.values = values;
    const stamps = new Int32Array(slot + 1);
    stamps.set(this.stamps);
    this.stamps = stamps;
    for (const companion of definition.companions ?? []) this.slot(companion);
    return slot;
  }

  /** A new morning: every fact is stale. */
  invalidate(): void {
    this.stamp++;
  }

  /** The fact in `slot` this morning (NaN = missing), computed if it is not yet. */
  value(slot: number): number {
    if (this.stamps[slot] !== this.stamp) {
      this.definitions[slot]!.compute(this.context, this.values, slot);
      this.stamps[slot] = this.stamp;
    }
    return this.values[slot]!;
  }

  /** The fact's name and value for a trace (null = missing). */
  reading(slot: number): { fact: string; value: number | null } {
    const value = this.value(slot);
    return { fact: this.definitions[slot]!.name, value: value === value ? value : null };
  }

  slotOf(name: string): number | undefined {
    return this.slots.get(name);
  }
}
