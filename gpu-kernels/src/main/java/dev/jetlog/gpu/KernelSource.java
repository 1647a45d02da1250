// The kernel sources as packaged in the jar: jetlog.cu and the files it includes. For OpenCL, which
// builds from one string at run time, every #include "file" is replaced by that file's text (each file
// once, as its include guard would have it).
package dev.jetlog.gpu;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public final class KernelSource {
    private static final String ROOT = "/dev/jetlog/gpu/kernels/";
    private static final Pattern INCLUDE = Pattern.compile("^\\s*#include\\s+\"([^\"]+)\"\\s*$");

    private KernelSource() {
    }

    /** The whole program as one text, includes inlined. */
    public static String inlined() {
        StringBuilder text = new StringBuilder();
        inline("jetlog.cu", text, new HashSet<>());
        return text.toString();
    }

    private static void inline(String file, StringBuilder text, Set<String> done) {
        if (!done.add(file)) {
            return;
        }
        for (String line : read(file).split("\n", -1)) {
            Matcher include = INCLUDE.matcher(line);
            if (include.matches()) {
                inline(include.group(1), text, done);
            } else {
                text.append(line).append('\n');
            }
        }
    }

    private static String read(String file) {
        try (InputStream in = KernelSource.class.getResourceAsStream(ROOT + file)) {
            if (in == null) {
                throw new IllegalStateException("kernel source " + file + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read kernel source " + file, e);
        }
    }
}
