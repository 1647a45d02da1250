#!/usr/bin/env python3
"""The GPU check, run from the bundle that bench/device-bundle.sh makes (.device/, beside this file there):
every conformance case through the runner on the backend under test, each output compared as a set of rows
with the expected one; then TC, SG and CSPA on the bundled inputs on that backend and on the CPU, with
their counts against the reference counts and their times. Prints a summary; exits non-zero on any
mismatch or failed run.

    python3 .device/device_check.py --backend cuda [--jobs 8] [--cases 300] [--jmh] [--suites]
        [--big tc:CA-HepTh,sg:ego-Facebook] [--profile tc:cti]

--suites first runs the GPU module's JUnit suites for the backend (package dev.jetlog.gpu.BACKEND: the
engine-agnostic semantics, differential, operator, session API and other suites), with the backend required,
so that one that cannot run fails instead of being skipped.
With --jmh it then prints the JMH comparison of the backend with the CPU (BackendComparison --quick).
--big runs larger workloads on the backend and on the CPU with every core (each under --big-timeout),
--profile runs workloads on the backend with its per-kernel timing table (jetlog.profileKernels). Inputs
that travel compressed (*.xz beside the bundle's data) are unpacked first.
--compare runs workloads with the bundle's CUDA kernels and with another build's (the fatbin that
device-bundle.sh put under baseline/ when BASELINE_FATBIN named one, found first on the class path), taking
turns --compare-repeat times, and prints both kernel profiles and the median times: a same-machine
before/after of a kernel change.
"""
import statistics
import argparse
import concurrent.futures
import lzma
import os
import re
import subprocess
import sys
import tarfile
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
JAVA = os.path.join(HERE, "jre", "bin", "java")
JAR = os.path.join(HERE, "jetlog.jar")
DATA = os.path.join(HERE, "data")
# another build's dev/jetlog/gpu/cuda/jetlog.fatbin, to run the same jar with its kernels (--compare)
BASELINE = os.path.join(HERE, "baseline")
# ../shared/datasets/README.md
WORKLOADS = [("tc", "OL.cedge", {"path": 146120}), ("tc", "cti", {"path": 6859653}),
             ("sg", "OL.cedge", {"sg": 285431}), ("sg", "TG.cedge", {"sg": 608090}),
             ("cspa", "httpd-cspa10k", None)]


def unpack():
    """Unpacks the bundle's compressed inputs (graph.tsv.xz, folder.tar.xz) beside themselves, once."""
    for folder, _, files in os.walk(DATA):
        for name in files:
            path = os.path.join(folder, name)
            if name.endswith(".tar.xz"):
                with tarfile.open(path, "r:xz") as archive:
                    archive.extractall(folder)
                os.remove(path)
            elif name.endswith(".xz"):
                with lzma.open(path) as packed, open(path[:-3], "wb") as plain:
                    plain.write(packed.read())
                os.remove(path)


def runner(args, timeout, jvm=(), baseline=False):
    """Runs the runner (with the baseline's kernels if baseline); a run past its timeout counts as failed
    (exit 124) rather than ending the check."""
    if baseline:
        command = [JAVA] + list(jvm) + ["-cp", BASELINE + os.pathsep + JAR, "dev.jetlog.cli.Main"] + args
    else:
        command = [JAVA] + list(jvm) + ["-jar", JAR] + args
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


def workload(program, data, backend, threads=2, timeout=600, jvm=(), baseline=False):
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
    result = runner([dl, "-F", facts, "--backend", backend, "-j", str(threads), "--stats"], timeout, jvm, baseline)
    seconds = time.time() - start
    counts = {}
    for line in result.stdout.splitlines():
        parts = line.split("\t")
        if len(parts) == 2 and parts[1].isdigit():
            counts[parts[0]] = int(parts[1])
    # under a JVM option (the kernel profile) every line of stderr is kept: the profile's table is there
    stats = [line for line in result.stderr.splitlines() if jvm or line.startswith(("backend:", "total"))]
    return result.returncode, counts, seconds, stats, result.stderr.strip()[-300:]


def suites(backend, timeout):
    """The GPU module's JUnit suites for the backend through JUnit's console launcher; returns 1 if any failed."""
    folder = os.path.join(HERE, "suites")
    if not os.path.isdir(folder):
        print("JUnit suites: not in the bundle (see device-bundle.sh's warning)")
        return 1
    jars = [JAR] + sorted(os.path.join(folder, f) for f in os.listdir(folder) if f != "junit-console.jar")
    command = [JAVA, "-Djetlog.shared=" + DATA, "-Djetlog.requireBackends=" + backend, "-jar",
               os.path.join(folder, "junit-console.jar"), "execute", "--disable-banner", "--details=summary",
               "--class-path", os.pathsep.join(jars), "--select-package", "dev.jetlog.gpu." + backend]
    start = time.time()
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        print("JUnit suites on %s: timed out after %d s" % (backend, timeout))
        return 1
    counts = dict((m.group(2), int(m.group(1))) for m in
                  re.finditer(r"\[\s*(\d+) tests (successful|failed|skipped|aborted|found)\s*\]", result.stdout))
    print("JUnit suites on %s: %s (%.0f s)" % (backend, ", ".join("%d %s" % (n, k) for k, n in counts.items()),
                                               time.time() - start))
    if result.returncode != 0:
        print("\n".join(result.stdout.strip().splitlines()[-60:]))
        print(result.stderr.strip()[-500:])
        return 1
    return 0


def big(workloads, backend, threads, timeout, with_cpu=True):
    """Larger workloads on the backend and (unless with_cpu is false) on the CPU with every core; returns the
    number of failures."""
    failures = 0
    print("%-22s %-8s %10s %10s  %s" % ("workload", "backend", "seconds", "status", "counts"))
    for item in workloads:
        program, data = item.split(":")
        seen = {"cpu": None}
        for name, jobs in ((backend, 2), ("cpu", threads))[:2 if with_cpu else 1]:
            status, counts, seconds, stats, tail = workload(program, data, name, jobs, timeout)
            seen[name] = counts if status == 0 else None
            print("%-22s %-8s %10.2f %10s  %s" % (program + " " + data, "%s -j%d" % (name, jobs), seconds,
                                                  "ok" if status == 0 else "exit %d" % status, counts))
            for line in stats:
                print("      " + line)
            if status not in (0, 124):
                print("      " + tail)
                failures += 1
        if seen[backend] is not None and seen["cpu"] is not None and seen[backend] != seen["cpu"]:
            print("  MISMATCH %s %s: %s, cpu %s" % (program, data, seen[backend], seen["cpu"]))
            failures += 1
    return failures


def profile(workloads, backend):
    """Each workload on the backend with its per-kernel timing table."""
    for item in workloads:
        program, data = item.split(":")
        status, counts, seconds, stats, tail = workload(program, data, backend, 2, 300,
                                                        ["-Djetlog.profileKernels=true"])
        print("profile %s %s on %s: %.2f s, %s, %s" % (program, data, backend, seconds,
                                                       "ok" if status == 0 else "exit %d" % status, counts))
        for line in stats:
            print("      " + line)
        if status != 0:
            print("      " + tail)


def evaluation_ms(stats):
    """The evaluation time that --stats printed ("total N ms; ..."), or None."""
    for line in stats:
        match = re.match(r"total ([\d.,]+) ms", line)
        if match:
            return float(match.group(1).replace(",", ""))
    return None


def compare(workloads, backend, repeat, timeout):
    """Each workload with the bundle's kernels and the baseline's: one profiled run each, then repeat timed
    runs each, taking turns; returns the number of failures (a failed run, or counts that differ)."""
    if not os.path.isdir(BASELINE):
        print("compare: no baseline/ in the bundle (BASELINE_FATBIN for device-bundle.sh)")
        return 1
    failures = 0
    for item in workloads:
        program, data = item.split(":")
        for label, baseline in (("this build", False), ("baseline", True)):
            status, counts, seconds, stats, tail = workload(program, data, backend, 2, timeout,
                                                            ["-Djetlog.profileKernels=true"], baseline)
            print("compare %s %s, %s, profiled: %.2f s, %s, %s" % (program, data, label, seconds,
                                                                  "ok" if status == 0 else "exit %d" % status, counts))
            for line in stats:
                print("      " + line)
        times = {False: [], True: []}
        seen = {}
        for _ in range(repeat):
            for baseline in (False, True):
                status, counts, seconds, stats, tail = workload(program, data, backend, 2, timeout, (), baseline)
                if status != 0:
                    print("  compare %s %s%s: exit %d: %s" % (program, data, " (baseline)" if baseline else "",
                                                             status, tail))
                    failures += 1
                    continue
                seen.setdefault(baseline, counts)
                if seen[baseline] != counts or seen.get(not baseline, counts) != counts:
                    print("  MISMATCH %s %s: %s against %s" % (program, data, counts, seen))
                    failures += 1
                times[baseline].append((seconds, evaluation_ms(stats)))
        for baseline, label in ((False, "this build"), (True, "baseline")):
            runs = times[baseline]
            if runs:
                evaluations = [e for _, e in runs if e is not None]
                print("compare %-22s %-10s wall %.2f s, evaluation %s ms (medians of %d)" % (
                    program + " " + data, label, statistics.median(w for w, _ in runs),
                    "%.0f" % statistics.median(evaluations) if evaluations else "?", len(runs)))
    return failures


def jmh(backend, timeout):
    """Runs BackendComparison for the backend against the CPU; returns 1 if it failed."""
    command = [JAVA, "-Djetlog.shared=" + DATA, "-cp", JAR + os.pathsep + os.path.join(HERE, "jmh.jar"),
               "dev.jetlog.jmh.BackendComparison", "--quick", "--rows", "100000,1000000", "--backends", "cpu," + backend]
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        print("JMH comparison: timed out after %d s" % timeout)
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
    parser.add_argument("--suites", action="store_true", help="first the GPU module's JUnit suites for the backend")
    parser.add_argument("--suites-timeout", type=int, default=300)
    parser.add_argument("--jmh-timeout", type=int, default=420)
    parser.add_argument("--big", default="", help="program:input,... on the backend and on the CPU")
    parser.add_argument("--big-timeout", type=int, default=120, help="seconds per run of a --big workload")
    parser.add_argument("--cpu-threads", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--big-cpu", action=argparse.BooleanOptionalAction, default=True,
                        help="also run each --big workload on the CPU (--no-big-cpu: the backend alone)")
    parser.add_argument("--profile", default="", help="program:input,... with the per-kernel table")
    parser.add_argument("--compare", default="", help="program:input,... with this build's and the baseline's kernels")
    parser.add_argument("--compare-repeat", type=int, default=3)
    parser.add_argument("--compare-timeout", type=int, default=120, help="seconds per run of a --compare workload")
    parser.add_argument("--compare-only", action="store_true", help="only --compare (no conformance cases or workloads)")
    options = parser.parse_args()
    unpack()
    failures = 0
    if options.compare:
        failures += compare(options.compare.split(","), options.backend, options.compare_repeat,
                            options.compare_timeout)
        sys.stdout.flush()
        if options.compare_only:
            print("FAILED: %d" % failures if failures else "all checks passed")
            sys.exit(1 if failures else 0)
    if options.suites:
        failures += suites(options.backend, options.suites_timeout)
        sys.stdout.flush()
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
    sys.stdout.flush()
    if options.jmh:
        failures += jmh(options.backend, options.jmh_timeout)
    sys.stdout.flush()
    if options.profile:
        profile(options.profile.split(","), options.backend)
    if options.big:
        failures += big(options.big.split(","), options.backend, options.cpu_threads, options.big_timeout,
                        options.big_cpu)
    print("FAILED: %d" % failures if failures else "all checks passed")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
