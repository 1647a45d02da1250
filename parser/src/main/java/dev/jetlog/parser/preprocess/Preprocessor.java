// The C preprocessor as Soufflé runs it (mcpp) before parsing, in Java (with Soufflé's .include and .once): directives are carried out,
// macros expanded, and the result is one text whose line map leads each position back to the original
// file, line and column. A text that cannot change (no '#', no line continuation, no predefined macro
// name in it) is returned as it is, without any work.
package dev.jetlog.parser.preprocess;

import dev.jetlog.parser.DatalogException;
import dev.jetlog.parser.Diagnostic;
import dev.jetlog.parser.SourceText;
import dev.jetlog.parser.preprocess.PpToken.Kind;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

public final class Preprocessor {
    /** Includes nested deeper than this are an error (as in GCC), which also ends an include cycle. */
    public static final int MAX_INCLUDE_DEPTH = 200;
    /** Defined for every program, as Soufflé does: the bits of a value (32, Soufflé's default build). */
    public static final Map<String, String> BUILT_IN_MACROS = Map.of("RAM_DOMAIN_SIZE", "32");

    private final Map<String, Macro> macros = new HashMap<>();
    private final List<Diagnostic> errors = new ArrayList<>();
    private final MacroExpander expander = new MacroExpander(macros, e -> errors.add(e.diagnostic()));
    private final IncludeFiles includeFiles;
    private final OutputBuilder output = new OutputBuilder();
    private final Map<String, SourceText> originals = new LinkedHashMap<>();
    /** The files being read, the innermost first. */
    private final Deque<SourceFile> including = new ArrayDeque<>();

    private Preprocessor(PreprocessorOptions options) {
        includeFiles = new IncludeFiles(options.includeDirs());
        Map<String, String> predefined = new LinkedHashMap<>(BUILT_IN_MACROS);
        predefined.putAll(options.macros());
        predefined.forEach((name, value) -> macros.put(name, MacroDefinition.predefined(name, value)));
    }

    /**
     * Preprocesses a program. A source that is already preprocessed, or that preprocessing cannot change,
     * is returned as it is.
     * @throws DatalogException with every error found (at least the first one of a fatal kind)
     */
    public static SourceText run(SourceText source, PreprocessorOptions options) {
        if (source.isPreprocessed() || !mayChange(source.text(), options)) {
            return source;
        }
        return new Preprocessor(options).preprocess(source);
    }

    /** False only when the text has no '#', no line continuation and no predefined macro's name. */
    static boolean mayChange(String text, PreprocessorOptions options) {
        if (text.indexOf('#') >= 0 || PpLexer.hasContinuation(text) || text.contains(".include")
                || text.contains(".once") || text.contains("__LINE__") || text.contains("__FILE__")) {
            return true;
        }
        return BUILT_IN_MACROS.keySet().stream().anyMatch(text::contains)
                || options.macros().keySet().stream().anyMatch(text::contains);
    }

    private SourceText preprocess(SourceText source) {
        Optional<Path> path = source.file();
        Path parent = path.map(Path::getParent).orElse(null);
        SourceFile main = new SourceFile(source.name(), parent == null ? Path.of("") : parent,
                path.<Object>map(IncludeFiles::identity).orElseGet(Object::new), source.text());
        includeFiles.register(main);
        originals.put(main.name(), source);
        try {
            process(main);
        } catch (PreprocessorError e) {
            errors.add(e.diagnostic());
        }
        SourceText result = SourceText.preprocessed(source, output.text(), output.lineMap(originals));
        if (!errors.isEmpty()) {
            throw new DatalogException(result, errors);
        }
        return result;
    }

    /** Reads one file: lines of text are kept (and expanded) or skipped, directives carried out. */
    private void process(SourceFile file) {
        including.push(file);
        PpLexer lexer = new PpLexer(file.text(), file.name());
        LineFeeder text = new LineFeeder(expander, output);
        Conditionals conditionals = new Conditionals();
        for (List<PpToken> line = lexer.nextLine(); line != null; line = lexer.nextLine()) {
            int first = MacroDefinition.skipBlanks(line, 0);
            String dotDirective = dotDirective(line, first);
            if (dotDirective != null) {
                // Soufflé's own `.include "FILE"` and `.once`: as #include and #pragma once
                text.finish();
                if (conditionals.active()) {
                    int end = line.get(line.size() - 1).kind() == Kind.NEWLINE ? line.size() - 1 : line.size();
                    try {
                        if (dotDirective.equals("once")) {
                            includeFiles.markIncludedOnce(file);
                        } else {
                            include(file, line.get(first), line.subList(first + 2, end));
                        }
                    } catch (PreprocessorError e) {
                        if (e.isFatal()) {
                            throw e;
                        }
                        errors.add(e.diagnostic());
                    }
                }
            } else if (first < line.size() && line.get(first).isPunctuator("#")) {
                text.finish();
                int end = line.get(line.size() - 1).kind() == Kind.NEWLINE ? line.size() - 1 : line.size();
                try {
                    directive(file, line.get(first), line.subList(first + 1, end), conditionals);
                } catch (PreprocessorError e) {
                    if (e.isFatal()) {
                        throw e;
                    }
                    errors.add(e.diagnostic());
                }
            } else if (conditionals.active()) {
                text.addLine(line);
            }
        }
        text.finish();
        PpToken open = conditionals.unterminated();
        if (open != null) {
            errors.add(PreprocessorError.at(open, "unterminated #" + open.text()
                    + ": no #endif before the end of the file").diagnostic());
        }
        including.pop();
    }

    /** "include" or "once" when the line starts with Soufflé's `.include` or `.once`, else null. */
    private static String dotDirective(List<PpToken> line, int first) {
        if (first + 1 < line.size() && line.get(first).isPunctuator(".")
                && (line.get(first + 1).isIdentifier("include") || line.get(first + 1).isIdentifier("once"))) {
            return line.get(first + 1).text();
        }
        return null;
    }

    private void directive(SourceFile file, PpToken hash, List<PpToken> rest, Conditionals conditionals) {
        int at = MacroDefinition.skipBlanks(rest, 0);
        if (at == rest.size()) {
            return;
        }
        PpToken word = rest.get(at);
        List<PpToken> operands = rest.subList(at + 1, rest.size());
        // Reported at the '#', named by the directive's word.
        PpToken directive = PpToken.madeAt(word.kind(), word.text(), hash);
        String name = word.kind() == Kind.IDENTIFIER ? word.text() : "";
        switch (name) {
            case "if" -> conditionals.openIf(directive, () -> condition(directive, operands));
            case "ifdef" -> conditionals.openIf(directive, () -> macros.containsKey(macroName(directive, operands)));
            case "ifndef" -> conditionals.openIf(directive, () -> !macros.containsKey(macroName(directive, operands)));
            case "elif" -> conditionals.elif(directive, () -> condition(directive, operands));
            case "else" -> conditionals.otherwise(directive);
            case "endif" -> conditionals.end(directive);
            default -> {
                if (conditionals.active()) {
                    lineDirective(file, directive, word, operands);
                }
            }
        }
    }

    /** A directive other than a conditional, on a kept line. */
    private void lineDirective(SourceFile file, PpToken directive, PpToken word, List<PpToken> operands) {
        switch (word.kind() == Kind.NUMBER ? "line" : word.text()) {
            case "define" -> {
                Macro macro = MacroDefinition.parse(operands, directive);
                macros.put(macro.name(), macro);
            }
            case "undef" -> macros.remove(macroName(directive, operands));
            case "include" -> include(file, directive, operands);
            case "error" -> throw PreprocessorError.at(directive, "#error " + spelling(operands));
            case "pragma" -> {
                int first = MacroDefinition.skipBlanks(operands, 0);
                if (first < operands.size() && operands.get(first).isIdentifier("once")) {
                    includeFiles.markIncludedOnce(file);
                }
            }
            case "line" -> {
                // #line and GNU line markers (# 12 "file") are accepted and ignored: the line map already
                // names the original files and lines.
            }
            default -> throw PreprocessorError.at(directive, "unknown preprocessor directive '#" + word.text() + "'");
        }
    }

    /** The macro name operand of #ifdef, #ifndef and #undef. */
    private static String macroName(PpToken directive, List<PpToken> operands) {
        int at = MacroDefinition.skipBlanks(operands, 0);
        if (at == operands.size() || operands.get(at).kind() != Kind.IDENTIFIER) {
            throw PreprocessorError.at(at == operands.size() ? directive : operands.get(at),
                    "#" + directive.text() + " needs a macro name");
        }
        MacroDefinition.checkName(operands.get(at));
        return operands.get(at).text();
    }

    private boolean condition(PpToken directive, List<PpToken> operands) {
        List<PpToken> expanded = expander.expand(withDefinedReplaced(operands));
        return ConditionExpression.evaluate(expanded, directive, macros::containsKey) != 0;
    }

    /** The operands with each `defined NAME` and `defined(NAME)` replaced by 1 or 0, before expansion. */
    private List<PpToken> withDefinedReplaced(List<PpToken> operands) {
        List<PpToken> result = new ArrayList<>(operands.size());
        for (int i = 0; i < operands.size(); i++) {
            PpToken token = operands.get(i);
            if (!token.isIdentifier("defined")) {
                result.add(token);
                continue;
            }
            int at = MacroDefinition.skipBlanks(operands, i + 1);
            boolean parenthesized = at < operands.size() && operands.get(at).isPunctuator("(");
            if (parenthesized) {
                at = MacroDefinition.skipBlanks(operands, at + 1);
            }
            if (at == operands.size() || operands.get(at).kind() != Kind.IDENTIFIER) {
                throw PreprocessorError.at(at == operands.size() ? token : operands.get(at),
                        "'defined' needs a macro name");
            }
            boolean defined = macros.containsKey(operands.get(at).text());
            if (parenthesized) {
                at = MacroDefinition.skipBlanks(operands, at + 1);
                if (at == operands.size() || !operands.get(at).isPunctuator(")")) {
                    throw PreprocessorError.at(at == operands.size() ? token : operands.get(at),
                            "expected ')' after the macro name of 'defined'");
                }
            }
            result.add(PpToken.madeAt(Kind.NUMBER, defined ? "1" : "0", token));
            i = at;
        }
        return result;
    }

    private record HeaderName(String name, boolean quoted, PpToken at) {
    }

    private void include(SourceFile file, PpToken directive, List<PpToken> operands) {
        HeaderName header = headerName(operands);
        if (header == null) {
            header = headerName(expander.expand(operands));
        }
        if (header == null) {
            throw PreprocessorError.at(directive, "#include expects \"FILE\" or <FILE>");
        }
        Optional<Path> found = includeFiles.find(header.name(), header.quoted(), file.directory());
        if (found.isEmpty()) {
            StringJoiner searched = new StringJoiner(", ");
            includeFiles.searchPath(header.quoted(), file.directory()).forEach(d -> searched.add(IncludeFiles.describe(d)));
            throw PreprocessorError.at(header.at(), "cannot find include file " + quote(header)
                    + (searched.length() == 0 ? " (no include directory to search; give them with -I)"
                    : " (searched: " + searched + ")"));
        }
        SourceFile included;
        try {
            included = includeFiles.read(found.get());
        } catch (CharacterCodingException e) {
            throw PreprocessorError.at(header.at(), "cannot read include file " + found.get() + ": it is not UTF-8 text");
        } catch (IOException e) {
            throw PreprocessorError.at(header.at(), "cannot read include file " + found.get() + ": " + e.getMessage());
        }
        if (includeFiles.isIncludedOnce(included)) {
            return;
        }
        if (including.size() > MAX_INCLUDE_DEPTH) {
            throw PreprocessorError.fatal(header.at(), "#include nested more than " + MAX_INCLUDE_DEPTH
                    + " levels deep" + cycle(included));
        }
        originals.putIfAbsent(included.name(), SourceText.of(included.name(), included.text()));
        process(included);
        output.endFile();
    }

    /** " (include cycle: a -> b -> a)" from the innermost reading of the file, when it is being read, else "". */
    private String cycle(SourceFile next) {
        List<String> names = new ArrayList<>();
        for (SourceFile file : including) {
            names.add(0, file.name());
            if (file.identity().equals(next.identity())) {
                names.add(next.name());
                return " (include cycle: " + String.join(" -> ", names) + ")";
            }
        }
        return "";
    }

    private static String quote(HeaderName header) {
        return header.quoted() ? "\"" + header.name() + "\"" : "<" + header.name() + ">";
    }

    /** "FILE" or <FILE> at the start of the operands, or null. */
    private static HeaderName headerName(List<PpToken> operands) {
        int at = MacroDefinition.skipBlanks(operands, 0);
        if (at == operands.size()) {
            return null;
        }
        PpToken first = operands.get(at);
        if (first.kind() == Kind.STRING && first.text().length() >= 2 && first.text().endsWith("\"")) {
            return new HeaderName(first.text().substring(1, first.text().length() - 1), true, first);
        }
        if (first.isPunctuator("<")) {
            StringBuilder name = new StringBuilder();
            for (PpToken token : operands.subList(at + 1, operands.size())) {
                if (token.isPunctuator(">")) {
                    return new HeaderName(name.toString(), false, first);
                }
                name.append(token.text());
            }
        }
        return null;
    }

    /** The text of the tokens as written, whitespace runs made one space, trimmed. */
    private static String spelling(List<PpToken> tokens) {
        StringBuilder text = new StringBuilder();
        for (PpToken token : tokens) {
            text.append(token.isBlank() ? " " : token.text());
        }
        return text.toString().trim().replaceAll("\\s+", " ");
    }
}
