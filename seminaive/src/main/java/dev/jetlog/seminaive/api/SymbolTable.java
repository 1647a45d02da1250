// Interns strings as dense int ids (0, 1, ... in order of first sight) and maps ids back; decoding takes no
// lock, since worker threads decode symbols on every row they format or hand to a string functor.
package dev.jetlog.seminaive.api;

import dev.jetlog.datasets.SymbolEncoder;
import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;

import java.util.Arrays;

/**
 * The symbols of a session: interns strings as dense ids (0, 1, ... in order of first sight) and maps ids
 * back. Thread-safe: encoding is serialised; decoding reads a published snapshot without locking.
 */
public final class SymbolTable implements SymbolEncoder {
    private final Object2IntOpenHashMap<String> ids = new Object2IntOpenHashMap<>();
    /**
     * The symbols by id, replaced by a larger copy when full. Published after each new symbol is stored in
     * it, so that a reader that sees the count also sees the symbols below it (readers may hold an older
     * array, which stays valid for the ids it held).
     */
    private volatile Snapshot snapshot = new Snapshot(new String[64], 0);

    /** The symbols array and how many of its entries are symbols. */
    private record Snapshot(String[] symbols, int count) {
    }

    public SymbolTable() {
        ids.defaultReturnValue(-1);
    }

    @Override
    public synchronized int encode(String symbol) {
        int id = ids.getInt(symbol);
        if (id < 0) {
            Snapshot current = snapshot;
            id = current.count();
            String[] symbols = current.symbols();
            if (id == symbols.length) {
                symbols = Arrays.copyOf(symbols, (int) Math.min(Integer.MAX_VALUE - 8, symbols.length * 2L));
            }
            symbols[id] = symbol;
            ids.put(symbol, id);
            snapshot = new Snapshot(symbols, id + 1);
        }
        return id;
    }

    @Override
    public String decode(int id) {
        Snapshot current = snapshot;
        if (id < 0 || id >= current.count()) {
            throw new IllegalArgumentException("no symbol has id " + id);
        }
        return current.symbols()[id];
    }

    /** The id of a symbol, or -1 if it was never interned. */
    public synchronized int lookup(String symbol) {
        return ids.getInt(symbol);
    }

    public int size() {
        return snapshot.count();
    }
}
