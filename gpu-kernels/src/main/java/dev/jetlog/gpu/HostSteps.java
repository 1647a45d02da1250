// Runs the plan steps that the kernels cannot evaluate on the host, through a CPU backend: steps whose
// expressions call symbol functions (cat, substr, to_string, match, ...), which need the session's symbol
// table, or user-defined functors, which are Java code. The step's input rows and its index's relation are copied to the host, the step runs there, and its
// result is copied back to the device. Host copies of indexes are kept until the device index is released.
package dev.jetlog.gpu;

import dev.jetlog.cpu.CpuBackend;
import dev.jetlog.planner.ir.AggregateStep;
import dev.jetlog.planner.ir.AntiJoinStep;
import dev.jetlog.planner.ir.GenerateStep;
import dev.jetlog.planner.ir.JoinStep;
import dev.jetlog.planner.ir.ScanStep;
import dev.jetlog.planner.ir.Step;
import dev.jetlog.planner.ir.UnitStep;
import dev.jetlog.seminaive.spi.Backend;
import dev.jetlog.seminaive.spi.HostFunctions;
import dev.jetlog.seminaive.spi.Index;
import dev.jetlog.seminaive.spi.Prepared;
import dev.jetlog.seminaive.spi.Rows;

import java.util.IdentityHashMap;
import java.util.Map;

final class HostSteps implements AutoCloseable {
    /** A step prepared on the host backend. */
    record HostPrepared<S extends Step>(S step, Prepared<S> onHost) implements Prepared<S> {
    }

    private final Backend device;
    private final int threads;
    private final HostFunctions symbols;
    private final Map<Index, Index> hostIndexes = new IdentityHashMap<>();
    private CpuBackend host;

    HostSteps(Backend device, int threads, HostFunctions symbols) {
        this.device = device;
        this.threads = threads;
        this.symbols = symbols;
    }

    <S extends Step> HostPrepared<S> prepare(S step) {
        return new HostPrepared<>(step, host().prepare(step));
    }

    @SuppressWarnings("unchecked")
    Rows run(HostPrepared<?> prepared, Rows input, Index index) {
        CpuBackend cpu = host();
        Rows hostInput = input == null ? null : toHost(input);
        Index hostIndex = index == null ? null : hostIndex(index);
        Rows result;
        try {
            Step step = prepared.step();
            if (step instanceof UnitStep) {
                result = cpu.unit((Prepared<UnitStep>) prepared.onHost());
            } else if (step instanceof ScanStep) {
                result = cpu.scan((Prepared<ScanStep>) prepared.onHost(), hostIndex);
            } else if (step instanceof JoinStep) {
                result = cpu.join((Prepared<JoinStep>) prepared.onHost(), hostInput, hostIndex);
            } else if (step instanceof GenerateStep) {
                result = cpu.generate((Prepared<GenerateStep>) prepared.onHost(), hostInput);
            } else if (step instanceof AntiJoinStep) {
                result = cpu.antiJoin((Prepared<AntiJoinStep>) prepared.onHost(), hostInput, hostIndex);
            } else {
                result = cpu.aggregate((Prepared<AggregateStep>) prepared.onHost(), hostInput, hostIndex);
            }
        } finally {
            if (hostInput != null) {
                cpu.release(hostInput);
            }
        }
        try {
            return toDevice(result);
        } finally {
            cpu.release(result);
        }
    }

    /** Forgets the host copy of a device index (when the device index is released). */
    void forget(Index deviceIndex) {
        Index copy = hostIndexes.remove(deviceIndex);
        if (copy != null) {
            host.release(copy.rows());
            host.release(copy);
        }
    }

    void release(HostPrepared<?> prepared) {
        host().release(prepared.onHost());
    }

    private Index hostIndex(Index deviceIndex) {
        Index copy = hostIndexes.get(deviceIndex);
        if (copy == null) {
            GpuIndex gpuIndex = (GpuIndex) deviceIndex;
            copy = host().index(toHost(gpuIndex.rows()), gpuIndex.spec());
            hostIndexes.put(deviceIndex, copy);
        }
        return copy;
    }

    private Rows toHost(Rows deviceRows) {
        long size = deviceRows.size();
        if (size * Math.max(1, deviceRows.arity()) > Integer.MAX_VALUE - 16) {
            throw new dev.jetlog.seminaive.spi.BackendException("a step that runs on the host reads " + size
                    + " rows, more than one host array holds");
        }
        return host().upload(deviceRows.arity(), device.download(deviceRows, 0, size), (int) size);
    }

    private Rows toDevice(Rows hostRows) {
        long size = hostRows.size();
        return device.upload(hostRows.arity(), host.download(hostRows, 0, size), (int) size);
    }

    private CpuBackend host() {
        if (host == null) {
            host = new CpuBackend(threads, 0, symbols);
        }
        return host;
    }

    @Override
    public void close() {
        if (host != null) {
            host.close();
        }
    }
}
