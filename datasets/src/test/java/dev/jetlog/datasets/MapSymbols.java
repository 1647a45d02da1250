// Test helper: an in-memory SymbolEncoder handing out ids in order of first appearance.
package dev.jetlog.datasets;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

final class MapSymbols implements SymbolEncoder {

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

    int size() {
        return texts.size();
    }
}
