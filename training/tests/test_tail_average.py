"""Tail averaging (build --tail-average): the exported weights are the mean of the snapshots taken from
the start step on, every `every` steps, and nothing before it counts."""
import pytest
import torch

from med7_train import build
from med7_train.train import TailAverage


def _model_at(value):
    m = torch.nn.Linear(2, 1)
    with torch.no_grad():
        m.weight.fill_(value)
        m.bias.fill_(-value)
    m.register_buffer("steps_seen", torch.tensor(int(value)))
    return m


def test_the_mean_covers_the_tail_only():
    tail = TailAverage(start=4, every=2)
    for step in range(10):  # snapshots at steps 4, 6 and 8
        tail.update(_model_at(step), step)
    assert tail.count == 3
    assert torch.allclose(tail.state["weight"], torch.full((1, 2), 6.0))
    assert torch.allclose(tail.state["bias"], torch.tensor([-6.0]))
    # integer buffers are not averaged: the first snapshot's value stays
    assert int(tail.state["steps_seen"]) == 4


def test_the_mean_is_a_copy_not_the_live_weights():
    tail = TailAverage(start=0, every=1)
    m = _model_at(1.0)
    tail.update(m, 0)
    with torch.no_grad():
        m.weight.fill_(100.0)
    assert torch.allclose(tail.state["weight"], torch.ones(1, 2))


def test_build_options():
    _, params = build.parse_args([])
    assert params["tail_average"] == 0.25  # the shipped recipe exports the tail average
    _, params = build.parse_args(["--tail-average", "0"])
    assert params["tail_average"] == 0.0
    _, params = build.parse_args(["--tail-average", "0.25"])
    assert params["tail_average"] == 0.25
    for bad in (["--tail-average", "1"], ["--tail-average", "-0.1"], ["--tail-average", "0", "--raw-out", "/tmp/x"]):
        with pytest.raises(SystemExit):
            build.parse_args(bad)
