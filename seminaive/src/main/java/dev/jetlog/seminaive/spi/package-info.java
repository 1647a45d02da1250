/**
 * The Backend SPI: opaque row sets and HISA indexes in a backend's memory, and the relational
 * operators (scan, join, anti-join, aggregate, sort-unique, difference, merge) the semi-naive driver
 * evaluates a plan with. Implementations register a {@link dev.jetlog.seminaive.spi.BackendProvider}
 * with java.util.ServiceLoader.
 */
package dev.jetlog.seminaive.spi;
