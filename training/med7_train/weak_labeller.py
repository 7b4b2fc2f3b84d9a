"""High-precision lexicon + regex labeller for the seven Med7 labels (rules of ANNOTATION.md).

`label(text)` returns sorted, non-overlapping [start, end, label] spans with exact character offsets
(no trailing punctuation; dotted abbreviations such as `p.o.` and `b.i.d.` keep their dots).

Over 350 lines: one ordered pass of lexicon and regex rules; splitting it would scatter the rule order.
"""
import bisect
import re

from . import lexicons, sig_rules
from .pretok import pretokenize

NUMW = (r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fourteen|fifteen|twenty|"
        r"thirty|sixty|ninety|a half|half|one-half|one half)")
NUM = r"(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?|\.\d+)"
NUMR = rf"(?:{NUM}(?:\s?(?:-|to)\s?{NUM})?)"
NUMANY = rf"(?:{NUMR}|{NUMW}(?:\s?(?:-|to)\s?{NUMW})?)"
MASS = r"(?:mg|mcg|mgs|µg|ug|micrograms?|milligrams?|ng|nanograms?)"
GRAM = r"(?:g|gm|gms|grams?)"
PER = r"(?:/\s?(?:kg|m2|m²|ml|mL|cc|l|L|hr|h|hour|day|d|dose|min|minute|actuation|spray|puff|tab|tablet|" \
      r"\d+(?:\.\d+)?\s?(?:ml|mL|cc|mg|g|mcg)))"
UNITS = r"(?:units?|u|iu|IU|international units|mEq|meq|mmol)"
VOL = r"(?:ml|mL|mls|cc|ccs|cc's|milliliters?|liters?|L)"
SPOON = r"(?:teaspoons?|teaspoonfuls?|tablespoons?|tsp|tbsp)"
PUFF = r"(?:puffs?|sprays?|drops?|inhalations?|gtts?|squirts?)"
COUNTFORM = r"(?:tablets?|tabs?|capsules?|caps?|pills?|patch(?:es)?|suppositor(?:y|ies)|lozenges?|" \
            r"vials?|ampules?|ampoules?|packets?|caplets?|gelcaps?|softgels?|troches?|films?|pens?)"
FORMS = r"(?:tablets?|tabs?|capsules?|caps|caplets?|pills?|suspension|solution|cream|ointment|gel|lotion|" \
        r"drops|eye drops|ear drops|inhaler|patch(?:es)?|injections?|suppositor(?:y|ies)|liquid|syrup|elixir|" \
        r"spray|nasal spray|nebulizers?|nebs?|powder|lozenges?|foam|shampoo|wafer|emulsion|enema|" \
        r"transdermal patch|chewable tablets?|extended-release tablets?|oral suspension|oral solution|" \
        r"ophthalmic solution|ophthalmic ointment|vaginal cream|disintegrating tablets?)"

SITE_WORD = r"(?:eye|ear|nasal|oral|ophthalmic|vaginal|transdermal)(?= )"

ROUTE_ABBR = r"(?:p\.o\.|P\.O\.|p\.o|po|PO|Po|IV|I\.V\.|i\.v\.|iv|IM|I\.M\.|i\.m\.|SQ|sq|SC|s\.c\.|subcu|SubQ|" \
             r"subq|sub-q|sub q|SL|s\.l\.|PR|p\.r\.|NG|per os|per rectum|per NG tube|per G-tube|per tube|" \
             r"via PEG tube|via PEG|via G-tube|via NG tube|via J-tube|via nebulizer|via inhaler|PEG tube)"
ROUTE_WORDS = r"(?:orally|by mouth|intravenously|intramuscularly|subcutaneously|topically|sublingually|" \
              r"rectally|transdermally|intranasally|intrathecally|intradermally|vaginally|inhaled|nasally|" \
              r"in each nostril|in both nostrils|each nostril|in both eyes|in each eye|in the right eye|" \
              r"in the left eye|in each ear|in the affected ear|to affected area|to the affected area|" \
              r"into the conjunctival sac|by injection|by IV push|IV push|IVPB|IV piggyback|IV drip)"
ROUTE_ADJ = r"(?:intravenous|intramuscular|subcutaneous|topical|oral|rectal|inhalation|inhalational|" \
            r"sublingual|transdermal|ophthalmic|otic|intrathecal|epidural|intra-articular|intraarticular|" \
            r"subconjunctival|vaginal|intranasal|intradermal|nebulized|buccal|enteral|parenteral|" \
            r"Topical|Oral|Intravenous|Rectal|Sublingual|Inhaled)"

_AB = lambda s: s  # noqa: E731  (readability helper for the frequency table)
FREQ_ABBR = [
    r"q\.?\s?(?:\d+(?:\s?(?:-|to)\s?\d+)?)\s?(?:h|hr|hrs|hours?)\b\.?",  # q6h, q.4-6h., q 4 hours
    r"q\.?\s?(?:a\.?m|p\.?m|h\.?s|d|i\.?d|o\.?d|day|week|wk|month|hour|shift|night|morning|evening|" \
    r"am|pm|hs|AM|PM|HS|D|ID|OD|hr|h)\b\.?",
    r"(?:b\.i\.d|t\.i\.d|q\.i\.d|q\.d|q\.o\.d|q\.h\.s|p\.r\.n|a\.c|p\.c|h\.s|q\.a\.m|q\.p\.m)\.?",
    r"(?:B\.I\.D|T\.I\.D|Q\.I\.D|Q\.D|P\.R\.N|H\.S)\.?",
    r"q\s?\d+(?=\s+(?:p\.r\.n|prn|PRN))",
    r"\b(?:bid|tid|qid|qd|qod|qhs|qam|qpm|prn|BID|TID|QID|QD|QOD|QHS|QAM|QPM|PRN|Bid|Tid|Qid|Qd|Prn|"
    r"bd|tds|qds|BD|TDS|QDS|qday|qAM|qPM|qHS|qweek|QWEEK|q12|q8|q6|q4)\b",
]
FREQ_WORDS = [
    rf"(?:once|twice|{NUMW}|\d+|1-2|2-3|3-4)\s?(?:times?|x)\s(?:a|per|each|every)\s(?:day|week|month|night|daily)",
    rf"(?:once|twice|{NUMW}|\d+)\s?(?:times?|x)\s(?:daily|weekly|monthly|nightly)",
    r"(?:once|twice|thrice)\s(?:a\s)?(?:daily|day|weekly|week|monthly|month|nightly|a day)",
    r"once|twice",
    rf"every\s(?:other\s)?(?:{NUMANY}\s)?(?:hours?|hrs?|days?|weeks?|months?|minutes?|nights?|mornings?|evenings?|"
    r"day|morning|night|evening|bedtime|a\.m\.|p\.m\.)",
    rf"every\s{NUMANY}(?:\s?(?:-|to)\s?{NUMANY})?\s(?:hours?|hrs?|days?|weeks?|minutes?)",
    r"(?:once\s|twice\s)?(?:daily|nightly|weekly|monthly|hourly)",
    r"(?:at|before|after)\s(?:bedtime|night|nighttime|breakfast|lunch|dinner|supper|meals|h\.s\.|hs|HS|noon)",
    r"(?:with|before|after)\s(?:each\s|every\s)?(?:meals?|food|breakfast|dinner|supper|lunch)",
    r"in\s(?:the\s)?(?:morning|evening|afternoon|a\.m\.|p\.m\.|AM|PM)",
    r"(?:each|every)\s(?:morning|evening|night|day|a\.m\.|p\.m\.)",
    r"on\sa\s(?:daily|weekly|regular)\sbasis",
    rf"(?:{NUMW}|\d+)\s(?:a|per)\s(?:day|week)",
    r"per\s(?:day|week)|a\sday|daily",
    r"as\s(?:needed|required|necessary)",
    r"on\s(?:an\s)?as-needed\sbasis|as-needed",
    r"(?:Mondays?|Tuesdays?|Wednesdays?|Thursdays?|Fridays?|Saturdays?|Sundays?)(?:\s(?:and|,)\s(?:Mondays?|"
    r"Tuesdays?|Wednesdays?|Thursdays?|Fridays?|Saturdays?|Sundays?))*",
    r"stat|STAT",
]
PRN_RE = re.compile(r"^(?:p\.r\.n\.?|prn|PRN|P\.R\.N\.?|as\s(?:needed|required|necessary)|as-needed)$")

DURATION_RE = re.compile(
    rf"\b(?:for|x|X|×|times)\s?(?:the\s)?(?:next\s|past\s|another\s|additional\s|a\stotal\sof\s|total\sof\s)?"
    rf"(?:{NUMANY}|a|an|one)\s(?:more\s|additional\s|further\s)?(?:days?|weeks?|months?|wks?|doses?|years?)\b"
    r"|\b[xX]\s?\d+\s?(?:d|days?|wks?|weeks?)\b"
    r"|\bover\s(?:the\s(?:next|course\sof)\s)?(?:\d+|[a-z]+)\s(?:seconds|minutes|hours)\b")

NEG_VOLUME_CTX = re.compile(r"(?:EBL|blood loss|BLOOD LOSS|urine|URINE|output|OUTPUT|drain|DRAIN|aspirat|"
                            r"RECEIVED|received:|clots?|blood|fluid was|effusion|ascites|residual|bladder|"
                            r"irrigat|water|Water|balloon|insufflat|removed|withdrawn|drained|yield)")


def _rx(p, flags=0):
    return re.compile(p, flags)


STRENGTH_RES = [
    # combination strengths with unit: 5/325 mg, 80/12.5 mg, 250/50 mcg, 7.5 mg-500 mg
    _rx(rf"\b{NUM}(?:\s?/\s?{NUM})+\s?(?:{MASS}|{GRAM}|{UNITS})\b(?!/d[lL])"),
    _rx(rf"\b{NUM}\s?{MASS}\s?-\s?{NUM}\s?{MASS}\b"),
    # mass or units, optionally per volume/kg: 400mg/5ml, 2 mg/kg, 20 mEq, 40,000 units
    _rx(rf"(?<![\w.]){NUMR}\s?(?:{MASS}|{UNITS}|{GRAM})(?:{PER}(?:/(?:day|d|hr|h|dose|min))?)?(?![\w/])"),
    _rx(rf"\b{NUMW}\s(?:{MASS}|{GRAM}|units|unit)\b(?!/)", re.I),
]
PERCENT_RE = _rx(rf"(?<![\w.]){NUM}\s?%")
RATIO_RE = _rx(r"(?<![\w:])1:\d{1,3}(?:,\d{3})+(?![\d,])|(?<![\w:])1:\d{3,}(?!\d)")
VOLUME_RE = _rx(rf"(?<![\w.]){NUMR}\s?{VOL}(?![\w/])")
SPOON_RE = _rx(rf"(?<![\w.])(?:{NUMANY}|{NUM}/{NUM}|½)\s?{SPOON}\b", re.I)
PUFF_RE = _rx(rf"(?<![\w.])(?:{NUMANY}|{NUM}/{NUM})\s?{PUFF}\b", re.I)
COUNT_RE = _rx(rf"(?<![\w.])(?P<n>{NUMANY}|{NUM}/{NUM}|½|{NUMW}\sand\sa\shalf|\d+\sand\sa\shalf)"
               rf"\s(?:(?:{MASS}|{GRAM})\s)?(?P<f>{COUNTFORM})\b", re.I)
HALF_OF_RE = _rx(r"\b(?P<n>half|one-half|one half)\sof\s(?:a|the|her|his|one)\s(?P<f>tablet|pill|capsule|patch)\b",
                 re.I)
FORM_RE = _rx(rf"\b{FORMS}\b", re.I)
ROUTE_RE = _rx(rf"(?<![\w.-])(?:{ROUTE_ABBR}|{ROUTE_WORDS})(?![\w-])")
ROUTE_ADJ_RE = _rx(rf"\b{ROUTE_ADJ}\b", re.I)
FREQ_ABBR_RE = _rx("|".join(f"(?:{p})" for p in FREQ_ABBR))
FREQ_WORD_RE = _rx(r"\b(?:" + "|".join(f"(?:{p})" for p in FREQ_WORDS) + r")(?![\w-])", re.I)
WORD_RE = _rx(r"[A-Za-z][A-Za-z0-9]*(?:['’][sS]|[-'][A-Za-z0-9]+)*")
NUMBER_AFTER_DRUG_RE = _rx(rf"\s(?:{NUM}(?:/{NUM})*)(?=\s*(?:$|[,;)]|\.(?:\s|,|$)|and\b|or\b|q\.?\s?\d|q\.|qd|bid|tid|"
                           rf"qid|daily|b\.i\.d|t\.i\.d|p\.o|po\b|PO\b|IV\b|IM\b|every|once|twice|at\b|in\sthe))")


def _ends_inside(pos, toks_starts):
    return pos


class _Doc:
    def __init__(self, text):
        self.text = text
        self.toks = pretokenize(text)
        self.starts = [t[0] for t in self.toks]
        self.ends = [t[1] for t in self.toks]
        self.spans = []  # accepted [s, e, label]
        # list-item / line boundaries: ".," or ";" (line breaks became commas in MTSamples)
        self.bounds = [m.start() for m in re.finditer(r"\.,|;|\.\s+(?=[A-Z])", text)]

    def tok_range(self, s, e):
        i = bisect.bisect_left(self.ends, s + 1)
        j = bisect.bisect_left(self.starts, e)
        return i, j  # token indices [i, j)

    def free(self, s, e):
        return all(e <= a or s >= b for a, b, _ in self.spans)

    def add(self, s, e, lab):
        s, e = _trim(self.text, s, e)
        if e > s and self.free(s, e):
            self.spans.append([s, e, lab])
            return True
        return False

    def crosses(self, a, b):
        lo, hi = min(a, b), max(a, b)
        return any(lo <= x < hi for x in self.bounds)

    def near(self, s, e, labels, before=3, after=3):
        """Is there an accepted span with one of `labels` within `before` pre-tokens before or
        `after` pre-tokens after [s, e), not across a list boundary?"""
        i, j = self.tok_range(s, e)
        for a, b, lab in self.spans:
            if lab not in labels:
                continue
            ai, aj = self.tok_range(a, b)
            if aj <= i and i - aj <= before and not self.crosses(b, s):
                return True
            if ai >= j and ai - j <= after and not self.crosses(e, a):
                return True
        return False

    def has(self, labels):
        return any(lab in labels for _, _, lab in self.spans)


def _trim(text, s, e):
    while e > s and text[e - 1] in " ,;:":
        e -= 1
    while s < e and text[s] in " ,;:":
        s += 1
    # a final dot belongs to a dotted abbreviation (p.o., b.i.d., q.12h.) but not to plain words
    if e > s and text[e - 1] == "." and "." not in text[s:e - 1]:
        e -= 1
    return s, e


def _find_drugs(doc):
    text = doc.text
    single, multi = lexicons.drug_lexicon()
    words = [(m.start(), m.end(), m.group()) for m in WORD_RE.finditer(text)]
    i = 0
    out = []
    while i < len(words):
        s, e, w = words[i]
        found = None
        # longest multi-word phrase first (up to 4 words, adjacent with single spaces)
        for n in (4, 3, 2):
            if i + n <= len(words):
                seg = words[i:i + n]
                if all(seg[k + 1][0] - seg[k][1] == 1 and text[seg[k][1]] == " " for k in range(n - 1)):
                    phrase = " ".join(x[2].lower() for x in seg)
                    if phrase in multi:
                        found = (s, seg[-1][1], n)
                        break
        lw = w.lower().replace("’", "'")
        if found is None:
            base = re.sub(r"'s$", "", lw)
            if lw in single or base in single and base != lw and len(base) > 4:
                found = (s, e if lw in single else e, 1)
            elif "-" in lw:
                parts = lw.split("-")
                # combination names (oxycodone-acetaminophen) and contrast-with-number (Visipaque-270)
                if all(p in single for p in parts):
                    found = (s, e, 1)
                elif parts[0] in single and all(p.isdigit() or p.upper() in lexicons.RELEASE for p in parts[1:]):
                    found = (s, e, 1)
        if found is None and lw in lexicons.AMBIGUOUS:
            # ambiguous (lab-like) words are drugs with a salt word or a dose right after them
            rest = text[e:e + 30]
            nxt = words[i + 1][2].lower() if i + 1 < len(words) else ""
            if nxt in lexicons.SALTS and words[i + 1][0] - e == 1:
                found = (s, words[i + 1][1], 2)
            elif re.match(rf"\s{NUM}\s?(?:{MASS}|{UNITS}|{GRAM})\b", rest) and not re.match(
                    rf"\s{NUM}\s?(?:mEq|meq|mmol|mg)\s?/\s?(?:d?[lL]|dL)", rest):
                found = (s, e, 1)
        if found is None:
            i += 1
            continue
        fs, fe, n = found
        i += n
        # extensions: salt words, release suffixes, "#3", a number glued to a contrast agent
        while i < len(words) and words[i][0] - fe == 1 and text[fe] == " ":
            nw = words[i][2]
            if nw.lower() in lexicons.SALTS and nw.lower() not in ("alfa", "beta") or nw.upper() in lexicons.RELEASE \
                    and nw.isupper() or nw.lower() in ("alfa", "beta") and fe - fs > 3:
                fe = words[i][1]
                i += 1
            else:
                break
        m = re.match(r" #\d\b", text[fe:])
        if m:
            fe += m.end()
        name = text[fs:fe].lower()
        if re.match(r"(?:omnipaque|visipaque|ultravist|isovue|optiray|conray|hexabrix|oxilan)$", name):
            m = re.match(r"[ -]\d{3}\b", text[fe:])
            if m:
                fe += m.end()
        if name in lexicons.WEAK_CLASSES:
            out.append((fs, fe, "WEAK"))
        else:
            out.append((fs, fe, "DRUG"))
    return out


def label(text):
    doc = _Doc(text)
    t = text
    drugs = _find_drugs(doc)
    for s, e, k in drugs:
        if k == "DRUG":
            doc.add(s, e, "DRUG")

    # STRENGTH: masses, units, combinations
    for rx in STRENGTH_RES:
        for m in rx.finditer(t):
            s, e = m.span()
            seg = t[s:e]
            after = t[e:e + 40]
            if re.search(r"\b(?:u|U)$", seg) and not doc.near(s, e, {"DRUG"}, 3, 3):
                continue
            if re.search(rf"{GRAM}$", seg) and not re.search(MASS, seg) and not doc.near(s, e, {"DRUG"}, 4, 4):
                continue
            if re.search(r"(?:units?|u|iu|IU)$", seg) and re.match(
                    r"\s?(?:of\s)?(?:packed|PRBC|prbc|blood|red|platelets?|FFP|fresh|cryo|whole|RBC)", after):
                continue
            if re.match(r"\s?/\s?(?:d[lL]|L|l)\b", after) or re.match(r"\s?per\s(?:deciliter|liter)", after):
                continue
            if re.search(r"(?:Hounsfield|HU)\s*$", t[max(0, s - 12):s]):
                continue
            if re.search(r"(?:mEq|meq|mmol)$", seg) and not (doc.near(s, e, {"DRUG"}, 4, 4) or
                                                             re.match(r"\s(?:of\s)?(?:KCl|K-Dur|potassium)", after)):
                continue
            doc.add(s, e, "STRENGTH")
    # percent and ratio strengths only next to a drug
    for rx in (PERCENT_RE, RATIO_RE):
        for m in rx.finditer(t):
            s, e = m.span()
            if doc.near(s, e, {"DRUG"}, 2, 3) and not re.match(r"[A-Za-z]", t[e:e + 1]):
                doc.add(s, e, "STRENGTH")
    # a bare number right after a drug name is its strength (Demerol 50, Maxzide 37/25)
    for a, b, lab in list(doc.spans):
        if lab != "DRUG":
            continue
        m = NUMBER_AFTER_DRUG_RE.match(t, b)
        if m and not re.match(r"\s?(?:#|x\b|-|%)", t[m.end():m.end() + 2]):
            doc.add(m.start() + 1, m.end(), "STRENGTH")

    # DOSAGE: spoons, puffs, counts before forms (count DOSAGE, word FORM), volumes with a drug
    for m in SPOON_RE.finditer(t):
        doc.add(*m.span(), "DOSAGE")
    for m in PUFF_RE.finditer(t):
        s, e = m.span()
        if re.search(r"drops?$", t[s:e], re.I) and re.search(r"(?:blood pressure|pressure|saturation)\s*$", t[:s]):
            continue
        doc.add(s, e, "DOSAGE")
    for rx in (COUNT_RE, HALF_OF_RE):
        for m in rx.finditer(t):
            n, f = m.span("n"), m.span("f")
            if re.match(r"\d+$", m.group("n")) and int(m.group("n")) > 20:
                continue
            form = t[f[0]:f[1]].lower()
            if form.startswith(("pen", "film", "vial", "ampule", "ampoule")) and not doc.near(*f, {"DRUG"}, 3, 3):
                continue
            if doc.free(*n) and doc.free(*f):
                doc.add(*n, "DOSAGE")
                doc.add(*f, "FORM")
    for m in VOLUME_RE.finditer(t):
        s, e = m.span()
        ctx = t[max(0, s - 40):s]
        if NEG_VOLUME_CTX.search(ctx) or NEG_VOLUME_CTX.match(t[e:e + 12].strip(" of")):
            if not re.search(r"(?:IV FLUIDS|IV fluids|[Ff]luids|CONTRAST|Contrast)\W*$", ctx):
                continue
        if re.match(r"\s(?:of\s)?(?:sterile\s)?(?:water|urine|blood|fluid|clots?|pus|saline\sand\sblood)", t[e:]):
            continue
        if doc.near(s, e, {"DRUG", "STRENGTH"}, 6, 6) or re.match(r"\s(?:of\s)?(?:contrast|dye)\b", t[e:]):
            doc.add(s, e, "DOSAGE")
    # number + route in sigs ("#40 one p.o. q.4-6h.", "Take 1 po")
    for m in re.finditer(rf"(?<![\w.])({NUMW}|[1-4]|1-2|1/2)\s(?={ROUTE_ABBR}(?![\w-])|by mouth|orally)", t):
        s, e = m.span(1)
        if doc.near(s, e, {"DRUG", "STRENGTH"}, 4, 0) or re.search(r"(?:#\d+|[Tt]ake)\s*$", t[:s]):
            doc.add(s, e, "DOSAGE")

    # weak classes (contrast, dye ...) only when given: dose, route or strength right next to them
    for s, e, k in drugs:
        if k == "WEAK" and not re.match(r"\s*:", t[e:]) and (doc.near(s, e, {"DOSAGE", "STRENGTH", "DRUG"}, 3, 2) or
                            re.search(r"(?:IV|intravenous|oral|of|with|[Ii]nject\w*|[Gg]iven)\s+$", t[:s]) and
                            re.search(r"(?:of|IV|intravenous|oral|with)\s+$", t[max(0, s - 20):s])):
            doc.add(s, e, "DRUG")

    sig_rules.add_sig_amounts(t, doc.spans)
    med_context = doc.has({"DRUG", "STRENGTH", "DOSAGE"})

    # FREQUENCY
    cands = []
    for m in FREQ_ABBR_RE.finditer(t):
        s, e = m.span()
        if s > 0 and (t[s - 1].isalnum() or t[s - 1] == "."):
            continue
        if e < len(t) and t[e - 1] != "." and t[e:e + 1].isalnum():
            continue
        seg = t[s:e]
        if re.fullmatch(r"(?:q\d+|stat|STAT|bd|BD|Qd|Bid|Tid|Qid|Prn)\.?", seg) and not med_context:
            continue
        cands.append((s, e))
    if med_context or re.search(r"\b(?:take|takes|taking|took|prescribed|medications?|dose)\b", t, re.I):
        for m in FREQ_WORD_RE.finditer(t):
            s, e = m.span()
            seg = t[s:e].lower()
            if seg in ("once", "twice") and not re.match(r"\s(?:a\s)?(?:day|daily|week|weekly|nightly)", t[e:]):
                continue
            if seg in ("once", "twice", "stat"):
                continue
            if seg.startswith("daily") and re.match(r"\s(?:living|activities|life|basis\s(?:for|of))", t[e:]):
                continue
            if re.search(r"(?:activities of|on a)\s*$", t[:s]) and seg == "daily":
                continue
            if seg.startswith(("every", "each")) and not doc.near(s, e, {"DRUG", "STRENGTH", "DOSAGE", "ROUTE",
                                                                        "FORM"}, 8, 3):
                continue
            if seg in ("a day", "per day") and not re.search(r"(?:\d|one|two|three|four)\s$", t[:s]):
                if not doc.near(s, e, {"DRUG", "STRENGTH", "DOSAGE"}, 2, 0):
                    continue
            if re.match(r"(?:mondays?|tuesdays?|wednesdays?|thursdays?|fridays?|saturdays?|sundays?)", seg) and \
                    not doc.near(s, e, {"DRUG", "STRENGTH", "DOSAGE"}, 3, 0):
                continue
            if seg.startswith(("in the", "at ", "with", "before", "after")) and not doc.near(
                    s, e, {"DRUG", "STRENGTH", "DOSAGE", "ROUTE", "FORM"}, 6, 2):
                continue
            if seg.startswith(("daily", "nightly", "weekly", "monthly", "hourly", "as ", "on a")) and not doc.near(
                    s, e, {"DRUG", "STRENGTH", "DOSAGE", "ROUTE", "FORM"}, 8, 3):
                continue
            cands.append((s, e))
    # keep the longest non-overlapping candidates, then merge adjacent timing + as-needed words
    cands.sort(key=lambda x: (x[0], -(x[1] - x[0])))
    chosen = []
    for s, e in cands:
        s, e = _trim(t, s, e)
        if e <= s:
            continue
        if chosen and s < chosen[-1][1]:
            if e - s > chosen[-1][1] - chosen[-1][0] and s == chosen[-1][0]:
                chosen[-1] = (s, e)
            continue
        chosen.append((s, e))
    merged = []
    for s, e in chosen:
        if merged:
            ps, pe = merged[-1]
            gap = t[pe:s]
            a, b = t[ps:pe], t[s:e]
            if re.fullmatch(r"\.?\s*", gap) and (PRN_RE.match(b) or PRN_RE.match(a) or
                                               re.match(r"(?:twice|once|three times|four times)", a, re.I)):
                merged[-1] = (ps, e)
                continue
        merged.append((s, e))
    for s, e in merged:
        # "q.4-6h. p.r.n." keeps inner dots; trim only a plain trailing sentence dot
        doc.add(s, e, "FREQUENCY")

    # DURATION: needs a medication element before it in the same clause
    for m in DURATION_RE.finditer(t):
        s, e = m.span()
        seg = t[s:e]
        if seg.lower().startswith("over"):
            if re.search(r"(?:inject\w*|infus\w*|given|administered|push\w*|bolus)\s+$", t[max(0, s - 20):s]):
                doc.add(s, e, "DURATION")
            continue
        if doc.near(s, e, {"DRUG", "STRENGTH", "FREQUENCY", "DOSAGE", "ROUTE", "FORM"}, 10, 0):
            doc.add(s, e, "DURATION")

    # ROUTE: only where it says how a drug is given
    for m in ROUTE_RE.finditer(t):
        s, e = m.span()
        seg = t[s:e]
        if seg in ("PR", "p.r.", "SC", "NG", "PEG tube", "SL", "sq", "SQ") and not doc.near(
                s, e, {"DRUG", "STRENGTH", "DOSAGE", "FORM"}, 2, 1):
            continue
        if re.match(r"\s(?:medications?|meds|intake|diet|fluids|challenge|trial|feeds?|feeding)\b", t[e:]):
            continue
        if seg in ("IV", "iv", "I.V.", "i.v.") and re.match(r"\s(?:access|line|sedation|placed|was|site|catheter|"
                                                            r"started|team|pole|bag|tubing|contrast\swas)", t[e:]):
            if not doc.near(s, e, {"DRUG"}, 0, 1):
                continue
        if doc.near(s, e, {"DRUG", "STRENGTH", "DOSAGE", "FORM"}, 4, 1) or \
                doc.near(s, e, {"FREQUENCY"}, 0, 1) and doc.near(s, e, {"DRUG", "STRENGTH", "DOSAGE", "FORM"}, 8, 4):
            doc.add(s, e, "ROUTE")
    for m in ROUTE_ADJ_RE.finditer(t):
        s, e = m.span()
        nxt = t[e:e + 30]
        # directly before a drug ("Topical lidocaine", "intravenous contrast agent", "inhalation of albuterol")
        if doc.near(s, e, {"DRUG"}, 0, 0) and (re.match(r"\s(?:of\s)?\S", nxt)) and any(
                a >= e and t[e:a].strip() in ("", "of") for a, b, lab in doc.spans if lab == "DRUG"):
            doc.add(s, e, "ROUTE")
        elif doc.near(s, e, {"STRENGTH", "FORM", "DOSAGE"}, 1, 0) and doc.near(s, e, {"DRUG"}, 5, 0) and \
                not re.match(r"\s(?:tissue|fat|layer|space|fascia|nodules?|emphysema)", nxt, re.I):
            doc.add(s, e, "ROUTE")

    # FORM: next to a drug or strength (counts were handled above)
    for m in FORM_RE.finditer(t):
        s, e = m.span()
        seg = t[s:e].lower()
        if re.search(r"(?:joint|posterior|anterior|internal|external|renal|liver|splenic|lens|the|its)\s+$", t[:s],
                     re.I) and seg.startswith(("capsule", "patch", "solution", "injection")):
            if not doc.near(s, e, {"DRUG", "STRENGTH"}, 1, 0):
                continue
        if seg.startswith("capsule") and not doc.near(s, e, {"DRUG", "STRENGTH", "DOSAGE"}, 1, 0):
            continue
        if seg in ("liquid", "solution", "powder", "foam", "gel", "patch", "patches", "spray") and \
                not doc.near(s, e, {"DRUG", "STRENGTH"}, 2, 0):
            continue
        if seg.startswith("injection") and re.match(r"\s(?:of|into|site|was\sperformed)", t[e:]) and \
                not doc.near(s, e, {"DRUG", "STRENGTH"}, 2, 0):
            continue
        if doc.near(s, e, {"DRUG", "STRENGTH", "DOSAGE"}, 3, 0) or doc.near(s, e, {"DRUG", "STRENGTH"}, 0, 4) or \
                seg in ("eye drops", "ear drops", "nasal spray"):
            site = re.match(SITE_WORD, seg)
            if site and doc.free(s, e):
                # "nasal spray", "oral solution": the site word says how it is given (ROUTE), the rest is the FORM
                doc.add(s, s + site.end(), "ROUTE")
                doc.add(s + site.end() + 1, e, "FORM")
            else:
                doc.add(s, e, "FORM")

    # sig and status-sentence rules (med7_train/sig_rules.py)
    return sig_rules.apply(t, doc.spans)


# Every pattern whose matches the rules above accept only in the right context. A match they turned
# down is a doubt, not a certain "no": `doubts` lists them so that training can leave them unlabelled.
_CANDIDATE_RES = [*STRENGTH_RES, PERCENT_RE, RATIO_RE, VOLUME_RE, SPOON_RE, PUFF_RE, COUNT_RE, HALF_OF_RE,
                  FORM_RE, ROUTE_RE, ROUTE_ADJ_RE, FREQ_ABBR_RE, FREQ_WORD_RE, DURATION_RE]


def doubts(text, spans=None):
    """Character spans the rules matched as a possible entity but turned down for want of context
    (`topical` with no drug beside it, a volume far from a drug, a drug-class word such as `steroid`,
    a lab-like name such as `lithium` without a dose). Spans overlapping an accepted entity are left
    out. Returned sorted, as [start, end]."""
    spans = label(text) if spans is None else spans
    found = []
    for rx in _CANDIDATE_RES:
        found.extend(m.span() for m in rx.finditer(text))
    found.extend((s, e) for s, e, k in _find_drugs(_Doc(text)) if k == "WEAK")
    found.extend(m.span() for m in WORD_RE.finditer(text) if m.group().lower() in lexicons.AMBIGUOUS)
    out = set()
    for s, e in found:
        s, e = _trim(text, s, e)
        if e > s and all(e <= a or s >= b for a, b, _ in spans):
            out.add((s, e))
    return [list(x) for x in sorted(out)]


def main(argv=None):
    """`python -m med7_train.weak_labeller IN.jsonl > OUT.jsonl`: each record with "entities" replaced
    by the labeller's, so `med7 eval GOLD --predictions OUT` scores it with the project's scorer."""
    import json
    import sys
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python -m med7_train.weak_labeller IN.jsonl > OUT.jsonl", file=sys.stderr)
        return 2
    with open(args[0], encoding="utf-8") as f:
        for line in f:
            if line.strip():
                r = json.loads(line)
                r["entities"] = [list(e) for e in label(r["text"])]
                sys.stdout.write(json.dumps(r, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
