// The GPU backend, written once for every device API: relations live in device memory as HISA row sets
// and indexes, and every SPI operator runs as kernels (SetOperators, IndexBuilder, RelationalOperators)
// through the Device interface that the CUDA and OpenCL drivers implement. Only facts in and results
// out cross the bus, except for steps that call symbol functions: HostSteps runs those on the host.
package dev.jetlog.gpu;

import dev.jetlog.planner.ir.AggregateStep;
import dev.jetlog.planner.ir.AntiJoinStep;
import dev.jetlog.planner.ir.GenerateStep;
import dev.jetlog.planner.ir.IndexSpec;
import dev.jetlog.planner.ir.JoinStep;
import dev.jetlog.planner.ir.ScanStep;
import dev.jetlog.planner.ir.Step;
import dev.jetlog.planner.ir.UnitStep;
import dev.jetlog.seminaive.spi.Backend;
import dev.jetlog.seminaive.spi.BackendOptions;
import dev.jetlog.seminaive.spi.Index;
import dev.jetlog.seminaive.spi.Prepared;
import dev.jetlog.seminaive.spi.Rows;

import java.util.List;

public final class GpuBackend implements Backend {
    private final String name;
    private final Device device;
    private final DeviceMemory memory;
    private final SetOperators sets;
    private final IndexBuilder indexes;
    private final RelationalOperators relational;
    private final DeviceBuffer placeholder;
    private final HostSteps hostSteps;

    /**
     * @param name    the backend's name ("cuda", "opencl")
     * @param device  the device, owned by the backend from now on
     * @param options the memory budget (0 for 90% of the device's memory), and the host threads and symbol
     *                functions for the steps that run on the host
     */
    public GpuBackend(String name, Device device, BackendOptions options) {
        long memoryBudget = options.memoryBudget();
        this.hostSteps = new HostSteps(this, options.threads(), options.symbols());
        this.name = name;
        this.device = ProfilingDevice.wrapIfRequested(device);
        this.memory = new DeviceMemory(this.device, memoryBudget > 0 ? memoryBudget : device.totalMemory() / 10 * 9);
        this.sets = new SetOperators(memory);
        this.indexes = new IndexBuilder(memory);
        this.placeholder = memory.allocate(Integer.BYTES, "a placeholder");
        this.relational = new RelationalOperators(memory, placeholder);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return String.format("%s (%s, %.1f GiB device memory, budget %.1f GiB)", name, device.name(),
                device.totalMemory() / (double) (1L << 30), memory.budget() / (double) (1L << 30));
    }

    @Override
    public long memoryCapacity() {
        return memory.budget();
    }

    @Override
    public long bytes(Rows rows) {
        GpuRows gpu = gpu(rows);
        return gpu.shared ? 0 : gpu.buffer.bytes() + (gpu.spare == null ? 0 : gpu.spare.bytes());
    }

    @Override
    public long bytes(Index index) {
        GpuIndex gpu = gpu(index);
        return gpu.order().bytes() + (gpu.sortedIds() == null ? 0 : gpu.sortedIds().bytes())
                + (gpu.table() == null ? 0 : gpu.table().bytes());
    }

    /** The hash table of an index, read back (two ints per slot, as HisaLayout says); empty if unkeyed. */
    int[] hashTable(Index index) {
        GpuIndex gpu = gpu(index);
        if (gpu.table() == null) {
            return new int[0];
        }
        int[] table = new int[(gpu.mask() + 1) * dev.jetlog.hisa.HisaLayout.INTS_PER_SLOT];
        device.read(gpu.table(), 0, table, 0, table.length);
        return table;
    }

    /** Bytes of device memory in use now, and the most held at once so far. */
    public long[] memoryUse() {
        return new long[] {memory.inUse(), memory.peak()};
    }

    // ---- moving rows ---------------------------------------------------------------------------

    @Override
    public Rows upload(int arity, int[] rowMajor, int rowCount) {
        long ints = (long) rowCount * arity;
        DeviceBuffer buffer = memory.allocate(ints * Integer.BYTES, "facts");
        if (ints > 0) {
            device.write(buffer, 0, rowMajor, 0, (int) ints);
        }
        return new GpuRows(buffer, arity, rowCount, false);
    }

    @Override
    public int[] download(Rows rows, long from, long to) {
        GpuRows gpu = gpu(rows);
        if (from < 0 || to > gpu.count || from > to) {
            throw new IndexOutOfBoundsException("rows [" + from + ", " + to + ") of " + gpu.count);
        }
        long ints = (to - from) * gpu.arity;
        if (ints > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("download of " + ints + " values exceeds a Java array; download by range");
        }
        int[] data = new int[(int) ints];
        if (ints > 0) {
            device.read(gpu.buffer, from * gpu.arity * Integer.BYTES, data, 0, (int) ints);
        }
        return data;
    }

    @Override
    public Rows empty(int arity) {
        return sets.empty(arity);
    }

    @Override
    public Rows share(Rows rows) {
        GpuRows gpu = gpu(rows);
        return new GpuRows(gpu.buffer, gpu.arity, gpu.count, true);
    }

    @Override
    public Rows slice(Rows rows, long from, long to) {
        return sets.slice(gpu(rows), from, to);
    }

    @Override
    public Rows concat(List<Rows> parts) {
        return sets.concat(parts.stream().map(GpuBackend::gpu).toList());
    }

    // ---- set operators ---------------------------------------------------------------------------

    @Override
    public Rows sortUnique(Rows rows) {
        return sets.sortUnique(gpu(rows));
    }

    @Override
    public Rows difference(Rows sorted, Rows sortedFull) {
        return sets.difference(gpu(sorted), gpu(sortedFull));
    }

    @Override
    public Rows merge(Rows sortedFull, Rows sortedDelta) {
        return sets.merge(gpu(sortedFull), gpu(sortedDelta));
    }

    // ---- indexes and steps -----------------------------------------------------------------------

    @Override
    public Index index(Rows sorted, IndexSpec spec) {
        return indexes.build(gpu(sorted), spec);
    }

    @Override
    public <S extends Step> Prepared<S> prepare(S step) {
        if (step.needsHost()) {
            return hostSteps.prepare(step);
        }
        int[] program = StepEncoder.encode(step);
        DeviceBuffer buffer = memory.allocate((long) program.length * Integer.BYTES, "a step program");
        device.write(buffer, 0, program, 0, program.length);
        return new GpuPrepared<>(step, buffer, step.outputWidth());
    }

    @Override
    public Rows unit(Prepared<UnitStep> step) {
        if (step instanceof HostSteps.HostPrepared<?> host) {
            return hostSteps.run(host, null, null);
        }
        return relational.unit(gpu(step));
    }

    @Override
    public Rows scan(Prepared<ScanStep> step, Index order) {
        if (step instanceof HostSteps.HostPrepared<?> host) {
            return hostSteps.run(host, null, order);
        }
        return relational.scan(gpu(step), gpu(order));
    }

    /**
     * 32 rows for every work-item of a launch that fills the device (17 M rows on an H200's 132
     * multiprocessors), at least the CPU's 256 K: each slice costs a few launches and a read of its size,
     * about 0.2 ms in all on an H200, which 256 K-row slices paid 24,363 times in SG on ego-Facebook. On a
     * CPU OpenCL device the floor holds (bigger slices sorted 10% slower on PoCL).
     */
    @Override
    public long sliceRows() {
        return Math.max(1L << 18, (long) device.preferredGroups() * Device.BLOCK * 32);
    }

    @Override
    public Rows join(Prepared<JoinStep> step, Rows input, Index index) {
        if (step instanceof HostSteps.HostPrepared<?> host) {
            return hostSteps.run(host, input, index);
        }
        return relational.join(gpu(step), gpu(input), gpu(index));
    }

    /** Counted on the device (RelationalOperators); -1 for a step that runs on the host. */
    @Override
    public long joinRowsWithin(Prepared<JoinStep> step, Rows input, long from, long to, Index index,
                               long maxMatches) {
        if (step instanceof HostSteps.HostPrepared<?>) {
            return -1;
        }
        return relational.joinRowsWithin(gpu(step), gpu(input), from, to, gpu(index), maxMatches);
    }

    @Override
    public Rows antiJoin(Prepared<AntiJoinStep> step, Rows input, Index index) {
        if (step instanceof HostSteps.HostPrepared<?> host) {
            return hostSteps.run(host, input, index);
        }
        return relational.antiJoin(gpu(step), gpu(input), gpu(index));
    }

    @Override
    public Rows aggregate(Prepared<AggregateStep> step, Rows input, Index index) {
        if (step instanceof HostSteps.HostPrepared<?> host) {
            return hostSteps.run(host, input, index);
        }
        return relational.aggregate(gpu(step), gpu(input), gpu(index));
    }

    @Override
    public Rows generate(Prepared<GenerateStep> step, Rows input) {
        // a generator always runs on the host (GenerateStep.needsHost)
        return hostSteps.run((HostSteps.HostPrepared<?>) step, input, null);
    }

    // ---- lifetime --------------------------------------------------------------------------------

    @Override
    public void release(Rows rows) {
        sets.release(gpu(rows));
    }

    @Override
    public void release(Index index) {
        hostSteps.forget(index);
        indexes.release(gpu(index));
    }

    @Override
    public void release(Prepared<?> step) {
        if (step instanceof HostSteps.HostPrepared<?> host) {
            hostSteps.release(host);
            return;
        }
        memory.free(gpu(step).program());
    }

    @Override
    public void close() {
        hostSteps.close();
        device.close();
    }

    private static GpuRows gpu(Rows rows) {
        return (GpuRows) rows;
    }

    private static GpuIndex gpu(Index index) {
        return (GpuIndex) index;
    }

    private static GpuPrepared<?> gpu(Prepared<?> step) {
        return (GpuPrepared<?>) step;
    }
}
