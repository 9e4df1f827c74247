/** In-house statistics for simulation summaries. */
export { studentTQuantile, studentTUpperTail } from './student-t.ts';
export { summarize, type Summary } from './describe.ts';
export { pairedDifference, type PairedDifference } from './paired.ts';
export { bootstrapMeanCi } from './bootstrap-mean-ci.ts';
export { cohensDz } from './cohens-dz.ts';
export { hedgesG, type GroupSummary } from './hedges-g.ts';
export { monteCarloStandardError } from './monte-carlo-standard-error.ts';
export { responderShares, type ResponderShares } from './responder-shares.ts';
export { significantShare, type StudyDesign } from './significant-share.ts';
