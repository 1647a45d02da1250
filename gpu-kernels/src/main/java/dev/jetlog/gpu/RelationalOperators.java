// The relational operators of a plan step on the device (relational.cu), each in two passes: count or
// flag what every input row (or scanned position) yields, scan into offsets, allocate exactly the output,
// then write it. The step's program (StepEncoder) travels as one device buffer.
package dev.jetlog.gpu;

final class RelationalOperators {
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
