#!/usr/bin/env bash
# Packs what the GPU check needs into .device/ (ignored by git), for the device tool to carry to a lent
# GPU machine, which has CUDA but no Java, no Maven and no network: a trimmed Java runtime (jlink), the
# runner jar without other platforms' native libraries, the JMH suite's own classes, the shared programs,
# graphs, CSPA input and conformance cases, the GPU module's JUnit suites, and bench/device_check.py. Run
# it after `mvn -B package -DskipTests` (with nvcc on the PATH, so that the jar holds the fatbin); then,
# with the device tool:
#   run(command="python3 .device/device_check.py --backend cuda --suites --jmh", carry=[".device"], timeout_s=540)
# With BASELINE_FATBIN=path/to/another/jetlog.fatbin, device_check.py --compare runs workloads with both
# builds' kernels. The bundle stays under the tool's 64 MiB. Here, `python3 .device/device_check.py --backend opencl`
# runs the same check on PoCL.
set -euo pipefail
cd "$(dirname "$0")/.."
shared="${JETLOG_SHARED:-../shared}"
jar=cli/target/jetlog.jar
limit_mib=64
for tool in jlink jdeps zip unzip xz; do
  command -v "$tool" > /dev/null || { echo "$tool is not on the PATH (a JDK's bin, and zip/unzip, are needed)" >&2; exit 1; }
done
[ -f "$jar" ] || { echo "no $jar: run mvn -B package -DskipTests first" >&2; exit 1; }
[ -d "$shared/conformance/generated" ] || { echo "no $shared/conformance/generated (set JETLOG_SHARED)" >&2; exit 1; }
# grep reads the whole listing (no -q): under pipefail, unzip must not die of a closed pipe
if ! unzip -l "$jar" | grep 'dev/jetlog/gpu/cuda/jetlog.fatbin' > /dev/null; then
  echo "warning: $jar holds no CUDA fatbin (nvcc was not found at build time): the cuda backend will refuse" >&2
fi
out=.device
rm -rf "$out"
# data/ is laid out as ../shared is, so that the JMH suite finds it too (-Djetlog.shared)
mkdir -p "$out/data/datasets/graphs" "$out/data/datasets/analysis" "$out/data/programs" "$out/data/conformance"
modules="$(jdeps --print-module-deps --ignore-missing-deps "$jar")"
[ -n "$modules" ] || { echo "jdeps found no modules for $jar" >&2; exit 1; }
# jdk.zipfs: JUnit scans the suites' jars for test classes through the zip file system
jlink --add-modules "$modules,jdk.zipfs" --strip-debug --no-man-pages --no-header-files --compress=2 --output "$out/jre"
cp "$jar" "$out/jetlog.jar"
# only Linux x86-64 native libraries travel (sqlite-jdbc, JCuda and JOCL ship every platform's)
zip -q -d "$out/jetlog.jar" 'org/sqlite/native/Mac/*' 'org/sqlite/native/Windows/*' 'org/sqlite/native/Linux-*' \
  'org/sqlite/native/FreeBSD/*' 'org/sqlite/native/Linux/aarch64/*' 'org/sqlite/native/Linux/arm*' \
  'org/sqlite/native/Linux/x86/*' 'org/sqlite/native/Linux/ppc64/*' 'org/sqlite/native/Linux/riscv64/*' \
  'lib/*apple*' 'lib/*arm*' 'lib/*windows*' > /dev/null || [ $? -eq 12 ]  # 12: some pattern matched nothing
for graph in OL.cedge TG.cedge cti; do
  cp "$shared/datasets/graphs/$graph.tsv" "$out/data/datasets/graphs/"
done
cp -r "$shared/datasets/analysis/httpd-cspa10k" "$out/data/datasets/analysis/"
cp "$shared/programs/"*.dl "$out/data/programs/"
# the rest travels compressed (device_check.py unpacks it): the conformance cases, and the larger inputs of
# its --big workloads
tar -cJf "$out/data/conformance/generated.tar.xz" -C "$shared/conformance" generated
for graph in p2p-Gnutella04 CA-HepTh SF.cedge fe_body loc-Brightkite fe_sphere ego-Facebook; do
  xz -9 -c "$shared/datasets/graphs/$graph.tsv" > "$out/data/datasets/graphs/$graph.tsv.xz"
done
tar -cJf "$out/data/datasets/analysis/httpd-cspa100k.tar.xz" -C "$shared/datasets/analysis" httpd-cspa100k
cp bench/device_check.py "$out/"
# another build's fatbin for device_check.py --compare (BASELINE_FATBIN=path/to/jetlog.fatbin)
if [ -n "${BASELINE_FATBIN:-}" ]; then
  mkdir -p "$out/baseline/dev/jetlog/gpu/cuda"
  cp "$BASELINE_FATBIN" "$out/baseline/dev/jetlog/gpu/cuda/jetlog.fatbin"
fi
# the JMH suite (and the test helpers it reads the shared data with) without the engine and the natives
# that jetlog.jar already brings: 3 MB instead of 36
benchmarks=jmh/target/benchmarks.jar
if [ -f "$benchmarks" ]; then
  thin="$(mktemp -d)"
  unzip -q "$benchmarks" 'org/openjdk/jmh/*' 'joptsimple/*' 'org/apache/commons/math3/*' 'dev/jetlog/jmh/*' 'dev/jetlog/datasets/*' \
    'META-INF/BenchmarkList' 'META-INF/CompilerHints' -d "$thin"
  (cd "$thin" && zip -q -r "$OLDPWD/$out/jmh.jar" .)
  rm -rf "$thin"
else
  echo "warning: no $benchmarks: device_check.py --jmh will not run" >&2
fi
# the engine-agnostic JUnit suites as the GPU module runs them (device_check.py --suites): the test classes
# of gpu-kernels and the test jars they build on, and JUnit's console launcher (fetched into ~/.m2 once)
junit_platform="$(sed -n 's:.*<junit.version>5\.\([0-9.]*\)</junit.version>.*:1.\1:p' pom.xml)"
console="$HOME/.m2/repository/org/junit/platform/junit-platform-console-standalone/$junit_platform/junit-platform-console-standalone-$junit_platform.jar"
if [ ! -f "$console" ]; then
  mvn -B -q dependency:get -Dartifact="org.junit.platform:junit-platform-console-standalone:$junit_platform" > /dev/null 2>&1 || true
fi
if [ -f "$console" ] && [ -d gpu-kernels/target/test-classes ]; then
  mkdir -p "$out/suites"
  cp "$console" "$out/suites/junit-console.jar"
  (cd gpu-kernels/target/test-classes && zip -q -r "$OLDPWD/$out/suites/gpu-tests.jar" .)
  cp seminaive/target/jetlog-seminaive-*-tests.jar datasets/target/jetlog-datasets-*-tests.jar "$out/suites/"
else
  echo "warning: no JUnit console launcher ($console) or no gpu-kernels test classes: device_check.py --suites will not run" >&2
fi
size_mib=$(du -s --apparent-size --block-size=1M "$out" | cut -f1)
echo "[jetlog] $out: $size_mib MiB"
if [ "$size_mib" -ge "$limit_mib" ]; then
  echo "$out is over the device tool's $limit_mib MiB: it would not travel" >&2
  exit 1
fi
