/**
 * Contract check: the TypeScript pre-tokeniser gives exactly the training pipeline's pre-tokens
 * (`training/med7_train/pretok.py`, run with Debian's Python) on clinical snippets and random
 * strings, offsets converted to UTF-16. Strings holding characters that Python's Unicode
 * database (14.0 on Python 3.11) does not assign are left out: a newer engine may know them.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../test/paths.ts';
import { pretokenize } from './pretokenize.ts';

const PYTHON = '/usr/bin/python3';
const SCRIPT = `
import json, sys, unicodedata
sys.path.insert(0, 'training')
from med7_train.pretok import pretokenize
def u16(s, i):
    return len(s[:i].encode('utf-16-le', 'surrogatepass')) // 2
out = []
for text in json.load(sys.stdin):
    # Characters unassigned in Python's Unicode version may be letters to a newer JS engine.
    if any(unicodedata.category(c) == 'Cn' for c in text):
        out.append(None)
    else:
        out.append([[u16(text, s), u16(text, e), t] for s, e, t in pretokenize(text)])
json.dump(out, sys.stdout)
`;

const SNIPPETS = [
  'A patient was prescribed Magnesium hydroxide 400mg/5ml suspension PO of total 30ml bid for the next 5 days.',
  'Dilantin 300 mg daily.,2.  Celexa 40 mg q.4 h. p.r.n.\r\n\tTylenol #3 1-2 tabs',
  'Glucovance 1.25/250 b.i.d. ½ tab m² café caf\u00e9 a_b \u0085x\u001cy\ufeffz \u200b',
  'Аспирин 100мг 阿司匹林100毫克 دواء ٣ مرات 💊👩‍⚕️ \ud800 end',
  '患者はLasix を 1日2回 服用。阿司匹林 المريضLasix תרופהCelexa 𠀀Lasix ｶﾀｶﾅLasix 한국어Lasix',
  'Las\u00adix 4\u200b0 mg a\u2060b\ufeffc \u00adx\u200c y\u200d1 मरीज़Lasix ยาLasix',
];

describe.runIf(existsSync(PYTHON))(
  'pre-tokenisation parity with training/med7_train/pretok.py',
  () => {
    it('gives the same pre-tokens and offsets as Python', () => {
      const random = fc.sample(fc.string({ unit: 'binary', maxLength: 40 }), {
        numRuns: 300,
        seed: 7,
      });
      const graphemes = fc.sample(fc.string({ unit: 'grapheme', maxLength: 40 }), {
        numRuns: 300,
        seed: 8,
      });
      const texts = [...SNIPPETS, ...random, ...graphemes];
      const run = spawnSync(PYTHON, ['-c', SCRIPT], {
        cwd: REPO_ROOT,
        input: JSON.stringify(texts),
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      });
      expect(run.status, run.stderr).toBe(0);
      const expected = JSON.parse(run.stdout) as ([number, number, string][] | null)[];
      expect(expected.filter((e) => e !== null).length).toBeGreaterThan(texts.length / 2);
      texts.forEach((text, i) => {
        if (expected[i] === null) return;
        const actual = pretokenize(text).map((t) => [t.start, t.end, t.text]);
        expect(actual, JSON.stringify(text)).toEqual(expected[i]);
      });
    });
  },
);
