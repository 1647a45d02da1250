// An argument or expression: variable, wildcard, constant, arithmetic, aggregate, or a record or ADT value.
package dev.jetlog.parser.ast;

public sealed interface Term
        permits Variable, Wildcard, IntegerConstant, FloatConstant, StringConstant,
                BinaryExpr, UnaryExpr, FunctorCall, Aggregate, RecordTerm, NilConstant {
    SourcePos pos();
}
