// A plan step made ready once for a backend (filters and expressions compiled, encoded, or uploaded to
// the device) and then run any number of times; the caller releases it when the plan is done.
package dev.jetlog.seminaive.spi;

import dev.jetlog.planner.ir.Step;

public interface Prepared<S extends Step> {
    /** The step this was prepared from. */
    S step();
}
