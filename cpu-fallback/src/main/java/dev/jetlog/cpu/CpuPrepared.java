// A plan step prepared for the CPU backend: its operator, with filters and expressions compiled once.
package dev.jetlog.cpu;

import dev.jetlog.planner.ir.Step;
import dev.jetlog.seminaive.spi.Prepared;

record CpuPrepared<S extends Step>(S step, Object operator) implements Prepared<S> {
}
