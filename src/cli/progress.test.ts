import { describe, expect, it } from 'vitest';
import { ProgressBar, summaryLine } from './progress.ts';

function stream(isTTY: boolean) {
  const chunks: string[] = [];
  return { isTTY, columns: 80, chunks, write: (chunk: string) => chunks.push(chunk) > 0 };
}

describe('ProgressBar', () => {
  it('draws on a terminal and erases itself', () => {
    const s = stream(true);
    const bar = new ProgressBar(s, 4, 'records');
    bar.update(0);
    bar.update(4);
    expect(s.chunks.at(-1)).toMatch(/^\r\[#+\] 100% 4\/4 records [\d.]+ s$/);
    bar.clear();
    expect(s.chunks.at(-1)).toBe('\r\x1b[2K');
  });

  it('streams: a bar by bytes read with the records written, or a count when the size is unknown', () => {
    const file = stream(true);
    const bar = new ProgressBar(file, 1000, 'records');
    bar.update(1000, 12_345);
    expect(file.chunks.at(-1)).toMatch(/^\r\[#+\] 100% 12,345 records [\d.]+ s$/);
    const stdin = stream(true);
    new ProgressBar(stdin, undefined, 'records').update(0, 0);
    expect(stdin.chunks.at(-1)).toMatch(/^\r0 records [\d.]+ s$/);
  });

  it('writes nothing when stderr is not a terminal', () => {
    const s = stream(false);
    const bar = new ProgressBar(s, 4, 'records');
    bar.update(2);
    bar.clear();
    expect(s.chunks).toEqual([]);
  });
});

describe('summaryLine', () => {
  it('gives records, words, seconds and words per second', () => {
    const line = summaryLine({
      command: 'eval',
      records: 1,
      words: 12_345,
      seconds: 2,
      loadSeconds: 0.5,
      device: 'cpu',
      dtype: 'q8',
    });
    expect(line).toBe(
      'med7 eval: 1 record, 12,345 words, 2.00 s, 6,173 words/s (model loaded in 0.50 s, cpu, q8)',
    );
  });
});
