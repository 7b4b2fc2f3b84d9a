import base64
import hashlib
import json
import os

import pytest

from med7_train.manifest import MANIFEST, write_manifest


def test_manifest_hashes_every_file_the_element_loads(tmp_path):
    (tmp_path / "onnx").mkdir()
    (tmp_path / "config.json").write_text('{"model_type": "bert"}')
    (tmp_path / "tokenizer.json").write_text("{}")
    (tmp_path / "tokenizer_config.json").write_text("{}")
    (tmp_path / "onnx" / "model_int8.onnx").write_bytes(b"\x00\x01weights")
    (tmp_path / "MODEL_CARD.md").write_text("not loaded by the element")
    path = write_manifest(str(tmp_path))
    assert os.path.basename(path) == MANIFEST
    files = json.loads((tmp_path / MANIFEST).read_text())["files"]
    assert sorted(files) == ["config.json", "onnx/model_int8.onnx", "tokenizer.json", "tokenizer_config.json"]
    expected = "sha384-" + base64.b64encode(hashlib.sha384(b"\x00\x01weights").digest()).decode()
    assert files["onnx/model_int8.onnx"] == expected


def test_manifest_matches_the_drop_in_build_format():
    # The committed embedded model, hashed as build/manifest.ts hashes it: same format, same values.
    folder = os.path.join(os.path.dirname(__file__), "..", "..", "models", "med7-compact")
    if not os.path.isfile(os.path.join(folder, "config.json")):
        pytest.skip("no embedded model")
    with open(os.path.join(folder, "tokenizer.json"), "rb") as f:
        tok = "sha384-" + base64.b64encode(hashlib.sha384(f.read()).digest()).decode()
    from med7_train.manifest import model_files, sri
    assert "onnx/model_int8.onnx" in model_files(folder)
    assert sri(os.path.join(folder, "tokenizer.json")) == tok


def test_a_folder_without_config_is_refused(tmp_path):
    with pytest.raises(ValueError):
        write_manifest(str(tmp_path))
