// The evaluation would hold more than the backend's memory budget: thrown as soon as the relations,
// their indexes and the pending candidates exceed it, naming the stratum, the largest relations and the
// sizes reached, long before the JVM (or the device) would run out. Also thrown when a read that needs a
// relation as one sorted set (negation, aggregates, output) finds that the Java heap cannot hold the merge
// of its tiers, naming the relation and the tiers' sizes.
package dev.jetlog.seminaive.eval;

public final class MemoryLimitException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    MemoryLimitException(String message) {
        super(message);
    }
}
