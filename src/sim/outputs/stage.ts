import { createHash, type Hash } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmdirSync, rmSync, statSync, truncateSync, writeFileSync, writeSync } from 'node:fs';
import { basename, dirname, join, parse, resolve } from 'node:path';
import { homedir } from 'node:os';
import { forEachChunk } from './read-chunks.ts';

/** The output folder cannot be written (a file in the way, no permission): the CLI reports it as bad input. */
export class OutputError extends Error {
  constructor(outDir: string, what: string, cause: unknown) {
    super(`${outDir}: ${what}: ${(cause as NodeJS.ErrnoException).code ?? (cause as Error).message}`);
    this.name = 'OutputError';
  }
}

/**
 * Outputs are written whole or not at all: every file goes to a staging folder inside the output
 * folder (`.partial-<pid>`: the same file system, so a mount point or a symlink to another disk
 * works, and nothing is written beside `--out`), and only when all are complete are they moved into
 * place (a rename each; `commit` puts the earlier files back if a move fails). If anything fails
 * before that, the staging folder is removed — and the output folder too, if this run made it and
 * it is empty — and the output folder is left as it was. A staging folder of a process that is no
 * longer running (killed, or interrupted in a simulation on this process) is removed by the next
 * run into the folder — or, asked to (`adopt`), taken over to be continued (`run --resume`,
 * src/sim/outputs/checkpoint.ts); a run interrupted (SIGINT, SIGTERM) removes its own
 * (`abortStagesOnSignals`).
 */
export class OutputStage {
  readonly staging: string;
  private readonly files: StagedFile[] = [];
  private done = false;
  /** The folders this run made for the output folder, deepest first (an abort leaves none of them behind). */
  private readonly made: string[];

  /**
   * `contract`: the names a commit replaces. A folder holding some of them but no manifest.json of
   * an earlier run holds someone's own files under those names: refused, before the work, rather
   * than replaced. `adopt`: asked of each staging folder of a process no longer running, before
   * any is removed; the first it accepts becomes this run's staging folder, as it was (a killed
   * run's checkpoint, to continue). It may throw to refuse the run, and then nothing in the folder
   * has changed.
   */
  constructor(
    readonly outDir: string,
    contract: readonly string[] = [],
    adopt: ((staging: string) => boolean) | null = null,
  ) {
    const absolute = resolve(outDir);
    this.staging = join(absolute, `.partial-${process.pid}`);
    this.made = outputFolder(outDir, contract);
    this.lock = join(absolute, '.lock');
    const holder = takeLock(this.lock);
    if (holder !== null) {
      throw new OutputError(outDir, 'in use', new Error(`another run (process ${holder}) is writing into this folder: wait for it to end, or choose another folder`));
    }
    const failed = (error: unknown): never => {
      rmSync(this.lock, { force: true });
      throw new OutputError(outDir, 'cannot create the output folder', error);
    };
    let stale: string[] = [];
    try {
      stale = staleStaging(absolute);
    } catch (error) {
      failed(error);
    }
    let adopted: string | null = null;
    try {
      // Only a staging folder inside --out: the older kind beside it is only ever removed.
      adopted = adopt === null ? null : (stale.find((folder) => dirname(folder) === absolute && adopt(folder)) ?? null);
    } catch (error) {
      rmSync(this.lock, { force: true });
      throw error;
    }
    try {
      for (const folder of stale) if (folder !== adopted) rmSync(folder, { recursive: true, force: true });
      if (adopted === null) mkdirSync(this.staging);
      else renameSync(adopted, this.staging);
    } catch (error) {
      failed(error);
    }
    ACTIVE.add(this);
  }

  /**
   * Whether a run could write into `outDir`, checked as the constructor checks it — not the root or
   * the home folder, no file in the way, creatable, no one's own files under `contract`'s names, no
   * run writing into it — without touching anything in it (a killed run's staging is left for
   * `--resume`): a command checks its folder this way before long work that comes first.
   */
  static check(outDir: string, contract: readonly string[] = []): void {
    const made = outputFolder(outDir, contract);
    try {
      const lock = join(resolve(outDir), '.lock');
      const holder = existsSync(lock) ? Number(readFileSync(lock, 'utf8').trim()) : 0;
      if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && running(holder)) {
        throw new OutputError(outDir, 'in use', new Error(`another run (process ${holder}) is writing into this folder: wait for it to end, or choose another folder`));
      }
    } finally {
      removeEmptyFolders(made);
    }
  }

  /** The lock file that keeps a second run out of the folder while this one writes (`takeLock`). */
  private readonly lock: string;

  /** Opens a staged file for streaming. */
  open(name: string): StagedFile {
    const file = new StagedFile(join(this.staging, name), name);
    this.files.push(file);
    return file;
  }

  /**
   * Opens a staged file of the adopted staging folder to go on writing it after its first `bytes`
   * bytes, which must hash to `sha256` (what a checkpoint recorded); anything written after them
   * is cut off. Throws a CheckpointMismatch when the file is missing, shorter or different.
   */
  reopen(name: string, bytes: number, sha256: string): StagedFile {
    const file = StagedFile.reopen(join(this.staging, name), name, bytes, sha256);
    this.files.push(file);
    return file;
  }

  /**
   * Replaces the staged file `name` (closed) by `newName`, made from it by `make(fromPath, toPath)`
   * — a CSV table into Parquet — and hashed like every staged file.
   */
  convert(name: string, newName: string, make: (from: string, to: string) => void): void {
    const index = this.files.findIndex((file) => file.name === name);
    if (index < 0) throw new Error(`${name} is not staged`);
    const from = this.files[index]!.path;
    const made = join(this.staging, `${newName}.making`);
    make(from, made);
    const file = new StagedFile(join(this.staging, newName), newName);
    try {
      file.append(made, false);
      file.close();
    } finally {
      file.abandon();
    }
    rmSync(made);
    rmSync(from);
    this.files.splice(index, 1, file);
  }

  /** Writes a whole staged file at once. */
  write(name: string, content: string): StagedFile {
    const file = this.open(name);
    file.write(content);
    file.close();
    return file;
  }

  /** Name, size and SHA-256 of every staged file so far (all must be closed). */
  describe(): { name: string; bytes: number; sha256: string }[] {
    return this.files.map((file) => ({ name: file.name, bytes: file.bytes, sha256: file.sha256() }));
  }

  /**
   * Moves every staged file into the output folder, in the order written (the manifest, written
   * last, arrives last), and takes away any of `replaces` this run did not write — a days.csv left
   * by an earlier run — so that the folder holds one run's outputs. Other files in the folder are
   * left alone. Whole or not at all, to the last step: the earlier run's files are first moved
   * aside into the staging folder (a rename each, on the same file system), then the new ones in;
   * if any step fails, the new ones come out and the earlier ones go back, as they were.
   */
  commit(replaces: readonly string[] = []): string[] {
    const names = this.files.map((file) => file.name);
    const aside = join(this.staging, '.earlier');
    const moved: string[] = [];
    const placed: string[] = [];
    try {
      mkdirSync(this.outDir, { recursive: true });
      mkdirSync(aside);
      for (const name of new Set([...names, ...replaces])) {
        if (!existsSync(join(this.outDir, name))) continue;
        renameSync(join(this.outDir, name), join(aside, name));
        moved.push(name);
      }
      for (const file of this.files) {
        renameSync(file.path, join(this.outDir, file.name));
        placed.push(file.name);
      }
    } catch (error) {
      for (const name of placed) rmSync(join(this.outDir, name), { recursive: true, force: true });
      for (const name of moved) renameSync(join(aside, name), join(this.outDir, name));
      throw new OutputError(this.outDir, 'cannot write the outputs', error);
    }
    rmSync(this.staging, { recursive: true, force: true });
    rmSync(this.lock, { force: true });
    this.done = true;
    ACTIVE.delete(this);
    return names;
  }

  /** Closes what is still open and removes the staging folder (after a failure). Safe to call twice. */
  abort(): void {
    if (this.done) return;
    this.done = true;
    ACTIVE.delete(this);
    for (const file of this.files) file.abandon();
    try {
      rmSync(this.staging, { recursive: true, force: true });
      rmSync(this.lock, { force: true });
      removeEmptyFolders(this.made);
    } catch {
      // Cleaning up must not hide the failure that brought us here.
    }
  }
}

/**
 * Checks an output folder and makes it if missing (the folders made, deepest first): not the root or
 * the home folder, no file in the way, no one's own files under the contract's names without an
 * earlier run's manifest.json.
 */
function outputFolder(outDir: string, contract: readonly string[]): string[] {
  const absolute = resolve(outDir);
  // The root and the home folder hold everything else: outputs go into a folder of their own.
  if (absolute === parse(absolute).root || absolute === resolve(homedir())) {
    throw new OutputError(outDir, 'not an output folder', new Error(`${absolute === resolve(homedir()) ? 'the home folder' : 'the root of the file system'} holds everything else; give a folder of its own, e.g. ${join(absolute, 'out')}`));
  }
  let made: string[];
  try {
    // A file where the folder should go is refused now, before the work, not when moving the outputs in.
    if (existsSync(absolute) && !statSync(absolute).isDirectory()) throw Object.assign(new Error('a file is in the way'), { code: 'EEXIST' });
    made = makeFolder(absolute);
  } catch (error) {
    throw new OutputError(outDir, 'cannot create the output folder', error);
  }
  const theirs = contract.filter((name) => name !== 'manifest.json' && existsSync(join(absolute, name)));
  if (theirs.length > 0 && !existsSync(join(absolute, 'manifest.json'))) {
    throw new OutputError(outDir, 'not an earlier run', new Error(`holds ${theirs.join(', ')} but no manifest.json of a run: a run would replace them; move them, or choose another folder`));
  }
  return made;
}

/** The stages of this process not yet committed or aborted: what an interrupt leaves to clean up. */
const ACTIVE = new Set<OutputStage>();

/**
 * Until the returned function is called, SIGINT or SIGTERM abort every stage of this process (its
 * staging folder removed) and end it with 128 + the signal's number, as a shell expects (130, 143).
 * A handler runs when the process waits — on its workers, or between the slices a run on this
 * process simulates (src/sim/local-pool.ts): never inside a synchronous simulation.
 */
export function abortStagesOnSignals(): () => void {
  const handlers = (['SIGINT', 'SIGTERM'] as const).map((signal) => {
    const handler = () => {
      for (const stage of ACTIVE) stage.abort();
      process.exit(signal === 'SIGINT' ? 130 : 143);
    };
    process.on(signal, handler);
    return [signal, handler] as const;
  });
  return () => {
    for (const [signal, handler] of handlers) process.off(signal, handler);
  };
}

/**
 * Makes `folder` and any missing parents, one level at a time from the deepest that exists (Node's
 * recursive mkdir never returns on some special file systems, /proc among them); the folders it
 * made, deepest first.
 */
function makeFolder(folder: string): string[] {
  const missing: string[] = [];
  let at = folder;
  while (!existsSync(at)) {
    missing.unshift(at);
    const parent = dirname(at);
    if (parent === at) break;
    at = parent;
  }
  for (const level of missing) mkdirSync(level);
  return missing.reverse();
}

/** Removes each of `folders` (deepest first) that is empty, up to the first that is not. */
function removeEmptyFolders(folders: readonly string[]): void {
  for (const folder of folders) {
    if (readdirSync(folder).length > 0) return;
    rmdirSync(folder);
  }
}

/** The staging folders in `folder` (and the older kind beside it) of processes no longer running, newest first. */
function staleStaging(folder: string): string[] {
  // `<prefix>.partial-<pid>`, the pid not this process's nor any running one's.
  const stale = (name: string, prefix: string): boolean => {
    const pid = name.startsWith(`${prefix}.partial-`) ? name.slice(prefix.length + '.partial-'.length) : '';
    if (!/^\d+$/.test(pid)) return false;
    // This process's own id: a folder of an earlier life of it (a container restarted under the same
    // id) unless one of its stages is writing there (two cannot: the lock keeps them apart).
    if (Number(pid) === process.pid) return ![...ACTIVE].some((stage) => stage.staging === join(folder, name));
    return !running(Number(pid));
  };
  const found = readdirSync(folder).filter((name) => stale(name, '')).map((name) => join(folder, name));
  const parent = dirname(folder);
  if (parent !== folder) {
    try {
      for (const name of readdirSync(parent)) if (stale(name, basename(folder))) found.push(join(parent, name));
    } catch {
      // A parent that cannot be listed holds nothing of ours to clean.
    }
  }
  return found.map((path) => ({ path, time: modified(path) })).sort((a, b) => b.time - a.time).map(({ path }) => path);
}

/** When a path last changed, ms; 0 if it cannot be read. */
function modified(path: string): number {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}

/**
 * Takes the folder's lock — a file made only if absent, holding this process's id — and gives null,
 * or the id of the running process that holds it. A lock left by a process no longer running is
 * taken over.
 */
function takeLock(lock: string): number | null {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(lock, `${process.pid}\n`, { flag: 'wx' });
      return null;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw new OutputError(dirname(lock), 'cannot create the output folder', error);
    }
    const holder = Number(readFileSync(lock, 'utf8').trim());
    if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && running(holder)) return holder;
    rmSync(lock, { force: true });
  }
  // Taken over by another run in between: it holds the folder now.
  return Number(readFileSync(lock, 'utf8').trim()) || -1;
}

/** Whether a process of this id is running (signal 0 checks without sending). */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const WRITE_BUFFER_BYTES = 1 << 20;

/** Where a CSV writer streams its text: a staged file, or a count of its bytes (src/sim/estimate.ts). */
export interface TextSink {
  write(text: string): void;
}

/** A file of an interrupted run's staging folder is not what its checkpoint recorded: it cannot be continued. */
export class CheckpointMismatch extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CheckpointMismatch';
  }
}

/**
 * A file written through a 1 MiB buffer with synchronous writes — flat memory whatever its size —
 * and hashed (SHA-256) as it goes, for the manifest.
 */
export class StagedFile {
  private readonly fd: number;
  /** Null for a scratch file no manifest lists (a worker's slice): hashing 100s of MB is not free. */
  private readonly hash: Hash | null;
  /**
   * Text is encoded into this buffer as it is written, so that each row's string dies young: a
   * string kept growing until a flush holds every row alive through the young collections, and
   * costs old-generation collections (40 % of a run with daily rows, before).
   */
  private readonly buffer = Buffer.allocUnsafe(WRITE_BUFFER_BYTES);
  private used = 0;
  private digest = '';
  private open = true;
  bytes = 0;

  constructor(
    readonly path: string,
    readonly name: string,
    hashed = true,
    /** Go on writing after the file's first `from.bytes` bytes, hashed in `from.hash` (`reopen`). */
    from: { bytes: number; hash: Hash } | null = null,
  ) {
    this.fd = openSync(path, from === null ? 'w' : 'a');
    this.hash = from?.hash ?? (hashed ? createHash('sha256') : null);
    this.bytes = from?.bytes ?? 0;
  }

  /**
   * A staged file to go on writing after its first `bytes` bytes, which must hash to `sha256`:
   * anything after them is cut off. Throws a CheckpointMismatch if the file is missing, shorter or
   * different.
   */
  static reopen(path: string, name: string, bytes: number, sha256: string): StagedFile {
    const hash = createHash('sha256');
    let fd: number;
    try {
      fd = openSync(path, 'r');
    } catch {
      throw new CheckpointMismatch(`${name} is missing`);
    }
    try {
      const chunk = Buffer.allocUnsafe(1 << 20);
      let left = bytes;
      while (left > 0) {
        const read = readSync(fd, chunk, 0, Math.min(left, chunk.length), bytes - left);
        if (read === 0) throw new CheckpointMismatch(`${name} is shorter than its checkpoint (${bytes} bytes)`);
        hash.update(chunk.subarray(0, read));
        left -= read;
      }
    } finally {
      closeSync(fd);
    }
    if (hash.copy().digest('hex') !== sha256) throw new CheckpointMismatch(`${name} differs from its checkpoint's SHA-256`);
    truncateSync(path, bytes);
    return new StagedFile(path, name, true, { bytes, hash });
  }

  /**
   * What is written so far, on disk: its size and SHA-256 (a checkpoint's record of the file, which
   * `reopen` checks). The file stays open.
   */
  checkpoint(): { bytes: number; sha256: string } {
    if (this.hash === null) throw new Error(`${this.name} is not hashed`);
    this.flush();
    // On the disk, not only in the system's cache: a machine that goes down keeps what the checkpoint says.
    fsyncSync(this.fd);
    return { bytes: this.bytes, sha256: this.hash.copy().digest('hex') };
  }

  sha256(): string {
    if (this.hash === null) throw new Error(`${this.name} is not hashed`);
    if (this.digest === '') throw new Error(`${this.name} is still open`);
    return this.digest;
  }

  write(text: string): void {
    // UTF-8 takes at most 3 bytes per UTF-16 code unit.
    if (this.used + 3 * text.length > WRITE_BUFFER_BYTES) {
      this.flush();
      if (3 * text.length > WRITE_BUFFER_BYTES) {
        this.writeBytes(Buffer.from(text, 'utf8'));
        return;
      }
    }
    this.used += this.buffer.write(text, this.used, 'utf8');
  }

  flush(): void {
    if (this.used === 0) return;
    const bytes = this.buffer.subarray(0, this.used);
    this.used = 0;
    this.writeBytes(bytes);
  }

  /** Writes bytes as they are, after any text written before them. */
  writeBytes(bytes: Uint8Array): void {
    if (this.used > 0) this.flush();
    this.hash?.update(bytes);
    let written = 0;
    while (written < bytes.length) written += writeSync(this.fd, bytes, written);
    this.bytes += bytes.length;
  }

  /**
   * Appends a CSV file of the same columns written elsewhere (a shard's, a worker's), bytes as they
   * are; its header line too only when `withHeader`.
   */
  appendCsv(path: string, withHeader: boolean): void {
    this.append(path, !withHeader);
  }

  /** Appends a file's bytes as they are, but its first line when `skipFirstLine`. */
  append(path: string, skipFirstLine: boolean): void {
    let skipping = skipFirstLine;
    forEachChunk(path, (chunk) => {
      let from = 0;
      if (skipping) {
        const newline = chunk.indexOf(0x0a);
        if (newline < 0) return;
        skipping = false;
        from = newline + 1;
      }
      this.writeBytes(chunk.subarray(from));
    });
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
    this.open = false;
    if (this.hash !== null) this.digest = this.hash.digest('hex');
  }

  /** Closes the file without finishing it (after a failure); never throws. */
  abandon(): void {
    if (!this.open) return;
    this.open = false;
    try {
      closeSync(this.fd);
    } catch {
      // Already unusable; the staging folder goes next.
    }
  }
}
