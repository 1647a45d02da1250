// What filtering rows through a dense set gave: the rows outside its box, how many rows it lacked (now
// added to it, to be taken with Backend.takeAdded) and how many rows were filtered.
package dev.jetlog.seminaive.spi;

/**
 * @param outside the rows outside the set's box, as given (repeats included)
 * @param added how many rows inside the box the set lacked; each is in it now, once (exact: the driver
 *              asks {@link Backend#takeAdded} only after a call reported some)
 * @param derived how many rows were filtered (the input's size, or the rows a join derived)
 */
public record AbsentRows(Rows outside, long added, long derived) {
}
