// Two-way mapping between symbol text and the int ids stored in SYMBOL columns.
package dev.jetlog.datasets;

/**
 * Maps symbols to the 32-bit ids stored in {@code SYMBOL} columns and back. The engine's symbol
 * table implements this; readers call {@link #encode}, writers call {@link #decode}.
 */
public interface SymbolEncoder {

    /** Returns the id of {@code symbol}, assigning a new one if it has not been seen before. */
    int encode(String symbol);

    /** Returns the text of the symbol with this id. */
    String decode(int id);
}
