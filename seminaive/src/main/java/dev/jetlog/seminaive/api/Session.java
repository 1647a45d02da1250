// One evaluation context of a compiled program on one backend: insert facts (from Java or the
// program's .input files), run to the fixpoint, then read relations back or write the outputs.
// run() may be called again after more inserts; it evaluates from all facts inserted so far.
// A session is not thread-safe.
package dev.jetlog.seminaive.api;

import dev.jetlog.datasets.IntRows;
import dev.jetlog.parser.ast.ColumnType;
import dev.jetlog.parser.ast.RelationDecl;
import dev.jetlog.seminaive.eval.EvaluationStats;
import dev.jetlog.seminaive.eval.Evaluator;
import dev.jetlog.seminaive.io.InputLoader;
import dev.jetlog.seminaive.io.OutputWriter;
import dev.jetlog.seminaive.io.RelationRows;
import dev.jetlog.seminaive.spi.Backend;
import dev.jetlog.seminaive.spi.BackendException;
import dev.jetlog.seminaive.spi.Rows;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

public final class Session implements AutoCloseable {
    private final CompiledProgram program;
    private final EngineOptions options;
    private final Backend backend;
    private final String backendChoice;
    private final SymbolTable symbols = new SymbolTable();
    private final Map<String, IntRows> facts = new LinkedHashMap<>();
    private Evaluator evaluator;
    private EvaluationStats stats;
    private boolean closed;

    Session(CompiledProgram program, EngineOptions options) {
        this.program = program;
        this.options = options;
        for (String constant : program.plan().symbolConstants()) {
            symbols.encode(constant);
        }
        BackendRegistry.Selection selection = BackendRegistry.choose(options.backend());
        this.backend = selection.provider().create(options.backendOptions());
        this.backendChoice = selection.explanation();
    }

    /** One line saying which backend runs this session and, under "auto", why it was chosen. */
    public String backendChoice() {
        return backendChoice;
    }

    /** The backend's name and settings, e.g. "cpu (2 threads)". */
    public String backendDescription() {
        return backend.description();
    }

    public SymbolTable symbols() {
        return symbols;
    }

    // ---- facts ---------------------------------------------------------------------------------

    /** Adds one tuple to a relation whose columns are all numeric (number, unsigned bits or float bits). */
    public void insert(String relation, int... values) {
        RelationDecl decl = declaration(relation);
        checkArity(decl, values.length);
        for (int c = 0; c < values.length; c++) {
            if (decl.columnType(c) == ColumnType.SYMBOL) {
                throw new IllegalArgumentException("column " + c + " of '" + relation
                        + "' is a symbol: use insertTuple with a String");
            }
        }
        factsOf(decl).add(values);
    }

    /**
     * Adds one tuple given as objects: Integer (or Long in range) for number, Integer or Long 0..2^32-1
     * for unsigned, Float or Double for float, String for symbol.
     */
    public void insertTuple(String relation, Object... values) {
        RelationDecl decl = declaration(relation);
        checkArity(decl, values.length);
        int[] row = new int[values.length];
        for (int c = 0; c < values.length; c++) {
            row[c] = ValueEncoding.encode(decl, c, values[c], symbols);
        }
        factsOf(decl).add(row);
    }

    /** Adds rowCount tuples from a row-major array of raw 32-bit values (symbols as ids of symbols()). */
    public void insertRows(String relation, int[] rowMajor, int rowCount) {
        RelationDecl decl = declaration(relation);
        if ((long) rowCount * decl.arity() > rowMajor.length || rowCount < 0) {
            throw new IllegalArgumentException(rowCount + " rows of arity " + decl.arity()
                    + " do not fit an array of " + rowMajor.length);
        }
        IntRows target = factsOf(decl);
        for (int r = 0; r < rowCount; r++) {
            target.addFrom(rowMajor, r * decl.arity());
        }
    }

    /** Reads every .input relation's file from the directory. @throws JetLogException naming the file and line */
    public void loadInputs(Path factsDir) {
        InputLoader.load(program.checked().program(), factsDir, symbols, (relation, rows) -> {
            IntRows target = factsOf(declaration(relation));
            if (target.isEmpty()) {
                facts.put(relation, rows);
            } else {
                for (int r = 0; r < rows.size(); r++) {
                    target.addFrom(rows.data(), r * rows.arity());
                }
            }
        });
    }

    // ---- evaluation ----------------------------------------------------------------------------

    /** Evaluates the program over every fact inserted so far. */
    public EvaluationStats run() {
        checkOpen();
        releaseResults();
        evaluator = new Evaluator(program.plan(), backend, options.evaluation());
        try {
            for (Map.Entry<String, IntRows> entry : facts.entrySet()) {
                IntRows rows = entry.getValue();
                evaluator.load(entry.getKey(), rows.data(), rows.size());
            }
            stats = evaluator.evaluate();
            return stats;
        } catch (BackendException e) {
            releaseResults();
            throw new JetLogException(e.getMessage(), e);
        } catch (RuntimeException | Error e) {
            // a failed run leaves no partial relation to read
            releaseResults();
            throw e;
        }
    }

    /** Statistics of the last run, or null before the first. */
    public EvaluationStats stats() {
        return stats;
    }

    // ---- results -------------------------------------------------------------------------------

    /** The number of tuples of a relation after the last run. */
    public long count(String relation) {
        return result(relation).size();
    }

    /** The tuples of a relation after the last run, in canonical order, as raw row-major values. */
    public int[] rows(String relation) {
        return backend.download(result(relation));
    }

    /** The tuples of a relation after the last run, in canonical order. */
    public List<Tuple> tuples(String relation) {
        RelationDecl decl = declaration(relation);
        List<ColumnType> types = decl.attributes().stream().map(a -> a.type()).toList();
        int[] data = rows(relation);
        int count = (int) count(relation);
        List<Tuple> tuples = new ArrayList<>(count);
        for (int r = 0; r < count; r++) {
            int[] values = new int[decl.arity()];
            System.arraycopy(data, r * decl.arity(), values, 0, decl.arity());
            tuples.add(new Tuple(values, types, symbols));
        }
        return tuples;
    }

    /** Writes the .output relations into the directory (IO=stdout ones to stdout), each file atomically. */
    public void writeOutputs(Path outputDir, PrintStream stdout) {
        if (OutputWriter.writesFiles(program.checked().program())) {
            OutputWriter.checkOutputDirectory(outputDir);
        }
        OutputWriter.writeOutputs(program.checked().program(), outputDir, stdout, symbols, this::relationRows);
    }

    /** Prints every .output relation to stdout. */
    public void printOutputs(PrintStream stdout) {
        OutputWriter.writeOutputs(program.checked().program(), null, stdout, symbols, this::relationRows);
    }

    /** Prints `relation<TAB>count` for each .printsize directive. */
    public void printSizes(PrintStream stdout) {
        OutputWriter.printSizes(program.checked().program(), stdout, this::count);
    }

    private RelationRows relationRows(String relation) {
        return new RelationRows(rows(relation), (int) count(relation));
    }

    private Rows result(String relation) {
        checkOpen();
        declaration(relation);
        if (evaluator == null) {
            throw new IllegalStateException("call run() before reading results");
        }
        return evaluator.result(relation);
    }

    // ---- helpers -------------------------------------------------------------------------------

    private RelationDecl declaration(String relation) {
        return program.relation(relation);
    }

    private IntRows factsOf(RelationDecl decl) {
        checkOpen();
        return facts.computeIfAbsent(decl.name(), name -> new IntRows(decl.arity()));
    }

    private static void checkArity(RelationDecl decl, int given) {
        if (given != decl.arity()) {
            throw new IllegalArgumentException("relation '" + decl.name() + "' has " + decl.arity()
                    + " columns, got " + given + " values");
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("session is closed");
        }
    }

    private void releaseResults() {
        if (evaluator != null) {
            evaluator.close();
            evaluator = null;
        }
    }

    @Override
    public void close() {
        if (!closed) {
            releaseResults();
            backend.close();
            closed = true;
        }
    }
}
