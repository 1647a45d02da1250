// An index of the CPU backend that answers an existence check against a relation's full version through
// the relation's dense set (DenseSetLookup); it holds nothing of its own. Its rows are the oldest tier's.
package dev.jetlog.cpu;

import dev.jetlog.planner.ir.IndexSpec;
import dev.jetlog.seminaive.spi.Index;
import dev.jetlog.seminaive.spi.Rows;

record KnownRowsIndex(IndexSpec spec, Rows rows, DenseSetLookup lookup) implements Index {
}
