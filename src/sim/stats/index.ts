/** In-house statistics for simulation summaries. */
export { studentTQuantile, studentTUpperTail } from './student-t.ts';
export { summarize, type Summary } from './describe.ts';
export { pairedDifference, type PairedDifference } from './paired.ts';
