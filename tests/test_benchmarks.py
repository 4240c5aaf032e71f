"""The benchmark scripts still run, in their smallest setting (nothing is timed here)."""

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SNAP = ROOT.parent / "shared" / "data" / "snap"
COLLEGE = SNAP / "CollegeMsg.txt"


def run(*args: str) -> str:
    done = subprocess.run(
        [sys.executable, *args], cwd=ROOT, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def test_scale_benchmark_reports_every_stage(tmp_path):
    out = run("benchmarks/bench_scale.py", "--quick", "--json", str(tmp_path / "scale.json"))
    for stage in ("from_frames", "ties", "graph", "undirected", "holes", "communities", "total"):
        assert f"\n{stage} " in out, stage
    assert (tmp_path / "scale.json").stat().st_size > 0


def test_structural_holes_benchmark_agrees_with_its_peers():
    out = run("benchmarks/bench_structural_holes.py", "--quick", "--no-real")
    row = next(line for line in out.splitlines() if line.startswith("holme-kim 2k"))
    assert float(row.split()[-1]) < 1e-9  # max |constraint - igraph / networkx|


@pytest.mark.skipif(not COLLEGE.exists(), reason="SNAP CollegeMsg not beside the project")
def test_onnela_overlap_grows_with_strength():
    out = run("benchmarks/onnela_overlap.py", str(COLLEGE))
    rho = float(out.split("rho = ")[1].split()[0])
    assert rho > 0


@pytest.mark.skipif(not COLLEGE.exists(), reason="SNAP CollegeMsg not beside the project")
def test_introductions_holdout_compares_every_method():
    out = run("benchmarks/introductions_holdout.py", "--egos", "20")
    for method in ("netgraph introductions", "adamic_adar_index", "random two-step"):
        assert method in out
