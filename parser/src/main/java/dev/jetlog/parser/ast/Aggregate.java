// An aggregate `count : { body }` or `sum|min|max target : { body }`. The target is null for count.
// Variables of the body that occur nowhere else in the enclosing rule are local to the aggregate;
// the others are bound by the enclosing rule and correlate the aggregate with it.
package dev.jetlog.parser.ast;

import java.util.List;

public record Aggregate(AggregateKind kind, Term target, List<Literal> body, SourcePos pos) implements Term {
    public Aggregate {
        body = List.copyOf(body);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(kind.keyword());
        if (target != null) {
            text.append(' ').append(target);
        }
        text.append(" : { ");
        for (int i = 0; i < body.size(); i++) {
            text.append(i == 0 ? "" : ", ").append(body.get(i));
        }
        return text.append(" }").toString();
    }
}
