/**
 * The semi-naive fixpoint driver: strata in order, initial rules once, delta rule versions until no
 * new tuple appears, candidates deduplicated in bounded chunks, all through the Backend SPI.
 */
package dev.jetlog.seminaive.eval;
