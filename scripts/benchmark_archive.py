"""``scripts/benchmark.py --archive N``: factcheck on a newsroom-sized archive (not a test).

Builds an archive of N articles from ecbplus-dev (scripts/make_archive.py: dates spread over years,
numbers perturbed so that copies differ), then times, each as its own `factcheck` process:

  cold    run on the archive with an empty claim store (everything extracted)
  warm    the same run again (everything from the store)
  check   `check new.md --against ARCHIVE`: one new article against the archive, store warm
  jobs1   (with --compare-jobs) a cold run with --jobs 1, to show the output does not change

and prints wall time, articles per second, CPU seconds over wall seconds (cores used), and peak
memory: the sum of the resident memory of the run's process and its workers, sampled every 0.2 s.
Reports of cold, warm and jobs1 are compared byte for byte.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from make_archive import build  # noqa: E402

NEW_ARTICLE = """---
date: 2009-06-02
source: Benchmark Herald
---
Organizers said 95 foreign companies took part in the forum, and 12 people were injured in the crash.
"""


def _tree_rss(root: int) -> int:
    """Resident bytes of ROOT and all its descendants (from /proc)."""
    parents, rss = {}, {}
    page = os.sysconf("SC_PAGE_SIZE")
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as handle:
                fields = handle.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parents[int(entry)] = int(fields[1])
        rss[int(entry)] = int(fields[21]) * page
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        total += rss.get(pid, 0)
        todo.extend(p for p, parent in parents.items() if parent == pid)
    return total


def timed(command: list[str], cwd: Path, allowed: tuple[int, ...] = (0, 1)) -> dict:
    """Wall seconds, CPU seconds (process and children) and peak resident memory of COMMAND."""
    before = os.times()
    start = time.perf_counter()
    proc = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    peak = 0
    stop = threading.Event()

    def sample():
        nonlocal peak
        while not stop.is_set():
            peak = max(peak, _tree_rss(proc.pid))
            stop.wait(0.2)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, err = proc.communicate()
    stop.set()
    sampler.join()
    wall = time.perf_counter() - start
    after = os.times()
    cpu = (after.children_user - before.children_user) + (after.children_system - before.children_system)
    if proc.returncode not in allowed:
        sys.exit(f"{' '.join(command)} exited {proc.returncode}: {err[-2000:]}")
    return {"wall_s": round(wall, 1), "cpu_s": round(cpu, 1), "cores_used": round(cpu / wall, 2) if wall else 0,
            "peak_mib": round(peak / 2**20), "exit": proc.returncode}


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:12]


def benchmark(n: int, jobs: int | None, compare_jobs: bool, keep: Path | None) -> dict:
    work = keep or Path(tempfile.mkdtemp(prefix="factcheck-bench-"))
    archive = work / f"archive-{n}"
    if not archive.exists():
        build(archive, n)
    store = work / f"store-{n}.sqlite"
    for extra in ("", "-wal", "-shm"):
        Path(str(store) + extra).unlink(missing_ok=True)
    (work / "new.md").write_text(NEW_ARTICLE, encoding="utf-8")
    base = [sys.executable, "-m", "checker"]
    jobs_flag = ["--jobs", str(jobs)] if jobs else []
    run = [*base, "run", str(archive), "--store", str(store), "--no-reports", "-q", "-f", "json", *jobs_flag]
    figures = {"articles": n}
    figures["cold"] = timed([*run, "-o", str(work / "cold.json")], work)
    figures["warm"] = timed([*run, "-o", str(work / "warm.json")], work)
    figures["check"] = timed([*base, "check", "new.md", "--against", str(archive), "--store", str(store), "-q",
                              "-f", "json", "-o", str(work / "check.json"), *jobs_flag], work)
    digests = {"cold": _digest(work / "cold.json"), "warm": _digest(work / "warm.json")}
    if compare_jobs:
        figures["jobs1"] = timed([*base, "run", str(archive), "--no-store", "--no-reports", "-q", "-f", "json",
                                  "--jobs", "1", "-o", str(work / "jobs1.json")], work)
        digests["jobs1"] = _digest(work / "jobs1.json")
    figures["reports"] = digests
    figures["identical"] = len(set(digests.values())) == 1
    for key in ("cold", "warm"):
        figures[key]["articles_per_s"] = round(n / figures[key]["wall_s"], 1)
    figures["warm_over_cold"] = round(figures["warm"]["wall_s"] / figures["cold"]["wall_s"], 3)
    findings = json.loads((work / "cold.json").read_text(encoding="utf-8"))["summary"]
    figures["claims"], figures["findings"] = findings["claims"], findings["findings"]
    return figures


def print_figures(figures: dict) -> None:
    n = figures["articles"]
    print(f"{n} articles, {figures['claims']} claims, {figures['findings']} findings")
    print(f"{'':8} {'wall s':>8} {'cpu s':>8} {'cores':>6} {'peak MiB':>9} {'articles/s':>11}")
    for key in ("cold", "warm", "check", "jobs1"):
        if key in figures:
            f = figures[key]
            print(f"{key:8} {f['wall_s']:>8} {f['cpu_s']:>8} {f['cores_used']:>6} {f['peak_mib']:>9} "
                  f"{f.get('articles_per_s', ''):>11}")
    print(f"warm/cold {figures['warm_over_cold']}; reports identical: {figures['identical']} {figures['reports']}")
