import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { removeLeftoverTemporaryFiles, replaceFile } from '../../src/storage/atomic-file';

const freshDir = () => mkdtempSync(join(tmpdir(), 'atomic-'));

describe('atomic file replacement', () => {
  it('when a file is replaced, then it holds the new content, readable by its owner only, and no temporary file stays', async () => {
    const dir = freshDir();
    const file = join(dir, 'k.json');
    writeFileSync(file, 'old');
    await replaceFile(file, '{"v":2}');
    expect(readFileSync(file, 'utf8')).toBe('{"v":2}');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir)).toEqual(['k.json']);
  });

  it('when the write cannot finish, then the old content stays and the temporary file is removed', async () => {
    const dir = freshDir();
    const file = join(dir, 'k.json');
    writeFileSync(file, 'old');
    // A folder at the target makes the final rename fail after the temporary file was written.
    const target = join(dir, 'folder.json');
    mkdirSync(target);
    writeFileSync(join(target, 'inside'), 'x');
    await expect(replaceFile(target, 'new')).rejects.toThrow();
    expect(readFileSync(file, 'utf8')).toBe('old');
    expect(readdirSync(dir).sort()).toEqual(['folder.json', 'k.json']);
  });

  it('when a crash left temporary files, then the old ones are removed at start and a recent one (maybe in flight) is kept', () => {
    const dir = freshDir();
    const old = join(dir, 'k.json.tmp-0a1b2c3d4e5f');
    const recent = join(dir, 'j.json.tmp-abcdef012345');
    writeFileSync(old, '{"half":');
    writeFileSync(recent, '{"half":');
    writeFileSync(join(dir, 'k.json'), '{}');
    const hourAgo = new Date(Date.now() - 60 * 60_000);
    utimesSync(old, hourAgo, hourAgo);
    expect(removeLeftoverTemporaryFiles(dir)).toBe(1);
    expect(existsSync(old)).toBe(false);
    expect(existsSync(recent)).toBe(true);
    expect(existsSync(join(dir, 'k.json'))).toBe(true);
  });
});
