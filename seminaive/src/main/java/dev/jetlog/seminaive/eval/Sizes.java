// Byte counts for humans: 512 B, 3.4 MiB, 1.2 GiB.
package dev.jetlog.seminaive.eval;

public final class Sizes {
    private Sizes() {
    }

    public static String format(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format("%.1f %s", value, units[unit]);
    }

    /** Parses 512, 64k, 256m, 4g or 1t (binary units, any case). @throws IllegalArgumentException */
    public static long parse(String text) {
        String t = text.strip().toLowerCase(java.util.Locale.ROOT);
        if (!t.matches("\\d+(\\.\\d+)?\\s*([kmgt]i?b?|b)?")) {
            throw new IllegalArgumentException("'" + text + "' is not a size (e.g. 512m, 4g)");
        }
        String digits = t.replaceAll("[^0-9.]", "");
        char unit = t.replaceAll("[0-9.\\s]", "").isEmpty() ? 'b' : t.replaceAll("[0-9.\\s]", "").charAt(0);
        double factor = switch (unit) {
            case 'k' -> 1L << 10;
            case 'm' -> 1L << 20;
            case 'g' -> 1L << 30;
            case 't' -> 1L << 40;
            default -> 1;
        };
        double bytes = Double.parseDouble(digits) * factor;
        if (bytes < 1 || bytes > Long.MAX_VALUE / 2) {
            throw new IllegalArgumentException("'" + text + "' is not a usable size");
        }
        return (long) bytes;
    }
}
