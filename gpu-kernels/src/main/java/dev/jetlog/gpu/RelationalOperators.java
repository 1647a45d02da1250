// The relational operators of a plan step on the device (relational.cu), each in two passes: count or
// flag what every input row (or scanned position) yields, scan into offsets, allocate exactly the output,
// then write it. The step's program (StepEncoder) travels as one device buffer.
package dev.jetlog.gpu;

final class RelationalOperators {
    /** Input rows joinRowsWithin counts first, and the most it counts at once. */
    private static final long FIRST_COUNT_WINDOW = 1L << 16;
    private static final long LAST_COUNT_WINDOW = 1L << 24;

    private final DeviceMemory memory;
    private final Device device;
    /** Stands in for the absent sorted index array or hash table of an index. */
    private final DeviceBuffer placeholder;

    RelationalOperators(DeviceMemory memory, DeviceBuffer placeholder) {
        this.memory = memory;
        this.device = memory.device();
        this.placeholder = placeholder;
    }

    GpuRows unit(GpuPrepared<?> step) {
        // one input row of width zero
        return select(step, new GpuRows(placeholder, 0, 1, true), "select_flags", step.program(), placeholder, 0, 1L);
    }

    GpuRows scan(GpuPrepared<?> step, GpuIndex order) {
        GpuRows rows = order.gpuRows();
        long n = rows.count;
        int width = step.outputWidth();
        if (n == 0) {
            return emptyRows(width);
        }
        Object[] index = indexArgs(order);
        DeviceBuffer flags = memory.allocate(n * Integer.BYTES, "scan flags");
        DeviceBuffer offsets = null;
        try {
            device.launch("scan_flags", Grid.strided(device, n), concat(step.program(), index, flags));
            offsets = memory.allocate(n * Long.BYTES, "scan offsets");
            long kept = Scan.exclusive(memory, flags, n, offsets);
            DeviceBuffer out = memory.allocate(kept * width * Integer.BYTES, "scanned rows");
            device.launch("scan_write", Grid.strided(device, n),
                    concat(step.program(), index, flags, offsets, out));
            return new GpuRows(out, width, kept, false);
        } finally {
            memory.free(flags);
            memory.free(offsets);
        }
    }

    GpuRows join(GpuPrepared<?> step, GpuRows input, GpuIndex index) {
        long n = input.count;
        int width = step.outputWidth();
        if (n == 0) {
            return emptyRows(width);
        }
        Object[] head = {step.program(), input.buffer, input.arity, n};
        Object[] probe = indexArgs(index);
        DeviceBuffer counts = memory.allocate(n * Integer.BYTES, "join counts");
        DeviceBuffer offsets = null;
        try {
            device.launch("join_count", Grid.strided(device, n), concat(head, probe, counts));
            offsets = memory.allocate(n * Long.BYTES, "join offsets");
            long total = Scan.exclusive(memory, counts, n, offsets);
            DeviceBuffer out = memory.allocate(total * width * Integer.BYTES, "join output");
            device.launch("join_write", Grid.strided(device, n), concat(head, probe, offsets, out));
            return new GpuRows(out, width, total, false);
        } finally {
            memory.free(counts);
            memory.free(offsets);
        }
    }

    /**
     * As Backend.joinRowsWithin: the input rows of [from, to) whose matches in index (before filters) total
     * at most maxMatches, at least one while any remain. The rows are counted in windows that start at 64 K
     * rows and double while the budget lasts (up to 16 M), so a cut near `from` counts little more than the
     * rows it takes.
     */
    long joinRowsWithin(GpuPrepared<?> step, GpuRows input, long from, long to, GpuIndex index, long maxMatches) {
        long remaining = Math.min(to, input.count) - from;
        long done = 0;
        long budget = maxMatches;
        long window = FIRST_COUNT_WINDOW;
        Object[] probe = indexArgs(index);
        while (done < remaining) {
            long n = Math.min(window, remaining - done);
            DeviceBuffer counts = memory.allocate(n * Integer.BYTES, "join match counts");
            DeviceBuffer offsets = null;
            DeviceBuffer flags = null;
            try {
                device.launch("join_match_counts", Grid.strided(device, n),
                        concat(new Object[] {step.program(), input.buffer, input.arity, from + done, n}, probe, counts));
                offsets = memory.allocate(n * Long.BYTES, "join match offsets");
                long total = Scan.exclusive(memory, counts, n, offsets);
                if (total <= budget) {
                    done += n;
                    budget -= total;
                    window = Math.min(2 * window, LAST_COUNT_WINDOW);
                    continue;
                }
                flags = memory.allocate(n * Integer.BYTES, "join match flags");
                device.launch("within_budget_flags", Grid.strided(device, n), offsets, counts, n, budget, flags);
                // the flags are ones then zeros: their sum is the rows that fit (offsets are scratch now)
                long fitting = Scan.exclusive(memory, flags, n, offsets);
                return Math.max(1, done + fitting);
            } finally {
                memory.free(counts);
                memory.free(offsets);
                memory.free(flags);
            }
        }
        return done;
    }

    GpuRows antiJoin(GpuPrepared<?> step, GpuRows input, GpuIndex index) {
        Object[] head = {step.program(), input.buffer, input.arity, input.count};
        return select(step, input, "antijoin_flags", concat(head, indexArgs(index)));
    }

    GpuRows aggregate(GpuPrepared<?> step, GpuRows input, GpuIndex index) {
        long n = input.count;
        int width = step.outputWidth();
        if (n == 0) {
            return emptyRows(width);
        }
        Object[] head = {step.program(), input.buffer, input.arity, n};
        DeviceBuffer flags = memory.allocate(n * Integer.BYTES, "aggregate flags");
        DeviceBuffer values = null;
        DeviceBuffer offsets = null;
        try {
            values = memory.allocate(n * Integer.BYTES, "aggregate values");
            device.launch("aggregate_values", Grid.strided(device, n), concat(head, indexArgs(index), flags, values));
            offsets = memory.allocate(n * Long.BYTES, "aggregate offsets");
            long kept = Scan.exclusive(memory, flags, n, offsets);
            DeviceBuffer out = memory.allocate(kept * width * Integer.BYTES, "aggregate output");
            device.launch("aggregate_write", Grid.strided(device, n), concat(head, flags, values, offsets, out));
            return new GpuRows(out, width, kept, false);
        } finally {
            memory.free(flags);
            memory.free(values);
            memory.free(offsets);
        }
    }

    /** Flags input rows with a kernel (given its arguments, then the flags), then writes the kept ones projected. */
    private GpuRows select(GpuPrepared<?> step, GpuRows input, String flagKernel, Object... flagArgs) {
        long n = input.count;
        int width = step.outputWidth();
        if (n == 0) {
            return emptyRows(width);
        }
        DeviceBuffer flags = memory.allocate(n * Integer.BYTES, "row flags");
        DeviceBuffer offsets = null;
        try {
            device.launch(flagKernel, Grid.strided(device, n), concat(flagArgs, flags));
            offsets = memory.allocate(n * Long.BYTES, "row offsets");
            long kept = Scan.exclusive(memory, flags, n, offsets);
            DeviceBuffer out = memory.allocate(kept * width * Integer.BYTES, "selected rows");
            device.launch("select_write", Grid.strided(device, n), step.program(), input.buffer, input.arity, n, flags,
                    offsets, out);
            return new GpuRows(out, width, kept, false);
        } finally {
            memory.free(flags);
            memory.free(offsets);
        }
    }

    private GpuRows emptyRows(int width) {
        return new GpuRows(memory.allocate(4, "an empty result"), width, 0, false);
    }

    /** INDEX_PARAMS of relational.cu: rows, arity, sorted ids, whether to use them, row count, table, mask, order. */
    private Object[] indexArgs(GpuIndex index) {
        GpuRows rows = index.gpuRows();
        return new Object[] {rows.buffer, rows.arity, index.sortedIds() == null ? placeholder : index.sortedIds(),
                index.sortedIds() == null ? 0 : 1, rows.count, index.table() == null ? placeholder : index.table(),
                index.mask(), index.order()};
    }

    /** Kernel arguments from parts, where a part that is an Object[] stands for its elements. */
    private static Object[] concat(Object... parts) {
        java.util.List<Object> all = new java.util.ArrayList<>();
        for (Object part : parts) {
            if (part instanceof Object[] many) {
                all.addAll(java.util.Arrays.asList(many));
            } else {
                all.add(part);
            }
        }
        return all.toArray();
    }
}
