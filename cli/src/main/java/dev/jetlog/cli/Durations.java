// Parses the --timeout value: seconds (decimals allowed), or a number with the unit s, m or h.
package dev.jetlog.cli;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

final class Durations {
    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([smh]?)");

    private Durations() {
    }

    /** The duration in milliseconds. @throws UsageError if the text is not a positive duration */
    static long millis(String text) {
        Matcher m = DURATION.matcher(text.strip());
        if (m.matches()) {
            double value = Double.parseDouble(m.group(1));
            double seconds = switch (m.group(2)) {
                case "m" -> value * 60;
                case "h" -> value * 3600;
                default -> value;
            };
            if (seconds > 0 && seconds <= 365 * 24 * 3600.0) {
                return Math.max(1, Math.round(seconds * 1000));
            }
        }
        throw new UsageError("invalid value for --timeout: '" + text + "' (expected seconds, or a number with s, m or h,"
                + " e.g. 90, 2.5m or 1h)");
    }
}
