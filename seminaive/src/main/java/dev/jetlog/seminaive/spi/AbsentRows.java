// What filtering rows through a dense set gave: the rows it lacked (now in it), the rows outside its box,
// and how many rows were filtered.
package dev.jetlog.seminaive.spi;

/**
 * @param added the rows inside the set's box that it lacked, each once, in no particular order; now in the set
 * @param outside the rows outside the set's box, as given (repeats included)
 * @param derived how many rows were filtered (the input's size, or the rows a join derived)
 */
public record AbsentRows(Rows added, Rows outside, long derived) {
}
