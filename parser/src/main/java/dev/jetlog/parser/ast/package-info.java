/**
 * The abstract syntax tree of a Soufflé-dialect program: immutable records with source positions.
 * It is the contract between the parser, the planner and the reference evaluator in tests.
 */
package dev.jetlog.parser.ast;
