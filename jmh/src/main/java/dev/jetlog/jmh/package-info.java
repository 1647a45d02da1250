/** JMH benchmarks: HISA set operators and whole programs on the backends. */
package dev.jetlog.jmh;
