// The I/O directives of the dialect.
package dev.jetlog.parser.ast;

public enum DirectiveKind {
    INPUT(".input"),
    OUTPUT(".output"),
    PRINTSIZE(".printsize");

    private final String keyword;

    DirectiveKind(String keyword) {
        this.keyword = keyword;
    }

    public String keyword() {
        return keyword;
    }
}
