// Interns strings as dense int ids (0, 1, ... in order of first sight) and maps ids back.
package dev.jetlog.seminaive.api;

import dev.jetlog.datasets.SymbolEncoder;
import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;

import java.util.ArrayList;
import java.util.List;

/**
 * The symbols of a session: interns strings as dense ids (0, 1, ... in order of first sight) and maps ids
 * back. Thread-safe.
 */
public final class SymbolTable implements SymbolEncoder {
    private final Object2IntOpenHashMap<String> ids = new Object2IntOpenHashMap<>();
    private final List<String> symbols = new ArrayList<>();

    public SymbolTable() {
        ids.defaultReturnValue(-1);
    }

    @Override
    public synchronized int encode(String symbol) {
        int id = ids.getInt(symbol);
        if (id < 0) {
            id = symbols.size();
            ids.put(symbol, id);
            symbols.add(symbol);
        }
        return id;
    }

    @Override
    public synchronized String decode(int id) {
        if (id < 0 || id >= symbols.size()) {
            throw new IllegalArgumentException("no symbol has id " + id);
        }
        return symbols.get(id);
    }

    /** The id of a symbol, or -1 if it was never interned. */
    public synchronized int lookup(String symbol) {
        return ids.getInt(symbol);
    }

    public synchronized int size() {
        return symbols.size();
    }
}
