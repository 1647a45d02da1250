// One evaluation context of a compiled program on one backend: insert facts (from Java or the
// program's .input files), run to the fixpoint, then read relations back or write the outputs.
// run() may be called again after more inserts; it evaluates from all facts inserted so far.
// A session is used by one thread at a time: a second thread calling in while the first is inside fails
// at once (IllegalStateException). Several sessions of one compiled program may run in parallel threads.
package dev.jetlog.seminaive.api;

import dev.jetlog.datasets.IntRows;
import dev.jetlog.parser.ast.ColumnType;
import dev.jetlog.parser.ast.RelationDecl;
import dev.jetlog.seminaive.eval.CancelledException;
import dev.jetlog.seminaive.eval.EvaluationStats;
import dev.jetlog.seminaive.eval.MemoryLimitException;
import dev.jetlog.seminaive.eval.Sizes;
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
    private final OneThreadAtATime guard = new OneThreadAtATime();
    private final Map<String, IntRows> facts = new LinkedHashMap<>();
    private Evaluator evaluator;
    private EvaluationStats stats;
    /** Why the last run failed or was cancelled; null after a successful run. */
    private String failure;
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
        try (OneThreadAtATime.Entry use = guard.enter("insert()")) {
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
    }

    /**
     * Adds one tuple given as objects: Integer (or Long in range) for number, Integer or Long 0..2^32-1
     * for unsigned, Float or Double for float, String for symbol.
     */
    public void insertTuple(String relation, Object... values) {
        try (OneThreadAtATime.Entry use = guard.enter("insertTuple()")) {
            RelationDecl decl = declaration(relation);
            checkArity(decl, values.length);
            int[] row = new int[values.length];
            for (int c = 0; c < values.length; c++) {
                row[c] = ValueEncoding.encode(decl, c, values[c], symbols);
            }
            factsOf(decl).add(row);
        }
    }

    /** Adds rowCount tuples from a row-major array of raw 32-bit values (symbols as ids of symbols()). */
    public void insertRows(String relation, int[] rowMajor, int rowCount) {
        try (OneThreadAtATime.Entry use = guard.enter("insertRows()")) {
            RelationDecl decl = declaration(relation);
            if ((long) rowCount * decl.arity() > rowMajor.length || rowCount < 0) {
                throw new IllegalArgumentException(rowCount + " rows of arity " + decl.arity()
                        + " do not fit an array of " + rowMajor.length);
            }
            int symbolCount = symbols.size();
            for (int c = 0; c < decl.arity(); c++) {
                if (decl.columnType(c) != ColumnType.SYMBOL) {
                    continue;
                }
                for (int r = 0; r < rowCount; r++) {
                    int id = rowMajor[r * decl.arity() + c];
                    if (id < 0 || id >= symbolCount) {
                        throw new IllegalArgumentException("row " + r + " of '" + relation + "': column " + c
                                + " holds symbol id " + id + ", but symbols() has ids 0.." + (symbolCount - 1));
                    }
                }
            }
            IntRows target = factsOf(decl);
            for (int r = 0; r < rowCount; r++) {
                target.addFrom(rowMajor, r * decl.arity());
            }
        }
    }

    /** Reads every .input relation's file from the directory. @throws JetLogException naming the file and line */
    public void loadInputs(Path factsDir) {
        try (OneThreadAtATime.Entry use = guard.enter("loadInputs()")) {
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
    }

    // ---- evaluation ----------------------------------------------------------------------------

    /**
     * Evaluates the program over every fact inserted so far. The calling thread's interrupt cancels it:
     * run() then throws EvaluationCancelledException. A run that fails or is cancelled leaves no results:
     * every read throws until the next successful run().
     */
    public EvaluationStats run() {
        try (OneThreadAtATime.Entry use = guard.enter("run()")) {
            checkOpen();
            releaseResults();
            failure = null;
            evaluator = new Evaluator(program.plan(), backend, options.evaluation());
            evaluator.cancelWhen(() -> Thread.currentThread().isInterrupted());
            try {
                for (Map.Entry<String, IntRows> entry : facts.entrySet()) {
                    IntRows rows = entry.getValue();
                    evaluator.load(entry.getKey(), rows.data(), rows.size());
                }
                stats = evaluator.evaluate();
                return stats;
            } catch (BackendException e) {
                failed(e);
                throw new JetLogException(e.getMessage(), e);
            } catch (MemoryLimitException e) {
                stats = evaluator.partialStats();
                failed(e);
                throw new JetLogException(e.getMessage(), e);
            } catch (OutOfMemoryError e) {
                failed(e);
                throw new JetLogException("out of memory while evaluating (Java heap limit "
                        + Sizes.format(Runtime.getRuntime().maxMemory()) + "); run java with a larger -Xmx, or set a "
                        + "memory limit so the run stops early", e);
            } catch (CancelledException e) {
                stats = evaluator.partialStats();
                failed(e);
                throw new EvaluationCancelledException("evaluation " + e.getMessage(), e);
            } catch (RuntimeException | Error e) {
                failed(e);
                throw e;
            }
        }
    }

    /** Forgets the partial results of a failed run, remembering why it failed. */
    private void failed(Throwable e) {
        failure = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        try {
            releaseResults();
        } catch (RuntimeException | Error secondary) {
            evaluator = null;
            e.addSuppressed(secondary);
        }
    }

    /** Statistics of the last run (of the strata it finished, if it was cancelled), or null before the first. */
    public EvaluationStats stats() {
        return stats;
    }

    // ---- results -------------------------------------------------------------------------------

    /** The number of tuples of a relation after the last run. */
    public long count(String relation) {
        try (OneThreadAtATime.Entry use = guard.enter("count()")) {
            return result(relation).size();
        }
    }

    /** The tuples of a relation after the last run, in canonical order, as raw row-major values. */
    public int[] rows(String relation) {
        try (OneThreadAtATime.Entry use = guard.enter("rows()")) {
            return backend.download(result(relation));
        }
    }

    /** The tuples of a relation after the last run, in canonical order. */
    public List<Tuple> tuples(String relation) {
        try (OneThreadAtATime.Entry use = guard.enter("tuples()")) {
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
    }

    /**
     * Writes the .output relations into the directory (IO=stdout ones to stdout), all or nothing: every
     * file is written to a temporary first and renamed over its target only when all are written.
     */
    public void writeOutputs(Path outputDir, PrintStream stdout) {
        try (OneThreadAtATime.Entry use = guard.enter("writeOutputs()")) {
            result(null);
            if (OutputWriter.writesFiles(program.checked().program())) {
                OutputWriter.checkOutputDirectory(outputDir);
            }
            OutputWriter.writeOutputs(program.checked().program(), outputDir, stdout, symbols, this::relationRows);
        }
    }

    /** Prints every .output relation to stdout. */
    public void printOutputs(PrintStream stdout) {
        try (OneThreadAtATime.Entry use = guard.enter("printOutputs()")) {
            OutputWriter.writeOutputs(program.checked().program(), null, stdout, symbols, this::relationRows);
        }
    }

    /** Prints `relation<TAB>count` for each .printsize directive. */
    public void printSizes(PrintStream stdout) {
        try (OneThreadAtATime.Entry use = guard.enter("printSizes()")) {
            OutputWriter.printSizes(program.checked().program(), stdout, this::count);
        }
    }

    private RelationRows relationRows(String relation) {
        return new RelationRows(rows(relation), (int) count(relation));
    }

    /** The relation's result (checking that there are results; for a null relation, only that). */
    private Rows result(String relation) {
        checkOpen();
        if (relation != null) {
            declaration(relation);
        }
        if (evaluator == null) {
            throw new IllegalStateException(failure != null
                    ? "the last run() failed (" + failure + "), so there are no results to read; run() again"
                    : "call run() before reading results");
        }
        return relation == null ? null : evaluator.result(relation);
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
