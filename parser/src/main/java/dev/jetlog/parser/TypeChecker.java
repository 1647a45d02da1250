// Infers and checks the type of every term of a rule and records it by node identity.
// Each variable (per scope) gets exactly one type: first from the atom columns it occupies, then from
// `X = expr` bindings and aggregate results; every other term is then checked against the type its
// context expects (a column, the other side of a comparison, the operands of arithmetic).
package dev.jetlog.parser;

import dev.jetlog.parser.ast.Aggregate;
import dev.jetlog.parser.ast.AggregateKind;
import dev.jetlog.parser.ast.AstWalk;
import dev.jetlog.parser.ast.Atom;
import dev.jetlog.parser.ast.BinaryExpr;
import dev.jetlog.parser.ast.BinaryOp;
import dev.jetlog.parser.ast.ColumnType;
import dev.jetlog.parser.ast.CompareOp;
import dev.jetlog.parser.ast.Comparison;
import dev.jetlog.parser.ast.CompoundType;
import dev.jetlog.parser.ast.FloatConstant;
import dev.jetlog.parser.ast.FunctorCall;
import dev.jetlog.parser.ast.FunctorDecl;
import dev.jetlog.parser.ast.IntegerConstant;
import dev.jetlog.parser.ast.Literal;
import dev.jetlog.parser.ast.Negation;
import dev.jetlog.parser.ast.NilConstant;
import dev.jetlog.parser.ast.Program;
import dev.jetlog.parser.ast.RecordAccess;
import dev.jetlog.parser.ast.RelationDecl;
import dev.jetlog.parser.ast.Rule;
import dev.jetlog.parser.ast.StringConstant;
import dev.jetlog.parser.ast.Term;
import dev.jetlog.parser.ast.UnaryExpr;
import dev.jetlog.parser.ast.UnaryOp;
import dev.jetlog.parser.ast.Variable;
import dev.jetlog.parser.ast.Wildcard;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

final class TypeChecker {
    private final Map<String, RelationDecl> relations;
    private final Program program;
    private final List<Diagnostic> errors;
    private final IdentityHashMap<Term, ColumnType> types;

    private VariableScopes scopes;
    private Map<VariableScopes.ScopedVar, ColumnType> variableTypes;
    /** Above zero while checking below an error already reported, to avoid cascades of follow-up errors. */
    private int quiet;

    TypeChecker(Map<String, RelationDecl> relations, Program program, List<Diagnostic> errors,
                IdentityHashMap<Term, ColumnType> types) {
        this.relations = relations;
        this.program = program;
        this.errors = errors;
        this.types = types;
    }

    void check(Rule rule, VariableScopes ruleScopes) {
        scopes = ruleScopes;
        variableTypes = new HashMap<>();
        // 1. Column types of the variables that are direct atom arguments (body first, then head).
        List<Literal> all = new ArrayList<>();
        for (Literal literal : rule.body()) {
            AstWalk.forEachLiteral(literal, all::add);
        }
        AstWalk.forEachLiteral(rule.head(), all::add);
        for (Literal literal : all) {
            Atom atom = literal instanceof Negation negation ? negation.atom()
                    : literal instanceof Atom a ? a : null;
            RelationDecl decl = atom == null ? null : declarationOf(atom);
            if (decl != null) {
                for (int i = 0; i < atom.arity(); i++) {
                    if (atom.args().get(i) instanceof Variable v) {
                        variableTypes.putIfAbsent(scopes.of(v), decl.columnType(i));
                    }
                }
            }
        }
        // 2. Equalities `X = expr` give X the type of expr, until nothing changes.
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Literal literal : all) {
                if (literal instanceof Comparison c && c.op() == CompareOp.EQ) {
                    changed |= bind(c.left(), c.right()) | bind(c.right(), c.left());
                }
            }
        }
        // 3. Check every term against its context, typing the variables that are still open.
        checkAtom(rule.head());
        for (Literal literal : rule.body()) {
            checkLiteral(literal);
        }
    }

    private RelationDecl declarationOf(Atom atom) {
        RelationDecl decl = relations.get(atom.relation());
        return decl != null && decl.arity() == atom.arity() ? decl : null;
    }

    private boolean bind(Term target, Term source) {
        if (target instanceof Variable v && variableTypes.get(scopes.of(v)) == null) {
            ColumnType type = infer(source);
            if (type != null) {
                variableTypes.put(scopes.of(v), type);
                return true;
            }
        }
        return false;
    }

    /** The type a term has regardless of its context, or null when the context decides (or it is unknown yet). */
    private ColumnType infer(Term term) {
        if (term instanceof Variable v) {
            return variableTypes.get(scopes.of(v));
        } else if (term instanceof FloatConstant) {
            return ColumnType.FLOAT;
        } else if (term instanceof StringConstant) {
            return ColumnType.SYMBOL;
        } else if (term instanceof IntegerConstant c) {
            return c.unsigned() ? ColumnType.UNSIGNED : null;
        } else if (term instanceof BinaryExpr b) {
            if (b.op() == BinaryOp.CAT) {
                return ColumnType.SYMBOL;
            }
            ColumnType left = infer(b.left());
            ColumnType operand = left != null ? left : infer(b.right());
            return operand != null && b.op().accepts(operand) ? operand : null;
        } else if (term instanceof NilConstant) {
            return ColumnType.RECORD;
        } else if (term instanceof FunctorCall f && f.isRecordAccess()) {
            return f.record().resultType();
        } else if (term instanceof FunctorCall f && f.isRange()) {
            for (Term arg : f.args()) {
                ColumnType type = infer(arg);
                if (type != null) {
                    return type;
                }
            }
            return null;
        } else if (term instanceof FunctorCall f) {
            FunctorDecl decl = f.isUserDefined() ? program.functor(f.functorName()) : null;
            if (f.isAutoIncrement()) {
                return ColumnType.NUMBER;
            }
            if (f.isIterationCounter()) {
                return ColumnType.UNSIGNED;
            }
            return f.isUserDefined() ? (decl == null ? null : decl.result()) : ColumnType.SYMBOL;
        } else if (term instanceof UnaryExpr n) {
            if (n.op().isFunctor()) {
                return n.op().resultType(operandType(n));
            }
            ColumnType operand = infer(n.operand());
            return operand != null ? n.op().resultType(operand) : null;
        } else if (term instanceof Aggregate a) {
            return a.kind() == AggregateKind.COUNT ? ColumnType.NUMBER
                    : a.kind() == AggregateKind.MEAN ? ColumnType.FLOAT : infer(a.target());
        }
        return null; // wildcard, integer constant without suffix
    }

    /** The operand type of a functor: inferred, or the one its argument gets by default. */
    private ColumnType operandType(UnaryExpr functor) {
        ColumnType inferred = infer(functor.operand());
        if (inferred != null) {
            return inferred;
        }
        if (functor.op().isMath()) {
            return ColumnType.FLOAT;
        }
        return functor.op() == UnaryOp.ORD || functor.op() == UnaryOp.STRLEN ? ColumnType.SYMBOL : ColumnType.NUMBER;
    }

    private void checkLiteral(Literal literal) {
        if (literal instanceof Atom atom) {
            checkAtom(atom);
        } else if (literal instanceof Negation negation) {
            checkAtom(negation.atom());
        } else if (literal instanceof Comparison comparison) {
            checkComparison(comparison);
        }
    }

    private void checkAtom(Atom atom) {
        RelationDecl decl = declarationOf(atom);
        for (int i = 0; i < atom.arity(); i++) {
            Term arg = atom.args().get(i);
            if (decl != null) {
                check(arg, decl.columnType(i));
            } else {
                // Undeclared relation or wrong arity, already reported: type the arguments without cascading.
                ColumnType inferred = infer(arg);
                check(arg, inferred != null ? inferred : ColumnType.NUMBER);
            }
        }
    }

    private void checkComparison(Comparison c) {
        if (c.op().isStringPredicate()) {
            check(c.left(), ColumnType.SYMBOL);
            check(c.right(), ColumnType.SYMBOL);
            if ((c.op() == CompareOp.MATCH || c.op() == CompareOp.NOT_MATCH) && c.left() instanceof StringConstant p) {
                try {
                    RegexDialect.compile(p.value());
                } catch (java.util.regex.PatternSyntaxException e) {
                    report(Diagnostic.error(p.pos(), "bad regular expression in match: "
                            + e.getDescription() + (e.getIndex() >= 0 ? " near index " + e.getIndex() : "")));
                }
            }
            return;
        }
        ColumnType left = infer(c.left());
        ColumnType right = infer(c.right());
        if (left != null && right != null && left != right) {
            report(Diagnostic.error(c.pos(), "comparison '" + c.op().symbol() + "' between different types: "
                    + left.keyword() + " and " + right.keyword()));
            checkQuietly(c.left(), left);
            checkQuietly(c.right(), right);
            return;
        }
        ColumnType type = left != null ? left : right != null ? right : ColumnType.NUMBER;
        if (c.op().isOrdering() && type == ColumnType.RECORD) {
            report(Diagnostic.error(c.pos(), "ordering comparison is not supported on " + type.keyword() + " values"));
        }
        check(c.left(), type);
        check(c.right(), type);
    }

    /** Checks a term against the type its context expects and records its type. */
    private void check(Term term, ColumnType expected) {
        if (term instanceof Variable v) {
            checkVariable(v, expected);
        } else if (term instanceof Wildcard) {
            types.put(term, expected);
        } else if (term instanceof IntegerConstant c) {
            checkInteger(c, expected);
        } else if (term instanceof FloatConstant c) {
            types.put(c, ColumnType.FLOAT);
            if (expected != ColumnType.FLOAT) {
                mismatch(c, "float constant " + c.value() + " has type float", expected);
            }
        } else if (term instanceof StringConstant c) {
            types.put(c, ColumnType.SYMBOL);
            if (expected != ColumnType.SYMBOL) {
                mismatch(c, "string constant " + c + " has type symbol", expected);
            }
        } else if (term instanceof BinaryExpr b) {
            checkArithmetic(b, expected);
        } else if (term instanceof UnaryExpr n) {
            checkUnary(n, expected);
        } else if (term instanceof NilConstant nil) {
            types.put(nil, ColumnType.RECORD);
            if (expected != ColumnType.RECORD) {
                mismatch(nil, "nil is a record", expected);
            }
        } else if (term instanceof FunctorCall f && f.isRecordAccess()) {
            checkRecordAccess(f, expected);
        } else if (term instanceof FunctorCall f && f.isRange()) {
            checkRange(f, expected);
        } else if (term instanceof FunctorCall f) {
            if (f.isUserDefined()) {
                checkUserFunctor(f, expected);
            } else {
                if (f.isAutoIncrement()) {
                    types.put(f, ColumnType.NUMBER);
                    if (expected != ColumnType.NUMBER) {
                        mismatch(f, "autoinc() yields a number", expected);
                    }
                } else if (f.isIterationCounter()) {
                    types.put(f, ColumnType.UNSIGNED);
                    if (expected != ColumnType.UNSIGNED) {
                        mismatch(f, FunctorCall.ITERATION_COUNTER + "() yields an unsigned", expected);
                    }
                } else {
                    checkSubstring(f, expected);
                }
            }
        } else {
            checkAggregate((Aggregate) term, expected);
        }
    }

    /** range(from, to[, step]): numeric arguments of one type, which its values have. */
    private void checkRange(FunctorCall f, ColumnType expected) {
        ColumnType type = infer(f);
        if (type == null && !expected.isNumeric()) {
            types.put(f, ColumnType.NUMBER);
            mismatch(f, "range yields number values", expected);
            f.args().forEach(arg -> checkQuietly(arg, ColumnType.NUMBER));
            return;
        }
        if (type == null) {
            type = expected;
        }
        types.put(f, type);
        if (!type.isNumeric()) {
            report(Diagnostic.error(f.pos(), "range takes number, unsigned or float arguments, not " + type.keyword()));
            f.args().forEach(arg -> checkQuietly(arg, inferOr(arg, ColumnType.NUMBER)));
            return;
        }
        if (type != expected) {
            mismatch(f, "range yields " + type.keyword() + " values", expected);
        }
        for (Term arg : f.args()) {
            check(arg, type);
        }
    }

    /** A record or ADT value packed from its fields, or one field (or the branch) read from a value. */
    private void checkRecordAccess(FunctorCall f, ColumnType expected) {
        RecordAccess access = f.record();
        ColumnType result = access.resultType();
        types.put(f, result);
        if (result != expected) {
            mismatch(f, access.isPack() ? "a record or ADT value" : "this field has type " + result.keyword(), expected);
        }
        if (access.isPack()) {
            List<CompoundType.Field> fields = access.type().branches().get(access.branch()).fields();
            for (int i = 0; i < fields.size(); i++) {
                check(f.args().get(i), fields.get(i).type());
            }
        } else {
            check(f.args().get(0), ColumnType.RECORD);
        }
    }

    private void checkVariable(Variable v, ColumnType expected) {
        VariableScopes.ScopedVar variable = scopes.of(v);
        ColumnType type = variableTypes.get(variable);
        if (type == null) {
            type = expected;
            variableTypes.put(variable, type);
        } else if (type != expected) {
            mismatch(v, "variable '" + v.name() + "' has type " + type.keyword(), expected);
        }
        types.put(v, type);
    }

    private void checkUnary(UnaryExpr n, ColumnType expected) {
        if (n.op().isFunctor()) {
            ColumnType operand = operandType(n);
            ColumnType result = n.op().resultType(operand);
            if (result == null) {
                report(Diagnostic.error(n.pos(), "functor '" + n.op().symbol() + "' does not take a "
                        + operand.keyword() + " argument"));
                types.put(n, expected);
                checkQuietly(n.operand(), operand);
                return;
            }
            types.put(n, result);
            if (result != expected) {
                mismatch(n, "'" + n.op().symbol() + "' yields a " + result.keyword(), expected);
            }
            check(n.operand(), operand);
            return;
        }
        ColumnType operand = infer(n.operand());
        ColumnType type = operand != null ? operand : expected;
        types.put(n, type);
        if (n.op().resultType(type) == null) {
            report(Diagnostic.error(n.pos(), "operator '" + n.op().symbol() + "' is not supported on "
                    + type.keyword() + " values"));
            checkQuietly(n.operand(), type);
            return;
        }
        if (type != expected) {
            mismatch(n, "'" + n.op().symbol() + "' yields a " + type.keyword(), expected);
        }
        check(n.operand(), type);
    }

    /** @f(args): the declared parameter and result types. */
    private void checkUserFunctor(FunctorCall f, ColumnType expected) {
        FunctorDecl decl = program.functor(f.functorName());
        if (decl == null) {
            report(Diagnostic.error(f.pos(), "functor '" + f.name() + "' is not declared (declare it with '.functor "
                    + f.functorName() + "(...): type')"));
            types.put(f, expected);
            f.args().forEach(arg -> checkQuietly(arg, inferOr(arg, ColumnType.NUMBER)));
            return;
        }
        types.put(f, decl.result());
        if (decl.parameters().size() != f.args().size()) {
            report(Diagnostic.error(f.pos(), "functor '" + f.name() + "' takes " + decl.parameters().size()
                    + " argument" + (decl.parameters().size() == 1 ? "" : "s") + ", given " + f.args().size()));
            f.args().forEach(arg -> checkQuietly(arg, inferOr(arg, ColumnType.NUMBER)));
            return;
        }
        if (decl.result() != expected) {
            mismatch(f, "functor '" + f.name() + "' yields a " + decl.result().keyword(), expected);
        }
        for (int i = 0; i < f.args().size(); i++) {
            check(f.args().get(i), decl.parameters().get(i));
        }
    }

    private ColumnType inferOr(Term term, ColumnType fallback) {
        ColumnType type = infer(term);
        return type != null ? type : fallback;
    }

    /** substr(symbol, number, number): a symbol. */
    private void checkSubstring(FunctorCall f, ColumnType expected) {
        types.put(f, ColumnType.SYMBOL);
        if (expected != ColumnType.SYMBOL) {
            mismatch(f, "functor '" + f.name() + "' yields a symbol", expected);
        }
        check(f.args().get(0), ColumnType.SYMBOL);
        check(f.args().get(1), ColumnType.NUMBER);
        check(f.args().get(2), ColumnType.NUMBER);
    }

    private void checkInteger(IntegerConstant c, ColumnType expected) {
        if (c.unsigned() && expected != ColumnType.UNSIGNED) {
            types.put(c, ColumnType.UNSIGNED);
            mismatch(c, "unsigned constant " + c + " has type unsigned", expected);
            return;
        }
        types.put(c, expected);
        if (expected == ColumnType.SYMBOL || expected == ColumnType.RECORD) {
            mismatch(c, "integer constant " + c.value() + " is numeric", expected);
        } else if (expected == ColumnType.UNSIGNED && c.value() < 0) {
            report(Diagnostic.error(c.pos(), "negative constant " + c.value() + " cannot be unsigned"));
        } else if (expected == ColumnType.NUMBER && c.value() > Integer.MAX_VALUE) {
            report(Diagnostic.error(c.pos(), "integer constant " + c.value() + " is out of range for number"));
        }
    }

    private void checkArithmetic(BinaryExpr b, ColumnType expected) {
        ColumnType left = infer(b.left());
        ColumnType right = infer(b.right());
        if (left != null && right != null && left != right) {
            report(Diagnostic.error(b.pos(), describe(b.op()) + " on different types: "
                    + left.keyword() + " and " + right.keyword()));
            types.put(b, expected);
            checkQuietly(b.left(), left);
            checkQuietly(b.right(), right);
            return;
        }
        ColumnType operand = b.op() == BinaryOp.CAT ? ColumnType.SYMBOL : left != null ? left : right;
        ColumnType type = operand != null ? operand : expected;
        if (!b.op().accepts(type)) {
            if (operand == null) {
                type = b.op().operands() == BinaryOp.Operands.SYMBOL ? ColumnType.SYMBOL : ColumnType.NUMBER;
            } else {
                report(Diagnostic.error(b.pos(), describe(b.op()) + " is not supported on " + type.keyword()
                        + " values"));
                types.put(b, type);
                checkQuietly(b.left(), type);
                checkQuietly(b.right(), type);
                return;
            }
        }
        if (type != expected) {
            mismatch(b, describe(b.op()) + " yields a " + type.keyword(), expected);
        }
        types.put(b, type);
        check(b.left(), type);
        check(b.right(), type);
    }

    private static String describe(BinaryOp op) {
        return (op.isFunctor() ? "functor '" : "operator '") + op.symbol() + "'";
    }

    private void checkAggregate(Aggregate a, ColumnType expected) {
        ColumnType result;
        if (a.kind() == AggregateKind.COUNT) {
            result = ColumnType.NUMBER;
        } else if (a.kind() == AggregateKind.MEAN) {
            result = ColumnType.FLOAT; // as in Soufflé, the target must be a float too
        } else {
            ColumnType target = infer(a.target());
            result = target != null ? target : expected.isNumeric() ? expected : ColumnType.NUMBER;
        }
        types.put(a, result);
        if (result != expected) {
            mismatch(a, a.kind().keyword() + " aggregate has type " + result.keyword(), expected);
        }
        int outerQuiet = quiet;
        quiet = 0; // the body's own errors do not follow from the aggregate's context
        for (Literal literal : a.body()) {
            checkLiteral(literal);
        }
        quiet = outerQuiet;
        if (a.target() != null) {
            if (!result.isNumeric()) {
                report(Diagnostic.error(a.target().pos(), "the target of " + a.kind().keyword()
                        + " must be numeric, found " + result.keyword()));
            }
            check(a.target(), result);
        }
    }

    private void mismatch(Term term, String what, ColumnType expected) {
        report(Diagnostic.error(term.pos(), what + ", but " + expected.keyword() + " is expected here"));
    }

    private void checkQuietly(Term term, ColumnType expected) {
        quiet++;
        try {
            check(term, expected);
        } finally {
            quiet--;
        }
    }

    private void report(Diagnostic error) {
        if (quiet == 0) {
            errors.add(error);
        }
    }
}
