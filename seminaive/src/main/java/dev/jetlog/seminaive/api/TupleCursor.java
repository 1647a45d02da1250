// Streams the tuples of a relation or of a query without materialising them as objects: rows come from
// the backend in batches (by range), and the typed getters read the current row's columns without
// boxing. Close it when done (a query's rows stay in the backend until then); it is also closed when
// next() runs out.
package dev.jetlog.seminaive.api;

import dev.jetlog.datasets.RecordText;
import dev.jetlog.parser.ast.Attribute;
import dev.jetlog.parser.ast.ColumnType;
import dev.jetlog.seminaive.spi.Backend;
import dev.jetlog.seminaive.spi.Rows;

import java.util.List;

/**
 * Streams the tuples of a relation or of a query without materialising them as objects: rows come from the
 * backend in batches and the typed getters read the current row without boxing. Call {@link #next()} before
 * each row; close the cursor when done (it also closes when {@code next()} runs out).
 */
public final class TupleCursor implements AutoCloseable {
    private static final int BATCH = 1 << 16;

    private final Backend backend;
    private final Rows rows;
    private final boolean owned;
    private final List<ColumnType> types;
    private final List<Attribute> attributes;
    private final SymbolTable symbols;
    private final RecordText records;
    private final int arity;
    private final long size;
    private int[] batch = new int[0];
    private long batchStart;
    private int batchRows;
    private long position = -1;
    private boolean closed;

    TupleCursor(Backend backend, Rows rows, boolean owned, List<Attribute> attributes, SymbolTable symbols,
                RecordText records) {
        this.backend = backend;
        this.rows = rows;
        this.owned = owned;
        this.attributes = List.copyOf(attributes);
        this.types = attributes.stream().map(Attribute::type).toList();
        this.symbols = symbols;
        this.records = records;
        this.arity = types.size();
        this.size = rows.size();
    }

    /** How many tuples the cursor walks over. */
    public long size() {
        return size;
    }

    /** Moves to the next tuple; false (and closed) when there is none. */
    public boolean next() {
        if (closed) {
            return false;
        }
        position++;
        if (position >= size) {
            close();
            return false;
        }
        if (position >= batchStart + batchRows) {
            batchStart = position;
            long to = Math.min(size, position + BATCH);
            batch = backend.download(rows, position, to);
            batchRows = (int) (to - position);
        }
        return true;
    }

    private int raw(int column) {
        if (closed || position < 0) {
            throw new IllegalStateException(closed ? "the cursor is closed" : "call next() first");
        }
        if (column < 0 || column >= arity) {
            throw new IndexOutOfBoundsException("column " + column + " of " + arity);
        }
        return batch[(int) (position - batchStart) * arity + column];
    }

    /** A number column (or the raw 32 bits of any column). */
    public int getInt(int column) {
        return raw(column);
    }

    /** An unsigned column, widened to 0..2^32-1. */
    public long getUnsigned(int column) {
        return raw(column) & 0xFFFF_FFFFL;
    }

    public float getFloat(int column) {
        return Float.intBitsToFloat(raw(column));
    }

    public String getSymbol(int column) {
        if (types.get(column) != ColumnType.SYMBOL) {
            throw new IllegalArgumentException("column " + column + " is a " + types.get(column) + ", not a symbol");
        }
        return symbols.decode(raw(column));
    }

    /** The current tuple as an object (boxing; for convenience). */
    public Tuple tuple() {
        int[] values = new int[arity];
        for (int c = 0; c < arity; c++) {
            values[c] = raw(c);
        }
        return new Tuple(values, attributes, symbols, records);
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            if (owned) {
                backend.release(rows);
            }
        }
    }
}
