// Grammar of the Soufflé dialect: declarations, type aliases, I/O directives, facts and rules. Binary operators
// are listed from the tightest (^, right-associative) to the loosest (lor), as in Soufflé.
// Constructs of Soufflé that JetLog does not support have cheap alternatives here, so that the AST
// builder (or the syntax error strategy) can report them clearly instead of a generic syntax error.
grammar Datalog;

@lexer::members {
    /** A directive keyword ends where no identifier character follows: `pt.typeA` is a name, not `.type`. */
    private boolean keywordEnds() {
        int next = _input.LA(1);
        return !(next >= 'a' && next <= 'z' || next >= 'A' && next <= 'Z' || next >= '0' && next <= '9'
                || next == '_' || next == '?');
    }
}

program : statement* EOF ;

statement
    : relationDecl
    | deltaDebugDecl
    | typeDecl
    | ioDirective
    | clause
    | functorDecl
    | pragmaDirective
    | planDirective
    | limitsizeDirective
    | componentDecl
    | componentInit
    | unsupportedDirective
    ;

// ---------------------------------------------------------------- declarations

// `.decl a, b(x: number)` declares a and b alike.
relationDecl : DECL IDENT (',' IDENT)* '(' (attribute (',' attribute)*)? ')' qualifier* ;

attribute : IDENT ':' typeName ;

// `.decl r_debug = debug_delta(r)`: r's tuples, each with the iteration that added it.
deltaDebugDecl : DECL IDENT '=' IDENT '(' qualifiedName ')' ;

// A type, or a type of a component instance (`c.T`, as in Soufflé).
typeName : IDENT ('.' IDENT)* ;

qualifier : BTREE | BRIE | BTREE_DELETE | EQREL | INLINE | NO_INLINE | MAGIC | NO_MAGIC | OVERRIDABLE
          | CHOICE_DOMAIN choiceDomain (',' choiceDomain)* ;

// `choice-domain x, (y, z)`: each listed column (or group of columns) determines the rest of the tuple.
choiceDomain : IDENT | '(' IDENT (',' IDENT)* ')' ;

typeDecl
    : TYPE IDENT SUBTYPE typeName                       # subtypeDecl
    | TYPE IDENT '=' typeName ('|' typeName)*           # equivalenceTypeDecl
    | TYPE IDENT '=' '[' (field (',' field)*)? ']'      # recordTypeDecl
    | TYPE IDENT '=' adtBranch ('|' adtBranch)*         # adtTypeDecl
    | (NUMBER_TYPE | SYMBOL_TYPE | TYPE) IDENT          # legacyTypeDecl
    ;

// `Name {x: number, y: T}`: one branch of an algebraic data type.
adtBranch : IDENT '{' (field (',' field)*)? '}' ;

// `x: number`: a field of a record type or of an ADT branch.
field : IDENT ':' typeName ;

ioDirective : (INPUT | OUTPUT | PRINTSIZE) ioTarget (',' ioTarget)* ;

ioTarget : qualifiedName ('(' (ioParameter (',' ioParameter)*)? ')')? ;

ioParameter : IDENT '=' ioValue ;

ioValue : STRING | IDENT | INT | FLOAT | TRUE | FALSE ;

// `.functor name(x: number, symbol): float stateful`: a functor the embedding program implements.
functorDecl : FUNCTOR IDENT '(' (functorParameter (',' functorParameter)*)? ')' ':' IDENT STATEFUL? ;

functorParameter : (IDENT ':')? IDENT ;

// `.pragma "key" "value"`: Soufflé's options set from the program.
pragmaDirective : PRAGMA STRING STRING? ;

// `.limitsize r(n=5)`: a recursive stratum stops once r holds at least 5 tuples.
limitsizeDirective : LIMITSIZE qualifiedName '(' IDENT '=' INT ')' ;

// `.plan 0: (1, 2), 1: (2, 1)`: join orders for the versions of the rule before it.
planDirective : PLAN planItem (',' planItem)* ;

planItem : INT ':' '(' (INT (',' INT)*)? ')' ;

// ---------------------------------------------------------------- components

// `.comp Name<T, U> : Base<T>, Other { ... }`: a template of declarations and rules, instantiated by `.init`.
componentDecl : COMP componentType (':' componentType (',' componentType)*)? '{' componentItem* '}' ;

componentType : IDENT ('<' IDENT (',' IDENT)* '>')? ;

// `.init name = Name<number, symbol>`: the component's relations become `name.relation`.
componentInit : INIT IDENT '=' componentType ;

componentItem
    : relationDecl
    | deltaDebugDecl
    | typeDecl
    | ioDirective
    | clause
    | componentDecl
    | componentInit
    | overrideDirective
    | functorDecl
    | pragmaDirective
    | planDirective
    | limitsizeDirective
    | unsupportedDirective
    ;

// `.override r`: the rules of r inherited from a base component are replaced by this component's.
overrideDirective : OVERRIDE IDENT ;

// `.lattice`: swallowed up to the next supported directive and reported as unsupported.
unsupportedDirective
    : UNSUPPORTED_DIRECTIVE (block | ~(DECL | TYPE | NUMBER_TYPE | SYMBOL_TYPE | INPUT | OUTPUT | PRINTSIZE
                                     | FUNCTOR | PRAGMA | PLAN | COMP | INIT | OVERRIDE | LIMITSIZE | UNSUPPORTED_DIRECTIVE
                                     | '{' | '}'))*
    ;

block : '{' (block | ~('{' | '}'))* '}' ;

// ---------------------------------------------------------------- facts and rules

// A rule or fact with one or more heads; or, with `<=`, a subsumption: `r(x, d1) <= r(x, d2) :- d2 <= d1.`
// deletes each tuple of r that the body finds dominated by another.
clause : atom ((',' atom)* | subsumes=LE atom) (IF disjunction)? '.' ;

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

atom : qualifiedName '(' (expr (',' expr)*)? ')' ;

// A relation of a component instance is named `instance.relation` (instances nest: `a.b.r`).
qualifiedName : IDENT ('.' IDENT)* ;

compareOp : '=' | '!=' | '<' | '<=' | '>' | '>=' ;

expr
    : '(' expr ')'                                        # parenExpr
    | <assoc=right> expr op='^' expr                      # binaryExpr
    | '-' expr                                            # negateExpr
    | op=(BNOT | LNOT) expr                               # notExpr
    | expr op=('*' | '/' | '%') expr                      # binaryExpr
    | expr op=('+' | '-') expr                            # binaryExpr
    | expr op=(BSHL | BSHR | BSHRU) expr                  # binaryExpr
    | expr op=BAND expr                                   # binaryExpr
    | expr op=BXOR expr                                   # binaryExpr
    | expr op=BOR expr                                    # binaryExpr
    | expr op=LAND expr                                   # binaryExpr
    | expr op=LXOR expr                                   # binaryExpr
    | expr op=LOR expr                                    # binaryExpr
    | aggregate                                           # aggregateExpr
    | IDENT '(' (expr (',' expr)*)? ')'                   # functorExpr
    | (MIN | MAX) '(' expr (',' expr)+ ')'                # minMaxFunctorExpr
    | '@' IDENT '(' (expr (',' expr)*)? ')'               # userFunctorExpr
    | '[' (expr (',' expr)*)? ']'                         # recordExpr
    | '$' (IDENT ('.' IDENT)* ('(' (expr (',' expr)*)? ')')?)?   # adtExpr
    | AS '(' expr ',' typeName ')'                        # castExpr
    | IDENT                                               # variableExpr
    | '_'                                                 # wildcardExpr
    | INT                                                 # intExpr
    | UNSIGNED_INT                                        # unsignedExpr
    | FLOAT                                               # floatExpr
    | STRING                                              # stringExpr
    ;

aggregate : aggregateFunction expr? ':' (atom | '{' disjunction '}') ;

aggregateFunction : COUNT | SUM | MIN | MAX | MEAN ;

// ---------------------------------------------------------------- lexer

DECL : '.decl' {keywordEnds()}? ;
TYPE : '.type' {keywordEnds()}? ;
NUMBER_TYPE : '.number_type' {keywordEnds()}? ;
SYMBOL_TYPE : '.symbol_type' {keywordEnds()}? ;
INPUT : '.input' {keywordEnds()}? ;
OUTPUT : '.output' {keywordEnds()}? ;
PRINTSIZE : '.printsize' {keywordEnds()}? ;
FUNCTOR : '.functor' {keywordEnds()}? ;
COMP : '.comp' {keywordEnds()}? ;
LIMITSIZE : '.limitsize' {keywordEnds()}? ;
INIT : '.init' {keywordEnds()}? ;
OVERRIDE : '.override' {keywordEnds()}? ;
PRAGMA : '.pragma' {keywordEnds()}? ;
PLAN : '.plan' {keywordEnds()}? ;
UNSUPPORTED_DIRECTIVE
    : '.lattice' {keywordEnds()}? ;

BTREE : 'btree' ;
BRIE : 'brie' ;
BTREE_DELETE : 'btree_delete' ;
EQREL : 'eqrel' ;
INLINE : 'inline' ;
NO_INLINE : 'no_inline' ;
MAGIC : 'magic' ;
NO_MAGIC : 'no_magic' ;
OVERRIDABLE : 'overridable' ;
CHOICE_DOMAIN : 'choice-domain' ;
STATEFUL : 'stateful' ;
AS : 'as' ;

COUNT : 'count' ;
SUM : 'sum' ;
MIN : 'min' ;
MAX : 'max' ;
MEAN : 'mean' ;
TRUE : 'true' ;
FALSE : 'false' ;

BNOT : 'bnot' ;
LNOT : 'lnot' ;
BAND : 'band' ;
BOR : 'bor' ;
BXOR : 'bxor' ;
BSHL : 'bshl' ;
BSHR : 'bshr' ;
BSHRU : 'bshru' ;
LAND : 'land' ;
LOR : 'lor' ;
LXOR : 'lxor' ;

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
CARET : '^' ;
// Soufflé 2.5's annotations, `@[name ...]` before an item and `@![name ...]` inside one (any tokens, brackets
// balanced, strings and comments read as such): metadata for tools that changes no result, so they are dropped
// here, wherever they stand. Doc comments (`///`, `//!`) are comments.
ANNOTATION : '@' '!'? [ \t\r\n]* '[' ANNOTATION_PART* ']' -> skip ;
fragment ANNOTATION_PART
    : '[' ANNOTATION_PART* ']'
    | '"' ('\\' ~[\r\n] | ~["\\\r\n])* '"'
    | '//' ~[\r\n]*
    | '/*' .*? '*/'
    | ~[[\]"]
    ;
AT : '@' ;
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
    | [0-9]+ '.' [0-9]+ '.' [0-9]+ '.' [0-9]+    // an IPv4 address, a number as Soufflé reads it
    ;

UNSIGNED_INT : ('0' [xX] [0-9a-fA-F]+ | '0' [bB] [01]+ | [0-9]+) 'u' ;

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
UNTERMINATED_ANNOTATION : '@' '!'? [ \t\r\n]* '[' ANNOTATION_PART* ;
ERROR_CHAR : . ;
