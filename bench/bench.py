#!/usr/bin/env python3
"""Bench script: runs (program, input, backend, threads) rows of JetLog as separate processes and prints
wall time, peak RSS and output counts per row; where `souffle` is on the PATH (or SOUFFLE names it), the
same rows compiled with Soufflé (`souffle -o`, run with -jN) side by side, with the ratios.

Programs are the .printsize variants of ../shared/programs (or bench/programs); inputs are graphs of
../shared/datasets/graphs (as edge.facts) or folders of ../shared/datasets/analysis (or bench/inputs).

    python3 bench/bench.py                      # the default rows
    python3 bench/bench.py tc:cti sg:TG.cedge   # chosen rows, program:input[:backend[:threads]]
    python3 bench/bench.py --repeat 3 --jetlog-args=-Xmx16g tc:usroads

Each JetLog run is `java [--jetlog-args] -jar cli/target/jetlog.jar PROGRAM -F DIR -j N --backend B`;
the JVM's default heap unless --jetlog-args says otherwise. Compiled Soufflé programs are cached in
bench/.cache (never committed)."""
import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.environ.get("JETLOG_SHARED", os.path.join(os.path.dirname(ROOT), "shared"))
CACHE = os.path.join(ROOT, "bench", ".cache")
JAR = os.path.join(ROOT, "cli", "target", "jetlog.jar")

DEFAULT_ROWS = [
    "tc:p2p-Gnutella09", "tc:p2p-Gnutella04", "tc:SF.cedge", "tc:CA-HepTh",
    "sg:TG.cedge", "sg:ego-Facebook", "cspa:httpd-cspa100k", "csda:csda100k", "pointsto:generated",
    "steps:steps-1m",
]


def program_source(name):
    for folder in (os.path.join(ROOT, "bench", "programs"), os.path.join(SHARED, "programs")):
        path = os.path.join(folder, name + ".dl")
        if os.path.exists(path):
            with open(path) as f:
                return re.sub(r"(?m)^\.output\s+(.*)$", lambda m: ".printsize " + ", ".join(output_names(m.group(1))),
                              f.read())
    sys.exit(f"no program {name} in bench/programs or {SHARED}/programs")


def output_names(directive):
    """The relation names of one `.output` directive's text (`a, b(IO=file), c`), parameters dropped."""
    return re.findall(r"[A-Za-z_][\w.]*", re.sub(r"\([^)]*\)", "", directive))


def input_folder(name, work):
    for base in (os.path.join(ROOT, "bench", "inputs"), os.path.join(SHARED, "datasets", "analysis")):
        path = os.path.join(base, name)
        if os.path.isdir(path):
            return path
    generated = re.fullmatch(r"generated(?:-(\d+))?", name)
    if generated:
        out = os.path.join(work, name)
        if not os.path.isdir(out):
            methods = ["--methods", generated.group(1)] if generated.group(1) else []
            subprocess.run([sys.executable, os.path.join(ROOT, "bench", "generate_pointsto.py"), out] + methods,
                           check=True)
        return out
    graph = os.path.join(SHARED, "datasets", "graphs", name + ".tsv")
    if not os.path.exists(graph):
        sys.exit(f"no input {name}: neither a folder nor {graph}")
    folder = os.path.join(work, "graph-" + name)
    os.makedirs(folder, exist_ok=True)
    link = os.path.join(folder, "edge.facts")
    if not os.path.exists(link):
        os.symlink(graph, link)
    return folder


def timed(command, cwd=None):
    """Runs a command under /usr/bin/time; returns (seconds, peak RSS in MB, stdout, stderr, status)."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as report:
        result = subprocess.run(["/usr/bin/time", "-f", "%e %M", "-o", report.name] + command,
                                capture_output=True, text=True, cwd=cwd)
        fields = report.read().strip().split()[-2:]
    seconds, kilobytes = (float(fields[0]), int(fields[1])) if len(fields) == 2 else (float("nan"), 0)
    return seconds, kilobytes / 1024, result.stdout, result.stderr, result.returncode


def counts(stdout):
    found = {}
    for line in stdout.splitlines():
        parts = line.split("\t")
        if len(parts) == 2 and parts[1].strip().isdigit():
            found[parts[0]] = int(parts[1])
    return found


def souffle_binary(program, source):
    # by its bare name when it is on the PATH: called by an absolute path, Soufflé 2.5 fails to find its
    # souffle-compile.py ("failed to locate souffle-compile.py")
    souffle = os.environ.get("SOUFFLE") or ("souffle" if shutil.which("souffle") else None)
    if not souffle:
        return None
    os.makedirs(CACHE, exist_ok=True)
    binary = os.path.join(CACHE, program)
    dl = binary + ".dl"
    if not (os.path.exists(binary) and os.path.exists(dl) and open(dl).read() == source):
        with open(dl, "w") as f:
            f.write(source)
        print(f"compiling {program} with Soufflé ...", file=sys.stderr)
        result = subprocess.run([souffle, "-o", binary, dl], cwd=CACHE, capture_output=True, text=True)
        if result.returncode != 0:
            print(f"souffle -o {program} failed (exit {result.returncode}): "
                  f"{(result.stderr or result.stdout).strip()[-400:]}", file=sys.stderr)
            os.remove(dl)
            return None
    return binary


def median(runs, index):
    return statistics.median(run[index] for run in runs)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("rows", nargs="*", help="program:input[:backend[:threads]] (default: a standard list)")
    parser.add_argument("--repeat", type=int, default=1, help="runs per row and engine, the engines taking turns; "
                        "the median is shown")
    parser.add_argument("--jetlog-args", default="", help="JVM options for JetLog, e.g. -Xmx16g")
    parser.add_argument("--no-souffle", action="store_true", help="skip Soufflé even where it is on the PATH")
    parser.add_argument("--jar", default=JAR, help="the JetLog jar to run (default: cli/target/jetlog.jar), e.g. a "
                        "baseline build to compare with")
    args = parser.parse_args()
    if not os.path.exists(JAR):
        sys.exit(f"missing {JAR}: build it with mvn -B -q package -DskipTests")
    work = tempfile.mkdtemp(prefix="jetlog-bench-")
    header = (f"{'program:input':28} {'backend':7} {'j':>2} {'tuples':>14} {'JetLog s':>9} {'MB':>7}"
              f" {'Soufflé s':>10} {'MB':>7} {'speed':>7} {'memory':>7}")
    print(header)
    print("-" * len(header))
    for row in args.rows or DEFAULT_ROWS:
        parts = row.split(":")
        program, name = parts[0], parts[1]
        backend = parts[2] if len(parts) > 2 else "cpu"
        threads = parts[3] if len(parts) > 3 else "2"
        source = program_source(program)
        folder = input_folder(name, work)
        path = os.path.join(work, program + ".dl")
        with open(path, "w") as f:
            f.write(source)
        # Soufflé's program is compiled (or found cached) before any run is timed; then the engines take turns,
        # so that the machine's speed drifting over a row (it does on these shared machines) moves both alike
        binary = None if args.no_souffle else souffle_binary(program, source)
        jetlog_command = ["java"] + args.jetlog_args.split() + ["-jar", args.jar, path, "-F", folder, "-j", threads,
                                                               "--backend", backend, "-w"]
        jetlog, souffle = [], []
        for _ in range(args.repeat):
            jetlog.append(timed(jetlog_command))
            if jetlog[-1][4] != 0:
                break
            if binary:
                souffle.append(timed([binary, "-F", folder, "-j", threads]))
        status = jetlog[-1][4]
        tuples = sum(counts(jetlog[-1][2]).values())
        line = f"{program + ':' + name:28} {backend:7} {threads:>2} {tuples:>14,} "
        if status != 0:
            message = (jetlog[-1][3].strip().splitlines() or ["?"])[-1][:80]
            line += f"{'failed':>9} {median(jetlog, 1):>7.0f}  {message}"
            print(line, flush=True)
            continue
        line += f"{median(jetlog, 0):>9.2f} {median(jetlog, 1):>7.0f}"
        if binary:
            same = counts(souffle[-1][2]) == counts(jetlog[-1][2])
            line += (f" {median(souffle, 0):>10.2f} {median(souffle, 1):>7.0f}"
                     f" {median(souffle, 0) / median(jetlog, 0):>6.2f}x {median(jetlog, 1) / median(souffle, 1):>6.2f}x")
            if not same:
                line += f"  COUNTS DIFFER: Soufflé {counts(souffle[-1][2])}"
        print(line, flush=True)
    print("\nspeed = Soufflé's time / JetLog's (above 1: JetLog is faster); "
          "memory = JetLog's peak RSS / Soufflé's (below 1: JetLog uses less)")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
