/**
 * The program's I/O directives: checking their parameters, reading .input files from a facts
 * directory and writing .output relations and .printsize counts.
 */
package dev.jetlog.seminaive.io;
