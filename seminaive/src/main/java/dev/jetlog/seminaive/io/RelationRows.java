// A relation's tuples on the host: row-major data and the row count (needed for nullary relations).
package dev.jetlog.seminaive.io;

public record RelationRows(int[] data, int count) {
}
