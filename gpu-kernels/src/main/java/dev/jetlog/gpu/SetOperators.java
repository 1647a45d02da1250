// The set operators of the semi-naive loop on the device: sort-unique (where a row packs into 64 bits,
// radix sort of the packed keys, flag the first of each run of equal keys, scan, unpack the flagged ones;
// else radix sort of row ids, gather, flag the first of each run of equal rows, scan, compact),
// difference (binary search of each row in the other set, flag, scan, compact) and merge of two disjoint
// sorted sets along the merge path (tiles of the output split by binary search on their diagonals, each
// merged sequentially), into a buffer with headroom that is reused across iterations.
package dev.jetlog.gpu;

final class SetOperators {
    /** Headroom of a merge target: room for this many more rows per row merged, before reallocating. */
    private static final long HEADROOM_FACTOR = 4;
    /** Output rows per work-item of a merge (JL_MERGE_TILE). */
    static final long MERGE_TILE = 128;

    private final DeviceMemory memory;
    private final Device device;

    SetOperators(DeviceMemory memory) {
        this.memory = memory;
        this.device = memory.device();
    }

    GpuRows empty(int arity) {
        return new GpuRows(memory.allocate(4, "an empty relation"), arity, 0, false);
    }

    GpuRows sortUnique(GpuRows rows) {
        int arity = rows.arity;
        long n = rows.count;
        if (arity == 0 || n <= 1) {
            return copyOf(rows, arity == 0 ? Math.min(n, 1) : n);
        }
        KeyLayout layout = KeyLayout.of(memory, rows.buffer, n, arity);
        if (layout.fits()) {
            return sortUniquePacked(rows, layout);
        }
        int[] identity = new int[arity];
        for (int c = 0; c < arity; c++) {
            identity[c] = c;
        }
        DeviceBuffer ids = RadixSort.sortedIds(memory, rows.buffer, n, arity, identity, layout.ranges);
        DeviceBuffer sorted = null;
        try {
            sorted = memory.allocate(rows.bytes(), "sorted rows");
            device.launch("gather_rows", Grid.strided(device, n), rows.buffer, arity, ids, n, sorted);
            memory.free(ids);
            ids = null;
            GpuRows all = new GpuRows(sorted, arity, n, false);
            sorted = null;
            try {
                return compact(all, "unique_flags", all.buffer, arity, n);
            } finally {
                release(all);
            }
        } finally {
            memory.free(ids);
            memory.free(sorted);
        }
    }

    /** Sort-unique of rows that pack into 64-bit keys: pack, sort the keys, keep the first of each run, unpack. */
    private GpuRows sortUniquePacked(GpuRows rows, KeyLayout layout) {
        long n = rows.count;
        int arity = rows.arity;
        DeviceBuffer triples = memory.allocate((long) layout.triples.length * Integer.BYTES, "a key layout");
        DeviceBuffer keys = null;
        DeviceBuffer flags = null;
        DeviceBuffer offsets = null;
        try {
            device.write(triples, 0, layout.triples, 0, layout.triples.length);
            keys = memory.allocate(n * Long.BYTES, "sort keys");
            device.launch("pack_rows_u64", Grid.strided(device, n), rows.buffer, arity, n, triples, keys);
            DeviceBuffer unsorted = keys;
            keys = null; // sortKeys consumes it, also when it fails
            keys = RadixSort.sortKeys(memory, unsorted, n, layout.bits);
            flags = memory.allocate(n * Integer.BYTES, "row flags");
            device.launch("unique_keys_flags", Grid.strided(device, n), keys, n, flags);
            offsets = memory.allocate(n * Long.BYTES, "row offsets");
            long kept = Scan.exclusive(memory, flags, n, offsets);
            DeviceBuffer out = memory.allocate(kept * arity * Integer.BYTES, "unique rows");
            device.launch("unpack_rows_u64", Grid.strided(device, n), keys, n, flags, offsets, triples, arity, out);
            return new GpuRows(out, arity, kept, false);
        } finally {
            memory.free(triples);
            memory.free(keys);
            memory.free(flags);
            memory.free(offsets);
        }
    }

    GpuRows difference(GpuRows sorted, GpuRows full) {
        if (sorted.count == 0 || full.count == 0 || sorted.arity == 0) {
            return sorted.arity == 0 && full.count > 0 ? empty(0) : copyOf(sorted, sorted.count);
        }
        return compact(sorted, "difference_flags", sorted.buffer, sorted.count, full.buffer, full.count, sorted.arity);
    }

    /** Keeps the rows of source that a flag kernel (given its arguments, then the flags buffer) marks. */
    private GpuRows compact(GpuRows source, String flagKernel, Object... flagArgs) {
        long n = source.count;
        int arity = source.arity;
        DeviceBuffer flags = memory.allocate(n * Integer.BYTES, "row flags");
        DeviceBuffer offsets = null;
        try {
            Object[] args = java.util.Arrays.copyOf(flagArgs, flagArgs.length + 1);
            args[flagArgs.length] = flags;
            device.launch(flagKernel, Grid.strided(device, n), args);
            offsets = memory.allocate(n * Long.BYTES, "row offsets");
            long kept = Scan.exclusive(memory, flags, n, offsets);
            DeviceBuffer out = memory.allocate(kept * arity * Integer.BYTES, "rows kept");
            device.launch("compact_rows", Grid.strided(device, n), source.buffer, arity, n, flags, offsets, out);
            return new GpuRows(out, arity, kept, false);
        } finally {
            memory.free(flags);
            memory.free(offsets);
        }
    }

    /** The union of disjoint sorted full and delta; consumes full (its buffer becomes the next spare). */
    GpuRows merge(GpuRows full, GpuRows delta) {
        if (delta.count == 0) {
            return full;
        }
        int arity = full.arity;
        long count = full.count + delta.count;
        long needed = count * arity * Integer.BYTES;
        DeviceBuffer target = full.spare != null && full.spare.bytes() >= needed ? full.spare : null;
        if (target == null) {
            if (full.spare != null) {
                // full forgets it at once: if the allocation below fails, releasing full must not free it again
                memory.free(full.spare);
                full.spare = null;
            }
            long withHeadroom = needed + Math.max(needed / 4, HEADROOM_FACTOR * delta.bytes());
            try {
                target = memory.allocate(withHeadroom, "the full relation");
            } catch (DeviceMemoryException e) {
                target = memory.allocate(needed, "the full relation");
            }
        }
        if (arity == 0) {
            return withSpare(new GpuRows(target, 0, 1, false), full);
        }
        long tiles = Grid.tiles(count, MERGE_TILE);
        DeviceBuffer splits;
        try {
            splits = memory.allocate((tiles + 1) * Long.BYTES, "merge splits");
        } catch (DeviceMemoryException e) {
            if (target != full.spare) {
                memory.free(target); // a new target that nothing owns yet
            }
            throw e;
        }
        try {
            device.launch("merge_partition", Grid.strided(device, tiles + 1), full.buffer, full.count, delta.buffer,
                    delta.count, arity, tiles, splits);
            device.launch("merge_tiles", Grid.strided(device, tiles), full.buffer, full.count, delta.buffer, delta.count,
                    arity, tiles, splits, target);
        } finally {
            memory.free(splits);
        }
        return withSpare(new GpuRows(target, arity, count, false), full);
    }

    /** The merged version keeps the replaced version's buffer as its spare (a share owns nothing to keep). */
    private GpuRows withSpare(GpuRows merged, GpuRows replaced) {
        if (!replaced.shared) {
            merged.spare = replaced.buffer;
        }
        return merged;
    }

    GpuRows copyOf(GpuRows rows, long count) {
        long bytes = count * rows.arity * Integer.BYTES;
        DeviceBuffer out = memory.allocate(bytes, "rows");
        if (bytes > 0) {
            device.copy(rows.buffer, 0, out, 0, bytes);
        }
        return new GpuRows(out, rows.arity, count, false);
    }

    GpuRows slice(GpuRows rows, long from, long to) {
        long rowBytes = (long) rows.arity * Integer.BYTES;
        DeviceBuffer out = memory.allocate((to - from) * rowBytes, "a slice of rows");
        if (to > from && rowBytes > 0) {
            device.copy(rows.buffer, from * rowBytes, out, 0, (to - from) * rowBytes);
        }
        return new GpuRows(out, rows.arity, to - from, false);
    }

    GpuRows concat(java.util.List<GpuRows> parts) {
        int arity = parts.get(0).arity;
        long count = 0;
        for (GpuRows part : parts) {
            count += part.count;
        }
        DeviceBuffer out = memory.allocate(count * arity * Integer.BYTES, "concatenated rows");
        long at = 0;
        for (GpuRows part : parts) {
            if (part.bytes() > 0) {
                device.copy(part.buffer, 0, out, at, part.bytes());
            }
            at += part.bytes();
        }
        return new GpuRows(out, arity, count, false);
    }

    void release(GpuRows rows) {
        if (!rows.shared) {
            memory.free(rows.buffer);
            memory.free(rows.spare);
            rows.spare = null;
        }
    }
}
