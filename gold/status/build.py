"""Builds a status gold file (../../shared/STATUS.md) from a draft and the hand decisions.

The draft (`*.draft.jsonl`: records with entities and a first `status` per DRUG) was read sentence by
sentence; every judgement that differs from the draft is written in the JSON decisions file:
  {"ID": {"drop": ["TEXT@START", ...], "add": [["TEXT", occurrence, "LABEL"], ...],
          "status": {"START": "status", ...}, "statuses": ["status", ...], "omit": "why"}}
`statuses` (instead of `status`) gives every DRUG's status in text order (after the edits);
`omit` drops the record (a repeat of a sentence in another part). `drop` removes an entity (text and start, to catch drift), `add` adds one by its text (the n-th
occurrence, from 0), `status` sets the status of the DRUG starting at START. Every drug's final
status is checked against STATUS.md's seven; entities are checked to slice the text.

usage: python3 build.py DRAFT.jsonl DECISIONS.json OUT.jsonl
"""
import json
import sys

STATUSES = {"allergy", "negated", "stopped", "held", "planned", "given", "active"}


def find(text, piece, occurrence):
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(piece, start + 1)
    return start


def main(draft_path, decisions_path, out_path):
    decisions = json.load(open(decisions_path, encoding="utf-8"))
    seen = set()
    out = []
    for line in open(draft_path, encoding="utf-8"):
        record = json.loads(line)
        text = record["text"]
        d = decisions.get(record["id"], {})
        seen.add(record["id"])
        if "omit" in d:
            continue
        status = {s: st for s, _, st in record["status"]}
        entities = [e for e in record["entities"]]
        for spec in d.get("drop", []):
            piece, at = spec.rsplit("@", 1)
            match = [e for e in entities if e[0] == int(at) and text[e[0]:e[1]] == piece]
            assert match, (record["id"], spec)
            entities.remove(match[0])
        for piece, occurrence, label in d.get("add", []):
            start = find(text, piece, occurrence)
            entities.append([start, start + len(piece), label])
        entities.sort()
        for a, b in zip(entities, entities[1:]):
            assert a[1] <= b[0], (record["id"], a, b)
        for start, st in d.get("status", {}).items():
            assert st in STATUSES, (record["id"], st)
            assert any(e[0] == int(start) and e[2] == "DRUG" for e in entities), (record["id"], start)
            status[int(start)] = st
        drugs = [e for e in entities if e[2] == "DRUG"]
        if "statuses" in d:
            assert len(d["statuses"]) == len(drugs), (record["id"], d["statuses"], drugs)
            for e, st in zip(drugs, d["statuses"]):
                assert st in STATUSES, (record["id"], st)
                status[e[0]] = st
        for e in drugs:
            assert e[0] in status, (record["id"], "no status for", text[e[0]:e[1]])
        out.append({
            "id": record["id"],
            "text": text,
            "entities": entities,
            "status": [[e[0], e[1], status[e[0]]] for e in drugs],
        })
    unknown = set(decisions) - seen
    assert not unknown, unknown
    with open(out_path, "w", encoding="utf-8") as f:
        for r in out:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(out_path, len(out), "records,", sum(len(r["status"]) for r in out), "drugs")


if __name__ == "__main__":
    main(*sys.argv[1:])
