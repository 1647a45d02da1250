// A Device that times every kernel: it waits for each launch to finish and adds the time to the kernel's
// total, then prints a table (launches, total and mean time per kernel) when closed. Enabled with the
// system property jetlog.profileKernels=true; for finding where device time goes, not for production runs.
package dev.jetlog.gpu;

import java.io.PrintStream;
import java.util.Map;
import java.util.TreeMap;

final class ProfilingDevice implements Device {
    private final Device device;
    private final PrintStream out;
    private final Map<String, long[]> kernels = new TreeMap<>();

    ProfilingDevice(Device device, PrintStream out) {
        this.device = device;
        this.out = out;
    }

    /** The device itself, or a profiling wrapper when jetlog.profileKernels is set. */
    static Device wrapIfRequested(Device device) {
        return Boolean.getBoolean("jetlog.profileKernels") ? new ProfilingDevice(device, System.err) : device;
    }

    @Override
    public String name() {
        return device.name();
    }

    @Override
    public long totalMemory() {
        return device.totalMemory();
    }

    @Override
    public int preferredGroups() {
        return device.preferredGroups();
    }

    @Override
    public DeviceBuffer allocate(long bytes) {
        return device.allocate(bytes);
    }

    @Override
    public void free(DeviceBuffer buffer) {
        device.free(buffer);
    }

    @Override
    public void write(DeviceBuffer buffer, long byteOffset, int[] src, int from, int count) {
        time("(copy to device)", () -> device.write(buffer, byteOffset, src, from, count));
    }

    @Override
    public void read(DeviceBuffer buffer, long byteOffset, int[] dst, int from, int count) {
        time("(copy from device)", () -> device.read(buffer, byteOffset, dst, from, count));
    }

    @Override
    public void read(DeviceBuffer buffer, long byteOffset, long[] dst, int from, int count) {
        time("(copy from device)", () -> device.read(buffer, byteOffset, dst, from, count));
    }

    @Override
    public void copy(DeviceBuffer src, long srcOffset, DeviceBuffer dst, long dstOffset, long bytes) {
        time("(copy on device)", () -> device.copy(src, srcOffset, dst, dstOffset, bytes));
    }

    @Override
    public void launch(String kernel, long groups, Object... args) {
        time(kernel, () -> {
            device.launch(kernel, groups, args);
            device.synchronize();
        });
    }

    @Override
    public void synchronize() {
        device.synchronize();
    }

    private void time(String what, Runnable call) {
        long start = System.nanoTime();
        call.run();
        long[] total = kernels.computeIfAbsent(what, k -> new long[2]);
        total[0]++;
        total[1] += System.nanoTime() - start;
    }

    @Override
    public void close() {
        out.printf("%-24s %10s %12s %10s%n", "kernel on " + device.name(), "launches", "total ms", "mean us");
        kernels.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1]))
                .forEach(e -> out.printf("%-24s %10d %12.1f %10.1f%n", e.getKey(), e.getValue()[0],
                        e.getValue()[1] / 1e6, e.getValue()[1] / 1e3 / e.getValue()[0]));
        device.close();
    }
}
