#!/usr/bin/env python3
"""Release-mode benchmark of winnow, side by side with ripgrep and a Python `re` loop.

    python3 Benchmarks/bench.py                 # 200 MB corpus, 5 runs per figure, median reported
    python3 Benchmarks/bench.py --megabytes 50 --runs 3

What it measures (wall clock, median of --runs after one warm-up run; this kind of shared machine is
noisy, and the median is steadier than the best run):
  compare   `winnow filter --no-builtin --patterns P` against `rg -v -f P` and a Python `re` loop on the
            same 67 anchored, case-insensitive patterns and corpus, one core each (taskset -c 0); checks
            that all outputs are byte-identical and prints MB/s and ratios;
  scaling   winnow with the first 10, 30, 60 and 120 patterns (and the cost of going from 10 to 120);
  builtin   the built-in rule set on the same text as one article per file: `clean --dry-run` with one job
            and with every core, taking turns with two separate one-job processes on half the files each
            (what the machine gives two independent workers), twice the runs; what ripgrep takes just to
            open and search the same files; then the same articles as one NUL-separated stream through
            `filter --null-data` on one core, which measures the rules without a system call per article;
  startup   load and JIT-compile the built-in rules and clean one small article;
  memory    peak resident memory of `filter` on the whole corpus, of `clean` on all the articles and of
            `filter --null-data` on the stream of them.

The corpus comes from Benchmarks/corpus.py (deterministic) and is written to --out, by default a
folder in /dev/shm when there is one, so that disk speed does not blur the figures.
"""
import argparse
import hashlib
import os
import re
import shutil
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SCRATCH = os.path.join(ROOT, ".build-bench")
WINNOW = os.path.join(SCRATCH, "release", "winnow")


def one_core(command):
    return (["taskset", "-c", "0"] + command) if shutil.which("taskset") else command


def timed(command, runs, stdin=None, stdout=None):
    """Median wall-clock seconds of `runs` runs (after a warm-up run), and the last exit status."""
    samples = []
    status = 0
    for attempt in range(runs + 1):
        with open(stdin, "rb") if stdin else open(os.devnull, "rb") as source, \
             open(stdout or os.devnull, "wb") as sink:
            start = time.perf_counter()
            status = subprocess.run(command, stdin=source, stdout=sink, stderr=subprocess.DEVNULL).returncode
            elapsed = time.perf_counter() - start
        if attempt > 0:
            samples.append(elapsed)
    return statistics.median(samples), status


def digest(path):
    with open(path, "rb") as handle:
        return hashlib.sha256(handle.read()).hexdigest()


def python_filter(patterns_path, corpus_path, output_path):
    """The Python `re` baseline: every pattern on every line, like a straightforward script would."""
    with open(patterns_path, encoding="utf-8") as handle:
        patterns = [re.compile(line.rstrip("\n")) for line in handle if line.strip() and not line.startswith("#")]
    with open(corpus_path, encoding="utf-8", newline="") as source, \
         open(output_path, "w", encoding="utf-8", newline="") as sink:
        for line in source:
            text = line[:-1] if line.endswith("\n") else line
            if not any(pattern.search(text) for pattern in patterns):
                sink.write(line)


def mb_per_s(size, seconds):
    return size / 1e6 / seconds


def build():
    print("building release winnow (static Swift runtime) ...", flush=True)
    subprocess.run(["swift", "build", "-c", "release", "--static-swift-stdlib", "--scratch-path", SCRATCH],
                   cwd=ROOT, check=True, stdout=subprocess.DEVNULL)


def peak_memory_kb(command, stdin=None):
    """Peak resident set size of one run, in kB (from /usr/bin/time)."""
    if not os.path.exists("/usr/bin/time"):
        return None
    with open(stdin, "rb") if stdin else open(os.devnull, "rb") as source:
        result = subprocess.run(["/usr/bin/time", "-f", "%M"] + command, stdin=source,
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    return int(result.stderr.strip().splitlines()[-1])


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--megabytes", type=int, default=200)
    parser.add_argument("--files", type=int, default=20_000, help="articles written one per file for `clean`")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--out", default="/dev/shm/winnow-bench" if os.path.isdir("/dev/shm") else "/tmp/winnow-bench")
    parser.add_argument("--skip-build", action="store_true")
    parser.add_argument("--skip-python", action="store_true", help="leave out the (slow) Python baseline")
    args = parser.parse_args()

    if not args.skip_build:
        build()
    os.makedirs(args.out, exist_ok=True)
    corpus = os.path.join(args.out, "corpus.txt")
    if not os.path.exists(corpus) or abs(os.path.getsize(corpus) - args.megabytes * 1e6) > 1e6:
        print(f"generating a {args.megabytes} MB corpus in {args.out} ...", flush=True)
        shutil.rmtree(os.path.join(args.out, "articles"), ignore_errors=True)
        subprocess.run([sys.executable, os.path.join(ROOT, "Benchmarks", "corpus.py"), "--megabytes",
                        str(args.megabytes), "--files", str(args.files), "--out", args.out], check=True)
    size = os.path.getsize(corpus)
    with open(os.path.join(args.out, "patterns.txt"), encoding="utf-8") as handle:
        all_patterns = handle.read().splitlines()

    def pattern_file(count):
        path = os.path.join(args.out, f"patterns-{count}.txt")
        with open(path, "w", encoding="utf-8") as handle:
            handle.write("\n".join(all_patterns[:count]) + "\n")
        return path

    print(f"\ncorpus: {size / 1e6:.0f} MB, {os.cpu_count()} cores, median of {args.runs} runs\n")

    # compare
    p67 = pattern_file(67)
    outputs = {}
    seconds, status = timed(one_core([WINNOW, "filter", "--no-builtin", "--patterns", p67, corpus]), args.runs,
                            stdout=os.path.join(args.out, "out-winnow.txt"))
    assert status == 0, f"winnow exited with {status}"
    outputs["winnow"] = seconds
    rg = shutil.which("rg")
    if rg:
        seconds, _ = timed(one_core([rg, "--no-config", "-v", "-N", "-f", p67, corpus]), args.runs,
                           stdout=os.path.join(args.out, "out-rg.txt"))
        outputs["ripgrep"] = seconds
    if not args.skip_python:
        start = time.perf_counter()
        python_filter(p67, corpus, os.path.join(args.out, "out-python.txt"))
        outputs["python re"] = time.perf_counter() - start
    reference = digest(os.path.join(args.out, "out-winnow.txt"))
    print("compare: drop lines matching any of 67 patterns, one core")
    for name, seconds in outputs.items():
        file = {"winnow": "out-winnow.txt", "ripgrep": "out-rg.txt", "python re": "out-python.txt"}[name]
        same = digest(os.path.join(args.out, file)) == reference
        ratio = f"  winnow/{name} = {seconds / outputs['winnow']:.2f}" if name != "winnow" else ""
        print(f"  {name:10} {mb_per_s(size, seconds):7.0f} MB/s  output {'identical' if same else 'DIFFERS'}{ratio}")
        if not same:
            sys.exit(f"{name}'s output differs from winnow's")

    # scaling
    print("\nscaling: winnow filter with N patterns, one core")
    rates = {}
    for count in (10, 30, 60, 120):
        seconds, _ = timed(one_core([WINNOW, "filter", "--no-builtin", "--patterns", pattern_file(count), corpus]),
                           args.runs)
        rates[count] = mb_per_s(size, seconds)
        print(f"  {count:4} patterns {rates[count]:7.0f} MB/s")
    print(f"  10 -> 120 patterns costs {rates[10] / rates[120]:.2f}x")

    # builtin
    articles = os.path.join(args.out, "articles")
    articles_size = sum(os.path.getsize(os.path.join(articles, name)) for name in os.listdir(articles))
    print(f"\nbuiltin: built-in rules, `clean --dry-run` over {len(os.listdir(articles))} article files "
          f"({articles_size / 1e6:.0f} MB)")
    # One job and every core take turns, run after run, so that a slow spell of this shared machine falls
    # on both and the ratio between them stays fair; twice as many runs, as the ratio is the noisiest figure.
    # For reference, the same turns include two separate one-job processes, each on half of the files
    # (hard links in two folders): what this machine gives two independent workers.
    names = sorted(os.listdir(articles))
    halves = [os.path.join(args.out, f"articles-half-{index}") for index in (1, 2)]
    for index, half in enumerate(halves):
        if not os.path.isdir(half) or len(os.listdir(half)) != len(names[index::2]):
            shutil.rmtree(half, ignore_errors=True)
            os.makedirs(half)
            for name in names[index::2]:
                os.link(os.path.join(articles, name), os.path.join(half, name))

    def clean(jobs, folder):
        return [WINNOW, "clean", "--dry-run", "--quiet", "--jobs", str(jobs), folder]

    def separate_processes():
        running = [subprocess.Popen(clean(1, half), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                   for half in halves]
        for process in running:
            process.wait()

    cores = os.cpu_count()
    trials = {"one job": lambda: subprocess.run(clean(1, articles), stdout=subprocess.DEVNULL,
                                                stderr=subprocess.DEVNULL),
              f"--jobs {cores}": lambda: subprocess.run(clean(cores, articles), stdout=subprocess.DEVNULL,
                                                        stderr=subprocess.DEVNULL),
              "two processes, half each": separate_processes}
    samples = {name: [] for name in trials}
    for attempt in range(2 * args.runs + 1):
        for name, trial in trials.items():
            start = time.perf_counter()
            trial()
            if attempt > 0:
                samples[name].append(time.perf_counter() - start)
    single = mb_per_s(articles_size, statistics.median(samples["one job"]))
    for name in trials:
        rate = mb_per_s(articles_size, statistics.median(samples[name]))
        print(f"  {name:26} {rate:7.0f} MB/s" + (f"  ({rate / single:.2f}x one job)" if rate != single else ""))
    if rg:
        # What opening and reading the files costs by itself: ripgrep, one thread, a literal it never finds.
        seconds, _ = timed([rg, "--no-config", "-j1", "-c", "zq#never#qz", articles], args.runs)
        print(f"  (ripgrep -j1 opening and searching the same files for a literal it never finds: "
              f"{seconds * 1000:.0f} ms, {mb_per_s(articles_size, seconds):.0f} MB/s)")
    # The same articles as one stream of NUL-separated documents: the rules' own speed, without a file
    # system call per article.
    stream = os.path.join(args.out, "articles.nul")
    with open(stream, "wb") as output:
        for name in sorted(os.listdir(articles)):
            with open(os.path.join(articles, name), "rb") as article:
                output.write(article.read() + b"\0")
    seconds, status = timed(one_core([WINNOW, "filter", "--null-data", stream]), args.runs, stdout=os.devnull)
    assert status == 0, f"winnow filter --null-data exited with {status}"
    print(f"  the same articles as one NUL-separated stream, `filter --null-data`, one core: "
          f"{mb_per_s(articles_size, seconds):7.0f} MB/s")

    # startup
    article = os.path.join(ROOT, "Examples", "article.txt")
    times = []
    for _ in range(30):
        start = time.perf_counter()
        subprocess.run([WINNOW, "filter", article], stdout=subprocess.DEVNULL, check=True)
        times.append(time.perf_counter() - start)
    print(f"\nstartup: built-in rules + one small article: median {statistics.median(times) * 1000:.1f} ms, "
          f"best {min(times) * 1000:.1f} ms")

    # memory
    whole = peak_memory_kb([WINNOW, "filter", corpus])
    many = peak_memory_kb([WINNOW, "clean", "--dry-run", "--quiet", "--jobs", "1", articles])
    streamed = peak_memory_kb([WINNOW, "filter", "--null-data", stream])
    if whole and many and streamed:
        print(f"\nmemory: filter on the {size / 1e6:.0f} MB corpus as one document: {whole / 1024:.0f} MB peak; "
              f"clean over all articles: {many / 1024:.0f} MB peak; filter --null-data over the stream of "
              f"all articles: {streamed / 1024:.0f} MB peak")


if __name__ == "__main__":
    main()
