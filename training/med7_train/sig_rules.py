"""Rules for prescription sigs and status sentences, applied after the weak labeller's own (issues #32, #34).

Each rule fixes one error class of pharmacy-style sigs the labeller (and so the model) got wrong, by
`shared/ANNOTATION.md` and the sig sets' judgement calls (`gold/README.md`, "Sig sets"):
- dose units beyond tablets stay with their count in one DOSAGE (`6 clicks`, `1 vial`, `1 packet`);
- routes as nouns, phrases or the verb `inhale` (`2 puffs inhalation`, `via nebulizer`, `to skin`);
- a spelled-out mass after a sig verb is a STRENGTH (`take 17 grams`);
- max-dose phrases mark no FREQUENCY or DRUG (`max daily dose 4 tablets`, `mdd 8`, `not to exceed … per day`);
- a FREQUENCY takes in its count (`2 (two) times daily`) and its meal or time-of-day tail.
`apply(text, spans)` takes and returns `[start, end, label]` lists, sorted.
"""
import re

VERB = r"(?:take|use|inject|apply|inhale|instill|insert|place|mix|dissolve|give|nebulize|chew|spray)"
NUMW = r"(?:one|two|three|four|five|six|seven|eight|nine|ten|twelve|half|one-half)"
COUNT = rf"(?:\d+(?:\.\d+)?(?:\s?(?:-|to)\s?\d+)?|\d+/\d+|{NUMW})"
DOSE_UNIT = (r"(?:clicks?|applications?|applicatorfuls?|vials?|packets?|sachets?|scoops?|pumps?|pens?|syringes?|"
             r"ampules?|ampoules?|actuations?)")
DOSE_UNIT_RE = re.compile(rf"(?<![\w.])(?:{VERB}\s+(?:the\s+contents\s+of\s+)?)({COUNT}\s{DOSE_UNIT})\b", re.I)
MASS_WORD_RE = re.compile(rf"(?<![\w.]){VERB}\s+({COUNT}\s(?:grams?|milligrams?|micrograms?|milliequivalents?))\b",
                          re.I)
VOLUME_WORD_RE = re.compile(rf"(?<![\w.]){VERB}\s+({COUNT}\s(?:milliliters?|millilitres?|mls?|mL|cc))\b", re.I)
PUFFS = r"(?:puffs?|sprays?|drops?|inhalations?|vials?|ampules?)"
ROUTE_RES = [
    # `2 puffs inhalation`, `1 vial inhalation`: the noun after a dose unit
    re.compile(rf"\b{COUNT}\s{PUFFS}\s(inhalation)\b", re.I),
    re.compile(r"\b((?:via|per|by|with)\s(?:a\s)?(?:nebuli[sz]er|neb))\b", re.I),
    re.compile(r"\binhale\b.*?\b(into\sthe\slungs)\b", re.I),
    re.compile(rf"\b(inhale)\s+(?:the\s+contents\s+of\s+)?{COUNT}\s", re.I),
    re.compile(r"\bapply\b[^.;]{0,40}?\b(to\s(?:the\s)?(?:skin|scalp|face|affected\s(?:areas?|skin|nails?)|"
               r"each\s(?:shoulder|knee|arm)|knees?|feet|hands?))\b", re.I),
    re.compile(r"\b(?:place|dissolve|put)\b[^.;]{0,30}?\b((?:under|on)\s(?:the\s)?tongue)\b", re.I),
]
SITE_ROUTE_RE = re.compile(r"\b(?:drops?|sprays?|gtts?)\s((?:in|into)\s(?:each|both|one|the\s(?:left|right|affected)|"
                           r"left|right|affected|the)\s(?:eyes?|ears?|nostrils?))\b", re.I)
ONSET_RE = re.compile(r"\b(at\s(?:the\s)?(?:onset|first\s(?:sign|signs))\sof\s(?:a\s)?[a-z]+)\b", re.I)
PAREN_FREQ_RE = re.compile(r"\bevery\s\d+\s\((?:one|two|three|four|six|eight|twelve)\)\s(?:hours?|days?|weeks?)"
                           r"(?:\sas\sneeded)?", re.I)
MAX_RE = re.compile(r"\b(?:max(?:imum)?(?:\s(?:daily|total))?(?:\s(?:dose|of))?|mdd|(?:not|do\snot)\sto\sexceed|"
                    r"do\snot\sexceed|do\snot\stake\smore\sthan|no\smore\sthan)\b", re.I)
MAX_WINDOW_RE = re.compile(rf"\s?{COUNT}?\s?(?:\w+\s)?(?:per|a|in|each|/)\s?(?:day|24\s?hours?|24\s?hrs?|night)\b"
                           r"|\s(?:daily|per\sday|a\sday)\b", re.I)
FREQ_COUNT_RE = re.compile(r"\b(\d+\s\((?:one|two|three|four|five|six)\)\s|(?:one|two|three|four)\s|\d+\s)times?\s$",
                           re.I)
FREQ_TAIL_RE = re.compile(r"\s(?:\d+\s(?:minutes?|hours?)\s)?(?:(?:before|after|with)\s(?:breakfast|lunch|dinner|"
                          r"supper|meals|food|a\smeal|each\smeal|the\sevening\smeal)(?:\sand\sat\sbedtime)?|"
                          r"in\sthe\s(?:morning|evening)|on\san\sempty\sstomach)\b", re.I)


def _overlaps(a, b):
    return a[0] < b[1] and b[0] < a[1]


def _free(spans, s, e):
    return all(not _overlaps((s, e), sp) for sp in spans)


def _replace(spans, s, e, label):
    """Put [s, e, label] in, dropping what it overlaps."""
    kept = [sp for sp in spans if not _overlaps((s, e), sp)]
    return kept + [[s, e, label]]


def add_sig_amounts(text, spans):
    """Amounts of a sig, found before the labeller places frequencies and routes by their distance to
    one: dose units with their count (replacing a count + FORM), spelled masses and volumes after a
    sig verb. Changes `spans` in place."""
    for m in DOSE_UNIT_RE.finditer(text):
        kept = _replace(spans, *m.span(1), "DOSAGE")
        spans[:] = kept
    for rx, label in ((MASS_WORD_RE, "STRENGTH"), (VOLUME_WORD_RE, "DOSAGE")):
        for m in rx.finditer(text):
            if _free(spans, *m.span(1)):
                spans.append([*m.span(1), label])


def apply(text, spans):
    spans = [list(sp) for sp in spans]
    for rx in ROUTE_RES:
        for m in rx.finditer(text):
            if _free(spans, *m.span(1)):
                spans.append([*m.span(1), "ROUTE"])
    for m in SITE_ROUTE_RE.finditer(text):
        if _free(spans, *m.span(1)):
            spans.append([*m.span(1), "ROUTE"])
    for m in ONSET_RE.finditer(text):
        if _free(spans, *m.span(1)):
            spans.append([*m.span(1), "FREQUENCY"])
    for m in PAREN_FREQ_RE.finditer(text):
        spans = _replace(spans, *m.span(), "FREQUENCY")
    for m in MAX_RE.finditer(text):
        # the limit's own words, and the window after its amount, are not a FREQUENCY or a DRUG
        phrase = (m.start(), m.end())
        after = [sp for sp in spans if sp[0] >= m.end() and sp[2] in ("DOSAGE", "STRENGTH", "FORM")
                 and sp[0] - m.end() <= 12]
        tail_from = max([sp[1] for sp in after], default=m.end())
        w = MAX_WINDOW_RE.match(text, tail_from)
        window = (tail_from, w.end()) if w else (tail_from, tail_from)
        spans = [sp for sp in spans if not (sp[2] in ("FREQUENCY", "DRUG") and
                                            (_overlaps(phrase, sp) or _overlaps(window, sp)))]
    out = []
    for s, e, label in sorted(spans):
        if label == "FREQUENCY":
            others = [sp for sp in spans if sp != [s, e, label]]
            head = max(0, s - 16)
            c = FREQ_COUNT_RE.search(text, head, s)  # `2 (two) times ` before `daily`
            if c and _free(others, c.start(), s):
                s = c.start()
            t = FREQ_TAIL_RE.match(text, e)  # ` before breakfast` after it
            if t and _free(others, e, t.end()):
                e = t.end()
        if out and label == "FREQUENCY" == out[-1][2] and text[out[-1][1]:s] == " ":
            out[-1][1] = e  # adjacent timing words make one FREQUENCY (`nightly at bedtime`)
            continue
        out.append([s, e, label])
    return out
