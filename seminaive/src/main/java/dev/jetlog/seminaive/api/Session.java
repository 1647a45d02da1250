// One evaluation context of a compiled program on one backend: insert facts (from Java or the
// program's .input files), run to the fixpoint, then read relations back or write the outputs.
// run() may be called again after more inserts; it evaluates from all facts inserted so far.
// A session is used by one thread at a time: a second thread calling in while the first is inside fails
// at once (IllegalStateException). Several sessions of one compiled program may run in parallel threads.
package dev.jetlog.seminaive.api;

import dev.jetlog.datasets.IntRows;
import dev.jetlog.datasets.RecordTable;
import dev.jetlog.datasets.RecordText;
import dev.jetlog.parser.ast.ColumnType;
import dev.jetlog.parser.ast.FunctorDecl;
import dev.jetlog.parser.ast.RelationDecl;
import dev.jetlog.seminaive.eval.CancelledException;
import dev.jetlog.seminaive.eval.EvaluationStats;
import dev.jetlog.seminaive.eval.Evaluator;
import dev.jetlog.seminaive.eval.MemoryLimitException;
import dev.jetlog.seminaive.eval.Sizes;
import dev.jetlog.seminaive.io.DataException;
import dev.jetlog.seminaive.io.InputLoader;
import dev.jetlog.seminaive.io.OutputWriter;
import dev.jetlog.seminaive.io.RelationRows;
import dev.jetlog.seminaive.spi.Backend;
import dev.jetlog.seminaive.spi.BackendException;
import dev.jetlog.seminaive.spi.BackendOptions;
import dev.jetlog.seminaive.spi.HostFunctions;
import dev.jetlog.seminaive.spi.Rows;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One evaluation of a {@link CompiledProgram} on one backend: insert facts (from Java or the program's
 * {@code .input} files), {@link #run()} to the fixpoint, then count, query, iterate or write the relations.
 * A later {@code run()} continues from the last fixpoint with the facts inserted since (incremental
 * evaluation); {@link #clear(String)} makes the next run start over.
 *
 * <p>Thread safety: a session is used by one thread at a time (a second thread calling in while another is
 * inside fails with {@link IllegalStateException}), except {@link #cancel()}, which any thread may call.
 * Several sessions of one program may run in parallel. Close the session to release its backend's memory.
 */
public final class Session implements AutoCloseable {
    private final CompiledProgram program;
    private final EngineOptions options;
    private Backend backend;
    private final String backendChoice;
    /** The settings backends of this session are created with (the CPU one too, after a fallback). */
    private final BackendOptions backendOptions;
    /** Under "auto": a device backend that fails hands the run over to the CPU backend. */
    private final boolean autoSelected;
    /** Why the session left the backend "auto" chose, or null. */
    private String fallback;
    private final SymbolTable symbols = new SymbolTable();
    private final RecordTable records = new RecordTable();
    private final RecordText recordText = new RecordText(symbols, records);
    private final OneThreadAtATime guard = new OneThreadAtATime();
    private final Map<String, IntRows> facts = new LinkedHashMap<>();
    /** Per relation, how many of its facts the evaluator has (after a successful run). */
    private final Map<String, Integer> loaded = new HashMap<>();
    /** Set when facts were removed: the next run starts over instead of continuing. */
    private boolean fullRunNeeded;
    /** Set by cancel() from any thread; cleared when a run starts. */
    private volatile boolean cancelRequested;
    private volatile ProgressListener progress;
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
        checkFunctors(program, options);
        Map<String, java.util.function.Function<Object[], Object>> functors = new HashMap<>();
        options.functors().forEach((name, functor) -> functors.put(name, functor::apply));
        BackendRegistry.Selection selection = BackendRegistry.choose(options.backend());
        this.backendOptions = options.backendOptions().withSymbols(new HostFunctions(symbols, records, functors));
        this.backend = selection.provider().create(backendOptions);
        this.autoSelected = BackendRegistry.AUTO.equals(options.backend());
        this.backendChoice = selection.explanation();
    }

    /** Every functor the program declares needs an implementation before anything runs. */
    private static void checkFunctors(CompiledProgram program, EngineOptions options) {
        for (FunctorDecl functor : program.checked().program().functors()) {
            if (!options.functors().containsKey(functor.name())) {
                throw new JetLogException(functor.pos() + ": functor '" + functor.name() + "' has no implementation:"
                        + " register one with EngineOptions.withFunctor(\"" + functor.name() + "\", ...)"
                        + " (the command line cannot load one)");
            }
        }
    }

    /** One line saying which backend runs this session and, under "auto", why it was chosen. */
    public String backendChoice() {
        return backendChoice;
    }

    /**
     * Null, or the line saying why this session left the backend "auto" had chosen: a device backend that
     * fails (a failed allocation, a kernel that does not launch, a lost device) hands the run over to the CPU
     * backend, which evaluates from the session's facts again.
     */
    public String fallback() {
        return fallback;
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
            RelationDecl decl = factTarget(relation);
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
            RelationDecl decl = factTarget(relation);
            checkArity(decl, values.length);
            int[] row = new int[values.length];
            for (int c = 0; c < values.length; c++) {
                row[c] = ValueEncoding.encode(decl, c, values[c], symbols, recordText);
            }
            factsOf(decl).add(row);
        }
    }

    /** Adds rowCount tuples from a row-major array of raw 32-bit values (symbols as ids of symbols()). */
    public void insertRows(String relation, int[] rowMajor, int rowCount) {
        try (OneThreadAtATime.Entry use = guard.enter("insertRows()")) {
            RelationDecl decl = factTarget(relation);
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

    /**
     * Removes every fact inserted into the relation (through the API or loadInputs). The results of the
     * last run stay readable; the next run() evaluates from scratch.
     */
    public void clear(String relation) {
        try (OneThreadAtATime.Entry use = guard.enter("clear()")) {
            checkOpen();
            declaration(relation);
            facts.remove(relation);
            fullRunNeeded = true;
        }
    }

    /**
     * Reads every .input relation from the directory: text files (gzip-compressed or not, with Soufflé's
     * headers/rfc4180/columns options) and SQLite databases (IO=sqlite). All or nothing: if one input
     * fails, no fact is inserted. @throws JetLogException naming the file and line (or row)
     */
    public void loadInputs(Path factsDir) {
        loadInputs(factsDir, System.in);
    }

    /** As loadInputs(factsDir), with IO=stdin inputs read from the given stream (not closed). */
    public void loadInputs(Path factsDir, java.io.InputStream stdin) {
        try (OneThreadAtATime.Entry use = guard.enter("loadInputs()")) {
            InputLoader.load(program.checked().program(), factsDir, stdin, symbols, records, options.threads(),
                    (relation, rows) -> {
                        IntRows target = factsOf(declaration(relation));
                        if (target.isEmpty()) {
                            facts.put(relation, rows);
                        } else {
                            for (int r = 0; r < rows.size(); r++) {
                                target.addFrom(rows.data(), r * rows.arity());
                            }
                        }
                    });
        } catch (DataException e) {
            throw new JetLogException(e.getMessage(), e);
        }
    }

    // ---- evaluation ----------------------------------------------------------------------------

    /**
     * Evaluates the program over every fact inserted so far. After a successful run, a second run()
     * continues from its fixpoint: the facts inserted since are the first delta of the strata that read
     * their relations only positively, and only strata that negate or aggregate over a changed relation
     * (and those after them) are evaluated again from scratch; the results are those of a fresh run.
     * After clear(), the next run starts over. The calling thread's interrupt cancels a run: run() then
     * throws EvaluationCancelledException. A run that fails or is cancelled leaves no results: every read
     * throws until the next successful run(), which starts over.
     */
    public EvaluationStats run() {
        try (OneThreadAtATime.Entry use = guard.enter("run()")) {
            checkOpen();
            failure = null;
            boolean incremental = evaluator != null && !fullRunNeeded;
            if (!incremental) {
                releaseResults();
                evaluator = new Evaluator(program.plan(), backend, options.evaluation());
                evaluator.cancelWhen(() -> cancelRequested || Thread.currentThread().isInterrupted());
                evaluator.onIterationStart(backendOptions.symbols()::iteration);
                evaluator.reportProgress((stratum, relations, iteration, tuples, elapsed) -> {
                    ProgressListener listener = progress;
                    if (listener != null) {
                        listener.iterationDone(stratum, relations, iteration, tuples, elapsed);
                    }
                });
            }
            cancelRequested = false;
            try {
                if (incremental) {
                    evaluator.startIncrementalRun();
                    Set<String> added = new LinkedHashSet<>();
                    for (Map.Entry<String, IntRows> entry : facts.entrySet()) {
                        IntRows rows = entry.getValue();
                        int from = loaded.getOrDefault(entry.getKey(), 0);
                        if (rows.size() > from) {
                            evaluator.load(entry.getKey(), Arrays.copyOfRange(rows.data(), from * rows.arity(),
                                    rows.size() * rows.arity()), rows.size() - from);
                            added.add(entry.getKey());
                        }
                    }
                    stats = evaluator.evaluateIncrementally(relation -> {
                        IntRows rows = facts.get(relation);
                        if (rows != null) {
                            evaluator.load(relation, rows.data(), rows.size());
                        }
                    }, added);
                } else {
                    for (Map.Entry<String, IntRows> entry : facts.entrySet()) {
                        IntRows rows = entry.getValue();
                        evaluator.load(entry.getKey(), rows.data(), rows.size());
                    }
                    stats = evaluator.evaluate();
                }
                loaded.clear();
                facts.forEach((relation, rows) -> loaded.put(relation, rows.size()));
                fullRunNeeded = false;
                return stats;
            } catch (BackendException e) {
                failed(e);
                if (fallBackToCpu(e)) {
                    return run();
                }
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

    /**
     * Runs like run(), but cancels itself after the timeout (throwing EvaluationCancelledException; the
     * session keeps its facts and has no results until the next successful run).
     */
    public EvaluationStats run(java.time.Duration timeout) {
        Thread caller = Thread.currentThread();
        java.util.concurrent.ScheduledExecutorService timer = java.util.concurrent.Executors
                .newSingleThreadScheduledExecutor(task -> {
                    Thread thread = new Thread(task, "jetlog-session-timeout");
                    thread.setDaemon(true);
                    return thread;
                });
        boolean[] fired = new boolean[1];
        timer.schedule(() -> {
            fired[0] = true;
            cancel();
        }, Math.max(1, timeout.toNanos()), java.util.concurrent.TimeUnit.NANOSECONDS);
        try {
            return run();
        } catch (EvaluationCancelledException e) {
            if (fired[0] && !caller.isInterrupted()) {
                throw new EvaluationCancelledException("evaluation stopped after the timeout of " + timeout + " ("
                        + e.getMessage() + ")", e);
            }
            throw e;
        } finally {
            timer.shutdownNow();
        }
    }

    /**
     * Asks the run in progress (in any thread) to stop at its next cancellation point; it then throws
     * EvaluationCancelledException. Safe to call from any thread; does nothing when no run is in progress.
     */
    public void cancel() {
        cancelRequested = true;
    }

    /** Tells the listener (on the evaluating thread) about every iteration of every later run; null for none. */
    public void onProgress(ProgressListener listener) {
        this.progress = listener;
    }

    /** Forgets the partial results of a failed run, remembering why it failed. */
    /** Under "auto", replaces a failed device backend by the CPU backend; false if that does not apply. */
    private boolean fallBackToCpu(BackendException failure) {
        if (!autoSelected || "cpu".equals(backend.name()) || cancelRequested) {
            return false;
        }
        String failedName = backend.name();
        try {
            backend.close();
        } catch (RuntimeException | Error secondary) {
            failure.addSuppressed(secondary);
        }
        backend = BackendRegistry.select("cpu").create(backendOptions);
        loaded.clear();
        fullRunNeeded = true;
        fallback = "the " + failedName + " backend failed (" + failure.getMessage() + "); the run continues on the cpu"
                + " backend from the session's facts";
        return true;
    }

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
            result(null);
            declaration(relation);
            return readResult(() -> evaluator.size(relation));
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
            int[] data = rows(relation);
            int count = (int) count(relation);
            List<Tuple> tuples = new ArrayList<>(count);
            for (int r = 0; r < count; r++) {
                int[] values = new int[decl.arity()];
                System.arraycopy(data, r * decl.arity(), values, 0, decl.arity());
                tuples.add(new Tuple(values, decl.attributes(), symbols, recordText));
            }
            return tuples;
        }
    }

    /** Stands for "any value" in a query pattern. */
    public static final Object ANY = new Object() {
        @Override
        public String toString() {
            return "ANY";
        }
    };

    /**
     * The tuples of a relation (after the last run) whose columns equal the pattern's values, ANY leaving
     * a column free: {@code query("path", 5, Session.ANY)}. Values are given as insertTuple takes them. The
     * lookup goes through a HISA index on the bound columns (built on the first query of that shape and
     * kept until the next run), so it costs what its answer costs, not what the relation does.
     */
    public TupleCursor query(String relation, Object... pattern) {
        try (OneThreadAtATime.Entry use = guard.enter("query()")) {
            RelationDecl decl = declaration(relation);
            checkArity(decl, pattern.length);
            Rows full = result(relation);
            int bound = 0;
            for (Object value : pattern) {
                bound += value == ANY ? 0 : 1;
            }
            if (bound == 0) {
                return new TupleCursor(backend, full, false, decl.attributes(), symbols, recordText);
            }
            int[] columns = new int[bound];
            int[] values = new int[bound];
            for (int c = 0, i = 0; c < pattern.length; c++) {
                if (pattern[c] == ANY) {
                    continue;
                }
                if (decl.columnType(c) == ColumnType.SYMBOL && pattern[c] instanceof String text
                        && symbols.lookup(text) < 0) {
                    return new TupleCursor(backend, backend.empty(decl.arity()), true, decl.attributes(), symbols, recordText);
                }
                columns[i] = c;
                values[i++] = ValueEncoding.encode(decl, c, pattern[c], symbols, recordText);
            }
            return new TupleCursor(backend, readResult(() -> evaluator.lookup(relation, columns, values)), true,
                    decl.attributes(), symbols, recordText);
        }
    }

    /** True if the relation (after the last run) holds the tuple; values as insertTuple takes them. */
    public boolean contains(String relation, Object... values) {
        for (Object value : values) {
            if (value == ANY) {
                throw new IllegalArgumentException("contains takes a whole tuple; use query for patterns with ANY");
            }
        }
        try (TupleCursor cursor = query(relation, values)) {
            return cursor.size() > 0;
        }
    }

    /** Every tuple of a relation (after the last run), streamed in canonical order. */
    public TupleCursor cursor(String relation) {
        RelationDecl decl = declaration(relation);
        Object[] any = new Object[decl.arity()];
        Arrays.fill(any, ANY);
        return query(relation, any);
    }

    /**
     * Writes the .output relations into the directory, in Soufflé's formats: files (with their
     * headers/rfc4180/compress options) and SQLite databases (IO=sqlite); IO=stdout and IO=stdoutprintsize
     * ones go to stdout. All or nothing: every file is written to a temporary first, every existing
     * database changed in an open transaction, and they are renamed over their targets and committed only
     * when all are written.
     */
    public void writeOutputs(Path outputDir, PrintStream stdout) {
        try (OneThreadAtATime.Entry use = guard.enter("writeOutputs()")) {
            result(null);
            if (OutputWriter.writesFiles(program.checked().program())) {
                OutputWriter.checkOutputDirectory(outputDir);
            }
            OutputWriter.writeOutputs(program.checked().program(), outputDir, stdout, symbols, records, this::relationRows,
                    options.threads());
        } catch (DataException e) {
            throw new JetLogException(e.getMessage(), e);
        }
    }

    /** Prints every .output relation to stdout with its header line, as Soufflé's -D - does. */
    public void printOutputs(PrintStream stdout) {
        try (OneThreadAtATime.Entry use = guard.enter("printOutputs()")) {
            OutputWriter.writeOutputs(program.checked().program(), null, stdout, symbols, records, this::relationRows, 1);
        } catch (DataException e) {
            throw new JetLogException(e.getMessage(), e);
        }
    }

    /** Prints `relation<TAB>count` for each .printsize directive. */
    public void printSizes(PrintStream stdout) {
        try (OneThreadAtATime.Entry use = guard.enter("printSizes()")) {
            OutputWriter.printSizes(program.checked().program(), stdout, this::count);
        } catch (DataException e) {
            throw new JetLogException(e.getMessage(), e);
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
        return relation == null ? null : readResult(() -> evaluator.result(relation));
    }

    /** Reads a result, which may evaluate an eqrel relation's pairs: a failure to fit is a JetLogException. */
    private <T> T readResult(java.util.function.Supplier<T> read) {
        try {
            return read.get();
        } catch (MemoryLimitException e) {
            throw new JetLogException(e.getMessage(), e);
        } catch (OutOfMemoryError e) {
            throw new JetLogException("out of memory while reading results (Java heap limit "
                    + Sizes.format(Runtime.getRuntime().maxMemory()) + "); give the JVM more, e.g. java -Xmx16g", e);
        }
    }

    // ---- helpers -------------------------------------------------------------------------------

    private RelationDecl declaration(String relation) {
        return program.relation(relation);
    }

    /** The declaration of a relation that may take facts: any but a debug_delta relation, which its stratum fills. */
    private RelationDecl factTarget(String relation) {
        RelationDecl decl = declaration(relation);
        if (decl.isDeltaDebug()) {
            throw new IllegalArgumentException("relation '" + relation + "' is filled by debug_delta(" + decl.deltaOf()
                    + "): it cannot take facts");
        }
        return decl;
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
