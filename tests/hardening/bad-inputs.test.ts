import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { availableParallelism, homedir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { environmentProblem } from '../../src/cli/main.ts';
import { LocatedDocument } from '../../src/models/input/located.ts';
import { parseShard } from '../../src/sim/shards.ts';
import { OutputError, OutputStage } from '../../src/sim/outputs/stage.ts';
import { sha256 } from '../../src/sim/outputs/read-chunks.ts';
import { cli, read, temporaryFolder, writeScenario } from '../helpers.ts';

/** Whether this machine lets a test mount a tmpfs (root in a VM does; an unprivileged CI does not). */
const mountable = (() => {
  const probe = temporaryFolder();
  if (spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=8k', 'tmpfs', probe]).status !== 0) return false;
  spawnSync('umount', [probe]);
  return true;
})();

const TINY = 'name: tiny\nseed: 1\npopulation: { size: 6, level: recreational }\nweeks: 2\narms:\n  - { id: polarized, design: polarized }\n  - { id: threshold, design: threshold }\nreference: threshold\n';

/**
 * Issue 13's table of bad inputs and faults (docs/HARDENING.md): each case, the command, and the exit
 * code and message it must give. A valid-looking scenario that would hang or write nonsense is bad
 * input, reported at its line.
 */
interface Case {
  name: string;
  scenario: string;
  /** The command, the scenario file's path in place of FILE. */
  argv: string[];
  code: number;
  /** The whole of stderr, FILE in place of the scenario file's path. */
  err: string | RegExp;
}

const CASES: Case[] = [
  {
    name: 'a scenario file over 1 MiB',
    scenario: `${TINY}${'# a comment line of padding, 64 bytes long, repeated past 1 MiB\n'.repeat(17_000)}`,
    argv: ['validate', 'FILE'],
    code: 2,
    err: 'FILE:1:1: (document): more than 1 MiB: an input file this big is not one a person wrote (src/sim/input-file.ts)\n',
  },
  {
    name: 'a rule file that never ends (/dev/zero)',
    scenario: TINY.replace('design: polarized }', 'design: polarized, rules: /dev/zero }'),
    argv: ['validate', 'FILE', '--allow-outside-rules'],
    code: 2,
    err: '/dev/zero:1:1: (document): more than 1 MiB: an input file this big is not one a person wrote (src/sim/input-file.ts)\n',
  },
  {
    name: 'a rule file that is not one (/etc/passwd): said in one line, nothing of it quoted',
    scenario: TINY.replace('design: polarized }', 'design: polarized, rules: /etc/passwd }'),
    argv: ['validate', 'FILE', '--allow-outside-rules'],
    code: 2,
    err: '/etc/passwd:1:1: (document): not a rule file (a YAML mapping with name, hitPolicy and rules: README, Writing your own rule file)\n',
  },
  {
    name: 'a rule file outside the scenario\'s folder, by its absolute path: refused unread',
    scenario: TINY.replace('design: polarized }', 'design: polarized, rules: /etc/shadow }'),
    argv: ['run', 'FILE'],
    code: 2,
    err: 'FILE:6:48: arms[0].rules: rule file "/etc/shadow" is outside the scenario\'s folder: put it there (or below), or pass --allow-outside-rules to read it where it is\n',
  },
  {
    name: 'a rule file outside the scenario\'s folder, by ../',
    scenario: TINY.replace('design: polarized }', 'design: polarized, rules: ../../../../etc/passwd }'),
    argv: ['validate', 'FILE'],
    code: 2,
    err: 'FILE:6:48: arms[0].rules: rule file "../../../../etc/passwd" is outside the scenario\'s folder: put it there (or below), or pass --allow-outside-rules to read it where it is\n',
  },
  {
    name: 'a rule file outside the scenario\'s folder, /proc/self/environ',
    scenario: TINY.replace('design: polarized }', 'design: polarized, rules: /proc/self/environ }'),
    argv: ['power', 'FILE', '--n', '5'],
    code: 2,
    err: 'FILE:6:48: arms[0].rules: rule file "/proc/self/environ" is outside the scenario\'s folder: put it there (or below), or pass --allow-outside-rules to read it where it is\n',
  },
  {
    name: 'a run past 100 GB of outputs (five million athletes, a year of daily rows) without --yes',
    scenario: `${TINY.replace('size: 6', 'size: 5000000').replace('weeks: 2', 'weeks: 52')}outputs: { daily: true }\n`,
    argv: ['run', 'FILE'],
    code: 2,
    err: /^periodize run: FILE: 3,640,000,000 athlete-days: about [\d.,]+ (min|h|days) on \d+ (process|worker processes) of this machine, about [\d.,]+ GB of outputs — ([\d.,]+ (h|days) of CPU and )?[\d.,]+ GB of outputs, past what a run takes without asking \(24 h of CPU, 100 GB of outputs\): pass --yes to run it, or make it smaller \(fewer athletes or weeks, no daily rows\) or split it over machines \(--shard i\/N, then merge\)\n$/,
  },
  {
    name: 'a sweep of 10^600 values (counted, not built)',
    scenario: `${TINY}sweep:\n  design: polarized\n  vary:\n    z2: { from: 0, to: 1e300, step: 1e-300 }\n`,
    argv: ['validate', 'FILE'],
    code: 2,
    err: /^FILE:12:5: sweep\.vary: more than 1e308 combinations; a sweep adds at most 200 arms\n$/,
  },
  {
    name: "a sweep's rules that are no rule set, at the sweep's rules: once (it was each added arm's, at arms[0]'s line)",
    scenario: `${TINY}sweep:\n  design: polarized\n  vary:\n    z2: { from: 0, to: 0.1, step: 0.1 }\n  rules: no-such-rules.yaml\n`,
    argv: ['validate', 'FILE'],
    code: 2,
    err: /^FILE:13:10: sweep\.rules: no built-in rule set or readable rule file "no-such-rules\.yaml" \(built-in: [^)]*\)\n$/,
  },
  {
    name: 'a key given twice, in a nested mapping',
    scenario: TINY.replace('seed: 1\n', 'seed: 1\ntests: { preTestDays: 2, preTestDays: 3 }\n'),
    argv: ['validate', 'FILE'],
    code: 2,
    err: 'FILE:3:26: (document): YAML: map keys must be unique\n',
  },
  {
    name: "a population's trait mean outside the human range (it ran as the range's edge, silently)",
    scenario: TINY.replace('level: recreational }', 'level: recreational, traits: { vo2max: { mean: -50, sd: 2 }, age: { mean: 30, sd: 500 } } }'),
    argv: ['validate', 'FILE'],
    code: 2,
    err: 'FILE:3:71: population.traits.vo2max.mean: too small: expected number to be >=15\nFILE:3:106: population.traits.age.sd: too big: expected number to be <=78\n',
  },
  {
    name: 'power with a billion athletes per arm',
    scenario: TINY,
    argv: ['power', 'FILE', '--n', '1000000000'],
    code: 2,
    err: 'periodize power: --n: at most 100,000 athletes per arm, more than any study enrols (got 1000000000)\n',
  },
  {
    name: 'power with no simulated trials',
    scenario: TINY,
    argv: ['power', 'FILE', '--replicates', '0'],
    code: 2,
    err: 'periodize power: --replicates: 1 to 100,000 simulated trials per size (got 0)\n',
  },
  {
    name: 'a progression compounding past what a week holds (+30 % a loading week for 104 weeks)',
    scenario: 'name: compounding\nseed: 1\npopulation: { size: 1, level: trained }\nweeks: 104\narms:\n  - { id: a, design: { extends: polarized, progression: 0.3 } }\n',
    argv: ['validate', 'FILE'],
    code: 2,
    err: /^FILE:6:57: arms\[0\]\.design\.progression: \+30 % a loading week from the population's 6\.5 h a week plans 3\.9e\+9 h in week 103; a week holds at most 24\.5 h \(7 days of 3\.5 h, src\/engine\/plan\/constants\.ts\): a smaller progression, a loading pattern with deloads or shorter blocks\n$/,
  },
  {
    name: "a built-in design's own progression over a long block, for athletes who start high",
    scenario: 'name: long\nseed: 1\npopulation: { size: 1, level: elite }\nweeks: 40\narms:\n  - { id: a, design: polarized }\n',
    argv: ['run', 'FILE'],
    code: 2,
    err: /^FILE:6:22: arms\[0\]\.design\.progression: \+3 % a loading week from the population's 13 h a week plans 30\.6 h in week 39; a week holds at most 24\.5 h/,
  },
  {
    name: 'the same growth in one block of a macrocycle, reported at that block',
    scenario:
      'name: blocks\nseed: 1\npopulation: { size: 1, level: recreational }\nweeks: 30\narms:\n  - id: a\n    design:\n      blocks:\n        - { weeks: 4, design: pyramidal }\n        - { weeks: 26, design: { extends: polarized, weeklyHours: { relative: 2 }, progression: 0.1 } }\n',
    argv: ['validate', 'FILE'],
    code: 2,
    err: /^FILE:10:\d+: arms\[0\]\.design\.blocks\[1\]\.design\.progression: \+10 % a loading week from 2 × the population's 4\.5 h a week \(9 h\) plans 55 h in week 30; /,
  },
];

describe('bad input and faults (issue 13)', () => {
  for (const c of CASES) {
    it(`should refuse ${c.name}: exit ${c.code}, the message at its line`, async () => {
      const folder = temporaryFolder();
      const file = writeScenario(folder, 'scenario.yaml', c.scenario);
      const result = await cli(...c.argv.map((arg) => (arg === 'FILE' ? file : arg)), ...(c.argv[0] === 'run' ? ['--out', `${folder}/out`] : []));
      const err = result.err.split(file).join('FILE');
      if (typeof c.err === 'string') expect(err).toBe(c.err);
      else expect(err).toMatch(c.err);
      expect(result.code).toBe(c.code);
    });
  }

  it('should take a long block whose growth stays within a week, and a week asked for above it that does not grow (it falls short from the start)', async () => {
    const folder = temporaryFolder();
    const within = writeScenario(folder, 'within.yaml', 'name: ok\nseed: 1\npopulation: { size: 1, level: recreational }\nweeks: 52\narms:\n  - { id: a, design: polarized }\n');
    expect(await cli('validate', within)).toMatchObject({ code: 0, err: '' });
    const big = writeScenario(folder, 'big.yaml', 'name: big\nseed: 1\npopulation: { size: 1, level: recreational }\nweeks: 8\narms:\n  - { id: a, design: { extends: polarized, weeklyHours: 25, progression: 0 } }\n');
    expect(await cli('validate', big)).toMatchObject({ code: 0, err: '' });
    // Growing from above the capacity is refused as growing past it is.
    const growing = writeScenario(folder, 'growing.yaml', 'name: growing\nseed: 1\npopulation: { size: 1, level: recreational }\nweeks: 8\narms:\n  - { id: a, design: { extends: polarized, weeklyHours: 30, progression: 0.3 } }\n');
    const refused = await cli('validate', growing);
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/arms\[0\]\.design\.progression: \+30 % a loading week from 30 h plans \d+(\.\d)? h in week \d; a week holds at most 24\.5 h/);
  });
});

describe('resources and environment (issue 13)', () => {
  it('should print, in validate and first in run, the athlete-days, the time and the disk a run will take; and name a run that asks for --yes', async () => {
    const folder = temporaryFolder();
    const file = writeScenario(folder, 'tiny.yaml', TINY);
    const validated = await cli('validate', file);
    expect(validated.out).toMatch(/\n168 athlete-days: about [\d.]+ s on 1 process of this machine, about [\d.]+ kB of outputs\n$/);
    const ran = await cli('run', file, '--out', join(folder, 'out'));
    expect(ran.out.split('\n')[0]).toMatch(/^.*tiny\.yaml: 168 athlete-days: about [\d.]+ s on 1 process of this machine, about [\d.]+ kB of outputs$/);
    const big = writeScenario(folder, 'big.yaml', `${TINY.replace('size: 6', 'size: 5000000').replace('weeks: 2', 'weeks: 52')}outputs: { daily: true }\n`);
    expect((await cli('validate', big)).out).toMatch(/ GB of outputs — .*past what a run takes without asking \(24 h of CPU, 100 GB of outputs\): run asks for --yes\n$/);
    // Refused before anything is written: not even the folders --out would have needed.
    expect((await cli('run', big, '--out', join(folder, 'n1', 'n2', 'big'))).code).toBe(2);
    expect(readdirSync(folder).sort()).toEqual(['big.yaml', 'out', 'tiny.yaml']);
  });

  it('should cap --workers at the cores there are, with a note, and run', async () => {
    const folder = temporaryFolder();
    const file = writeScenario(folder, 'tiny.yaml', TINY);
    const result = await cli('run', file, '--workers', '64', '--out', join(folder, 'out'), '-q');
    expect(result.err).toBe(`periodize run: --workers 64 capped at the ${availableParallelism()} cores available\n`);
    expect(result.code).toBe(0);
  });

  it('should refuse more than 10 000 shards before anything is read', () => {
    expect(parseShard('0/300000000')).toBe('at most 10,000 shards (got 0/300000000)');
    expect(parseShard('9999/10000')).toEqual({ index: 9999, count: 10000 });
  });

  it('should name what the machine refused in one line: a full disk, a read-only file system, too many open files', () => {
    expect(environmentProblem(Object.assign(new Error('x'), { code: 'ENOSPC', path: '/x/out.partial-1/days.csv' }))).toBe('/x/out.partial-1/days.csv: no space left on the device (ENOSPC)');
    expect(environmentProblem(Object.assign(new Error('x'), { code: 'EROFS' }))).toBe('the file system is read-only (EROFS)');
    expect(environmentProblem(Object.assign(new Error('x'), { code: 'EMFILE' }))).toBe('too many files open (EMFILE)');
    // Anything else is not the machine's: an internal error, with its stack, for a bug report.
    expect(environmentProblem(Object.assign(new Error('x'), { code: 'ENOENT' }))).toBeNull();
    expect(environmentProblem(new RangeError('x'))).toBeNull();
  });

  it.skipIf(!mountable)('should say in one line that the disk is full when it fills while staging, without a stack trace (an 8-KB tmpfs)', async () => {
    const folder = temporaryFolder();
    const mount = join(folder, 'full');
    mkdirSync(mount);
    expect(spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=8k', 'tmpfs', mount]).status).toBe(0);
    try {
      const file = writeScenario(folder, 'tiny.yaml', TINY);
      const result = await cli('run', file, '--out', join(mount, 'out'), '-q');
      expect(result.err).toMatch(/^periodize: (\S+: )?no space left on the device \(ENOSPC\)\n$/);
      expect(result.code).toBe(1);
      expect(existsSync(join(mount, 'out', 'summary.json'))).toBe(false);
    } finally {
      spawnSync('umount', [mount]);
    }
  });
});

describe('rule files stay where the scenario is (issue 13)', () => {
  /** A scenario folder with a rule file beside it (in rules/), one outside it, and a symlink inside leading out. */
  async function layout(): Promise<{ folder: string; scenarios: string; file: string }> {
    const folder = temporaryFolder();
    const scenarios = join(folder, 'scenarios');
    mkdirSync(join(scenarios, 'rules'), { recursive: true });
    const ruleFile = (await cli('rules', 'hrv-swc')).out;
    writeFileSync(join(scenarios, 'rules', 'mine.yaml'), ruleFile);
    writeFileSync(join(folder, 'common.yaml'), ruleFile);
    symlinkSync(join(folder, 'common.yaml'), join(scenarios, 'rules', 'link.yaml'));
    return { folder, scenarios, file: join(scenarios, 'arm.yaml') };
  }
  const withRules = (rules: string) => TINY.replace('design: polarized }', `design: polarized, rules: ${rules} }`);

  it("should read a rule file in the scenario's folder or below, and refuse one a symlink leads out to unless allowed", async () => {
    const { scenarios, file } = await layout();
    writeFileSync(file, withRules('rules/mine.yaml'));
    expect((await cli('validate', file)).code).toBe(0);
    writeFileSync(file, withRules('rules/link.yaml'));
    expect(await cli('validate', file)).toEqual({
      code: 2,
      out: '',
      err: `${file}:6:48: arms[0].rules: rule file "rules/link.yaml" is outside the scenario's folder: put it there (or below), or pass --allow-outside-rules to read it where it is\n`,
    });
    expect((await cli('validate', file, '--allow-outside-rules')).code).toBe(0);
    // A scenario folder reached through a symlink is the folder it leads to: its own files are inside.
    const alias = join(scenarios, '..', 'alias');
    symlinkSync(scenarios, alias);
    writeFileSync(file, withRules('rules/mine.yaml'));
    expect((await cli('validate', join(alias, 'arm.yaml'))).code).toBe(0);
  });

  it('should run, on workers too, and rerun a scenario whose rule file is outside when allowed; trials refuse one too', async () => {
    const { folder, file } = await layout();
    writeFileSync(file, withRules('../common.yaml'));
    const out = join(folder, 'out');
    expect((await cli('run', file, '--out', out, '-q')).code).toBe(2);
    expect(existsSync(out)).toBe(false);
    expect((await cli('run', file, '--out', out, '-q', '--workers', '2', '--allow-outside-rules')).code).toBe(0);
    // A run folder from elsewhere: its rerun reads outside rule files only with this user's own leave.
    expect((await cli('rerun', join(out, 'manifest.json'), '--out', join(folder, 'again'))).code).toBe(2);
    expect((await cli('rerun', join(out, 'manifest.json'), '--out', join(folder, 'again'), '--allow-outside-rules')).out).toMatch(/^reproduced: 5 files/);
    const trials = join(folder, 'trials');
    mkdirSync(trials);
    writeFileSync(join(trials, 'study.yaml'), read(join('trials', 'helgerud-2007.yaml')).replace('      - id: long-slow\n', '      - id: long-slow\n        rules: ../common.yaml\n'));
    const refused = await cli('trials', trials);
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/rules: rule file "\.\.\/common\.yaml" is outside the scenario's folder/);
  }, 60_000);
});

describe('worker memory follows the work (issue 13)', () => {
  it('should run the largest rule file that is read (just under 1 MiB: 8 747 rules) on two workers without a crash at their heap limit', async () => {
    const folder = temporaryFolder();
    const rule = (i: number) => `  - { id: r${i}, priority: 1, when: { fact: hrvMean7dOutsideBand, op: isTrue }, then: { action: postponeHardSession } }\n`;
    let text = 'name: many\nhitPolicy: first\nrules:\n';
    for (let i = 0; Buffer.byteLength(text + rule(i)) < 1 << 20; i++) text += rule(i);
    expect(Buffer.byteLength(text)).toBeGreaterThan((1 << 20) - 200);
    writeFileSync(join(folder, 'many.yaml'), text);
    const file = writeScenario(folder, 'heap.yaml', 'name: heap\nseed: 1\npopulation: { size: 4, level: recreational }\nweeks: 1\narms:\n  - { id: a, design: polarized, rules: many.yaml }\n  - { id: b, design: polarized }\nreference: b\n');
    const bin = new URL('../../bin/periodize.js', import.meta.url).pathname;
    const ran = spawnSync(process.execPath, [bin, 'run', file, '--out', join(folder, 'out'), '-q', '--workers', '2'], { encoding: 'utf8' });
    expect(ran.stderr).toBe('');
    expect(ran.status).toBe(0);
    // One byte more is refused at the limit, located.
    writeFileSync(join(folder, 'many.yaml'), `${text}${'#'.repeat((1 << 20) - Buffer.byteLength(text) + 1)}`);
    expect((await cli('validate', file)).err).toBe(`${join(folder, 'many.yaml')}:1:1: (document): more than 1 MiB: an input file this big is not one a person wrote (src/sim/input-file.ts)\n`);
  }, 120_000);
});

describe('merge verifies what it merges and never touches its inputs (issue 13)', () => {
  it('should refuse a shard file changed since the shard wrote it, every such file at once, and an --out that is an input or inside one', async () => {
    const folder = temporaryFolder();
    const file = writeScenario(folder, 'tiny.yaml', TINY);
    const [d0, d1] = [join(folder, 'd0'), join(folder, 'd1')];
    expect((await cli('run', file, '--shard', '0/2', '--out', d0, '-q')).code).toBe(0);
    expect((await cli('run', file, '--shard', '1/2', '--out', d1, '-q')).code).toBe(0);
    const before = readdirSync(d0).map((name) => [name, read(join(d0, name))]);
    symlinkSync(d0, join(folder, 'link'));
    for (const out of [d0, join(d1, 'merged'), join(folder, 'link')]) {
      const clash = await cli('merge', d0, d1, '--out', out);
      expect(clash.code).toBe(2);
      expect(clash.err).toMatch(/^periodize merge: --out .*: is (inside )?the shard folder .*, which merge reads and never changes: choose another folder\n$/);
    }
    expect(readdirSync(d0).map((name) => [name, read(join(d0, name))])).toEqual(before);
    // A value edited in one shard's table, the other's results cut short.
    const athletes = read(join(d0, 'athletes.csv')).split('\n');
    athletes[1] = athletes[1]!.replace(/,(\d)/, (_, digit: string) => `,${(Number(digit) + 1) % 10}`);
    writeFileSync(join(d0, 'athletes.csv'), athletes.join('\n'));
    writeFileSync(join(d1, 'shard.results'), readFileSync(join(d1, 'shard.results')).subarray(0, 2000));
    const changed = await cli('merge', d0, d1, '--out', join(folder, 'merged'));
    expect(changed.code).toBe(2);
    const lines = changed.err.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(new RegExp(`^${join(d0, 'athletes.csv')}:1:1: \\(document\\): changed since the shard wrote it \\(\\d+ bytes, SHA-256 [0-9a-f]{12}…; manifest\\.json: \\d+ bytes, [0-9a-f]{12}…\\): run the shard again$`));
    expect(lines[1]).toMatch(new RegExp(`^${join(d1, 'shard.results')}:1:1: \\(document\\): changed since the shard wrote it \\(2000 bytes; manifest\\.json: \\d+ bytes, [0-9a-f]{12}…\\): run the shard again$`));
    expect(existsSync(join(folder, 'merged', 'summary.json'))).toBe(false);
    // A folder where a file was: said so, no stack trace.
    rmSync(join(d1, 'adjustments.csv'));
    mkdirSync(join(d1, 'adjustments.csv'));
    const folderInstead = await cli('merge', d0, d1, '--out', join(folder, 'merged'));
    expect(folderInstead.code).toBe(2);
    expect(folderInstead.err).toContain(`${join(d1, 'adjustments.csv')}:1:1: (document): not a file: the shard wrote a file here (manifest.json); run the shard again\n`);
  });
});

describe('rerun reads only what a manifest may name (issue 13)', () => {
  it('should refuse a manifest whose scenario is a folder, or whose file name is empty, at its line', async () => {
    const folder = temporaryFolder();
    const file = writeScenario(folder, 'tiny.yaml', TINY);
    expect((await cli('run', file, '--out', join(folder, 'out'), '-q')).code).toBe(0);
    const manifest = JSON.parse(read(join(folder, 'out', 'manifest.json'))) as { scenario: { file: string; path: string }; files: { name: string }[] };
    mkdirSync(join(folder, 'a'));
    writeFileSync(join(folder, 'a', 'manifest.json'), JSON.stringify({ ...manifest, scenario: { ...manifest.scenario, file: folder, path: folder } }, null, 1));
    const asFolder = await cli('rerun', join(folder, 'a', 'manifest.json'));
    expect(asFolder.code).toBe(2);
    expect(asFolder.err).toMatch(/manifest\.json:\d+:\d+: scenario\.file: the scenario is not where the run found it/);
    mkdirSync(join(folder, 'b'));
    writeFileSync(join(folder, 'b', 'manifest.json'), JSON.stringify({ ...manifest, files: [{ ...manifest.files[0]!, name: '' }, ...manifest.files.slice(1)] }, null, 1));
    const empty = await cli('rerun', join(folder, 'b', 'manifest.json'));
    expect(empty.code).toBe(2);
    expect(empty.err).toMatch(/manifest\.json:\d+:\d+: files\[0\]\.name: a file name of the output folder\n$/);
  });
});

describe('output piped into a reader that stops early', () => {
  it('should end quietly with exit 0, not crash on EPIPE (periodize … | head)', () => {
    const folder = temporaryFolder();
    // 30 000 problems: 2 MB of messages, far more than a pipe holds, so the writes after head has gone fail.
    const file = writeScenario(folder, 'keys.yaml', `${TINY}${Array.from({ length: 30_000 }, (_, i) => `unknown${i}: 1`).join('\n')}\n`);
    const bin = new URL('../../bin/periodize.js', import.meta.url).pathname;
    const piped = spawnSync('bash', ['-c', `set -o pipefail; "${process.execPath}" "${bin}" validate "${file}" 2>&1 | head -c 100 > /dev/null`], { encoding: 'utf8' });
    expect(piped.stderr).toBe('');
    expect(piped.status).toBe(0);
  }, 30_000);
});

describe('rerun of a shard (issue 13)', () => {
  it("should run that shard again, not the whole scenario, and find it byte-identical", async () => {
    const folder = temporaryFolder();
    const file = writeScenario(folder, 'tiny.yaml', TINY);
    expect((await cli('run', file, '--shard', '1/2', '--out', join(folder, 's1'), '-q')).code).toBe(0);
    const rerun = await cli('rerun', join(folder, 's1', 'manifest.json'));
    expect(rerun.err).toBe('');
    expect(rerun.out).toBe(`reproduced: 4 files in ${join(folder, 's1')}-rerun/ byte-identical to ${join(folder, 's1', 'manifest.json')}\n`);
    expect(rerun.code).toBe(0);
    expect(JSON.parse(read(join(folder, 's1-rerun', 'shard.json'))).shard).toBe('1/2');
  });
});

describe('input files are located in one pass (issue 13)', () => {
  it('should report each repeated key at its own line, in any mapping, and locate 30 000 unknown keys', () => {
    expect(() => LocatedDocument.parse('a: 1\nb:\n  c: 1\n  c: 2\na: 3\n', 'f.yaml')).toThrow('f.yaml:4:3: (document): YAML: map keys must be unique\nf.yaml:5:1: (document): YAML: map keys must be unique');
    const keys = Array.from({ length: 30_000 }, (_, i) => `k${i}: ${i}`).join('\n');
    const doc = LocatedDocument.parse(keys, 'big.yaml');
    expect(doc.locate([], 'k29999')).toEqual({ line: 30_000, col: 1 });
    expect(doc.locate([], 'k0')).toEqual({ line: 1, col: 1 });
  });

  it('should report 30 000 unknown keys of a scenario, each at its line', async () => {
    const folder = temporaryFolder();
    const file = writeScenario(folder, 'keys.yaml', `${TINY}${Array.from({ length: 30_000 }, (_, i) => `unknown${i}: 1`).join('\n')}\n`);
    const result = await cli('validate', file);
    expect(result.code).toBe(2);
    const lines = result.err.trimEnd().split('\n');
    expect(lines).toHaveLength(30_000);
    expect(lines[29_999]).toBe(`${file}:30008:1: (document): unknown key "unknown29999"`);
  });
});

describe('outputs replace each other whole or not at all, where they belong (issue 13)', () => {
  it('should put the earlier files back when a move fails at the last step', () => {
    const folder = temporaryFolder();
    const out = join(folder, 'out');
    mkdirSync(out);
    writeFileSync(join(out, 'a.csv'), 'earlier a');
    writeFileSync(join(out, 'manifest.json'), 'earlier manifest');
    writeFileSync(join(out, 'notes.txt'), 'the user\'s own');
    const stage = new OutputStage(out);
    stage.write('a.csv', 'new a');
    stage.write('manifest.json', 'new manifest');
    // The manifest's staged file gone before it could move: the last move fails.
    rmSync(join(stage.staging, 'manifest.json'));
    expect(() => stage.commit()).toThrow(OutputError);
    stage.abort();
    expect(Object.fromEntries(readdirSync(out).map((name) => [name, read(join(out, name))]))).toEqual({ 'a.csv': 'earlier a', 'manifest.json': 'earlier manifest', 'notes.txt': 'the user\'s own' });
  });

  it("should write a whole run over one whose manifest.json became a folder (the issue's case: it left a mix)", async () => {
    const folder = temporaryFolder();
    const out = join(folder, 'o3');
    expect((await cli('run', writeScenario(folder, 'a.yaml', TINY), '--out', out, '-q')).code).toBe(0);
    rmSync(join(out, 'manifest.json'));
    mkdirSync(join(out, 'manifest.json', 'x'), { recursive: true });
    expect((await cli('run', writeScenario(folder, 'b.yaml', TINY.replace('seed: 1', 'seed: 2')), '--out', out, '-q')).code).toBe(0);
    const manifest = JSON.parse(read(join(out, 'manifest.json'))) as { seed: number; files: { name: string; sha256: string }[] };
    expect(manifest.seed).toBe(2);
    for (const file of manifest.files) expect(sha256(readFileSync(join(out, file.name))), file.name).toBe(file.sha256);
  });

  it('should refuse the root and the home folder as --out, before the work', async () => {
    const folder = temporaryFolder();
    const file = writeScenario(folder, 'tiny.yaml', TINY);
    expect(await cli('run', file, '--out', '/', '-q')).toEqual({ code: 2, out: '', err: '/: not an output folder: the root of the file system holds everything else; give a folder of its own, e.g. /out\n' });
    const home = await cli('run', file, '--out', homedir(), '-q');
    expect(home.code).toBe(2);
    expect(home.err).toBe(`${homedir()}: not an output folder: the home folder holds everything else; give a folder of its own, e.g. ${join(homedir(), 'out')}\n`);
  });

  it("should rerun beside the run's folder when run from inside it", async () => {
    const folder = temporaryFolder();
    const file = writeScenario(folder, 'tiny.yaml', TINY);
    expect((await cli('run', file, '--out', join(folder, 'run'), '-q')).code).toBe(0);
    const bin = new URL('../../bin/periodize.js', import.meta.url).pathname;
    const rerun = spawnSync(process.execPath, [bin, 'rerun', 'manifest.json'], { cwd: join(folder, 'run'), encoding: 'utf8' });
    expect(rerun.status).toBe(0);
    expect(readdirSync(join(folder, 'run')).filter((name) => name.startsWith('.'))).toEqual([]);
    expect(existsSync(join(folder, 'run-rerun', 'summary.json'))).toBe(true);
  }, 30_000);
});

describe('staging inside --out, cleaned up after an interrupt (issue 13)', () => {
  const bin = new URL('../../bin/periodize.js', import.meta.url).pathname;
  const BIG = TINY.replace('size: 6', 'size: 20000').replace('weeks: 2', 'weeks: 8');

  it('should stage inside the output folder (nothing beside it), and remove a killed run\'s staging on the next run', async () => {
    const folder = temporaryFolder();
    const out = join(folder, 'out');
    mkdirSync(join(out, '.partial-2147483646'), { recursive: true });
    writeFileSync(join(out, '.partial-2147483646', 'days.csv'), 'half a table');
    expect((await cli('run', writeScenario(folder, 'tiny.yaml', TINY), '--out', out, '-q')).code).toBe(0);
    expect(readdirSync(folder).sort()).toEqual(['out', 'tiny.yaml']);
    expect(readdirSync(out).filter((name) => name.startsWith('.'))).toEqual([]);
  });

  it("should refuse, before the work, a folder holding someone's own file under a contract name, and replace an earlier run's", async () => {
    const folder = temporaryFolder();
    const out = join(folder, 'out');
    const file = writeScenario(folder, 'tiny.yaml', TINY);
    mkdirSync(out);
    writeFileSync(join(out, 'days.csv'), 'my own notes');
    expect(await cli('run', file, '--out', out, '-q')).toEqual({ code: 2, out: '', err: `${out}: not an earlier run: holds days.csv but no manifest.json of a run: a run would replace them; move them, or choose another folder\n` });
    expect(read(join(out, 'days.csv'))).toBe('my own notes');
    rmSync(join(out, 'days.csv'));
    expect((await cli('run', file, '--out', out, '-q')).code).toBe(0);
    expect((await cli('run', file, '--out', out, '-q')).code).toBe(0);
  });

  it('should keep a second run out of a folder another is writing into, and take over the lock of a run no longer running', async () => {
    const folder = temporaryFolder();
    const out = join(folder, 'out');
    const file = writeScenario(folder, 'tiny.yaml', TINY);
    mkdirSync(out);
    // The lock of a process that is running (this one's parent stands in for another run).
    writeFileSync(join(out, '.lock'), `${process.ppid}\n`);
    expect(await cli('run', file, '--out', out, '-q')).toEqual({ code: 2, out: '', err: `${out}: in use: another run (process ${process.ppid}) is writing into this folder: wait for it to end, or choose another folder\n` });
    expect(readdirSync(out)).toEqual(['.lock']);
    writeFileSync(join(out, '.lock'), '2147483646\n');
    expect((await cli('run', file, '--out', out, '-q')).code).toBe(0);
    expect(readdirSync(out).filter((name) => name.startsWith('.'))).toEqual([]);
  });

  it.skipIf(!mountable)('should write into a mount point of another file system (it failed with EXDEV)', async () => {
    const folder = temporaryFolder();
    const mount = join(folder, 'volume');
    mkdirSync(mount);
    expect(spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', mount]).status).toBe(0);
    try {
      const result = await cli('run', writeScenario(folder, 'tiny.yaml', TINY), '--out', mount, '-q');
      expect(result.err).toBe('');
      expect(result.code).toBe(0);
      expect(readdirSync(mount).sort()).toEqual(['adjustments.csv', 'arms.csv', 'athletes.csv', 'contrasts.csv', 'manifest.json', 'summary.json']);
    } finally {
      spawnSync('umount', [mount]);
    }
  });

  it("should take a staging folder under this process's own id for an earlier life's (a container restarted under the same id)", async () => {
    const folder = temporaryFolder();
    const out = join(folder, 'out');
    mkdirSync(join(out, `.partial-${process.pid}`), { recursive: true });
    writeFileSync(join(out, `.partial-${process.pid}`, 'athletes.csv'), 'left by a run before the restart\n');
    expect((await cli('run', writeScenario(folder, 'tiny.yaml', TINY), '--out', out, '-q')).code).toBe(0);
    expect(readdirSync(out).filter((name) => name.startsWith('.'))).toEqual([]);
  });

  it('should remove its staging on SIGINT in a run on one process too, between two slices, and exit 130', async () => {
    const folder = temporaryFolder();
    const out = join(folder, 'out');
    const child = spawn(process.execPath, [bin, 'run', writeScenario(folder, 'big.yaml', BIG), '--out', out, '-q', '--workers', '1'], { stdio: 'ignore' });
    const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
    // Interrupted inside the simulation, once a slice is done.
    while (slicesDone(out) < 1) await new Promise((wait) => setTimeout(wait, 20));
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(folder)).toEqual(['big.yaml']);
  }, 60_000);

  describe('run --resume', () => {
    // Six slices of 500 athletes on one process (three for a shard of two), with daily rows: long enough to be killed midway.
    const LONG = TINY.replace('size: 6', 'size: 3000').replace('weeks: 2', 'weeks: 8') + 'outputs: { daily: true }\n';

    /** A run killed (SIGKILL) after its first checkpoint, and the same run never stopped; `options`: more for both. */
    async function killedRun(...options: string[]): Promise<{ folder: string; file: string; killed: string; whole: string; done: number }> {
      const folder = temporaryFolder();
      const file = writeScenario(folder, 'long.yaml', LONG);
      const killed = join(folder, 'killed');
      const child = spawn(process.execPath, [bin, 'run', file, '--out', killed, '-q', '--workers', '1', ...options], { stdio: 'ignore' });
      const exited = new Promise<string | null>((done) => child.on('exit', (_code, signal) => done(signal)));
      while (slicesDone(killed) < 1) await new Promise((wait) => setTimeout(wait, 5));
      child.kill('SIGKILL');
      expect(await exited).toBe('SIGKILL');
      const whole = join(folder, 'whole');
      expect((await cli('run', file, '--out', whole, '-q', ...options)).code).toBe(0);
      return { folder, file, killed, whole, done: slicesDone(killed) };
    }

    /** The files of two runs' outputs are byte-identical, their manifests list the same files. */
    function expectSameOutputs(resumed: string, whole: string, names: string[]): void {
      const manifest = JSON.parse(read(join(whole, 'manifest.json'))) as { files: { name: string }[] };
      expect(manifest.files.map((entry) => entry.name)).toEqual(names);
      for (const name of names) expect(sha256(readFileSync(join(resumed, name))), name).toBe(sha256(readFileSync(join(whole, name))));
      expect(JSON.parse(read(join(resumed, 'manifest.json'))).files).toEqual(manifest.files);
      expect(readdirSync(resumed).filter((name) => name.startsWith('.'))).toEqual([]);
    }

    it('should continue a killed run from its checkpoint into outputs byte-identical to a run never stopped, on any number of workers', async () => {
      const { file, killed, whole, done } = await killedRun();
      expect(done).toBeGreaterThanOrEqual(1);
      expect(done).toBeLessThan(6);
      expect(readdirSync(killed).filter((name) => !name.startsWith('.'))).toEqual([]);
      const resumed = await cli('run', file, '--out', killed, '--resume', '--workers', '2');
      expect(resumed.code).toBe(0);
      expect(resumed.out).toContain(`resumed: ${done} of 6 slices were done before the run was killed; simulated the rest\n`);
      expectSameOutputs(killed, whole, ['athletes.csv', 'days.csv', 'adjustments.csv', 'summary.json', 'contrasts.csv', 'arms.csv']);
    }, 120_000);

    it('should continue a killed shard; refuse to continue a killed run of another scenario, and keep it; refuse one whose files changed since', async () => {
      const { folder, file, killed, whole, done } = await killedRun('--shard', '1/2');
      const copy = join(folder, 'copy');
      cpSync(killed, copy, { recursive: true });
      const resumed = await cli('run', file, '--out', killed, '--resume', '--shard', '1/2');
      expect(resumed.out).toContain(`resumed: ${done} of 3 slices were done before the run was killed; simulated the rest\n`);
      expectSameOutputs(killed, whole, ['athletes.csv', 'days.csv', 'adjustments.csv', 'shard.results', 'shard.json']);
      // The same killed shard, resumed as another shard or with another scenario: refused, kept as it was.
      const staging = readdirSync(copy).find((name) => name.startsWith('.partial-'))!;
      const refused = `${copy}: cannot resume: the killed run in ${staging} was of another scenario, rule file, parameter set, shard or version of periodize: run without --resume to replace it\n`;
      expect(await cli('run', file, '--out', copy, '-q', '--resume', '--shard', '0/2')).toEqual({ code: 2, out: '', err: refused });
      writeFileSync(file, LONG.replace('seed: 1', 'seed: 2'));
      expect(await cli('run', file, '--out', copy, '-q', '--resume', '--shard', '1/2')).toEqual({ code: 2, out: '', err: refused });
      expect(readdirSync(copy)).toEqual([staging]);
      writeFileSync(file, LONG);
      // A staged file changed after the kill: the checkpoint no longer holds, and the folder is cleared.
      writeFileSync(join(copy, staging, 'athletes.csv'), 'edited\n', { flag: 'r+' });
      expect(await cli('run', file, '--out', copy, '-q', '--resume', '--shard', '1/2')).toEqual({
        code: 2,
        out: '',
        err: `${copy}: cannot resume: athletes.csv differs from its checkpoint's SHA-256: the folder changed after the run was killed; run without --resume to start over\n`,
      });
      expect(readdirSync(copy)).toEqual([]);
      // Nothing to continue: a note, and the whole run.
      const fresh = await cli('run', file, '--out', copy, '--resume', '--shard', '1/2');
      expect(fresh.out).toContain(`note: no killed run to resume in ${copy}/: ran from the start\n`);
      expectSameOutputs(copy, whole, ['athletes.csv', 'days.csv', 'adjustments.csv', 'shard.results', 'shard.json']);
    }, 120_000);
  });

  it('should end its workers between two athletes when the run is killed, not at the end of their slices', async () => {
    const folder = temporaryFolder();
    // Slices of 2 000 athletes × 104 weeks × 4 arms: several seconds each.
    const steady = (id: string, design: string) => `  - { id: ${id}, design: { extends: ${design}, progression: 0 } }\n`;
    const LONG_SLICES = `name: long\nseed: 1\npopulation: { size: 32000, level: recreational }\nweeks: 104\narms:\n${steady('a', 'polarized')}${steady('b', 'threshold')}${steady('c', 'pyramidal')}${steady('d', 'polarized')}reference: d\n`;
    const child = spawn(process.execPath, [bin, 'run', writeScenario(folder, 'long.yaml', LONG_SLICES), '--out', join(folder, 'out'), '-q', '--workers', '2'], { stdio: 'ignore' });
    // The worker processes among its children (the bundler's service is another).
    const workers = () =>
      spawnSync('ps', ['-o', 'pid=,args=', '--ppid', String(child.pid)], { encoding: 'utf8' })
        .stdout.split('\n')
        .filter((line) => line.includes('worker'))
        .map((line) => Number(line.trim().split(/\s+/)[0]));
    // A process that has exited but is not yet reaped (a zombie, state Z) is not living.
    const living = (pids: number[]) =>
      spawnSync('ps', ['-o', 'pid=,stat=', '-p', pids.join(',')], { encoding: 'utf8' })
        .stdout.split('\n')
        .map((line) => line.trim().split(/\s+/))
        .filter(([pid, stat]) => pid !== '' && !stat?.startsWith('Z'))
        .map(([pid]) => Number(pid));
    let ended = false;
    child.on('exit', () => (ended = true));
    // Killed once a slice is done: both workers are simulating.
    const startedAt = Date.now();
    while (slicesDone(join(folder, 'out')) < 1 && !ended) await new Promise((wait) => setTimeout(wait, 50));
    expect(ended).toBe(false);
    // How long a slice takes on this machine, as loaded as it is now (startup included).
    const slice = Date.now() - startedAt;
    const pids = workers();
    expect(pids).toHaveLength(2);
    child.kill('SIGKILL');
    const killedAt = Date.now();
    while (living(pids).length > 0 && Date.now() - killedAt < 20_000) await new Promise((wait) => setTimeout(wait, 20));
    expect(living(pids)).toEqual([]);
    // Well before the slices they were in could have ended: a slice's time measured on this machine, not a fixed bound.
    expect(Date.now() - killedAt).toBeLessThan(slice / 2);
  }, 60_000);

  it('should remove its staging and the folder it made on SIGINT while on worker processes, and exit 130', async () => {
    const folder = temporaryFolder();
    const out = join(folder, 'out');
    const child = spawn(process.execPath, [bin, 'run', writeScenario(folder, 'big.yaml', BIG), '--out', out, '-q', '--workers', '2'], { stdio: 'ignore' });
    const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
    // Interrupted once it is staging.
    while (!(existsSync(out) && readdirSync(out).some((name) => name.startsWith('.partial-')))) await new Promise((wait) => setTimeout(wait, 50));
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(folder)).toEqual(['big.yaml']);
  }, 60_000);
});

/** Slices a run into `out` has checkpointed (src/sim/outputs/checkpoint.ts): 0 before its first. */
function slicesDone(out: string): number {
  try {
    const staging = readdirSync(out).find((name) => name.startsWith('.partial-'));
    return staging === undefined ? 0 : (JSON.parse(readFileSync(join(out, staging, 'checkpoint.json'), 'utf8')) as { done: number }).done;
  } catch {
    return 0;
  }
}
