/**
 * HISA on the CPU: index build, radix sort-unique, difference and merge of sorted row sets in JVM
 * arrays, all running on a {@link dev.jetlog.cpu.hisa.Parallel} pool of a fixed number of threads.
 */
package dev.jetlog.cpu.hisa;
