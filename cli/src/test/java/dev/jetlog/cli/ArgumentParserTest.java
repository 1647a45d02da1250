// Holds ArgumentParser to picocli: on a corpus of command lines, good and bad, both parsers (picocli
// with the model CommandHelp builds from the same table) must store the same options in JetLogCommand,
// or both must refuse the line; and the runner's help and version come from picocli.
package dev.jetlog.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

class ArgumentParserTest {
    /** Command lines as users write them, and as they get them wrong. */
    private static final String[][] CORPUS = {
            {"p.dl"},
            {"p.dl", "-F", "facts", "-D", "out", "-j", "2"},
            {"-Ffacts", "-Dout", "-j2", "p.dl"},
            {"-F=facts", "-D=out", "-j=auto", "p.dl"},
            {"--fact-dir", "facts", "--output-dir=-", "--jobs", "4", "p.dl"},
            {"p.dl", "-D", "-"},
            {"p.dl", "-I", "a", "-I", "b", "--include-dir=c", "-M", "A=1", "-M", "B C=2", "--macro=D"},
            {"p.dl", "-m", "*", "--magic-transform-exclude", "a,b"},
            {"p.dl", "--magic-transform=path", "--backend", "cpu", "--stats", "--explain", "-w"},
            {"p.dl", "--no-warn", "--memory-limit", "512m", "--timeout", "90s"},
            {"p.dl", "-wj2"},
            {"p.dl", "-wj", "2"},
            {"p.dl", "-wF", "facts"},
            {"p.dl", "--backend="},
            {"p.dl", "-j", "-1"},
            {"--", "-p.dl"},
            {"p.dl", "--", "--stats"},
            {"p.dl", "-F", "a", "-F", "b"},
            {"p.dl", "--stats", "--stats"},
            {"p.dl", "-w", "-w"},
            {},
            {"p.dl", "q.dl"},
            {"p.dl", "q.dl", "r.dl"},
            {"p.dl", "--frobnicate"},
            {"p.dl", "-x"},
            {"p.dl", "-wx"},
            {"p.dl", "-F"},
            {"p.dl", "-F", "--stats"},
            {"p.dl", "-F", "-j=2"},
            {"p.dl", "--stats=true"},
            {"p.dl", "--fact-dir"},
            {"-j", "2"},
            {"p.dl", "-h"},
            {"--help"},
            {"-V"},
            {"p.dl", "--version", "--frobnicate"},
            {"p.dl", "-F", "bad\u0000dir"},
            {"--frobnicate", "--version"},
            {"p.dl", "q.dl", "-h"},
            {"-h", "-F"},
            {"--stats=false", "p.dl"},
            {"--stats=TRUE", "p.dl"},
            {"--stats=yes", "p.dl"},
            {"-w=false", "p.dl"},
            {"p.dl", "-F", "-Dout"},
            {"p.dl", "-F", "--"},
            {"p.dl", "-F=-Dout"},
            {"p.dl", "--fact-dir=--"},
            {"p.dl", "-F-Dout"},
            {"p.dl", "-F", "-x"},
            {"p.dl", "-D", "-wj2"},
            {"a.dl", "out", "-D", "out"},
            {"p.dl", "-wx"},
    };

    @Test
    void setsWhatPicocliSetsAndRefusesWhatItRefuses() throws Exception {
        List<String> differences = new ArrayList<>();
        for (String[] args : CORPUS) {
            JetLogCommand ours = new JetLogCommand();
            String ourError = null;
            ArgumentParser.Requests requests = null;
            try {
                requests = ArgumentParser.forJetLog().parse(ours, args);
            } catch (UsageError e) {
                ourError = e.getMessage();
            }
            JetLogCommand theirs = new JetLogCommand();
            String theirError = null;
            CommandLine.ParseResult result = null;
            try {
                result = new CommandLine(CommandHelp.spec()).parseArgs(args);
                store(result, theirs);
            } catch (CommandLine.ParameterException | UsageError e) {
                theirError = e.getMessage();
            }
            String line = String.join(" ", args);
            if ((ourError == null) != (theirError == null)) {
                differences.add(line + ": ours " + (ourError == null ? "accepts" : "refuses (" + ourError + ")")
                        + ", picocli " + (theirError == null ? "accepts" : "refuses (" + theirError + ")"));
                continue;
            }
            if (ourError != null) {
                continue;
            }
            if (requests.help() != result.isUsageHelpRequested() || requests.version() != result.isVersionHelpRequested()) {
                differences.add(line + ": help/version requests differ");
            }
            for (Field field : JetLogCommand.class.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers())) {
                    continue;
                }
                field.setAccessible(true);
                if (!Objects.equals(field.get(ours), field.get(theirs))) {
                    differences.add(line + ": " + field.getName() + " is " + field.get(ours) + ", picocli says " + field.get(theirs));
                }
            }
        }
        if (!differences.isEmpty()) {
            fail(String.join("\n", differences));
        }
    }

    /** Stores what picocli matched through the same table the parser uses. */
    private static void store(CommandLine.ParseResult result, JetLogCommand command) {
        for (CommandOption option : JetLogCommand.OPTIONS) {
            CommandLine.Model.OptionSpec matched = result.matchedOption(option.longName());
            if (matched == null) {
                continue;
            }
            if (option.isFlag()) {
                option.store().accept(command, String.valueOf((Boolean) matched.getValue()));
            } else {
                matched.stringValues().forEach(value -> option.store().accept(command, value));
            }
        }
        if (result.hasMatchedPositional(0)) {
            JetLogCommand.PROGRAM.store().accept(command, result.matchedPositional(0).stringValues().get(0));
        }
    }

    @Test
    void messagesNameTheOptionAsPicocliDoes() {
        assertEquals("Unknown option: '--frobnicate'", refusal("p.dl", "--frobnicate"));
        assertEquals("Missing required parameter: 'PROGRAM.dl'", refusal());
        assertEquals("Unmatched argument at index 1: 'q.dl'", refusal("p.dl", "q.dl"));
        assertEquals("Unmatched argument at index 1: 'out'", refusal("a.dl", "out", "-D", "out"));
        assertEquals("Expected parameter for option '--fact-dir' (DIR) but found '-Dout'", refusal("p.dl", "-F", "-Dout"));
        assertEquals("Unknown option: 'x' (while processing option: '-wx')", refusal("p.dl", "-wx"));
        assertEquals("option '--fact-dir' (DIR) should be specified only once", refusal("p.dl", "-F", "a", "-F", "b"));
        assertEquals("Expected parameter for option '--fact-dir' (DIR) but found '--stats'", refusal("p.dl", "-F", "--stats"));
        assertEquals("Missing required parameter for option '--fact-dir' (DIR)", refusal("p.dl", "-F"));
    }

    private static String refusal(String... args) {
        try {
            ArgumentParser.forJetLog().parse(new JetLogCommand(), args);
        } catch (UsageError e) {
            return e.getMessage();
        }
        return fail("accepted " + String.join(" ", args));
    }

    @Test
    void helpAndVersionComeFromPicocli() {
        CliRun help = CliRun.of("--help");
        assertEquals(0, help.status(), help.toString());
        assertTrue(help.out().startsWith("Usage: jetlog"), help.toString());
        assertTrue(help.out().contains("--fact-dir=DIR"), help.toString());
        CliRun version = CliRun.of("-V");
        assertEquals(0, version.status(), version.toString());
        assertTrue(version.out().startsWith("JetLog "), version.toString());
    }
}
