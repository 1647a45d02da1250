// One Horn clause `head :- body.` A fact `r(1, 2).` is a rule with an empty body.
// Multiple heads and disjunctions in the source are split into several rules by the parser,
// which keeps the source position of the clause they came from.
package dev.jetlog.parser.ast;

import java.util.List;

public record Rule(Atom head, List<Literal> body, SourcePos pos) {
    public Rule {
        body = List.copyOf(body);
    }

    public boolean isFact() {
        return body.isEmpty();
    }

    @Override
    public String toString() {
        if (body.isEmpty()) {
            return head + ".";
        }
        StringBuilder text = new StringBuilder(head.toString()).append(" :- ");
        for (int i = 0; i < body.size(); i++) {
            text.append(i == 0 ? "" : ", ").append(body.get(i));
        }
        return text.append('.').toString();
    }
}
