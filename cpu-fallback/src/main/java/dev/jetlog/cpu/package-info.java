/**
 * The multithreaded CPU backend: HISA relations in JVM arrays, joins with thread-local output
 * buffers and parallel radix sorts on a ForkJoin pool of the requested size, no locks on the hot path.
 */
package dev.jetlog.cpu;
