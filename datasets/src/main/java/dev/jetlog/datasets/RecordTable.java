// The records of a session: each distinct sequence of field values gets one id, so that equal records have
// equal ids and every record column stays 32 bits. Id 0 is nil; ids count up from 1 in order of creation.
// Safe for concurrent packing and reading from the evaluation's threads.
package dev.jetlog.datasets;

import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;

public final class RecordTable {
    /** A record's fields as a hash key. */
    private record Fields(int[] values, int hash) {
        Fields(int[] values) {
            this(values, Arrays.hashCode(values));
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Fields that && hash == that.hash && Arrays.equals(values, that.values);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    private final ConcurrentHashMap<Fields, Integer> ids = new ConcurrentHashMap<>();
    /** Fields by id; replaced by a larger copy when full (readers may hold the older one, which is still valid). */
    private volatile int[][] byId = new int[64][];
    private int size = 1;

    /** The id of the record with these fields, made if new; the array is copied, not kept. */
    public int pack(int[] fields) {
        Integer id = ids.get(new Fields(fields));
        if (id != null) {
            return id;
        }
        synchronized (this) {
            Fields key = new Fields(fields.clone());
            id = ids.get(key);
            if (id != null) {
                return id;
            }
            if (size == Integer.MAX_VALUE) {
                throw new IllegalStateException("the record table is full (2^31 records)");
            }
            int next = size;
            int[][] table = byId;
            if (next == table.length) {
                table = Arrays.copyOf(table, (int) Math.min(Integer.MAX_VALUE - 8, table.length * 2L));
            }
            table[next] = key.values();
            byId = table;
            size = next + 1;
            ids.put(key, next);
            return next;
        }
    }

    /** The fields of a record (not to be modified); null for nil and for ids this table never gave. */
    public int[] fields(int id) {
        int[][] table = byId;
        return id > 0 && id < table.length ? table[id] : null;
    }

    /** One field of a record; 0 for nil, an unknown id, or an index past the record's end. */
    public int field(int id, int index) {
        int[] values = fields(id);
        return values != null && index >= 0 && index < values.length ? values[index] : 0;
    }

    /** The number of records made so far (nil not counted). */
    public synchronized int size() {
        return size - 1;
    }
}
