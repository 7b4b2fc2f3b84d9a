"""Writes the status gold of medExtractR's de-identified Vanderbilt notes as JSON Lines.

The notes are GPL-licensed text in ../shared/data/medextractr (see its SOURCE.md), so this
repository keeps only our annotations (`medextractr.json`: each note's path, the SHA-256 of its
text, its entities and the status of each DRUG) and joins them to the text when asked. The
entities are the shipped model's with the DRUG spans corrected by hand; the statuses were
annotated by ../shared/STATUS.md on whole notes, line breaks kept.

usage: python3 gold/status/medextractr.py [OUT.jsonl]   (default: standard output)
"""
import hashlib
import json
import pathlib
import sys

HERE = pathlib.Path(__file__).resolve().parent
SOURCE = HERE.parents[2] / "shared" / "data" / "medextractr"
STATUSES = {"allergy", "negated", "stopped", "held", "planned", "given", "active"}


def records():
    for note in json.loads((HERE / "medextractr.json").read_text(encoding="utf-8"))["notes"]:
        path = SOURCE / note["path"]
        text = path.read_text(encoding="utf-8")
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
        if digest != note["sha256"]:
            sys.exit(f"{path}: its text changed (SHA-256 {digest}); the offsets no longer hold")
        drugs = [e[:2] for e in note["entities"] if e[2] == "DRUG"]
        assert [s[:2] for s in note["status"]] == drugs, note["id"]
        assert all(s[2] in STATUSES for s in note["status"]), note["id"]
        assert all(0 <= a < b <= len(text) for a, b, _ in note["entities"]), note["id"]
        yield {"id": note["id"], "text": text, "entities": note["entities"], "status": note["status"]}


def main(out):
    lines = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records())
    if out is None:
        sys.stdout.write(lines)
    else:
        pathlib.Path(out).write_text(lines, encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else None)
