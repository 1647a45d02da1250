// A small in-memory SymbolEncoder handing out ids 0, 1, ... in order of first appearance: for texts that
// must not enter a session's symbol table (the raw fields of a file with record columns), and for tests.
package dev.jetlog.datasets;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

public final class ScratchSymbols implements SymbolEncoder {

    private final Map<String, Integer> ids = new HashMap<>();
    private final List<String> texts = new ArrayList<>();

    @Override
    public int encode(String symbol) {
        return ids.computeIfAbsent(symbol, s -> {
            texts.add(s);
            return texts.size() - 1;
        });
    }

    @Override
    public String decode(int id) {
        return texts.get(id);
    }

    /** The number of distinct texts seen. */
    public int size() {
        return texts.size();
    }
}
