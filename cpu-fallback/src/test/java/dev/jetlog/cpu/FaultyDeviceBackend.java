// A stand-in for a GPU backend whose device fails mid-run: it computes with the CPU backend and throws
// BackendException, as a failed kernel launch would, from its Nth join on, and asks for slices of its own
// size if given one (as a GPU backend does); HeapStarvedBackend reuses its delegation to the CPU backend.
// Tests only.
package dev.jetlog.cpu;

import dev.jetlog.planner.ir.AggregateStep;
import dev.jetlog.planner.ir.AntiJoinStep;
import dev.jetlog.planner.ir.GenerateStep;
import dev.jetlog.planner.ir.IndexSpec;
import dev.jetlog.planner.ir.JoinStep;
import dev.jetlog.planner.ir.ScanStep;
import dev.jetlog.planner.ir.Step;
import dev.jetlog.planner.ir.UnitStep;
import dev.jetlog.seminaive.spi.Backend;
import dev.jetlog.seminaive.spi.BackendException;
import dev.jetlog.seminaive.spi.BackendOptions;
import dev.jetlog.seminaive.spi.Index;
import dev.jetlog.seminaive.spi.Prepared;
import dev.jetlog.seminaive.spi.Rows;

import java.util.List;

class FaultyDeviceBackend implements Backend {
    static final String NAME = "faulty-device";

    private final CpuBackend cpu;
    private final int failingJoin;
    /** The slice size the backend asks for; 0 for the SPI's default. */
    private final long sliceRows;
    private int joins;

    FaultyDeviceBackend(BackendOptions options, int failingJoin) {
        this(options, failingJoin, 0);
    }

    FaultyDeviceBackend(BackendOptions options, int failingJoin, long sliceRows) {
        this.cpu = new CpuBackend(options.threads(), options.memoryBudget(), options.symbols());
        this.failingJoin = failingJoin;
        this.sliceRows = sliceRows;
    }

    @Override
    public long sliceRows() {
        return sliceRows > 0 ? sliceRows : Backend.super.sliceRows();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return NAME + " (fails at join " + failingJoin + ")";
    }

    @Override
    public Rows join(Prepared<JoinStep> step, Rows input, Index index) {
        if (++joins >= failingJoin) {
            throw new BackendException("kernel launch failed: device lost (simulated, join " + joins + ")");
        }
        return cpu.join(step, input, index);
    }

    @Override
    public Rows upload(int arity, int[] rowMajor, int rowCount) {
        return cpu.upload(arity, rowMajor, rowCount);
    }

    @Override
    public int[] download(Rows rows, long from, long to) {
        return cpu.download(rows, from, to);
    }

    @Override
    public Rows empty(int arity) {
        return cpu.empty(arity);
    }

    @Override
    public Rows share(Rows rows) {
        return cpu.share(rows);
    }

    @Override
    public Rows slice(Rows rows, long from, long to) {
        return cpu.slice(rows, from, to);
    }

    @Override
    public Rows concat(List<Rows> parts) {
        return cpu.concat(parts);
    }

    @Override
    public Rows sortUnique(Rows rows) {
        return cpu.sortUnique(rows);
    }

    @Override
    public Rows difference(Rows sorted, Rows sortedFull) {
        return cpu.difference(sorted, sortedFull);
    }

    @Override
    public Rows merge(Rows sortedFull, Rows sortedDelta) {
        return cpu.merge(sortedFull, sortedDelta);
    }

    @Override
    public Index index(Rows sorted, IndexSpec spec) {
        return cpu.index(sorted, spec);
    }

    @Override
    public <S extends Step> Prepared<S> prepare(S step) {
        return cpu.prepare(step);
    }

    @Override
    public Rows unit(Prepared<UnitStep> step) {
        return cpu.unit(step);
    }

    @Override
    public Rows scan(Prepared<ScanStep> step, Index order) {
        return cpu.scan(step, order);
    }

    @Override
    public Rows antiJoin(Prepared<AntiJoinStep> step, Rows input, Index index) {
        return cpu.antiJoin(step, input, index);
    }

    @Override
    public Rows aggregate(Prepared<AggregateStep> step, Rows input, Index index) {
        return cpu.aggregate(step, input, index);
    }

    @Override
    public Rows generate(Prepared<GenerateStep> step, Rows input) {
        return cpu.generate(step, input);
    }

    @Override
    public long memoryCapacity() {
        return cpu.memoryCapacity();
    }

    @Override
    public void release(Rows rows) {
        cpu.release(rows);
    }

    @Override
    public void release(Index index) {
        cpu.release(index);
    }

    @Override
    public void release(Prepared<?> step) {
        cpu.release(step);
    }

    @Override
    public void close() {
        cpu.close();
    }
}
