/**
 * The public Java API: {@link dev.jetlog.seminaive.api.JetLog} compiles a program,
 * {@link dev.jetlog.seminaive.api.Session} inserts facts, runs it on a backend chosen by name and
 * reads relations back in-process.
 */
package dev.jetlog.seminaive.api;
