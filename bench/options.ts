/**
 * `--name value` options of the bench scripts. Each script declares its options first
 * (`declareOptions`): `--help` prints its usage, and an option it does not know, or one without its
 * value, is bad input (exit 2) — a typo never starts a long run on the defaults.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const EXIT_BAD_INPUT = 2;

/** Options a script takes: `value` (`--size 600`), `flag` (`--write`) or `repeat` (`--set a=1 --set b=2`). */
export type OptionKinds = Readonly<Record<string, 'value' | 'flag' | 'repeat'>>;

let script = 'bench';

/** `script`'s options (`moduleUrl`: its `import.meta.url`; its usage is its opening doc comment). */
export function declareOptions(name: string, moduleUrl: string, kinds: OptionKinds): void {
  script = name;
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(`${usageOf(moduleUrl)}\n`);
    process.exit(0);
  }
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith('--')) fail(`unexpected argument ${JSON.stringify(arg)}`);
    const kind = kinds[arg.slice(2)];
    if (kind === undefined) fail(`unknown option ${arg} (--help lists the options)`);
    if (kind === 'flag') continue;
    const value = args[i + 1];
    if (value === undefined || value.startsWith('--')) fail(`${arg}: a value is missing`);
    i++;
  }
}

export function fail(message: string): never {
  process.stderr.write(`${script}: ${message}\n`);
  process.exit(EXIT_BAD_INPUT);
}

export function option(name: string): string | undefined {
  const args = process.argv.slice(2);
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}

/** A numeric `--name value` option, or its default; anything but a finite number is bad input. */
export function numberOption(name: string, fallback: number): number {
  const value = option(name);
  if (value === undefined) return fallback;
  const number = Number(value);
  if (value.trim() === '' || !Number.isFinite(number)) fail(`--${name}: a number (got ${JSON.stringify(value)})`);
  return number;
}

/** A script's opening doc comment, without its comment marks. */
function usageOf(moduleUrl: string): string {
  const text = readFileSync(fileURLToPath(moduleUrl), 'utf8');
  const doc = /\/\*\*\n([\s\S]*?)\n \*\//.exec(text)?.[1] ?? '';
  return doc
    .split('\n')
    .map((line) => line.replace(/^ \*( |$)/, ''))
    .join('\n')
    .trim();
}
