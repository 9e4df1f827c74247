import { createHash, type Hash } from 'node:crypto';
import { closeSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/**
 * Outputs are written whole or not at all: every file goes to a staging folder beside the output
 * folder, and only when all are complete are they moved into place (a rename each). If anything
 * fails before that, the staging folder is removed and the output folder is left as it was.
 */
export class OutputStage {
  readonly staging: string;
  private readonly files: StagedFile[] = [];
  private done = false;

  constructor(readonly outDir: string) {
    const absolute = resolve(outDir);
    mkdirSync(dirname(absolute), { recursive: true });
    this.staging = `${absolute}.partial-${process.pid}`;
    rmSync(this.staging, { recursive: true, force: true });
    mkdirSync(this.staging, { recursive: true });
  }

  /** Opens a staged file for streaming. */
  open(name: string): StagedFile {
    const file = new StagedFile(join(this.staging, name), name);
    this.files.push(file);
    return file;
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

  /** Moves every staged file into the output folder. */
  commit(): string[] {
    mkdirSync(this.outDir, { recursive: true });
    for (const file of this.files) renameSync(file.path, join(this.outDir, file.name));
    rmSync(this.staging, { recursive: true, force: true });
    this.done = true;
    return this.files.map((file) => file.name);
  }

  /** Removes the staging folder (after a failure). Safe to call twice. */
  abort(): void {
    if (!this.done) rmSync(this.staging, { recursive: true, force: true });
    this.done = true;
  }
}

/**
 * A file written through a 1 MiB buffer with synchronous writes — flat memory whatever its size —
 * and hashed (SHA-256) as it goes, for the manifest.
 */
export class StagedFile {
  private readonly fd: number;
  private readonly hash: Hash = createHash('sha256');
  private buffer = '';
  private digest = '';
  bytes = 0;

  constructor(
    readonly path: string,
    readonly name: string,
  ) {
    this.fd = openSync(path, 'w');
  }

  sha256(): string {
    if (this.digest === '') throw new Error(`${this.name} is still open`);
    return this.digest;
  }

  write(text: string): void {
    this.buffer += text;
    if (this.buffer.length >= 1 << 20) this.flush();
  }

  flush(): void {
    if (this.buffer.length === 0) return;
    const bytes = Buffer.from(this.buffer, 'utf8');
    this.hash.update(bytes);
    let written = 0;
    while (written < bytes.length) written += writeSync(this.fd, bytes, written);
    this.bytes += bytes.length;
    this.buffer = '';
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
    this.digest = this.hash.digest('hex');
  }
}
