// Checks the random program generator: deterministic per seed, every program compiles, and the features it should cover occur.
package dev.jetlog.seminaive.testkit;

import dev.jetlog.seminaive.api.JetLog;
import dev.jetlog.seminaive.api.ProgramException;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

class RandomProgramsTest {
    private static final int SEEDS = 1000;

    @Test
    void sameSeedSameCase() {
        for (long seed = 0; seed < 20; seed++) {
            RandomPrograms.Case first = RandomPrograms.generate(seed);
            RandomPrograms.Case second = RandomPrograms.generate(seed);
            assertEquals(first.describe(), second.describe(), "seed " + seed);
            assertEquals(first.facts().keySet(), second.facts().keySet(), "seed " + seed);
            first.facts().forEach((relation, rows) -> {
                for (int i = 0; i < rows.size(); i++) {
                    assertTrue(Arrays.equals(rows.get(i), second.facts().get(relation).get(i)), relation + " row " + i);
                }
            });
        }
    }

    @Test
    void everyProgramCompilesAndTheFeaturesOccur() {
        Map<String, Pattern> features = new LinkedHashMap<>();
        features.put("negation", Pattern.compile("!r|!in"));
        features.put("count", Pattern.compile("count :"));
        features.put("sum", Pattern.compile("sum "));
        features.put("min", Pattern.compile("min "));
        features.put("max", Pattern.compile("max "));
        features.put("symbol", Pattern.compile(": symbol"));
        features.put("unsigned", Pattern.compile(": unsigned"));
        features.put("float", Pattern.compile(": float"));
        features.put("wildcard", Pattern.compile("_"));
        features.put("arithmetic in head", Pattern.compile("^r\\d\\([^)]*[-+*/%] ", Pattern.MULTILINE));
        features.put("recursive guard", Pattern.compile(" < 12"));
        features.put("self recursion", Pattern.compile("^(r\\d)\\(.*:-.*\\b\\1\\(", Pattern.MULTILINE));
        features.put("non-linear recursion", Pattern.compile("^(r\\d)\\(.*:-.*\\b\\1\\(.*\\b\\1\\(", Pattern.MULTILINE));
        features.put("nullary", Pattern.compile("\\(\\)\n"));
        features.put("aggregate over several atoms", Pattern.compile(": \\{ [^}]*\\), [a-z]"));
        features.put("negation in an aggregate", Pattern.compile(": \\{ [^}]*!"));
        features.put("aggregate comparing an outer variable", Pattern.compile(": \\{ [^}]*w\\d+ [<>=]+ x\\d"));
        Map<String, Integer> counts = new LinkedHashMap<>();
        features.keySet().forEach(feature -> counts.put(feature, 0));
        for (long seed = 0; seed < SEEDS; seed++) {
            RandomPrograms.Case generated = RandomPrograms.generate(seed);
            try {
                JetLog.compile("random.dl", generated.source());
            } catch (ProgramException e) {
                fail("seed " + seed + " generated an invalid program: " + e.render() + "\n" + generated.describe());
            }
            features.forEach((feature, pattern) -> {
                if (pattern.matcher(generated.source()).find()) {
                    counts.merge(feature, 1, Integer::sum);
                }
            });
        }
        counts.forEach((feature, count) -> assertTrue(count >= SEEDS / 50,
                feature + " occurs in only " + count + " of " + SEEDS + " programs: " + counts));
    }
}
