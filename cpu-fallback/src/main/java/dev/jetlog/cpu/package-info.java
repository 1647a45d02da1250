/**
 * The multithreaded CPU backend: HISA relations in JVM arrays, joins with thread-local output
 * buffers and parallel radix sorts on a pool of the requested number of threads, no locks on the hot path.
 */
package dev.jetlog.cpu;
