/**
 * What the machine refused, not the input or the code (a full disk, a read-only file system, too
 * many open files…), by error code, in words: the command line reports these in one line, exit 1,
 * without a stack trace (docs/HARDENING.md).
 */
export const MACHINE_ERRORS: Readonly<Record<string, string>> = {
  ENOSPC: 'no space left on the device',
  EDQUOT: 'the disk quota is used up',
  EROFS: 'the file system is read-only',
  EIO: 'the device failed to read or write',
  EMFILE: 'too many files open',
  ENFILE: 'too many files open on the machine',
  ENOMEM: 'out of memory',
};
