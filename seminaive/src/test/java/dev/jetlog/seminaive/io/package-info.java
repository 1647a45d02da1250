/**
 * Tests of the I/O directives' parameters: the compile-time check and Soufflé 2.5's defaults.
 */
package dev.jetlog.seminaive.io;
