/**
 * Trigger terms of the status step for places a course's end is told tersely: a trial that failed
 * (`was tried without improvement`, `unresponsive to`, `did not help`), a course given and then stopped, an
 * antibiotic course narrowed to another (`vancomycin and Zosyn, narrowed to cefazolin`), and a
 * medication list's remark after an entry (`Lisinopril 10 mg daily - not taking.`, `Meloxicam
 * (expired)`, a trial's `(ineffective)`), and a regimen's remark (`steroid avoidance`).
 */
import type { TriggerRule } from './status-types.ts';
import { W } from './status-vocabulary.ts';

export const SWITCH_AND_REMARK_RULES: readonly TriggerRule[] = [
  {
    // A past trial told by its outcome (`Zoloft did not help`, `Ibuprofen provided minimal relief`).
    status: 'stopped',
    direction: 'backward',
    pattern: W(
      "(?:did not|didn't|never) (?:really )?(?:help(?:ed)?|work(?:ed)?)|(?:provided|gave|offered) (?:no|little|minimal|only (?:minimal|slight|partial|temporary)) (?:\\w+ )?(?:relief|analgesia|benefit|improvement)",
    ),
  },
  {
    // A trial that failed (`Flomax was tried without improvement`, `was tried for several months
    // with no benefit`): over, for the whole list.
    status: 'stopped',
    direction: 'backward',
    pattern: W(
      '(?:was|were) tried (?:for (?:[\\w-]+ ){1,3}?)?(?:without|with no|with little|with minimal) (?:\\w+ )?(?:improvement|benefit|relief|success|effect|response|results?)',
    ),
    list: true,
  },
  {
    // Trials told as done (`Prior trials of Paxil and Zoloft`, `No medications other than recent
    // amoxicillin`) and a past use named by its drug alone (`History of Accutane use`; not `history
    // of chronic steroid use`, which may go on, nor a history denied).
    status: 'stopped',
    direction: 'forward',
    pattern: W(
      '(?:prior|previous|past|earlier|failed|multiple|several) (?:medication |medicine |drug )?trials? of|other than (?:a |the )?recent(?: course of)?|history of(?=\\s+(?:use|usage|exposure)\\b)(?<!\\b(?:no|denies|denied|without|any|the|negative for) (?:(?:any|prior|past) )?history of)',
    ),
    maxWords: 1,
  },
  {
    // `had been unresponsive to Sinemet`, `refractory to treatment with corticosteroids`: a course
    // that failed. Near the cue only (`unresponsive to pharmacological treatment, who greatly
    // benefited from … topiramate`), or the examples it names (`unresponsive to nonoperative
    // treatment modalities including bed rest and analgesics`); a list it opens is reached.
    status: 'stopped',
    direction: 'forward',
    pattern: W(
      '(?:unresponsive|non-?responsive|refractory) to(?: (?:treatment|therapy) with| (?:[\\w-]+ ){0,3}?(?:treatments?|therap(?:y|ies)|measures|modalities|medications?),? including)?|resistant to (?:treatment|therapy) with',
    ),
    maxWords: 4,
  },
  {
    // `status post hysterectomy and 6 cycles of carboplatin and Taxol`: courses the history lists
    // as done, after `status post` further back in the clause.
    status: 'stopped',
    direction: 'forward',
    pattern: W(
      '(?:\\d+|one|two|three|four|five|six|seven|eight|several|multiple) (?:cycles|courses|rounds) of(?<=\\b(?:status post|s/p)\\b[^.;:]{0,140})',
    ),
    maxWords: 2,
  },
  {
    // `Past conservative treatments include NSAID and muscle relaxant medications`: courses over
    // (`Previous` and `Prior` are cues of their own).
    status: 'stopped',
    direction: 'forward',
    pattern: W(
      'past (?:[\\w-]+ ){0,2}?(?:treatments?|therapies|therapy|medications?|meds|trials?|regimens?)(?: (?:have|has))? (?:include[ds]?|included|including|consisted of|were)|(?:medications?|meds) at (?:that|the) time (?:were|was|included|consisted of)|(?:attempted|tried|failed) (?:[\\w-]+ ){0,2}?(?:treatments?|therap(?:y|ies)|measures|management),? (?:which|that) (?:includes?|included|consisted of)',
    ),
    maxWords: 2,
  },
  {
    // `noncompliant with his insulin for the past several weeks`, `non-compliant with insulin since
    // 1 month`: a course not taken for a time is over (without a time, it goes on: `active`).
    status: 'stopped',
    direction: 'forward',
    pattern: W(
      '(?:non-?compliant|not compliant|non-?adherent|not adherent) with(?: (?:his|her|their|the))?(?=\\s+(?:for|since|over|in) (?:the )?(?:past |last )?(?:several |few |many |\\d+ |a |one |two |three |four )?(?:days?|weeks?|months?|years?)\\b)',
    ),
    maxWords: 1,
  },
  {
    // `Her symptoms did not improve with Protonix`: a trial that failed; `remote history of
    // amiodarone use`: a use long over.
    status: 'stopped',
    direction: 'forward',
    pattern: W(
      "(?:did not|didn't|has not|hasn't|have not|haven't|had not|hadn't) improved? (?:much |significantly )?(?:with|on)(?: (?:the|his|her|their))?|remote history of(?=\\s+(?:[\\w-]+\\s+)?(?:use|therapy|treatment|exposure)\\b)",
    ),
    maxWords: 3,
  },
  {
    // A vaccine had before (`since his last tetanus shot`, `has had his flu shot`): a dose given in
    // the past, not one this encounter gave. The drug is masked, so the word must follow it.
    status: 'stopped',
    direction: 'forward',
    pattern: W(
      '(?:(?:has|have|had) (?:had|received|gotten|got)(?: all)? (?:his|her|their|the)|(?:his|her|their) (?:last|most recent|previous|prior))(?=\\s+(?:[\\w-]+\\s+){0,2}?(?:vaccines?|vaccinations?|shots?|immunizations?|boosters?)\\b)',
    ),
    maxWords: 1,
  },
  {
    // `Zyvox and Zosyn were given for 7 days and then stopped`: the course, then its end; a drip
    // `turned off`; a course `not continued` at discharge, or given `and completed the course`.
    status: 'stopped',
    direction: 'backward',
    pattern: W(
      "(?:was|were) (?:given|continued|used|administered|received|decreased|reduced|lowered|tapered|weaned|held|changed)(?:\\s+for [\\w ]{1,25}?|\\s*)\\s+and (?:then |later |subsequently |eventually )?(?:was |were )?(?:stopped|discontinued|d/c'?d)|(?:was|were|has been|have been) (?:turned|shut) off|and (?:has |had )?(?:completed|finished) (?:the|his|her|their|a) (?:full |entire |\\d+-day )?(?:course|taper|regimen|treatment)|(?:was|were|has been|have been) not (?:continued|renewed|refilled)",
    ),
    list: true,
  },
  {
    // A drip shut off (`Heparin drip off at 0600 for the cath`; before a procedure, a pause), a
    // patch or implant taken out (`nitroglycerin patch removed`, `Mirena removed`; its form is
    // masked, so the word follows the drug).
    status: 'stopped',
    direction: 'backward',
    pattern: W(
      '(?:drip|gtt|infusion) (?:turned |shut )?off(?! of)|(?:(?:patch(?:es)?|paste|implant|pump) )?(?:(?:was|were|has been|had been) )?(?:removed|pulled off)(?! (?:of|from|with|by|using|via|under)\\b)',
    ),
    adjacent: true,
  },
  {
    // The drugs before an antibiotic switch told without `was` (`vancomycin and Zosyn, narrowed to
    // cefazolin`): the whole list before it.
    status: 'stopped',
    direction: 'backward',
    pattern: W(
      '(?:(?:then|later|subsequently|eventually) )?(?:narrowed|broadened|de-?escalated|stepped down) (?:over )?to',
    ),
    list: true,
  },
  {
    // A medication list's remark after the drug and its sig, at the end of its entry
    // (`Lisinopril 10 mg daily - not taking.`, `Gabapentin 300 mg tid: patient stopped taking.`,
    // `- not taking x 1 month`); right before the punctuation or the line's end, so never before a
    // drug (blanked while cues are sought).
    status: 'negated',
    direction: 'backward',
    pattern:
      "(?=(?:the|patient|pt|he|she|not|denies|does|do|doesn't|never)\\b)(?<=(?:\\s[-–]{1,2}|[:(])\\s*)(?:(?:the )?(?:patient|pt|he|she) (?:is |reports |states )?)?(?:not taking(?: it)?|not using(?: it)?|denies taking(?: it)?|(?:does|do) not take(?: it)?|doesn't take(?: it)?|never (?:took|taken|started|filled)(?: it)?)(?: (?:x|for)(?: \\d+ ?(?:days?|weeks?|months?|years?|d|wks?|mos?|yrs?)| +(?=\\r?\\n|$)))?(?=[.,;)]|\\r?\\n|$)",
  },
  {
    status: 'stopped',
    direction: 'backward',
    pattern:
      '(?=(?:the|patient|pt|he|she|stopped|quit|no|not|expired|self|ineffective|failed)\\b)(?<=(?:\\s[-–]{1,2}|[:(])\\s*)(?:(?:the )?(?:patient|pt|he|she) (?:has )?)?(?:stopped taking(?: it)?|stopped|quit(?: taking)?(?: it)?|no longer (?:taking|using|takes|needed|needs it|required)|expired|self[- ]discontinued|ineffective|not effective|no (?:benefit|effect|response)|failed)(?=[.,;)]|\\r?\\n|$)',
  },
  {
    // The drugs a stop names after it (`all non-essential medications discontinued, including
    // metformin and lisinopril`).
    status: 'stopped',
    direction: 'forward',
    pattern: W(
      "(?:discontinued|stopped|d/c'?d|ceased|deprescribed)[,:]? (?:including|such as|namely|specifically)",
    ),
  },
  {
    // An entry's course that ran out (`Prednisone 10 mg daily -- completed taper 2/20`).
    status: 'stopped',
    direction: 'backward',
    pattern:
      '(?=completed\\b)(?<=(?:\\s[-–]{1,2}|[:(])\\s*)completed(?: (?:the |a |her |his |their )?(?:taper|course|therapy|treatment))?\\b',
  },
  {
    // A supply that ran out (`takes metoprolol but ran out 3 days ago`); `ran out of` is a forward cue.
    status: 'stopped',
    direction: 'backward',
    pattern: W('(?:ran|has run|had run|have run) out(?! of\\b)'),
    crossesBut: true,
  },
  {
    // `now on steroid avoidance regimen`: the drug not given by design.
    status: 'negated',
    direction: 'backward',
    pattern: W('(?<=\\s)avoidance(?! of)'),
    single: true,
  },
];
