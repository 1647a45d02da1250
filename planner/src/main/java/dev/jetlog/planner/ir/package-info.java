/**
 * The plan's intermediate representation: pipelines of relational operators (scan, join, anti-join,
 * aggregate) over relation versions and HISA indexes, with filters and projections as small scalar
 * expressions on 32-bit values. Backends execute it; it names no backend.
 */
package dev.jetlog.planner.ir;
