// Fuzzing the whole engine with mutants of the conformance programs (issue 9): tokens deleted, duplicated
// and swapped, truncation, random bytes and Unicode, deep nesting, huge literals, long identifiers,
// disjunction bombs and huge bodies. Each mutant is compiled through the Java API and, if it compiles, run
// on its case's facts with a memory limit and a time limit enforced by interrupting the run. No mutant may
// throw anything but the documented exceptions, every rejection must carry a line and column, and nothing
// may hang. The default run tries a few thousand mutants; -Djetlog.fuzz.mutants=20000 (the fuzz profile)
// more.
package dev.jetlog.cli;

import dev.jetlog.seminaive.api.CompiledProgram;
import dev.jetlog.seminaive.api.ProgramException;
import dev.jetlog.seminaive.api.Problem;
import dev.jetlog.seminaive.api.EngineOptions;
import dev.jetlog.seminaive.api.EvaluationCancelledException;
import dev.jetlog.seminaive.api.JetLog;
import dev.jetlog.seminaive.api.JetLogException;
import dev.jetlog.seminaive.api.Session;
import dev.jetlog.seminaive.testkit.ConformanceCase;
import dev.jetlog.seminaive.testkit.SharedFolder;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FuzzTest {
    private static final Pattern TOKEN = Pattern.compile(
            "\"(?:[^\"\\\\\\n]|\\\\.)*\"|[A-Za-z_?][A-Za-z0-9_?]*|\\d+(?:\\.\\d+)?|:-|<=|>=|!=|\\s+|.", Pattern.DOTALL);
    private static final long COMPILE_SECONDS = 20;
    private static final long RUN_MILLIS = 2000;
    private static final long STOP_SECONDS = 20;

    enum Outcome { COMPILED, REJECTED, RAN, STOPPED, FAILED_CLEANLY, CRASHED, HUNG }

    @Test
    void mutantsNeverCrashNorHang() throws Exception {
        SharedFolder.require("the fuzz test's seed programs");
        List<ConformanceCase> cases = ConformanceCase.all();
        int mutants = Integer.getInteger("jetlog.fuzz.mutants", 2500);
        long seed = Long.getLong("jetlog.fuzz.seed", 20261201L);
        SplittableRandom random = new SplittableRandom(seed);
        Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);
        Map<String, Integer> byMutation = new java.util.TreeMap<>();
        List<String> problems = new ArrayList<>();
        ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "fuzz-worker");
            thread.setDaemon(true);
            return thread;
        });
        try {
            for (int i = 0; i < mutants && problems.size() < 5; i++) {
                ConformanceCase seedCase = cases.get(random.nextInt(cases.size()));
                String original = Files.readString(seedCase.program(), StandardCharsets.UTF_8);
                Mutation mutation = Mutation.values()[random.nextInt(Mutation.values().length)];
                String mutant = mutation.apply(original, random.split());
                byMutation.merge(mutation.name(), 1, Integer::sum);
                Outcome outcome = tryMutant(worker, seedCase, mutant, problems, mutation + " of " + seedCase.name());
                outcomes.merge(outcome, 1, Integer::sum);
                if (outcome == Outcome.HUNG) {
                    worker.shutdownNow();
                    worker = Executors.newSingleThreadExecutor();
                }
            }
        } finally {
            worker.shutdownNow();
        }
        System.out.println("fuzz: " + mutants + " mutants (seed " + seed + "): " + outcomes + "; by mutation " + byMutation);
        assertEquals(List.of(), problems, "mutants that crashed, hung or were rejected without a position");
        assertEquals(0, outcomes.getOrDefault(Outcome.CRASHED, 0));
        assertEquals(0, outcomes.getOrDefault(Outcome.HUNG, 0));
        assertTrue(outcomes.getOrDefault(Outcome.REJECTED, 0) > mutants / 10, "most mutations should break programs");
        assertTrue(outcomes.getOrDefault(Outcome.RAN, 0) > mutants / 20, "some mutants should still run");
    }

    private static Outcome tryMutant(ExecutorService worker, ConformanceCase seedCase, String mutant, List<String> problems,
                                     String what) throws InterruptedException {
        Future<Object> compiled = worker.submit(() -> JetLog.compile("mutant.dl", mutant));
        Object result;
        try {
            result = compiled.get(COMPILE_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            compiled.cancel(true);
            problems.add("compile hung (" + what + "):\n" + excerpt(mutant));
            return Outcome.HUNG;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof ProgramException rejection) {
                for (Problem error : rejection.errors()) {
                    if (error.line() < 1 || error.column() < 1) {
                        problems.add("rejection without a position (" + what + "): " + error);
                    }
                }
                rejection.render();
                return Outcome.REJECTED;
            }
            problems.add("compile crashed (" + what + "): " + cause + "\n" + excerpt(mutant));
            return Outcome.CRASHED;
        }
        CompiledProgram program = (CompiledProgram) result;
        Future<Outcome> run = worker.submit(() -> run(program, seedCase));
        try {
            return run.get(RUN_MILLIS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            run.cancel(true); // interrupts the run: it must stop promptly
            try {
                return run.get(STOP_SECONDS, TimeUnit.SECONDS);
            } catch (java.util.concurrent.CancellationException stopped) {
                return waitUntilIdle(worker) ? Outcome.STOPPED : hung(problems, what, mutant);
            } catch (TimeoutException | ExecutionException stuck) {
                return hung(problems, what, mutant);
            }
        } catch (ExecutionException e) {
            problems.add("run crashed (" + what + "): " + e.getCause() + "\n" + excerpt(mutant));
            return Outcome.CRASHED;
        }
    }

    private static Outcome hung(List<String> problems, String what, String mutant) {
        problems.add("run did not stop within " + STOP_SECONDS + " s of an interrupt (" + what + "):\n" + excerpt(mutant));
        return Outcome.HUNG;
    }

    /** True once the worker has finished what it was doing (the cancelled run stopped). */
    private static boolean waitUntilIdle(ExecutorService worker) throws InterruptedException {
        Future<Boolean> probe = worker.submit(() -> true);
        try {
            return probe.get(STOP_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            return false;
        }
    }

    private static Outcome run(CompiledProgram program, ConformanceCase seedCase) {
        EngineOptions options = EngineOptions.defaults().withBackend("cpu").withThreads(1).withMemoryLimit(256L << 20);
        try (Session session = program.newSession(options)) {
            session.loadInputs(seedCase.facts());
            session.run();
            session.printOutputs(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            return Outcome.RAN;
        } catch (EvaluationCancelledException e) {
            return Outcome.STOPPED;
        } catch (JetLogException e) {
            return Outcome.FAILED_CLEANLY;
        }
    }

    private static String excerpt(String mutant) {
        return mutant.length() <= 600 ? mutant : mutant.substring(0, 600) + "... (" + mutant.length() + " chars)";
    }

    /** The ways a program is mutated. */
    enum Mutation {
        DELETE_TOKEN, DUPLICATE_TOKEN, SWAP_TOKENS, TRUNCATE, RANDOM_BYTES, RANDOM_UNICODE, DEEP_PARENTHESES,
        DEEP_EXPRESSION, HUGE_LITERAL, LONG_IDENTIFIER, DISJUNCTION_BOMB, HUGE_BODY, REPLACE_TOKEN;

        String apply(String program, SplittableRandom random) {
            List<String> tokens = tokens(program);
            int at = random.nextInt(Math.max(1, tokens.size()));
            switch (this) {
                case DELETE_TOKEN -> tokens.remove(at);
                case DUPLICATE_TOKEN -> tokens.add(at, tokens.get(at));
                case SWAP_TOKENS -> {
                    if (at + 2 < tokens.size()) {
                        String t = tokens.get(at);
                        tokens.set(at, tokens.get(at + 2));
                        tokens.set(at + 2, t);
                    }
                }
                case TRUNCATE -> {
                    return program.substring(0, random.nextInt(program.length() + 1));
                }
                case RANDOM_BYTES -> {
                    StringBuilder noise = new StringBuilder();
                    for (int i = random.nextInt(1, 12); i > 0; i--) {
                        noise.append((char) random.nextInt(0, 256));
                    }
                    tokens.add(at, noise.toString());
                }
                case RANDOM_UNICODE -> tokens.add(at, new String(Character.toChars(random.nextInt(0x80, 0x10FFFF))));
                case DEEP_PARENTHESES -> {
                    int depth = new int[] {50, 400, 600, 5000, 100_000}[random.nextInt(5)];
                    return program.replaceFirst(":-", ":- " + "(".repeat(depth) + "true" + ")".repeat(depth) + ",");
                }
                case DEEP_EXPRESSION -> {
                    int length = new int[] {100, 499, 501, 10_000, 200_000}[random.nextInt(5)];
                    return program.replaceFirst(":-", ":- 0 < 1" + " + 1".repeat(length) + ",");
                }
                case HUGE_LITERAL -> tokens.add(at, "1".repeat(random.nextInt(10, 5000)));
                case LONG_IDENTIFIER -> tokens.add(at, "x" + "y".repeat(random.nextInt(10, 200_000)));
                case DISJUNCTION_BOMB -> {
                    return program.replaceFirst(":-", ":- " + "(true ; true), ".repeat(random.nextInt(5, 40)));
                }
                case HUGE_BODY -> {
                    return program.replaceFirst(":-", ":- " + "true, ".repeat(random.nextInt(100, 10_000)));
                }
                case REPLACE_TOKEN -> tokens.set(at, new String[] {"(", ")", ",", ".", ":-", ";", "!", "_", "\"",
                        "count", "sum", ":", "{", "}", ".decl", ".output", "-", "/", "0", "x"}[random.nextInt(20)]);
            }
            return String.join("", tokens);
        }

        private static List<String> tokens(String program) {
            List<String> tokens = new ArrayList<>();
            Matcher m = TOKEN.matcher(program);
            while (m.find()) {
                tokens.add(m.group());
            }
            return tokens;
        }
    }
}
