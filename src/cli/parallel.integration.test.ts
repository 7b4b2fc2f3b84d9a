/**
 * The GNU parallel recipe of docs/batch.md, run locally (`-S :`, several jobs, 4 blocks): its
 * output must equal a single run's byte for byte.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEV_GOLD, MED7_BIN, TEST_MODEL } from '../test/paths.ts';
import { runCommand } from '../test/run-med7.ts';

const PARALLEL = '/usr/bin/parallel';
const HAVE_PARALLEL = existsSync(PARALLEL);
if (!HAVE_PARALLEL) {
  console.warn(
    `SKIPPED: the GNU parallel recipe test needs ${PARALLEL} (Debian package "parallel"; ` +
      'scripts/ensure-test-deps.sh installs it)',
  );
}

/** Runs a shell command line with `input` on stdin; resolves with its stdout and stderr. */
const sh = (command: string, input: string) => runCommand('/bin/sh', ['-c', command], input);

const quote = (arg: string) => `'${arg.replaceAll("'", `'\\''`)}'`;

describe.skipIf(!HAVE_PARALLEL)('med7 annotate under GNU parallel (docs/batch.md)', () => {
  let scratch: string;
  let input: string;
  let block: number;

  beforeAll(async () => {
    scratch = await mkdtemp(join(tmpdir(), 'med7-parallel-'));
    const texts = (await readFile(DEV_GOLD, 'utf8'))
      .trimEnd()
      .split('\n')
      .map((line) => (JSON.parse(line) as { text: string }).text);
    // Ids that JSON.parse would round, and every dev sentence twice (a note of two at times).
    input = texts
      .flatMap((text, i) => [
        `{"id": 1234567890123456789${i}, "text": ${JSON.stringify(text)}}`,
        `{"id": "b${i}", "n": 1.50, "text": ${JSON.stringify(i % 5 === 0 ? `${text}\n${text}` : text)}}`,
      ])
      .join('\n')
      .concat('\n');
    // A block size that cuts the input into 4 blocks: parallel ends a block at the last line end
    // within the size, so a block holds at least size less the longest line.
    const longest = Math.max(...input.split('\n').map((line) => Buffer.byteLength(line) + 1));
    block = Math.ceil(Buffer.byteLength(input) / 4) + longest;
    await writeFile(join(scratch, 'in.jsonl'), input);
  });

  afterAll(async () => {
    await rm(scratch, { recursive: true, force: true });
  });

  it('cuts the test input into 4 blocks', async () => {
    const { stdout } = await promisify(execFile)('/bin/sh', [
      '-c',
      `${PARALLEL} --pipe --keep-order --block ${block} wc -l < ${quote(join(scratch, 'in.jsonl'))}`,
    ]);
    expect(stdout.trim().split('\n')).toHaveLength(4);
  });

  for (const dtype of ['q8', 'auto'] as const) {
    it(`gives a single run's output byte for byte (-S :, 4 jobs, --dtype ${dtype})`, async () => {
      const med7 = `${quote(process.execPath)} ${quote(MED7_BIN)} annotate --model ${quote(TEST_MODEL)} --dtype ${dtype}`;
      const single = await sh(`${med7} --quiet`, input);
      expect(single.code, single.stderr).toBe(0);
      const run = await sh(
        `${PARALLEL} --pipe --keep-order --block ${block} -j 4 -S : ${med7} --jobs 1`,
        input,
      );
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout.split('\n')).toHaveLength(input.split('\n').length);
      expect(run.stdout).toBe(single.stdout);
      // The records keep their fields as written (ids JSON.parse would round included).
      expect(run.stdout).toContain('"id":12345678901234567890,');
      // Each block's summary line comes through on stderr, one per block.
      expect(run.stderr.match(/^med7 annotate: [\d,]+ records?, /gm)).toHaveLength(4);
    }, 600_000);
  }
});
