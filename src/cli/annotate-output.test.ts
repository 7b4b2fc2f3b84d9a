/** `med7 annotate --output`, spawned as users run it: FIFOs, devices, links, and interruption. */
import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import {
  chmod,
  lstat,
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  rm,
  stat,
  symlink,
  writeFile,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { TEST_MODEL } from '../test/paths.ts';
import { jsonl, runMed7, startMed7 } from '../test/run-med7.ts';
import { writeTinyModel } from '../test/tiny-model.ts';

let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'med7-cli-'));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

describe('med7 annotate --output to what is not a plain file', () => {
  const posix = process.platform !== 'win32';
  const record = { id: 'a', text: 'Lasix 40 mg' };
  let model: string;
  let dir: string;
  beforeAll(async () => {
    model = join(scratch, 'output-model');
    await writeTinyModel(TEST_MODEL, model);
  });
  beforeEach(async () => {
    dir = await mkdtemp(join(scratch, 'output-'));
  });

  const annotateTo = (output: string) =>
    runMed7(['annotate', '--model', model, '--output', output, '--quiet'], jsonl([record]));
  const temps = async (folder: string) =>
    (await readdir(folder)).filter((name) => name.endsWith('.tmp'));

  it.skipIf(!posix)('writes through a symbolic link, which stays a link', async () => {
    const real = join(dir, 'real');
    await mkdir(real);
    const file = join(real, 'notes.jsonl');
    const link = join(dir, 'link.jsonl');
    await writeFile(file, 'old\n');
    await symlink(file, link);
    const run = await annotateTo(link);
    expect(run.code, run.stderr).toBe(0);
    expect((await lstat(link)).isSymbolicLink()).toBe(true);
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject(record);
    expect([...(await temps(dir)), ...(await temps(real))]).toEqual([]);
  });

  it.skipIf(!posix)('creates the file a dangling link names', async () => {
    const file = join(dir, 'new.jsonl');
    const link = join(dir, 'link.jsonl');
    await symlink('new.jsonl', link);
    const run = await annotateTo(link);
    expect(run.code, run.stderr).toBe(0);
    expect((await lstat(link)).isSymbolicLink()).toBe(true);
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject(record);
  });

  it.skipIf(!posix)("keeps the replaced file's permissions", async () => {
    const file = join(dir, 'private.jsonl');
    await writeFile(file, 'old\n');
    await chmod(file, 0o600);
    const run = await annotateTo(file);
    expect(run.code, run.stderr).toBe(0);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject(record);
  });

  // Devices (/dev/null, /dev/full, /dev/stdout) take the same path as a FIFO; they are not used
  // here because the old behaviour, run as root, replaced them with a regular file.
  it.skipIf(!posix)('writes into a FIFO, which stays a FIFO', async () => {
    const fifo = join(dir, 'fifo');
    execFileSync('mkfifo', [fifo]);
    // The reader is a process, so it can be stopped if the FIFO is replaced under it.
    const reader = spawn('cat', [fifo], { stdio: ['ignore', 'pipe', 'ignore'] });
    const read: Buffer[] = [];
    reader.stdout.on('data', (chunk: Buffer) => read.push(chunk));
    const readerDone = once(reader, 'close');
    const run = await annotateTo(fifo);
    const stillFifo = (await lstat(fifo)).isFIFO();
    if (!stillFifo) reader.kill();
    await readerDone;
    expect(stillFifo).toBe(true);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(Buffer.concat(read).toString())).toMatchObject(record);
    expect(await temps(dir)).toEqual([]);
  });

  it.skipIf(!posix)(
    'fails when a write fails after it was accepted (the reader left)',
    async () => {
      const fifo = join(dir, 'fifo');
      execFileSync('mkfifo', [fifo]);
      // Opens the FIFO, which lets med7 open it too, and closes it before med7 writes.
      const reader = spawn('sh', ['-c', 'exec 3< "$1"', 'sh', fifo], { stdio: 'ignore' });
      const readerDone = once(reader, 'close');
      const run = await annotateTo(fifo);
      await readerDone;
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/^med7: cannot write .*fifo: EPIPE/);
    },
  );
});

/** Waits until `check` holds, polling. */
async function until(check: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('med7 annotate --output, interrupted', () => {
  let model: string;
  beforeAll(async () => {
    model = join(scratch, 'signal-model');
    await writeTinyModel(TEST_MODEL, model);
  });

  for (const [signal, status] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const) {
    it.skipIf(process.platform === 'win32')(
      `removes its temporary file on ${signal} and leaves the file as it was`,
      async () => {
        const dir = await mkdtemp(join(scratch, 'signal-'));
        const file = join(dir, 'notes.jsonl');
        await writeFile(file, 'old\n');
        const input = jsonl(
          Array.from({ length: 2000 }, (_, id) => ({ id, text: 'Lasix 40 mg p.o. daily' })),
        );
        const { child, done } = startMed7(
          ['annotate', '--model', model, '--output', file, '--quiet'],
          { input },
        );
        // The temporary file is made before the model loads, so the signal comes mid-run.
        await until(async () => (await readdir(dir)).length > 1);
        child.kill(signal);
        const run = await done;
        expect(run.signal === signal || run.code === status, `${run.signal} ${run.code}`).toBe(
          true,
        );
        expect(await readdir(dir)).toEqual(['notes.jsonl']);
        expect(await readFile(file, 'utf8')).toBe('old\n');
      },
    );
  }
});
