// A set of rows in a backend's memory with one bit for each possible row of a box of column values:
// membership costs one bit test, so the driver drops tuples already known as the rules derive them.
package dev.jetlog.seminaive.spi;

public interface DenseSet {
    /** The arity of the rows the set holds. */
    int arity();
}
