// An argument or expression: variable, wildcard, constant, arithmetic or aggregate.
package dev.jetlog.parser.ast;

public sealed interface Term
        permits Variable, Wildcard, IntegerConstant, FloatConstant, StringConstant,
                BinaryExpr, UnaryExpr, FunctorCall, Aggregate {
    SourcePos pos();
}
