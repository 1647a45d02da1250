// A HISA index that a backend built on a duplicate-free row set in canonical order.
package dev.jetlog.seminaive.spi;

import dev.jetlog.planner.ir.IndexSpec;

public interface Index {
    IndexSpec spec();

    /** The row set the index was built on. */
    Rows rows();
}
