// A comparison waiting in a pipeline until the variables it reads are bound; an equality with one
// unbound variable side binds that variable instead. An ordering of symbols compares their text (onText).
package dev.jetlog.planner;

import dev.jetlog.parser.ast.CompareOp;
import dev.jetlog.parser.ast.SourcePos;
import dev.jetlog.parser.ast.Term;
import dev.jetlog.planner.ir.ValueType;

record Constraint(CompareOp op, ValueType type, Term left, Term right, SourcePos pos, boolean onText) {
    Constraint(CompareOp op, ValueType type, Term left, Term right, SourcePos pos) {
        this(op, type, left, right, pos, false);
    }
}
