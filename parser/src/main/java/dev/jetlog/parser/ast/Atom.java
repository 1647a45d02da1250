// A relation applied to arguments, e.g. `edge(x, 3)`. Used in heads and as a positive body literal.
package dev.jetlog.parser.ast;

import java.util.List;

public record Atom(String relation, List<Term> args, SourcePos pos) implements Literal {
    public Atom {
        args = List.copyOf(args);
    }

    public int arity() {
        return args.size();
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(relation).append('(');
        for (int i = 0; i < args.size(); i++) {
            text.append(i == 0 ? "" : ", ").append(args.get(i));
        }
        return text.append(')').toString();
    }
}
