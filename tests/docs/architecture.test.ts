import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('../../', import.meta.url).pathname;
const DOC = readFileSync(join(ROOT, 'docs/ARCHITECTURE.md'), 'utf8');

function files(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? files(path) : [relative(ROOT, path)];
  });
}

const SOURCES = files(join(ROOT, 'src'));
/** Every `code span` of the document that names a file or folder (a path, or a bare file name). */
const NAMED = [...DOC.matchAll(/`([^`\s]+)`/g)].map((m) => m[1]!).filter((span) => /^(src|tests|bin|scenarios|trials|docs)\/|^[\w-]+\.(ts|yaml)$/.test(span));

describe('docs/ARCHITECTURE.md', () => {
  it('should name only files and folders that exist (a bare file name: exactly one file of src/ has it)', () => {
    expect(NAMED.length).toBeGreaterThan(40);
    const missing = NAMED.filter((name) => {
      if (name.includes('/')) return !existsSync(join(ROOT, name.replace(/\/$/, '')));
      return SOURCES.filter((file) => basename(file) === name).length !== 1;
    });
    expect(missing).toEqual([]);
  });

  it('should mention every folder of src/, so that a newcomer never meets one it does not explain', () => {
    const folders = [...new Set(SOURCES.map((file) => file.slice(0, file.lastIndexOf('/'))))];
    expect(folders.length).toBeGreaterThan(10);
    const text = DOC.replace(/`/g, '');
    expect(folders.filter((folder) => folder !== 'src' && !text.includes(`${folder}/`))).toEqual([]);
  });
});

describe('the docs the code cites', () => {
  // The project carries its own docs: code and docs point into docs/ and the README, never to a
  // design note or a constants list outside the repository.
  const CITING = ['src', 'tests', 'bench', 'bin', 'docs'].flatMap((folder) => files(join(ROOT, folder))).filter((file) => /\.(ts|js|md)$/.test(file));
  const text = (file: string) => readFileSync(join(ROOT, file), 'utf8');
  const outside = new RegExp(['\\.\\./shared', '\\bDESIGN\\.md', '\\bSCIENCE\\.md'].join('|'));

  it('should be files of this repository', () => {
    expect(CITING.length).toBeGreaterThan(150);
    expect([...CITING, 'README.md'].filter((file) => file !== relative(ROOT, new URL(import.meta.url).pathname) && outside.test(text(file)))).toEqual([]);
  });

  it('should exist: every docs/… file a source file or a doc names', () => {
    const cited = new Set(CITING.flatMap((file) => [...text(file).matchAll(/\bdocs\/([\w.-]+\.md)\b/g)].map((m) => m[1]!)));
    expect(cited.size).toBeGreaterThan(2);
    expect([...cited].filter((name) => !existsSync(join(ROOT, 'docs', name)))).toEqual([]);
  });
});
