/**
 * The standard normal distribution function, from Abramowitz & Stegun 7.1.26 via erf
 * (|error| < 1.5e-7).
 * @example normalCdf(1.96) // 0.975
 */
export function normalCdf(z: number): number {
  const t = 1 / (1 + 0.3275911 * (Math.abs(z) / Math.SQRT2));
  const erf = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-(z * z) / 2);
  return z >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
}
