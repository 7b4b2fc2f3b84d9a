/**
 * The `held` and `planned` triggers of the status step (./status-triggers.ts has the others and
 * how they are found): pauses and resumes to come, drugs proposed, ordered or awaited, and a plan
 * given up.
 */
import type { TriggerRule } from './status-types.ts';
import { PRONOUN, W } from './status-vocabulary.ts';

/** A switch in a plan (`will change`, `we can then switch`, a plan's item `Cross-taper from`). */
const SWITCH_TO_COME =
  '(?:(?:will|would|plan to|going to|(?:we )?(?:can|may|could)(?: then)?) (?:change|switch|convert|transition|cross-?taper)|(?<=(?:^|[.;:]|\\d\\.)\\s{0,8})(?:change|switch|convert|transition|cross-?taper)(?= (?:\\w+ ){0,2}?from\\b))';

export const HELD_AND_PLANNED_RULES: readonly TriggerRule[] = [
  {
    // A plan given up (`We had intended to send her home with oral antibiotics; however, …`):
    // the drug was not given.
    status: 'negated',
    direction: 'forward',
    pattern: W(
      `had (?:originally |initially )?(?:intended|planned) to (?:send ${PRONOUN} (?:home )?(?:with|on)|discharge ${PRONOUN} (?:home )?(?:with|on)|start(?: ${PRONOUN} on)?|give(?: ${PRONOUN})?|use|try|add)`,
    ),
    maxWords: 2,
  },
  {
    // A decision not to give it (`I am hesitant to use Prilosec or Protonix`, `his PCP is unwilling
    // to prescribe opiate medication`, `I would be reluctant to recommend Coumadin`).
    status: 'negated',
    direction: 'forward',
    pattern: W(
      '(?:am|is|are|was|were|be) (?:hesitant|reluctant|unwilling) to (?:use|give|start|prescribe|add|continue|refill|recommend)',
    ),
  },
  {
    // `The patient asked me about antibiotics and I did not see a need to do this`.
    status: 'negated',
    direction: 'backward',
    pattern: W(
      "(?:I|we) (?:did not|didn't|do not|don't) see (?:a |any )?(?:need|reason|indication) (?:to (?:do|use|give|prescribe|start) (?:this|that|it|them|so)|for (?:this|that|it|them))",
    ),
    anaphor: true,
  },
  {
    // The patient asks for a change or a drug (`She is requesting to switch from Ortho-Tri-Cyclen
    // to Seasonale`, `She is requesting antibiotics`): the drug asked for; the one switched away
    // from is still taken, and a refill asked for is of a drug taken.
    status: 'planned',
    direction: 'forward',
    pattern: W(
      '(?:is |are )?(?:requesting|asking|requests|requested|asked|would like|wants|wanted) to (?:switch|change|go)(?: over)?(?: back)?(?: from [\\w\\s-]{1,40}?)? to|(?:is|are) (?:requesting|asking for)(?: (?:a|an|some|the))?(?! (?:refills?|renewal|prescription refill)\\b)',
    ),
    maxWords: 1,
  },
  {
    // A need or a next course as a plan's item (`2. Need for intravenous antibiotics`, `plans for
    // admission for next cycle of methotrexate`); not `no need for` (negated) nor `the need for`.
    status: 'planned',
    direction: 'forward',
    pattern: W(
      '(?:need|needs) for(?<!\\b(?:without|no|any|the|little|less|decreased|reduced) (?:the )?(?:need|needs) for)(?: (?:IV|intravenous|oral|further|more|additional|continued))?|(?:the |his |her )?next (?:cycle|course|round|dose|infusion|injection) of',
    ),
    maxWords: 2,
  },
  {
    // A plan's item that switches to a drug (`Switch him to the Ritalin LA`).
    status: 'planned',
    direction: 'forward',
    pattern: W(
      'switch(?<=(?:^|[.;:]\\s{0,3}|\\d\\.\\s{0,3})switch) (?:him|her|them|the patient) to(?: the)?',
    ),
    maxWords: 1,
  },
  {
    // Options weighed (`We discussed Prolia versus Reclast`).
    status: 'planned',
    direction: 'forward',
    pattern: W('discuss(?:ed|es|ing)?(?: (?:the|using|starting))?(?=\\s+(?:versus|vs\\.?|or)\\s)'),
    maxWords: 2,
  },
  {
    // A plan told after the drug it names (`Chemotherapy with FOLFOX is planned.`): only right
    // after it (`He has been on heparin and hemodialysis is being planned` names another).
    status: 'planned',
    direction: 'backward',
    pattern: W('(?:is|are) (?:being |also )?(?:planned|contemplated|proposed)(?=\\s*[.;]|\\s*$)'),
    adjacent: true,
  },
  {
    // Advice at the head of a sentence or an item (`Try a non-prescription antifungal powder`).
    status: 'planned',
    direction: 'forward',
    pattern: W('try(?<=(?:^|[.;:\\n*•])\\s*try)(?: (?:a|an|the|some|using|taking))?'),
    maxWords: 2,
  },
  {
    // A plan's item told tersely (`Needs vaccination for influenza`, `She needs replacement with
    // ergocalciferol`).
    status: 'planned',
    direction: 'forward',
    pattern: W(
      '(?<=(?:^|[.;:,\\n])\\s*)needs|needs? (?:\\w+ )?(?:replacement|supplementation|repletion|treatment) with',
    ),
    maxWords: 1,
  },
  // held
  {
    status: 'held',
    direction: 'both',
    pattern: W(
      '(?:hold|held|holding) off(?: on| of)?|hold(?:ing)?(?! (?:for|if|when|parameters?|area|room))|(?<!\\bhand-)held|withh(?:eld|old(?:s|ing)?)|omit(?:s|ted|ting)?|(?:(?:has|have|had) been )?on hold|paus(?:e|es|ed|ing)(?! (?:for|in|between)\\b)',
    ),
    // `withhold metformin … and give half the usual dose of glargine`: the next order's drug goes on.
    until: W('(?:and|then) (?:give|take|continue|start|begin|use|increase|reduce|decrease|halve)'),
  },
  {
    status: 'held',
    direction: 'backward',
    pattern: W(
      '(?:hold|held|holding) (?:it|this|them)(?=\\s*[.,;:)]|\\s+(?:on|in|at|after|because|due|since|for|when|as|and|but|until)\\b|\\s*$)|which (?:is|was|are|were|has been|have been|should be|will be|is to be|are to be|must be) (?:currently |now |temporarily )?(?:on hold|being held|held)|(?:currently|presently|temporarily) (?:on hold|held)|(?:was|were|will be|is being|are being) skipped',
    ),
    anaphor: true,
  },
  {
    // A drug to be taken again later (`We will restart the Angiomax once he is back`) is paused now.
    status: 'held',
    direction: 'forward',
    pattern: W(
      '(?:will|would|shall|going to|plan(?:s|ned)? to|plan is to|can|may|is to|are to) (?:then |later |eventually )?(?:restart|resume|be (?:restarted|resumed)(?: back)? on)|plan(?:s|ned)? on (?:restarting|resuming)',
    ),
  },
  {
    status: 'held',
    direction: 'backward',
    pattern: W(
      '(?:will|shall|is to|are to) (?:then |later |eventually )?be (?:restarted|resumed)|can (?:go|be put|be placed) back on|to (?:resume|restart|be resumed|be restarted)(?= (?:on|in|after|tomorrow|once|when|at)\\b)',
    ),
  },
  // planned
  {
    // A drug to begin later, named before its start (`zoledronic acid to start next month`).
    status: 'planned',
    direction: 'backward',
    pattern: W(
      'to (?:start|begin|be started|be begun|be initiated|be given|be administered)(?= (?:next|in|within|on(?! \\d)|after|tomorrow|once|when|today|tonight|this)\\b)',
    ),
    adjacent: true,
  },
  {
    // `She will be placed on the pneumonia pathway and started on cefuroxime`: the future reaches
    // the verb joined to it (dev B reads `We will start her on Detrol … and also started on
    // Mobic` as Mobic begun, `active`).
    status: 'planned',
    direction: 'forward',
    pattern: W(
      '(?:started|begun|placed|put) on(?<=\\b(?:will|to|should|would) be (?:placed|put|kept|admitted|started)\\b(?:[^.;]|\\.(?=\\d)){1,60}\\band (?:also )?(?:started|begun|placed|put) on)',
    ),
  },
  {
    // `We discussed Botox injections as a possible option in the future`: a treatment weighed.
    status: 'planned',
    direction: 'forward',
    pattern: W(
      'discussed(?: (?:the|a))?(?=\\s+(?:[\\w-]+\\s+){0,3}?(?:as (?:an? )?(?:(?:possible|potential|future|treatment|further) )*(?:option|alternative)|in the future)\\b)',
    ),
    maxWords: 1,
  },
  {
    // `recommend that she stop the Ambien and try melatonin instead`: the drug to try next.
    status: 'planned',
    direction: 'forward',
    pattern: W(
      '(?:and|then) (?:try|start|begin|use)(?<=\\b(?:recommend(?:ed|s)?|suggest(?:ed|s)?|advised?|would|will|should|plan to)\\b[^.;]{1,80}\\b(?:and|then) (?:try|start|begin|use))',
    ),
    maxWords: 2,
  },
  {
    // `We are going to stop the Zantac and put her on Prilosec`: the future stop reaches the start
    // joined to it.
    status: 'planned',
    direction: 'forward',
    pattern: W(
      `(?:put|place|start) ${PRONOUN} on(?<=\\b(?:will|going to|plans? to|plan is to|is to|are to) (?:stop|discontinue|d/c|taper)\\b[^.;]{1,60}\\band (?:then )?(?:put|place|start) ${PRONOUN} on)`,
    ),
  },
  {
    // `the steroid injections may help expedite`: a treatment weighed for later, right after the
    // drug (and its dose form).
    status: 'planned',
    direction: 'backward',
    pattern: W(
      '(?:(?:injections?|infusions?|therapy|treatment|trial) )?(?:may|might|could|would) (?:also |probably |possibly )?(?:help|benefit|be (?:helpful|beneficial|of benefit))(?! (?:to )?(?:elucidate|clarify|explain|determine|understand|identify|establish|answer|define)\\b)',
    ),
    adjacent: true,
  },
  {
    // A plan's item named as a trial (`3. Nexium trial.`): right after the drug; not a trial
    // told as over (`s/p Elavil trial`, `after a failed Nexium trial`).
    status: 'planned',
    direction: 'backward',
    pattern: W(
      'trial(?=\\s*(?:[.;]|$))(?<!\\b(?:s/p|status post|after|following|failed|prior|previous|past|had|did|tried)\\b[^.;:]{0,40})',
    ),
    adjacent: true,
  },
  {
    status: 'planned',
    direction: 'forward',
    pattern: W(
      `(?:hold|holding|held) off on (?:starting|beginning|initiating|adding)|(?:will|'ll|would|shall|going to|plan(?:s|ned)? to|plan is to|want(?:s|ed)? to|like to|prefer to|need(?:s)? to|should|may|might|could) (?:\\w+ )?(?:go ahead and )?(?:start|begin|commence|add|trial|try(?! to (?:verify|find|get|obtain|contact|reach|see|determine|clarify|confirm|locate|call|check)\\b)|use|do|go with|order|treat(?:ed)?(?: with)?|initiate|institute|prescribe|(?:call|send|phone) in|give|consider|receive|benefit (?:from|by)|need(?! to be (?:held|stopped|discontinued|weaned|tapered|restarted|resumed))|require|put ${PRONOUN} on|place ${PRONOUN} on|switch ${PRONOUN} to|switch to|change to|be started (?:back )?on|be (?:placed|put) (?:back )?on|be given (?:a )?prescriptions? for|be given|be prescribed)|recommend(?:ed|s|ation|ing)?(?: (?:that|to))?(?: (?:he|she|they|${PRONOUN}))?(?: (?:start|begin|take|try|use|be started on))?|consider(?:ing|ed)?(?: (?:adding|starting|a trial of))?|consideration (?:of|for)(?: (?:a trial of|starting|adding))?|(?:would|will) be (?:adding|starting|trying|using|initiating)|and (?:also |probably )?suggest(?:ed)?(?! (?:that|the|a|an|this|these|its)\\b)|(?:I|we|would|will|may|might|to|who|he|she|dr\\.? [\\w-]+) (?:(?:also|then|probably|strongly) )?suggest(?:ed|s)?(?: (?:adding|starting|trying|using|a trial of|that (?:he|she|they|the patient) (?:start|try|take|use)))?|discuss(?:ed|es|ing)? (?:\\w+ )?(?:starting|beginning|adding|initiating|trying|using)|(?:decision|question|discussion) (?:about|regarding|on|of|whether to) (?:starting|beginning|adding|initiating|start|begin|add)|(?:anticipate|expect|intend|hope)s? (?:to )?(?:start|begin|add|initiat|us)(?:e|ing)?|(?:plan(?:s|ned)? to|plan is to|will|would|should|may|can|then) (?:transition|switch|change) (?:\\w+ )?to|defer(?:s|red|ring)? (?:starting|initiating|adding|beginning)|(?:begin|start) taking|(?:treatment |therapeutic |medication )?options? (?:(?:discussed|offered|considered|reviewed) )?(?:include|includes|included|including|are|were|would be|(?:would|could|might|may) include|such as|(?:will|would|could|might) be to (?:use|try|start|add|give))|(?:definitive |further |next |best )?(?:treatment|therapy) (?:would|will|could|might) be(?! (?:\\w+(?:ed|en)|held|done|made|kept|cut|left|put|set)\\b)|(?:is|are) to (?:be )?(?:started|placed|put) on|(?:is|are) to (?:start|begin|receive)(?: taking| using)?|(?:will|to|plan to|going to) arrange(?: for)?|(?:to|will|should|would|can|could|and) get started on|(?:wish(?:es)?|would like|hopes?) to (?:try|start|begin|use)|(?:wonders?|wondered|asks|asked) (?:about|whether|if) (?:(?:he|she|they) (?:could|can|should|might|may) )?(?:getting|trying|starting|using|get|try|start|use)(?: (?:a|an|some|the))?|(?:wants?|wanted) to try|(?:the |an )?options? of|plan(?:s|ned)? on (?:starting|beginning|adding|initiating|trying|using)|(?:is|are) scheduled (?:to (?:receive|start|begin)|for)(?: (?:his|her|their|the|a|an))?(?: (?:next|first|second|third|final|last|booster|annual) (?:doses?|shots?|injections?|infusions?|rounds?|cycles?) of(?: the)?)?|candidate for|(?:would |I )?favou?r(?:s|ed)? (?:adding|starting|trying|using|initiating)|(?:is |are )?(?:over)?due for(?! (?:(?:his|her|their|the) )?(?:next|another|repeat)\\b)(?: (?:his|her|their|the|a|an))?(?= +\\S)|trial of|(?:(?:did |will |would )(?:urge|advise|encourage|ask|tell)|urged|advised|encouraged|asked|told) (?:him|her|them|the patient) to (?:switch to|start|try|go back on|get back on|restart|resume)|(?:can|could|may|might) be (?:given|started on|placed on|tried on)|(?:is|are|was|were) (?:being )?(?:contemplated|proposed|planned)(?:,? including)?|to be started|(?:(?:we|I|they) (?:have )?|(?:has|have) )(?:decided|elected|agreed) to (?:go ahead and )?(?:do|start|try|proceed with|use|give|begin)|arrange (?:for (?:him|her|them|the patient) )?to (?:have|get|receive)|possibility of (?:having to )?(?:take|taking|use|using|need(?:ing)?)|(?:discussed|talked about|raised|mentioned|reviewed) (?:\\w+ )?(?:the )?possibility of|(?:we|i) (?:will|would) add|(?:can|could|will|may|hope to) discharge (?:him|her|them|the patient) (?:home )?on|(?:to|will|would|could|can|may|might) (?:first |then |also )?try (?:${PRONOUN}|this (?:child|patient|boy|girl)) on|(?:doctor|physician|provider|we|I) can (?:also |then )?(?:prescribe|give|order|add|start)|(?:will|would|to|going to|plan to) (?:have|get) ${PRONOUN} (?:try|start|begin|started (?:on|with))|(?:the )?next (?:step|option|choice) (?:would|will|could|might|may) be(?: (?:to (?:try|start|add|use)|a trial of)|(?! \\w+ing\\b))|start(?:ing)? (?:${PRONOUN} )?on|start|begin|initiate|commence`,
    ),
  },
  {
    status: 'planned',
    direction: 'backward',
    pattern: W(
      '(?:can|could|may|might) be (?:used|tried|given|started|added|considered)|(?:may|might|will|would|could) (?:have to|need to) be (?:restarted|started|resumed|added|given|used|tried)|should be (?:replaced|repleted)|(?:was|were) (?:offered|suggested|proposed)(?! (?:by|that)\\b)|(?:is|are) (?:now |also )?due(?= (?:next|in|on|at|for|today|this)\\b|\\s*[.,;]|\\s*$)|due(?= (?:next|in (?:\\d|one|two|three|four|five|six|a|an|several|a few)|today|this (?:week|month|year|fall|spring|summer|winter))\\b)|(?:will|shall|is to|are to) (?:also |then |now )?be (?:given|started|added|prescribed|initiated|begun|instituted|ordered|tried|provided|called in|sent|done|performed)|(?:has been|have been|was|were|is|are) (?:also )?recommended|(?:is|would be) the (?:most )?(?:appropriate|best|preferred) (?:\\w+ )?(?:choice|antibiotic|agent|drug|medication|option|treatment)|(?:is|would be) an? (?:acceptable|reasonable|good|appropriate|safe) (?:alternative|option|choice)|(?:would|might|may) (?:still |also )?be (?:appropriate|reasonable|beneficial)(?= (?:for|if|in|to)\\b|\\s*[.,;]|\\s*$)|(?:is|are) (?:also )?(?:needed|required|indicated)(?! for)',
    ),
  },
  {
    // `Will change lisinopril to losartan at follow-up`: the drug switched to, in a plan (the one
    // switched from is masked inside the cue, and keeps its own status). `Awaiting approval for
    // Humira`, `Prior authorization submitted for Ozempic`: not yet had.
    status: 'planned',
    direction: 'forward',
    pattern: W(
      `${SWITCH_TO_COME}(?: (?:his|her|the|them|him))?\\s+(?:over )?to|(?:awaiting|pending|waiting for) (?:insurance |prior )?(?:approval|authorization|coverage)(?: (?:for|of))?|(?:prior authorization|PA) (?:submitted|requested|pending|sent|filed) (?:for|of)|(?:transition|narrow|switch|change|convert|step down|de-?escalate)(?<!\\b(?:able|was|were|been|had|has|have|be|being) (?:transition|narrow|switch|change|convert|step down|de-?escalate))(?: (?:him|her|them|the patient))? (?:over )?to(?=[^.;]*\\b(?:tomorrow|once|when|if|after|in (?:\\d+|one|two|three|a few|several) (?:days?|weeks?)|on (?:day|POD|hospital day)|as soon as|later)\\b)`,
    ),
    maxWords: 1,
  },
  {
    // `We will convert the patient from IV amiodarone to oral amiodarone`: the drug switched from
    // is taken until then (cued by the plan), the drug switched to is planned (cued by the switch).
    status: 'active',
    direction: 'forward',
    pattern: W(`${SWITCH_TO_COME}(?: ${PRONOUN}| his| her| the)?(?= (?:over )?from\\b)`),
    maxWords: 2,
  },
  {
    status: 'planned',
    direction: 'forward',
    pattern: W(
      `(?:over )?from [\\w\\s-]{1,40}?\\s(?:over )?to(?<=${SWITCH_TO_COME}(?: ${PRONOUN}| his| her| the)? (?:over )?from [\\w\\s-]{1,40}?\\s(?:over )?to)`,
    ),
    maxWords: 1,
  },
  {
    // `will follow up with oncology to discuss tamoxifen`: a drug to be weighed, right after.
    status: 'planned',
    direction: 'forward',
    pattern: W(
      'to discuss(?: (?:further|starting|adding|trying|the option of|the possibility of))?',
    ),
    maxWords: 2,
  },
  {
    status: 'planned',
    direction: 'backward',
    pattern: W(
      'which (?:he|she|they|the patient) (?:is|are|will be) (?:to|going to|about to) (?:start|begin|try)',
    ),
    anaphor: true,
  },
  {
    // A drug weighed for later, right before the words (`gabapentin is an option`, `Methotrexate
    // may be needed down the road`, `insulin will be the next step`, `Allopurinol would be
    // reasonable once …`).
    status: 'planned',
    direction: 'backward',
    pattern: W(
      '(?:is|are|would be|could be|may be|might be) (?:an|another|a (?:good|reasonable|possible|further)) (?:option|alternative|choice|consideration)|(?:may|might|could|will|would) (?:eventually |ultimately |also )?be (?:needed|required|necessary|reasonable|appropriate|helpful|beneficial|worth (?:trying|a try|considering))|(?:could|may|might|would) help(?= (?:her|him|them|the|with|his|control)\\b)|(?:will|would|may|might) be the next step|starting (?:tomorrow|next|on (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))',
    ),
    adjacent: true,
  },
  {
    // `is planning four cycles of AC`, `wants her on Eliquis`, `is interested in trying Chantix`,
    // `will decide on Humira`, `before adding finasteride`, `A referral for Botox`.
    status: 'planned',
    direction: 'forward',
    pattern: W(
      `(?:is|are|am) (?:planning|considering|thinking (?:about|of)|interested in|weighing)(?: (?:on|to))?(?: (?:trying|starting|using|adding|switching ${PRONOUN} to|giving ${PRONOUN}|putting ${PRONOUN} on))?|wants? ${PRONOUN} (?:on|to (?:start|try|take|use|have))|(?:will|to|can|would) decide (?:on|about)|(?:before|prior to) (?:adding|starting|trying|initiating)|referr(?:al|ed) (?:to \\w+ )?for|(?:plan is to|will|plan to|going to) bridge (?:${PRONOUN} )?with`,
    ),
  },
  {
    // `She will get a booster in 6 to 12 months`, `might get a flu shot`: a dose to come, named
    // right after the verb (`will get a PICC line placed to complete … antibiotic` is no plan, nor
    // `may get worse with NSAIDs`).
    status: 'planned',
    direction: 'forward',
    pattern: W(
      "(?:will|'ll|might|may|should|going to|is to|are to) (?:also |then )?get(?! (?:worse|better|sick|relief|some relief|side effects|dizzy|drowsy|tired|addicted|used to)\\b)",
    ),
    maxWords: 2,
  },
  {
    // `I would like to see her try Flonase`, `is going to think about starting a statin`, `The plan
    // at this time is for chemotherapy with cisplatin`, `Potential future therapy includes Humira`.
    status: 'planned',
    direction: 'forward',
    pattern: W(
      `(?:like|want|wants|wanted) to see ${PRONOUN} (?:try|start|take|use|go on|on)|think(?:s|ing)? (?:about|of) (?:starting|trying|using|adding|taking|beginning|a trial of)|plan (?:(?:at|for) (?:this|the) (?:time|point|moment) |now |today )?(?:is|was|will be) for|(?:potential|possible|future) (?:[\\w-]+ )?(?:therapy|therapies|treatments?|options?) (?:includes?|would be|could be|may include|might include)`,
    ),
    maxWords: 4,
  },
  {
    // `An ACE inhibitor should be started once …`, `Lovenox bridge planned for the procedure`,
    // `A total of 400 units of Botox is anticipated`.
    status: 'planned',
    direction: 'backward',
    pattern: W(
      '(?:should|will|would|can|could|may|might|must) (?:then |also |eventually )?be (?:started|initiated|added(?! to (?:the|this|a|our) (?:list|literature|growing)\\b)|begun|tried)|planned for|(?:is|are) anticipated(?= (?:for|at|in|during|after|before)\\b|\\s*[.,;]|\\s*$)|(?:is|are) (?:anticipated|expected) to be (?:given|started|used|needed)',
    ),
  },
];
