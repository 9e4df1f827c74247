/** `--name value` options of the bench scripts. */
export function option(name: string): string | undefined {
  const args = process.argv.slice(2);
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}

/** A numeric `--name value` option, or its default. */
export function numberOption(name: string, fallback: number): number {
  const value = option(name);
  return value === undefined ? fallback : Number(value);
}
