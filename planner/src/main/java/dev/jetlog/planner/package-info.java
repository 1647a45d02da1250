/**
 * The planner: the magic-set transformation when the program asks for it ({@code MagicSets}), predicate
 * dependency graph, strongly connected components and strata, semi-naive rule versions, join orders and the
 * HISA indexes each relation version needs. {@link dev.jetlog.planner.Planner}
 * is the entry point; the result is a {@link dev.jetlog.planner.Plan} of pipelines in the IR of
 * {@link dev.jetlog.planner.ir}.
 */
package dev.jetlog.planner;
