"""med7-manifest.json: the SHA-384 of every file of a model folder the browser element loads.

A page that brings its own model (`<med7-ner model="...">`) has it checked against this file before
anything is used, and with `integrity="required"` a folder without it is refused (docs/integrity.md).
The format is what build/manifest.ts writes: {"files": {"<path>": "sha384-<base64>"}}.

    python -m med7_train.manifest DIR    # (re)writes DIR/med7-manifest.json
"""
import base64
import hashlib
import json
import os
import sys

MANIFEST = "med7-manifest.json"
# What the element fetches from a model folder: config, tokenizer, the ONNX files.
TOP_FILES = ("config.json", "tokenizer.json", "tokenizer_config.json")


def sri(path):
    """The SRI hash (`sha384-<base64>`) of the file at `path`."""
    digest = hashlib.sha384()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return "sha384-" + base64.b64encode(digest.digest()).decode("ascii")


def model_files(folder):
    """The folder's files the element may load, as `/`-separated paths, sorted."""
    files = [name for name in TOP_FILES if os.path.isfile(os.path.join(folder, name))]
    onnx = os.path.join(folder, "onnx")
    if os.path.isdir(onnx):
        files += [f"onnx/{name}" for name in os.listdir(onnx)
                  if name.endswith((".onnx", ".onnx_data")) and os.path.isfile(os.path.join(onnx, name))]
    return sorted(files)


def write_manifest(folder):
    """Writes `folder`/med7-manifest.json with the hash of each file the element may load; returns its path."""
    files = model_files(folder)
    if "config.json" not in files:
        raise ValueError(f"{folder} is not a model folder (no config.json)")
    manifest = {"files": {name: sri(os.path.join(folder, name)) for name in files}}
    path = os.path.join(folder, MANIFEST)
    with open(path, "w") as f:
        json.dump(manifest, f, indent=2)
        f.write("\n")
    return path


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python -m med7_train.manifest MODEL_DIR")
    print(write_manifest(sys.argv[1]))
