"""Tag probabilities → entities, the way the shipped decoder does it (src/core/decode/choose-tags.ts and
decodeTags in src/core/decode/tags.ts), so the python-side score is the one users get. Both sides are
checked against the cases in src/core/decode/decode.cases.json.

- The pre-tokens of one written word (a letter run and a digit run with nothing between them,
  `D3`, `400mg`, pieces joined by inner dots, `q.d`, `0.5`, or by thousands commas, `1,575mg`)
  take one label together. The final dot of a dotted abbreviation (`q.d.`, `p.o.`, `q.12h.`)
  belongs to that word too (ANNOTATION.md).
- The words' labels are the most probable sequence that obeys BIO: a label is continued (I-) only
  right after itself (see choose_tags).
- A combining mark (`\u0301` in a decomposed `í`) belongs to the word it is written on: it is a
  pre-token of its own that the tokenizer reads as nothing, so alone it would cut the word apart.
- A B- tag right after a token of its own label on the same line continues that entity.
- No entity holds pre-tokens on both sides of a span break (span_breaks: a sentence end of any
  script, a change of script), and the span rules take nothing across one (span-breaks.ts).
- An entity never begins with a pre-token without a letter or digit, except a `#` before one
  (`#2`), and ends with one only if it is a `.`, `%` or `+` after one (`q.d.`, `0.25%`, `K+`), as
  in all 6,869 entities of the gold and annotated sets: other edge pre-tokens (a bullet, an arrow,
  an emoji, any symbol read as [UNK]) are trimmed off, but combining marks glued to the last kept
  pre-token stay with it. An entity with no letter or digit left (a lone `%` or `.`) is dropped.
- Then the span rules of src/core/decode/span-grammar.ts (_split_joined_drugs, _tidy_run): a DRUG is
  split at a `with` that joins two drugs (`Marcaine with epinephrine`, not `Tylenol with Codeine`)
  and before a contrast noun after an agent's name (`Omnipaque 240` + `dye`); no entity ends in a
  preposition, conjunction, article, pronoun or determiner; a DRUG takes in the noun heading its
  class (`pain` + `medication`); a FREQUENCY takes in a `basis` after it, and then the `on a` before
  it; a DURATION takes in the unit of time right after it and is dropped without one; a STRENGTH
  takes in a rate glued on after it (`/kg/minute`). They only take in pre-tokens the model left
  outside every entity, and a part of a split DRUG none of another part's.

Over 350 lines: a line-for-line mirror of the TypeScript decoder (src/core/decode), kept in one file to compare.
"""
import math
import re
import unicodedata

from .pretok import BIO, script_of, visible_text

_WORD_RE = re.compile(r"[^\W\d_]+|\d+")
# line breaks by str.splitlines(), the same set as src/core/decode/tags.ts
_LINE_BREAK_RE = re.compile("[\n\v\f\r\x1c-\x1e\x85\u2028\u2029]")


def _is_word_piece(tok):
    return _WORD_RE.fullmatch(visible_text(tok[2])) is not None or _is_marks(tok[2])


def _is_marks(text):
    """Combining marks only (categories Mn, Mc, Me): each is a pre-token of its own."""
    return text != "" and all(unicodedata.category(c).startswith("M") for c in text)


def _joins_previous(toks, i):
    left, right = toks[i - 1], toks[i]
    if left[1] != right[0]:
        return False
    if _is_word_piece(left) and _is_word_piece(right):
        return True
    return _inner_separator(toks, i) or _inner_separator(toks, i - 1)


def _inner_separator(toks, at):
    """A separator inside a word, glued on both sides (innerSeparator in TS): a dot between word
    pieces (`q.d`, `0.5`), or the comma of `50,000` / `1,575mg` between 1-3 digits and exactly 3
    (never an entity edge in the gold and annotated sets; 43 of 56 are inside one)."""
    if at < 1 or at + 1 >= len(toks):
        return False
    before, sep, after = toks[at - 1], toks[at], toks[at + 1]
    if before[1] != sep[0] or sep[1] != after[0]:
        return False
    if sep[2] == ".":
        return _is_word_piece(before) and _is_word_piece(after)
    if sep[2] == ",":
        return re.fullmatch(r"[0-9]{1,3}", before[2]) is not None and re.fullmatch(r"[0-9]{3}", after[2]) is not None
    return False


# one to three letters, then dot-and-piece pairs of at most four characters: `q.d`, `b.i.d`, `q.12h`
# (not `q.daily`, not `0.5`); the same pattern as DOTTED_ABBREVIATION_RE in src/core/decode/choose-tags.ts
_DOTTED_ABBREVIATION_RE = re.compile(r"[^\W\d_]{1,3}(?:\.[^\W_]{1,4})+")


# span-breaks.ts: marks that end a sentence wherever they stand, and `?`/`!` before a space and
# a capital or digit; no entity crosses one, nor joins letters of two scripts
SENTENCE_END_MARKS = frozenset("。！？｡؟۔।॥")
_SENTENCE_START_RE = re.compile(r"[A-Z0-9]")


def _ends_sentence_before(toks, i):
    prev, tok = toks[i - 1], toks[i]
    if prev[2] in SENTENCE_END_MARKS:
        return True
    return prev[2] in ("?", "!") and tok[0] > prev[1] and _SENTENCE_START_RE.match(tok[2]) is not None


def span_breaks(toks):
    """spanBreaks in src/core/decode/span-breaks.ts: breaks[i] is 1 where no entity may hold both
    pre-token i - 1 and i (a sentence end between them, or i - 1 the last pre-token with letters
    before one with letters of another script: pre-tokens without letters between two scripts go
    with the later one, `阿司匹林 | 100 mg`)."""
    breaks, last, last_at = [0] * len(toks), None, -1
    for i, tok in enumerate(toks):
        if i > 0 and _ends_sentence_before(toks, i):
            breaks[i] = 1
        script = script_of(tok[2])
        if script is None:
            continue
        if last is not None and script != last:
            breaks[last_at + 1] = 1
        last, last_at = script, i
    return breaks


def word_groups(toks, breaks=None):
    """Consecutive runs [start, end) of pre-tokens that must share one label, never across a
    span break."""
    breaks = span_breaks(toks) if breaks is None else breaks
    groups, start = [], 0
    for i in range(1, len(toks) + 1):
        if i < len(toks) and not breaks[i] and _joins_previous(toks, i):
            continue
        if groups and i - start == 1 and _ends_dotted_abbreviation(toks, groups[-1], start):
            groups[-1] = (groups[-1][0], i)
        else:
            groups.append((start, i))
        start = i
    return groups


def _ends_dotted_abbreviation(toks, group, dot):
    """Whether the lone pre-token `dot` is a `.` glued to the end of `group`, a dotted abbreviation."""
    a, b = group
    return (b == dot and toks[dot][2] == "." and toks[b - 1][1] == toks[dot][0]
            and _DOTTED_ABBREVIATION_RE.fullmatch("".join(t[2] for t in toks[a:b])) is not None)


def _label(tag):
    return None if tag == "O" else tag[2:]


_LOG_FLOOR = math.log(1e-30)


def _log(p):
    return max(math.log(p), _LOG_FLOOR) if p > 0 else _LOG_FLOOR


def _argmax(values):
    """The index of the largest value, the first one on a tie."""
    best = 0
    for i in range(1, len(values)):
        if values[i] > values[best]:
            best = i
    return best


def choose_tags(toks, probs, tags=BIO):
    """One BIO tag per pre-token from probs[i][k] (a softmax over `tags`; all zeros = not read).

    The pieces of one word share a label, and the words' labels are the most probable sequence
    (Viterbi) in which a label is continued (I-) only right after itself: staying in a label scores
    the mean over the word's pieces of the label's probability summed over B-/I- (a mean, so that one
    piece the model is sure about cannot outvote the rest of the word); entering it from another
    label or O scores that mean times the share of B- in the first piece's probability of the label.
    A word that stays keeps its first piece's most probable role; a word that enters starts (B-).
    chooseTags in src/core/decode/choose-tags.ts."""
    labels = [_label(t) for t in tags]
    starts = [t.startswith("B-") for t in tags]
    states = list(dict.fromkeys([None] + [lab for lab in labels if lab is not None]))
    constrained = [lab is not None and any(l == lab and b for l, b in zip(labels, starts)) for lab in states]

    def read(i):
        return any(p > 0 for p in probs[i])

    def label_prob(i, lab, only_starts=False):
        return sum(p for p, l, b in zip(probs[i], labels, starts) if l == lab and (b or not only_starts))

    breaks = span_breaks(toks)
    groups = word_groups(toks, breaks)
    stay, enter = [], []
    for start, end in groups:
        pieces = [i for i in range(start, end) if read(i)]
        stay_row, enter_row = [], []
        for s, lab in enumerate(states):
            if not pieces:
                stay_row.append(_log(float(lab is None)))
                enter_row.append(stay_row[-1])
                continue
            mean = sum(label_prob(i, lab) for i in pieces) / len(pieces)
            first = label_prob(start, lab) if pieces[0] == start else 0.0
            share = label_prob(start, lab, only_starts=True) / first if constrained[s] and first > 0 else 1.0
            stay_row.append(_log(mean))
            enter_row.append(_log(mean * share))
        stay.append(stay_row)
        enter.append(enter_row)

    path = [0] * len(groups)
    if groups:
        best, back = list(enter[0]), []
        for g in range(1, len(groups)):
            nxt, prev = [], []
            can_stay = not breaks[groups[g][0]]
            for s in range(len(states)):
                totals = [b + (stay[g][s] if p == s and (s == 0 or can_stay) else enter[g][s])
                          for p, b in enumerate(best)]
                p = _argmax(totals)
                nxt.append(totals[p])
                prev.append(p)
            best = nxt
            back.append(prev)
        path[-1] = _argmax(best)
        for g in range(len(groups) - 1, 0, -1):
            path[g - 1] = back[g - 1][path[g]]

    out = ["O"] * len(toks)
    for g, (start, end) in enumerate(groups):
        lab = states[path[g]]
        if lab is None:
            continue
        role = "B-"
        if g > 0 and path[g - 1] == path[g] and not breaks[start]:
            first = max((k for k, l in enumerate(labels) if l == lab), key=lambda k: (probs[start][k], -k))
            role = "I-" if tags[first].startswith("I-") else "B-"
        out[start] = role + lab
        for i in range(start + 1, end):
            out[i] = "I-" + lab
    return out


# the pre-tokens without a letter or digit that may stand at an entity's edge, next to one with a
# letter or digit: the same sets as EDGE_STARTS and EDGE_ENDS in src/core/decode/tags.ts
_EDGE_STARTS = frozenset("#")
_EDGE_ENDS = frozenset(".%+")


def _has_letter_or_digit(tok):
    return any(ch.isalnum() for ch in tok[2])


def _trim_edges(toks, first, last):
    """The pre-tokens [first, last] of an entity less its edge pre-tokens without a letter or digit
    (bar the `#`, `.`, `%`, `+` allowed next to one, and combining marks glued to the last kept
    pre-token), or None when nothing is left; trimEdges in src/core/decode/tags.ts."""
    def keeps_start(i):
        return _has_letter_or_digit(toks[i]) or (
            toks[i][2] in _EDGE_STARTS and i < last and _has_letter_or_digit(toks[i + 1]))

    while first <= last and not keeps_start(first):
        first += 1

    def keeps_end(i):
        if _has_letter_or_digit(toks[i]):
            return True
        if i <= first:
            return False
        if toks[i][2] in _EDGE_ENDS:
            return _has_letter_or_digit(toks[i - 1])
        return _is_marks(toks[i][2]) and toks[i - 1][1] == toks[i][0] and keeps_end(i - 1)

    while last >= first and not keeps_end(last):
        last -= 1
    return (first, last) if first <= last else None


# the word sets of src/core/decode/span-grammar.ts
_TRAILING_WORDS = frozenset((
    "a an the and or nor but of with to at on in for out as by from then per into via over than after "
    "me my we our you your he him his she her it its they them their this that these those "
    "all some any each every both either neither other no not is was are were be").split())
_CLASS_NOUNS = frozenset(
    "medication medications medicine medicines blocker blockers inhibitor inhibitors agent agents drug drugs".split())
_LETTERS_RE = re.compile(r"[^\W\d_]+")
_DURATION_UNITS = frozenset(
    "second seconds sec secs minute minutes min mins hour hours hr hrs h day days d week weeks wk wks month months "
    "mo mos year years yr yrs night nights dose doses cycle cycles".split())
_RATE_UNITS = frozenset(["kg", "min", "minute", "hr", "hour", "h"])
_CONTRAST_NOUNS = frozenset(["dye", "contrast"])
_CONTRAST_HEADS = frozenset(["material", "medium", "agent"])
_BASIS_OPENERS = frozenset(["on", "as"])
_ARTICLES = frozenset(["a", "an"])


def _word_in(words, toks, i):
    return 0 <= i < len(toks) and visible_text(toks[i][2]).lower() in words


def _touches(toks, i, j):
    return toks[i][1] == toks[j][0]


def _next_word(toks, last, is_free):
    """nextWord in src/core/decode/span-grammar.ts: the next free pre-token, or the one after a hyphen glued
    to both; None if there is none."""
    nxt = last + 1
    if nxt >= len(toks) or not is_free(nxt):
        return None
    if toks[nxt][2] != "-":
        return nxt
    glued = nxt + 1 < len(toks) and _touches(toks, last, nxt) and _touches(toks, nxt, nxt + 1)
    return nxt + 1 if glued and is_free(nxt + 1) else None


def _reach_class_noun(toks, last, is_free):
    nxt = _next_word(toks, last, is_free)
    if nxt is None:
        return last
    if _word_in(_CLASS_NOUNS, toks, nxt):
        return nxt
    if not _LETTERS_RE.fullmatch(visible_text(toks[nxt][2])) or _word_in(_TRAILING_WORDS, toks, nxt):
        return last
    after = _next_word(toks, nxt, is_free)
    return after if after is not None and _word_in(_CLASS_NOUNS, toks, after) else last


def _split_joined_drugs(toks, first, last, lab):
    """splitJoinedDrugs in src/core/decode/span-grammar.ts: a DRUG's [first, last] split at each inner
    `with` not followed by `codeine`, and before a contrast noun that ends it (`Omnipaque` + `dye`);
    other runs come back whole."""
    if lab != "DRUG":
        return [(first, last)]
    parts, start = [], first
    for i in range(first + 1, last):
        if toks[i][2].lower() == "with" and toks[i + 1][2].lower() != "codeine":
            parts.append((start, i - 1))
            start = i + 1
    contrast = _contrast_noun_start(toks, start, last)
    if contrast is not None:
        parts.append((start, contrast - 1))
        start = contrast
    parts.append((start, last))
    return parts


def _contrast_noun_start(toks, first, last):
    """contrastNounStart in src/core/decode/span-grammar.ts: where the contrast noun ending [first, last]
    begins, if a name that is not another contrast noun stands before it; else None."""
    if _word_in(_CONTRAST_HEADS, toks, last) and last > 0 and toks[last - 1][2].lower() == "contrast":
        start = last - 1
    elif _word_in(_CONTRAST_NOUNS, toks, last):
        start = last
    else:
        return None
    return start if start > first and not _word_in(_CONTRAST_NOUNS, toks, start - 1) else None


def _reach_basis_opener(toks, first, is_free):
    """reachBasisOpener in src/core/decode/span-grammar.ts: the free `on`/`as` (and `a`/`an`) before a
    FREQUENCY that ends in `basis`."""
    if _word_in(_BASIS_OPENERS, toks, first):
        return first
    opener = first - 1
    if opener >= 0 and is_free(opener) and _word_in(_ARTICLES, toks, opener):
        opener -= 1
    return opener if opener >= 0 and is_free(opener) and _word_in(_BASIS_OPENERS, toks, opener) else first


def _tidy_run(toks, first, last, lab, is_free):
    """The span rules of tidyRun in src/core/decode/span-grammar.ts on one entity's pre-tokens [first, last];
    is_free(i): pre-token i is outside every entity or this one's. None when nothing is left."""
    while _word_in(_TRAILING_WORDS, toks, last):
        kept = _trim_edges(toks, first, last - 1)
        if kept is None:
            return None
        first, last = kept
    if lab == "DRUG":
        last = _reach_class_noun(toks, last, is_free)
    if lab == "FREQUENCY":
        nxt = _next_word(toks, last, is_free)
        if nxt is not None and toks[nxt][2].lower() == "basis":
            last = nxt
        if toks[last][2].lower() == "basis":
            first = _reach_basis_opener(toks, first, is_free)
    if lab == "DURATION":
        if not _word_in(_DURATION_UNITS, toks, last):
            nxt = _next_word(toks, last, is_free)
            if nxt is not None and _word_in(_DURATION_UNITS, toks, nxt):
                last = nxt
        if not any(_word_in(_DURATION_UNITS, toks, i) for i in range(first, last + 1)):
            return None
    if lab == "STRENGTH":
        while (last + 2 < len(toks) and toks[last + 1][2] == "/" and _has_letter_or_digit(toks[last])
               and _touches(toks, last, last + 1) and _touches(toks, last + 1, last + 2)
               and is_free(last + 1) and is_free(last + 2) and _word_in(_RATE_UNITS, toks, last + 2)):
            last += 2
    return first, last


# Words the model has taken for a DRUG that never name one, and English word endings no medication
# name has (on a word in lower case); a DRUG that is one such word alone is dropped. Mirrors
# src/core/decode/not-a-drug.ts (tests/test_decode.py keeps the two lists equal).
NOT_A_DRUG = frozenset("""
    abrasion accelerate achieving aggressive align ambivalent amenable analyzed arrange array
    averaging balcony banana bananas bargaining basically bathroom board cardiomegaly carrots
    chair characterization claimed clumsiness coalmine completing contacts corners corporation
    counseling crab creation crutches dairy deceased definition deployment deteriorated disruption
    dizzier do dosing doubt doubts dynamic earlobe emotion escort ever everything exercising finances
    fishbone fishing flatten flexed floppy flows fragile friday fridays front frosting furthermore
    german germany gluteal happened harnesses hearing hurricane imbalance increases indiana
    indigestion individuals institute insult italian kilo kindergarten kink knees label lethargy
    libido loneliness lots malaise medicare milestones miscarriages missing mobster momentary monday
    mondays monitor much neglected occasion once option options oven palpitation palpitations
    paperwork part patrol penetrate phonophobia prison professor prostitutes remember remembers
    sales salesperson sauce scale shallow shower shuffle sprinklers staircase struggle supreme
    surprise teenager texas thirst thirty ultimate unsafe urged victim whirlpool whose worth writing
    active authorizing claims confirmed discontinued inactive instructions nka nkda portal reason
    recorded refills result reviewed status taking
    adv cease ceased dexa nil tto
""".split())
# Frequency abbreviations the model has taken for a DRUG (`10 mg OD`): such a DRUG alone is a
# FREQUENCY. Mirrors FREQUENCY_WORDS in src/core/decode/not-a-drug.ts.
FREQUENCY_WORDS = frozenset("od bd bid tds tid qds qid qd qhs qam qpm nocte mane prn".split())
# Weekdays alone or in a run (`Mon/Wed/Fri`): never a drug.
_WEEKDAYS = re.compile(r"(?:(?:mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)(?:day)?s?(?:[/,&-]|\s+|$))+", re.I)
_NOT_A_NAME_ENDING = re.compile(r"(?:ly|ing|ment|ness|ship|ful)$")


def is_not_a_drug(word):
    """Whether `word` (one pre-token) is never a medication's name."""
    if not re.fullmatch(r"[A-Za-z]+", word):
        return False
    lower = word.lower()
    if lower in NOT_A_DRUG:
        return True
    return word == lower and len(word) > 5 and bool(_NOT_A_NAME_ENDING.search(word))


def decode_tags(text, toks, tags):
    """BIO tags → [start, end, label] spans: a stray I- starts an entity, a label change or O ends
    one, and B- continues an entity of its own label that the previous token ends on the same line.
    Edge pre-tokens without a letter or digit are trimmed off as in _trim_edges, then a DRUG is
    split as in _split_joined_drugs and the span rules of _tidy_run apply."""
    breaks = span_breaks(toks)
    # breaks_up_to[i]: span breaks before pre-tokens 1..i; a range holds one iff its ends differ
    breaks_up_to = [0] * len(toks)
    for i in range(1, len(toks)):
        breaks_up_to[i] = breaks_up_to[i - 1] + breaks[i]

    def unbroken(a, b):
        return breaks_up_to[max(a, b)] == breaks_up_to[min(a, b)]

    runs, cur = [], None
    for i, ((s, _, _), t) in enumerate(zip(toks, tags)):
        if t == "O":
            cur = None
            continue
        lab = t[2:]
        continues = cur is not None and cur[2] == lab and not breaks[i] and (
            t.startswith("I-") or not _LINE_BREAK_RE.search(text[toks[i - 1][1]:s]))
        if continues:
            cur[1] = i
        else:
            cur = [i, i, lab]
            runs.append(cur)
    owner = [-1] * len(toks)
    for r, (first, last, _) in enumerate(runs):
        owner[first:last + 1] = [r] * (last + 1 - first)
    spans = []
    for r, (first, last, lab) in enumerate(runs):
        edged = _trim_edges(toks, first, last)
        if edged is None:
            continue
        parts = _split_joined_drugs(toks, edged[0], edged[1], lab)
        for k, part in enumerate(parts):
            # a part of a split run takes in only its own share of the run, up to the next part
            lo = first if k == 0 else part[0]
            hi = last if k == len(parts) - 1 else parts[k + 1][0] - 1
            kept = _trim_edges(toks, *part)
            if kept is None:
                continue
            tidy = _tidy_run(toks, kept[0], kept[1], lab,
                             lambda i, r=r, lo=lo, hi=hi, kept=kept: (
                                 (owner[i] == -1 or (owner[i] == r and lo <= i <= hi))
                                 and unbroken(i, kept[0]) and unbroken(i, kept[1])))
            if tidy is None:
                continue
            single = toks[tidy[0]][2] if tidy[0] == tidy[1] else None
            if lab == "DRUG" and single is not None and is_not_a_drug(single):
                continue
            if lab == "DRUG" and _WEEKDAYS.fullmatch(text[toks[tidy[0]][0]:toks[tidy[1]][1]]):
                continue
            label = "FREQUENCY" if lab == "DRUG" and single is not None and single.lower() in FREQUENCY_WORDS else lab
            spans.append([toks[tidy[0]][0], toks[tidy[1]][1], label])
    return spans
