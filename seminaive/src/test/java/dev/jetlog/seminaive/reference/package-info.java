/**
 * A deliberately simple reference evaluator ({@link dev.jetlog.seminaive.reference.NaiveEvaluator}) that
 * interprets the checked AST naively, for differential tests of the engine's backends. It shares no code
 * with the planner or the engine.
 */
package dev.jetlog.seminaive.reference;
