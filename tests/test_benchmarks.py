"""The benchmark scripts still run, in their smallest setting (nothing is timed here)."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


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


def test_onnela_overlap_grows_with_strength(snap_file):
    out = run("benchmarks/onnela_overlap.py", str(snap_file("CollegeMsg.txt")))
    rho = float(out.split("rho = ")[1].split()[0])
    assert rho > 0


def test_introductions_holdout_compares_every_method(snap_file):
    snap_file("CollegeMsg.txt")  # the script finds it the same way (NETGRAPH_SHARED_DATA)
    out = run("benchmarks/introductions_holdout.py", "--egos", "20")
    for method in ("netgraph introductions", "adamic_adar_index", "random two-step"):
        assert method in out


def test_email_eu_core_benchmark_reports_every_analysis():
    out = run("benchmarks/bench_email_eu_core.py", "--quick")
    assert "introductions (4k candidates)" in out  # synthetic: runs without the SNAP data
    if "data not found" not in out:
        for name in ("brokerage", "affinity", "communities", "introductions_to_make"):
            assert f"\n{name} " in out, name


def test_store_benchmark_reports_open_week_and_log(tmp_path):
    out = run(
        "benchmarks/bench_store.py",
        "--people", "300", "--interactions", "5000", "--logs", "5",
        "--path", str(tmp_path / "bench.sqlite"),
    )  # fmt: skip
    for line in ("open ", "week cold ", "week warm ", "log "):
        assert f"\n{line}" in out, line
    assert "review: " in out


def test_who_knows_whom_benchmark_reports_auc_and_effective_sizes(ego_facebook):
    out = run("benchmarks/who_knows_whom.py", str(ego_facebook), "--quick")
    assert "median AUC" in out and "mean cut of the error" in out
    median = float(out.split("median AUC ")[1].split()[0])
    assert median >= 0.80
