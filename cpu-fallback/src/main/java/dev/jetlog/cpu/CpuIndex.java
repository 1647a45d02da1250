// A HISA index of the CPU backend.
package dev.jetlog.cpu;

import dev.jetlog.cpu.hisa.HisaIndex;
import dev.jetlog.planner.ir.IndexSpec;
import dev.jetlog.seminaive.spi.Index;

record CpuIndex(IndexSpec spec, CpuRows rows, HisaIndex hisa) implements Index {
}
