"""The editing loop: the time from a save of the reference report to the new output file.

    python benchmarks/watch.py                       # polling (what `cstd-docs watch` does), Word
    python benchmarks/watch.py --ways poll,watchfiles,watchdog --saves 20 --format docx

Each way runs the same loop (``cstd_docs.watch.watch``, the same render as ``cstd-docs
watch``) in its own process and differs only in how it learns of a save:

- ``poll``: ``os.stat`` every 20 ms, a change rendered once the file has stayed the same for
  one more interval (``cstd_docs.watch.changes``; the command itself is run);
- ``watchfiles``: inotify through watchfiles (Rust ``notify``), the folder watched, a change
  yielded once no event came for ``step`` = 20 ms (the same settling as polling);
- ``watchdog``: inotify through watchdog's observer thread, settled the same way;
- ``poll-10ms``, ``poll-40ms``: polling at another interval, for comparison.

This process saves as most editors do (a new file renamed over the report), at random
moments 0.2–0.4 s apart so that the polling phase is sampled evenly, and looks at the
output's stat every millisecond until it changes: that interval is the latency. The
render time is what the watch itself prints after each render (perf_counter around load +
render + atomic write). The idle CPU of each watcher is its user + system time over 5 s with
no save, from /proc. Optional libraries that are missing are skipped with the reason.
"""

from __future__ import annotations

import argparse
import json
import os
import queue
import random
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
REFERENCE = REPO / "examples" / "cstd-2022-intersessional-panel.json"
ENV = {**{k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}, "PYTHONPATH": str(REPO / "src")}

#: The watch loop with another source of events, run as ``python -c CHILD WAY IN OUT``.
CHILD = r"""
import queue, sys, threading, time
from pathlib import Path
from cstd_docs import cli
from cstd_docs.watch import stamp, watch

way, source, output = sys.argv[1], Path(sys.argv[2]).resolve(), Path(sys.argv[3])
SETTLE = 0.02

def watchfiles_events():
    import watchfiles
    for _ in watchfiles.watch(source.parent, step=20, debounce=1600,
                              watch_filter=lambda change, path: Path(path).name == source.name):
        yield stamp(source)

def watchdog_events():
    from watchdog.events import FileSystemEventHandler
    from watchdog.observers import Observer
    seen = queue.Queue()
    class Handler(FileSystemEventHandler):
        def on_any_event(self, event):
            paths = {event.src_path, getattr(event, "dest_path", "")}
            if any(p and Path(p).name == source.name for p in paths):
                seen.put(event)
    observer = Observer()
    observer.schedule(Handler(), str(source.parent))
    observer.start()
    while True:
        seen.get()
        while True:  # settle: no event for SETTLE seconds
            try:
                seen.get(timeout=SETTLE)
            except queue.Empty:
                break
        yield stamp(source)

def poll_events(interval):
    from cstd_docs.watch import changes
    return changes(source, interval=interval)

events = {"watchfiles": watchfiles_events, "watchdog": watchdog_events,
          "poll-10ms": lambda: poll_events(0.01), "poll-40ms": lambda: poll_events(0.04)}[way]()
args = cli.build_parser().parse_args(["watch", str(source), "-o", str(output)])
fmt = cli._output_format(source, output, args)

def render():
    cli._render_with(fmt, source, output, args)
    return f"wrote {output}"

say = lambda message: print(f"cstd-docs: {message}", file=sys.stderr, flush=True)
try:
    watch(source, render, say, say, events)
except KeyboardInterrupt:
    pass
"""


def _command(way: str, source: Path, output: Path) -> list[str]:
    if way == "poll":
        return [sys.executable, "-m", "cstd_docs.cli", "watch", str(source), "-o", str(output)]
    return [sys.executable, "-c", CHILD, way, str(source), str(output)]


def _stamp(path: Path) -> tuple[int, int] | None:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_ino, info.st_mtime_ns


def _cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _lines(process: subprocess.Popen[str]) -> queue.Queue[str]:
    lines: queue.Queue[str] = queue.Queue()
    assert process.stderr is not None
    stderr = process.stderr
    threading.Thread(target=lambda: [lines.put(line) for line in stderr], daemon=True).start()
    return lines


def _until(lines: queue.Queue[str], fragment: str, timeout: float = 60) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            line = lines.get(timeout=0.5)
        except queue.Empty:
            continue
        if fragment in line:
            return line
    raise RuntimeError(f"the watch said no {fragment!r} within {timeout} s")


def measure(way: str, saves: int, suffix: str, folder: Path) -> dict[str, object]:
    source, output = folder / f"{way}.json", folder / f"{way}{suffix}"
    data = json.loads(REFERENCE.read_text(encoding="utf-8"))
    texts = []
    for index in range(saves + 2):  # two warm-up saves, not counted
        data["title"] = f"Report of the intersessional panel, save {index}"
        texts.append(json.dumps(data, ensure_ascii=False, indent=2))
    source.write_text(texts[0], encoding="utf-8")
    process = subprocess.Popen(_command(way, source, output), stderr=subprocess.PIPE, text=True, env=ENV, cwd=REPO)
    lines = _lines(process)
    try:
        _until(lines, "watching")
        time.sleep(1.0)  # a library's watcher starts when the loop first asks for an event
        cpu = _cpu_seconds(process.pid)
        time.sleep(5.0)
        idle = (_cpu_seconds(process.pid) - cpu) / 5.0
        latencies, renders, waits = [], [], []
        for index, text in enumerate(texts[1:]):
            time.sleep(0.2 + random.random() * 0.2)
            before = _stamp(output)
            temporary = folder / f".{source.name}.swp"
            temporary.write_text(text, encoding="utf-8")
            started = time.perf_counter()
            os.replace(temporary, source)
            while _stamp(output) == before:
                time.sleep(0.001)
            latency = (time.perf_counter() - started) * 1000
            said = _until(lines, "wrote")
            took = float(re.search(r"\(([\d.]+) ms\)", said).group(1))  # type: ignore[union-attr]
            if index >= 2:
                latencies.append(latency)
                renders.append(took)
                waits.append(latency - took)
        return {"way": way, "latency": latencies, "render": renders, "wait": waits, "idle_cpu": idle}
    finally:
        process.terminate()
        process.wait(timeout=30)


def _spread(values: list[float]) -> str:
    ordered = sorted(values)
    p10, p90 = ordered[len(ordered) // 10], ordered[-1 - len(ordered) // 10]
    return f"{statistics.median(values):.1f} ms ({p10:.1f}–{p90:.1f}; {ordered[0]:.1f}–{ordered[-1]:.1f})"


def rerender(saves: int, fmt: str) -> None:
    """The re-render alone, in this process as in a watch: load + render + atomic write, warm."""
    sys.path.insert(0, str(REPO / "src"))
    from cstd_docs import cli
    from cstd_docs.cli import documents  # the render the watch command runs (cli/documents.py)

    with tempfile.TemporaryDirectory(prefix="cstd-watch-") as folder:
        source, output = Path(folder) / "in.json", Path(folder) / f"out.{fmt}"
        source.write_bytes(REFERENCE.read_bytes())
        args = cli.build_parser().parse_args(["watch", str(source), "-o", str(output)])
        kind = documents._output_format(source, output, args)
        walls, cpus = [], []
        for index in range(saves + 3):
            wall, cpu = time.perf_counter(), time.process_time()
            documents._render_with(kind, source, output, args)
            if index >= 3:
                walls.append((time.perf_counter() - wall) * 1000)
                cpus.append((time.process_time() - cpu) * 1000)
    print(f"\nre-render in-process ({saves} renders after 3 warm-up): wall {_spread(walls)}; CPU {_spread(cpus)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--ways", default="poll,watchfiles,watchdog")
    parser.add_argument("--saves", type=int, default=20)
    parser.add_argument("--format", choices=("docx", "md"), default="docx")
    args = parser.parse_args()
    load = os.getloadavg()
    print(f"_watch benchmark, {args.saves} saves of the reference report to .{args.format}, "
          f"load average {load[0]:.1f}, {load[1]:.1f}, {load[2]:.1f}_\n")
    print("| way | save → new file: median (p10–p90; min–max) | re-render (as the watch prints it) "
          "| the rest: seeing the save, settling | idle CPU |")
    print("|---|---|---|---|---|")
    with tempfile.TemporaryDirectory(prefix="cstd-watch-") as folder:
        for way in args.ways.split(","):
            module = {"watchfiles": "watchfiles", "watchdog": "watchdog"}.get(way, "os")
            try:
                __import__(module)
            except ImportError:
                print(f"| {way} | skipped: {module} is not installed | | |")
                continue
            result = measure(way, args.saves, f".{args.format}", Path(folder))
            print(f"| {way} | {_spread(result['latency'])} | {_spread(result['render'])} "  # type: ignore[arg-type]
                  f"| {_spread(result['wait'])} | {result['idle_cpu']:.2%} of a core |", flush=True)  # type: ignore[arg-type]
    rerender(args.saves, args.format)


if __name__ == "__main__":
    main()
