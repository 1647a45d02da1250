/**
 * An example program-analysis tool on JetLog's Java API: JVM bytecode to facts (ASM), then class-hierarchy
 * and rapid-type-analysis call graphs with reachability from main methods, computed by callgraph.dl.
 */
package dev.jetlog.examples.callgraph;
