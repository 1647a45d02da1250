// Soufflé 2.5's `.decl r_debug = debug_delta(r)`: a relation holding r's tuples, each with the iteration of
// r's stratum that added it (0 for those its first, non-recursive pass makes). Declared once every relation
// is, since r may come later in the program: r's columns, then an unsigned `<iteration>` column. An eqrel r is
// refused (its stored pairs are not the closure that Soufflé records), and so is an inline r (it holds nothing).
package dev.jetlog.parser;

import dev.jetlog.parser.ast.Attribute;
import dev.jetlog.parser.ast.ColumnType;
import dev.jetlog.parser.ast.RelationDecl;
import dev.jetlog.parser.ast.SourcePos;
import dev.jetlog.parser.grammar.DatalogParser;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

final class DeltaDebugDeclarations {
    /** The name of the added column. */
    static final String ITERATION_COLUMN = "<iteration>";

    private record Pending(String name, String of, SourcePos pos, SourcePos ofPos) {
    }

    private final List<Pending> pending = new ArrayList<>();

    /** Reads one declaration, with relation names as the scope gives them. */
    void read(DatalogParser.DeltaDebugDeclContext ctx, ComponentExpander.Scope scope, Positions positions,
              List<Diagnostic> errors) {
        DatalogParser.QualifiedNameContext of = ctx.qualifiedName();
        String function = ctx.IDENT(1).getText();
        if (!function.equals("debug_delta")) {
            errors.add(Diagnostic.error(positions.of(ctx.IDENT(1).getSymbol()), "'" + function
                    + "' cannot define a relation: only debug_delta(r) may follow '=' in a declaration"));
            return;
        }
        pending.add(new Pending(scope.relation(ctx.IDENT(0).getText()), scope.relation(of.getText()),
                positions.of(ctx.IDENT(0).getSymbol()), positions.of(of.start)));
    }

    /**
     * Adds a declaration for each one read to declarations (which hold every other one by now), and the
     * column type names of each to typeNames.
     */
    void declare(List<RelationDecl> declarations, Set<String> eqrelRelations, Set<String> inlineRelations,
                 Map<String, List<String>> typeNames, List<Diagnostic> errors) {
        for (Pending debug : pending) {
            RelationDecl of = declarations.stream().filter(d -> d.name().equals(debug.of())).findFirst().orElse(null);
            if (of == null) {
                errors.add(Diagnostic.error(debug.ofPos(), "debug_delta of '" + debug.of() + "', which is not declared"));
                continue;
            }
            if (of.isDeltaDebug()) {
                errors.add(Diagnostic.error(debug.ofPos(), "debug_delta of '" + debug.of()
                        + "', which is itself a debug_delta relation"));
                continue;
            }
            if (eqrelRelations.contains(debug.of())) {
                // Soufflé records every pair of the closure; JetLog stores only the pairs that join classes
                errors.add(Diagnostic.error(debug.ofPos(), "debug_delta of the eqrel relation '" + debug.of()
                        + "' is not supported"));
                continue;
            }
            if (inlineRelations.contains(debug.of())) {
                errors.add(Diagnostic.error(debug.ofPos(), "debug_delta of the inline relation '" + debug.of()
                        + "', which is expanded where it is used and holds no tuples"));
                continue;
            }
            List<Attribute> attributes = new ArrayList<>(of.attributes());
            attributes.add(new Attribute(ITERATION_COLUMN, ColumnType.UNSIGNED, debug.pos()));
            declarations.add(new RelationDecl(debug.name(), attributes, List.of(), 0, debug.of(), debug.pos()));
            List<String> names = new ArrayList<>(typeNames.getOrDefault(debug.of(), List.of()));
            if (names.size() == of.arity()) {
                names.add("unsigned");
                typeNames.putIfAbsent(debug.name(), List.copyOf(names));
            }
        }
    }
}
