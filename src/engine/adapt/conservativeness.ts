import type { Action, ActionName } from '../../models/rules/schema.ts';

/** One action of the rule vocabulary, by its name. */
export type ActionOf<N extends ActionName> = Extract<Action, { action: N }>;

/** An action's rank: a number, or a small function of the action's own numbers. */
type Rank<N extends ActionName> = number | ((action: ActionOf<N>) => number);

/**
 * The conflict order: when two rules that hold on the same morning change the same thing (a day's
 * intensity or volume, the weeks ahead), the more conservative change — the one that leaves the
 * athlete less load — wins; among equals, the higher priority, then file order. The larger, the
 * more conservative:
 * - 10 `rest`: no training at all is the least load a day can carry;
 * - 8 `makeHardSessionsEasy`: the sessions stay, their intensity goes;
 * - 7.3 `insertDeloadWeek` (7 + the share of volume it takes off, 0.7 of it by default): a whole
 *   week lighter, but from next week — after today's easy sessions, before today's postponement;
 * - 6 `postponeHardSession`: the hard session is still done, a few days later;
 * - 5–5.8 `scaleVolume` (5 + the share taken off): less of the same training;
 * - 3 `shiftDesign`, 2 `extendBlock` / `shortenBlock`: the structure ahead changes, not the load now;
 * - 0 `keepPlan`: the plan as written;
 * - −1 to −1.3 `progress` (−1 − the share added): more load, the more so the larger the step;
 * - −2 `bringForwardHardSession`: the hard session sooner, with less recovery before it.
 * The bands do not overlap, so a parametric action never passes the next action up or down.
 */
export const CONSERVATIVENESS: { readonly [N in ActionName]: Rank<N> } = {
  rest: 10,
  makeHardSessionsEasy: 8,
  insertDeloadWeek: (action) => 7 + (1 - (action.volume ?? 0.7)),
  postponeHardSession: 6,
  scaleVolume: (action) => 5 + (1 - action.factor),
  shiftDesign: 3,
  extendBlock: 2,
  shortenBlock: 2,
  keepPlan: 0,
  progress: (action) => -1 - (action.factor - 1),
  bringForwardHardSession: -2,
};

/**
 * How conservative an action is (see `CONSERVATIVENESS`): the larger, the less load.
 * @example conservativeness({ action: 'scaleVolume', scope: 'today', factor: 0.8 }) // 5.2
 */
export function conservativeness(action: Action): number {
  return rankOf(action.action, action);
}

/** The table's entry for one action name, applied to an action of that name (typed per name). */
function rankOf<N extends ActionName>(name: N, action: ActionOf<N>): number {
  const rank: Rank<N> = CONSERVATIVENESS[name];
  return typeof rank === 'number' ? rank : rank(action);
}
