#!/usr/bin/env python3
"""The GPU check, run from the bundle that bench/device-bundle.sh makes (.device/, beside this file there):
every conformance case through the runner on the backend under test, each output compared as a set of rows
with the expected one; then TC, SG and CSPA on the bundled inputs on that backend and on the CPU, with
their counts against the reference counts and their times. Prints a summary; exits non-zero on any
mismatch or failed run.

    python3 .device/device_check.py --backend cuda [--jobs 8] [--cases 300] [--jmh]

With --jmh it then prints the JMH comparison of the backend with the CPU (BackendComparison --quick).
"""
import argparse
import concurrent.futures
import os
import re
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
JAVA = os.path.join(HERE, "jre", "bin", "java")
JAR = os.path.join(HERE, "jetlog.jar")
DATA = os.path.join(HERE, "data")
# ../shared/datasets/README.md
WORKLOADS = [("tc", "OL.cedge", {"path": 146120}), ("tc", "cti", {"path": 6859653}),
             ("sg", "OL.cedge", {"sg": 285431}), ("sg", "TG.cedge", {"sg": 608090}),
             ("cspa", "httpd-cspa10k", None)]


def runner(args, timeout):
    """Runs the runner; a run past its timeout counts as failed (exit 124) rather than ending the check."""
    command = [JAVA, "-jar", JAR] + args
    try:
        return subprocess.run(command, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired as e:
        return subprocess.CompletedProcess(command, 124, e.stdout or "", "timed out after %d s" % timeout)


def rows(path):
    with open(path) as f:
        return [line.rstrip("\n") for line in f if line.strip() != ""]


def check_case(case, backend, work):
    folder = os.path.join(DATA, "conformance", "generated", case)
    out = os.path.join(work, case)
    result = runner([os.path.join(folder, "program.dl"), "-F", os.path.join(folder, "facts"), "-D", out,
                     "--backend", backend, "-j", "2", "-w"], 300)
    if result.returncode != 0:
        return case, "exit %d: %s" % (result.returncode, result.stderr.strip()[-300:])
    expected_dir = os.path.join(folder, "expected")
    expected = sorted(f for f in os.listdir(expected_dir) if f.endswith(".csv"))
    written = sorted(f for f in os.listdir(out) if f.endswith(".csv")) if os.path.isdir(out) else []
    if expected != written:
        return case, "outputs %s, expected %s" % (written, expected)
    for name in expected:
        got = rows(os.path.join(out, name))
        want = rows(os.path.join(expected_dir, name))
        if len(got) != len(set(got)) or set(got) != set(want):
            return case, "%s: %d rows (%d distinct), expected %d" % (name, len(got), len(set(got)), len(want))
    return case, None


def workload(program, data, backend):
    facts = os.path.join(DATA, "datasets", "analysis", data)
    if not os.path.isdir(facts):
        facts = tempfile.mkdtemp(prefix="graph-")
        os.symlink(os.path.join(DATA, "datasets", "graphs", data + ".tsv"), os.path.join(facts, "edge.facts"))
    with open(os.path.join(DATA, "programs", program + ".dl")) as f:
        source = re.sub(r"(?m)^\.output\s+(.*)$", r".printsize \1", f.read())
    dl = os.path.join(tempfile.mkdtemp(prefix="prog-"), program + ".dl")
    with open(dl, "w") as f:
        f.write(source)
    start = time.time()
    result = runner([dl, "-F", facts, "--backend", backend, "-j", "2", "--stats"], 600)
    seconds = time.time() - start
    counts = {}
    for line in result.stdout.splitlines():
        parts = line.split("\t")
        if len(parts) == 2 and parts[1].isdigit():
            counts[parts[0]] = int(parts[1])
    stats = [line for line in result.stderr.splitlines() if line.startswith(("backend:", "total"))]
    return result.returncode, counts, seconds, stats, result.stderr.strip()[-300:]


def jmh(backend):
    """Runs BackendComparison for the backend against the CPU; returns 1 if it failed."""
    command = [JAVA, "-Djetlog.shared=" + DATA, "-cp", JAR + os.pathsep + os.path.join(HERE, "jmh.jar"),
               "dev.jetlog.jmh.BackendComparison", "--quick", "--rows", "100000,1000000", "--backends", "cpu," + backend]
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=420)
    except subprocess.TimeoutExpired:
        print("JMH comparison: timed out after 420 s")
        return 1
    print(result.stdout.strip())
    if result.returncode != 0:
        print("JMH comparison: exit %d: %s" % (result.returncode, result.stderr.strip()[-500:]))
        return 1
    return 0


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--backend", default="cuda")
    parser.add_argument("--jobs", type=int, default=min(8, os.cpu_count() or 2))
    parser.add_argument("--cases", type=int, default=None, help="the first N conformance cases only")
    parser.add_argument("--jmh", action="store_true", help="also the JMH comparison with the CPU")
    options = parser.parse_args()
    failures = 0
    version = runner(["--version"], 60)
    print("runner:", version.stdout.strip() or version.stderr.strip())
    cases = sorted(os.listdir(os.path.join(DATA, "conformance", "generated")))[:options.cases]
    work = tempfile.mkdtemp(prefix="conformance-")
    start = time.time()
    with concurrent.futures.ThreadPoolExecutor(options.jobs) as pool:
        results = list(pool.map(lambda c: check_case(c, options.backend, work), cases))
    bad = [(case, why) for case, why in results if why]
    print("conformance on %s: %d of %d cases match (%.0f s)" % (options.backend, len(cases) - len(bad), len(cases),
                                                                 time.time() - start))
    for case, why in bad[:20]:
        print("  MISMATCH %s: %s" % (case, why))
    failures += len(bad)
    print("%-22s %-8s %10s %10s  %s" % ("workload", "backend", "seconds", "status", "counts"))
    for program, data, reference in WORKLOADS:
        seen = {}
        for backend in (options.backend, "cpu"):
            status, counts, seconds, stats, tail = workload(program, data, backend)
            seen[backend] = counts
            print("%-22s %-8s %10.2f %10s  %s" % (program + " " + data, backend, seconds,
                                                  "ok" if status == 0 else "exit %d" % status, counts))
            for line in stats:
                print("      " + line)
            if status != 0:
                print("      " + tail)
                failures += 1
        if seen[options.backend] != seen["cpu"] or (reference is not None and seen["cpu"] != reference):
            print("  MISMATCH %s %s: %s, cpu %s, reference %s" % (program, data, seen[options.backend], seen["cpu"],
                                                                reference))
            failures += 1
    if options.jmh:
        failures += jmh(options.backend)
    print("FAILED: %d" % failures if failures else "all checks passed")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
