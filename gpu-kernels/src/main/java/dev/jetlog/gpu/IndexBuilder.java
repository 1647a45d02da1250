// Builds a HISA index on the device (hisa.cu): the sorted index array by radix sort of row ids in the
// index's column order (none when that order is canonical), then one hash-table slot per distinct key
// prefix, in the layout of dev.jetlog.hisa.HisaLayout.
package dev.jetlog.gpu;

import dev.jetlog.hisa.HisaLayout;
import dev.jetlog.planner.ir.IndexSpec;

final class IndexBuilder {
    private final DeviceMemory memory;
    private final Device device;

    IndexBuilder(DeviceMemory memory) {
        this.memory = memory;
        this.device = memory.device();
    }

    GpuIndex build(GpuRows rows, IndexSpec spec) {
        int arity = rows.arity;
        long n = rows.count;
        int[] order = spec.order();
        DeviceBuffer orderBuffer = null;
        DeviceBuffer sortedIds = null;
        DeviceBuffer table = null;
        try {
            orderBuffer = memory.allocate((long) order.length * Integer.BYTES, "an index order");
            if (order.length > 0) {
                device.write(orderBuffer, 0, order, 0, order.length);
            }
            if (!spec.isIdentityOrder() && n > 1) {
                sortedIds = RadixSort.sortedIds(memory, rows.buffer, n, arity, order);
            }
            int mask = 0;
            if (spec.keyLength() > 0) {
                Table built = buildTable(rows, spec.keyLength(), orderBuffer, sortedIds);
                table = built.buffer();
                mask = built.slots() - 1;
            }
            GpuIndex index = new GpuIndex(spec, rows, orderBuffer, sortedIds, table, mask);
            orderBuffer = null;
            sortedIds = null;
            table = null;
            return index;
        } finally {
            memory.free(orderBuffer);
            memory.free(sortedIds);
            memory.free(table);
        }
    }

    private record Table(DeviceBuffer buffer, int slots) {
    }

    private Table buildTable(GpuRows rows, int keyLength, DeviceBuffer order, DeviceBuffer sortedIds) {
        long n = rows.count;
        DeviceBuffer sorted = sortedIds == null ? order : sortedIds;
        int useSorted = sortedIds == null ? 0 : 1;
        DeviceBuffer flags = null;
        DeviceBuffer offsets = null;
        DeviceBuffer starts = null;
        DeviceBuffer table = null;
        try {
            long groups = 0;
            if (n > 0) {
                flags = memory.allocate(n * Integer.BYTES, "index groups");
                device.launch("group_flags", Grid.strided(device, n), rows.buffer, rows.arity, sorted, useSorted, n,
                        order, keyLength, flags);
                offsets = memory.allocate(n * Long.BYTES, "index groups");
                groups = Scan.exclusive(memory, flags, n, offsets);
                starts = memory.allocate(groups * Integer.BYTES, "index groups");
                device.launch("group_starts", Grid.strided(device, n), flags, offsets, n, starts);
            }
            int slots = HisaLayout.slotsFor(groups);
            long ints = (long) slots * HisaLayout.INTS_PER_SLOT;
            table = memory.allocate(ints * Integer.BYTES, "an index hash table");
            device.launch("fill_i32", Grid.strided(device, ints), table, ints, 0);
            if (groups > 0) {
                device.launch("table_insert", Grid.strided(device, groups), rows.buffer, rows.arity, sorted, useSorted, n,
                        order, keyLength, starts, groups, table, slots - 1);
            }
            Table result = new Table(table, slots);
            table = null;
            return result;
        } finally {
            memory.free(flags);
            memory.free(offsets);
            memory.free(starts);
            memory.free(table);
        }
    }

    void release(GpuIndex index) {
        memory.free(index.order());
        memory.free(index.sortedIds());
        memory.free(index.table());
    }
}
