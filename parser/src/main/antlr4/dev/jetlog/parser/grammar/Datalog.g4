// Grammar of the core of the Soufflé dialect: declarations, type aliases, I/O directives, facts and rules.
// Constructs of Soufflé that JetLog does not support have cheap alternatives here, so that the AST
// builder (or the syntax error strategy) can report them clearly instead of a generic syntax error.
grammar Datalog;

program : statement* EOF ;

statement
    : relationDecl
    | typeDecl
    | ioDirective
    | clause
    | unsupportedDirective
    ;

// ---------------------------------------------------------------- declarations

relationDecl : DECL IDENT '(' (attribute (',' attribute)*)? ')' qualifier* ;

attribute : IDENT ':' IDENT ;

qualifier : BTREE | BRIE | BTREE_DELETE | EQREL | INLINE | NO_INLINE | MAGIC | NO_MAGIC | OVERRIDABLE ;

typeDecl
    : TYPE IDENT SUBTYPE IDENT                          # subtypeDecl
    | TYPE IDENT '=' IDENT ('|' IDENT)*                 # equivalenceTypeDecl
    | TYPE IDENT '=' '[' (~']')* ']'                    # recordTypeDecl
    | TYPE IDENT '=' adtBranch ('|' adtBranch)*         # adtTypeDecl
    | (NUMBER_TYPE | SYMBOL_TYPE) IDENT                 # legacyTypeDecl
    ;

adtBranch : IDENT '{' (~'}')* '}' ;

ioDirective : (INPUT | OUTPUT | PRINTSIZE) ioTarget (',' ioTarget)* ;

ioTarget : IDENT ('(' (ioParameter (',' ioParameter)*)? ')')? ;

ioParameter : IDENT '=' ioValue ;

ioValue : STRING | IDENT | INT | FLOAT | TRUE | FALSE ;

// `.comp`, `.init`, `.functor`, ...: swallowed up to the next supported directive and reported as unsupported.
unsupportedDirective
    : UNSUPPORTED_DIRECTIVE (block | ~(DECL | TYPE | NUMBER_TYPE | SYMBOL_TYPE | INPUT | OUTPUT | PRINTSIZE
                                     | UNSUPPORTED_DIRECTIVE | '{' | '}'))*
    ;

block : '{' (block | ~('{' | '}'))* '}' ;

// ---------------------------------------------------------------- facts and rules

clause : atom (',' atom)* (IF disjunction)? '.' ;

disjunction : conjunction (';' conjunction)* ;

conjunction : bodyItem (',' bodyItem)* ;

bodyItem
    : '!' bodyItem                       # negatedItem
    | '(' disjunction ')'                # groupItem
    | atom                               # atomItem
    | expr compareOp expr                # comparisonItem
    | TRUE                               # trueItem
    | FALSE                              # falseItem
    ;

atom : IDENT '(' (expr (',' expr)*)? ')' ;

compareOp : '=' | '!=' | '<' | '<=' | '>' | '>=' ;

expr
    : '(' expr ')'                                        # parenExpr
    | '-' expr                                            # negateExpr
    | UNSUPPORTED_UNARY expr                              # unsupportedUnaryExpr
    | expr UNSUPPORTED_BINARY expr                        # unsupportedBinaryExpr
    | expr op=('*' | '/' | '%') expr                      # mulExpr
    | expr op=('+' | '-') expr                            # addExpr
    | aggregate                                           # aggregateExpr
    | IDENT '(' (expr (',' expr)*)? ')'                   # functorExpr
    | (MIN | MAX) '(' expr (',' expr)+ ')'                # minMaxFunctorExpr
    | '[' (expr (',' expr)*)? ']'                         # recordExpr
    | '$' (IDENT ('(' (expr (',' expr)*)? ')')?)?         # adtExpr
    | IDENT                                               # variableExpr
    | '_'                                                 # wildcardExpr
    | INT                                                 # intExpr
    | FLOAT                                               # floatExpr
    | STRING                                              # stringExpr
    ;

aggregate : aggregateFunction expr? ':' (atom | '{' disjunction '}') ;

aggregateFunction : COUNT | SUM | MIN | MAX | MEAN ;

// ---------------------------------------------------------------- lexer

DECL : '.decl' ;
TYPE : '.type' ;
NUMBER_TYPE : '.number_type' ;
SYMBOL_TYPE : '.symbol_type' ;
INPUT : '.input' ;
OUTPUT : '.output' ;
PRINTSIZE : '.printsize' ;
UNSUPPORTED_DIRECTIVE
    : '.comp' | '.init' | '.functor' | '.pragma' | '.plan' | '.override' | '.limitsize' | '.lattice' ;

BTREE : 'btree' ;
BRIE : 'brie' ;
BTREE_DELETE : 'btree_delete' ;
EQREL : 'eqrel' ;
INLINE : 'inline' ;
NO_INLINE : 'no_inline' ;
MAGIC : 'magic' ;
NO_MAGIC : 'no_magic' ;
OVERRIDABLE : 'overridable' ;

COUNT : 'count' ;
SUM : 'sum' ;
MIN : 'min' ;
MAX : 'max' ;
MEAN : 'mean' ;
TRUE : 'true' ;
FALSE : 'false' ;

UNSUPPORTED_UNARY : 'bnot' | 'lnot' ;
UNSUPPORTED_BINARY : '^' | 'band' | 'bor' | 'bxor' | 'bshl' | 'bshr' | 'bshru' | 'land' | 'lor' | 'lxor' ;

IF : ':-' ;
SUBTYPE : '<:' ;
NE : '!=' ;
LE : '<=' ;
GE : '>=' ;
LT : '<' ;
GT : '>' ;
EQ : '=' ;
BANG : '!' ;
COLON : ':' ;
COMMA : ',' ;
SEMICOLON : ';' ;
DOT : '.' ;
LPAREN : '(' ;
RPAREN : ')' ;
LBRACE : '{' ;
RBRACE : '}' ;
LBRACKET : '[' ;
RBRACKET : ']' ;
PIPE : '|' ;
DOLLAR : '$' ;
PLUS : '+' ;
MINUS : '-' ;
STAR : '*' ;
SLASH : '/' ;
PERCENT : '%' ;
UNDERSCORE : '_' ;

FLOAT
    : [0-9]+ '.' [0-9]+ EXPONENT?
    | [0-9]+ EXPONENT
    ;
fragment EXPONENT : [eE] [+-]? [0-9]+ ;

INT
    : '0' [xX] [0-9a-fA-F]+
    | '0' [bB] [01]+
    | [0-9]+
    ;

IDENT
    : [a-zA-Z?] [a-zA-Z0-9_?]*
    | '_' [a-zA-Z0-9_?]+
    ;

STRING : '"' ('\\' ~[\r\n] | ~["\\\r\n])* '"' ;

LINE_COMMENT : '//' ~[\r\n]* -> skip ;
BLOCK_COMMENT : '/*' .*? '*/' -> skip ;
WS : [ \t\r\n\f]+ -> skip ;

// Error tokens: reported by the parser's lexical check, never seen by the grammar rules.
UNTERMINATED_STRING : '"' ('\\' ~[\r\n] | ~["\\\r\n])* '\\'? ;
UNTERMINATED_COMMENT : '/*' (~'*' | '*'+ ~[*/])* '*'* ;
ERROR_CHAR : . ;
