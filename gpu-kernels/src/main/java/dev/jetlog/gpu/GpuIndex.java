// A HISA index in device memory: the row set it indexes, its column order (a small device buffer), the
// sorted index array of row ids (null when the order is canonical) and the hash table (null for an
// unkeyed index, where every row matches).
package dev.jetlog.gpu;

import dev.jetlog.planner.ir.IndexSpec;
import dev.jetlog.seminaive.spi.Index;
import dev.jetlog.seminaive.spi.Rows;

record GpuIndex(IndexSpec spec, GpuRows gpuRows, DeviceBuffer order, DeviceBuffer sortedIds, DeviceBuffer table,
                int mask) implements Index {
    @Override
    public Rows rows() {
        return gpuRows;
    }
}
