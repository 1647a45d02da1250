// Runs the operator and program benchmarks on every backend that can run here and prints one table:
// tuples per second per backend and each GPU backend's ratio to the CPU. A backend that cannot run is
// named with the reason and left out, never faked. Usage (after mvn package):
//   java -cp jmh/target/benchmarks.jar dev.jetlog.jmh.BackendComparison [--rows 100000,1000000]
//        [--workloads tc/cti,sg/TG.cedge] [--backends cpu,opencl,cuda] [--quick]
package dev.jetlog.jmh;

import dev.jetlog.datasets.SharedDatasets;
import dev.jetlog.seminaive.api.BackendRegistry;
import dev.jetlog.seminaive.spi.BackendProvider;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

public final class BackendComparison {
    private BackendComparison() {
    }

    public static void main(String[] args) throws RunnerException {
        Map<String, String> options = parse(args);
        PrintStream out = System.out;
        List<String> backends = new ArrayList<>();
        for (String name : options.getOrDefault("backends", "cpu,opencl,cuda").split(",")) {
            String reason = reason(name);
            if (reason == null) {
                backends.add(name);
            } else {
                out.println("skipped " + name + ": " + reason);
            }
        }
        if (!backends.contains("cpu")) {
            throw new IllegalArgumentException("the comparison needs the cpu backend as its baseline");
        }
        boolean quick = options.containsKey("quick");
        String rows = options.getOrDefault("rows", "100000,1000000,10000000");
        Collection<RunResult> operators = run(OperatorBenchmark.class, backends, "rows", rows, quick);
        Collection<RunResult> programs = List.of();
        String workloads = options.getOrDefault("workloads", "tc/OL.cedge,tc/cti,sg/TG.cedge,cspa/httpd-cspa10k");
        if (SharedDatasets.locate().isPresent() && !workloads.isBlank()) {
            programs = run(ProgramBenchmark.class, backends, "workload", workloads, quick);
        } else {
            out.println("skipped the program benchmarks: no ../shared folder (set -Djetlog.shared=DIR)");
        }
        table(out, backends, operators, "rows", true);
        table(out, backends, programs, "workload", false);
    }

    private static Collection<RunResult> run(Class<?> benchmark, List<String> backends, String sizeParam,
                                             String sizes, boolean quick) throws RunnerException {
        ChainedOptionsBuilder builder = new OptionsBuilder().include(benchmark.getName() + ".")
                .param("backend", backends.toArray(String[]::new))
                .param(sizeParam, sizes.split(","))
                .verbosity(VerboseMode.SILENT);
        if (quick) {
            builder.warmupIterations(1).measurementIterations(1).warmupTime(TimeValue.seconds(1))
                    .measurementTime(TimeValue.seconds(1));
        }
        return new Runner(builder.build()).run();
    }

    /**
     * One row per benchmark and size: per backend the throughput (rows per second for operators, the
     * evaluation time for programs) and each other backend's speed relative to the CPU.
     */
    private static void table(PrintStream out, List<String> backends, Collection<RunResult> results, String sizeParam,
                              boolean throughput) {
        if (results.isEmpty()) {
            return;
        }
        Map<String, Map<String, Double>> rows = new TreeMap<>();
        for (RunResult result : results) {
            var params = result.getParams();
            String method = params.getBenchmark().substring(params.getBenchmark().lastIndexOf('.') + 1);
            String key = (throughput ? method + " " : "") + params.getParam(sizeParam);
            double millis = result.getPrimaryResult().getScore();
            double value = throughput ? Long.parseLong(params.getParam(sizeParam)) / (millis / 1000) : millis / 1000;
            rows.computeIfAbsent(key, k -> new LinkedHashMap<>()).put(params.getParam("backend"), value);
        }
        StringBuilder header = new StringBuilder(String.format("%-28s", throughput ? "operator, rows" : "program/input"));
        for (String backend : backends) {
            header.append(String.format(" %16s", backend + (throughput ? " rows/s" : " s")));
        }
        for (String backend : backends) {
            if (!backend.equals("cpu")) {
                header.append(String.format(" %12s", backend + "/cpu"));
            }
        }
        out.println();
        out.println(header);
        rows.forEach((key, values) -> {
            StringBuilder line = new StringBuilder(String.format("%-28s", key));
            for (String backend : backends) {
                Double value = values.get(backend);
                line.append(value == null ? String.format(" %16s", "failed")
                        : String.format(throughput ? " %16.3g" : " %16.2f", value));
            }
            Double cpu = values.get("cpu");
            for (String backend : backends) {
                if (!backend.equals("cpu")) {
                    Double value = values.get(backend);
                    double speedup = value == null || cpu == null ? Double.NaN : throughput ? value / cpu : cpu / value;
                    line.append(String.format(" %11.2fx", speedup));
                }
            }
            out.println(line);
        });
    }

    private static String reason(String backend) {
        for (BackendProvider provider : BackendRegistry.providers()) {
            if (provider.name().equals(backend)) {
                return provider.unavailableReason();
            }
        }
        return "not on the class path";
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String name = args[i].replaceFirst("^--", "");
            if (name.equals("quick")) {
                options.put(name, "");
            } else if (i + 1 < args.length) {
                options.put(name, args[++i]);
            } else {
                throw new IllegalArgumentException("option " + args[i] + " needs a value");
            }
        }
        return options;
    }
}
