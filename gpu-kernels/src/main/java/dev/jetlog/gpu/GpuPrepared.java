// A plan step prepared for the GPU backend: its program (StepEncoder) uploaded once to device memory.
package dev.jetlog.gpu;

import dev.jetlog.planner.ir.Step;
import dev.jetlog.seminaive.spi.Prepared;

record GpuPrepared<S extends Step>(S step, DeviceBuffer program, int outputWidth) implements Prepared<S> {
}
