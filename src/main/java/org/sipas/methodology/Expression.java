package org.sipas.methodology;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The skip-logic and constraint language of XLSForm (a subset of XPath, as ODK writes it), so a
 * form authored for ODK means the same here: {@code ${q3} = 5}, {@code ${q4} <= 2 and ${q5} != ''},
 * {@code selected(${q6}, 'phi')}, {@code . >= 1 and . <= 120}, {@code string-length(.) <= 500}.
 *
 * <p>Values are the answers as stored: a scale or select_one answer is its code, a select_multiple
 * answer is its codes separated by spaces, an unanswered question is the empty string. A
 * comparison is numeric when both sides read as numbers, otherwise textual.
 *
 * <p>Operators, loosest first: {@code or}; {@code and}; {@code = !=}; {@code < <= > >=};
 * {@code + -}; {@code * div mod}; unary {@code -}. Functions: {@code selected(a, code)},
 * {@code count-selected(a)}, {@code string-length(a)}, {@code not(a)}, {@code regex(a, pattern)},
 * {@code if(condition, a, b)}, {@code true()}, {@code false()}, {@code coalesce(a, b)},
 * {@code concat(a, …)}, {@code int(a)}, {@code round(a[, digits])}, {@code today()} (yyyy-mm-dd in
 * Asia/Ho_Chi_Minh). A bare name ({@code state}) reads a column of the choice a
 * {@code choice_filter} is tested on, and is refused in every other expression.
 */
public final class Expression {

    private static final Map<String, Expression> COMPILED = new ConcurrentHashMap<>();

    /** A syntax error, with the 0-based character position where it was found. */
    public static final class SyntaxError extends IllegalArgumentException {
        private final int position;

        SyntaxError(int position, String message) {
            super(message + " (at character " + (position + 1) + ")");
            this.position = position;
        }

        public int position() {
            return position;
        }
    }

    private static final Set<String> FUNCTIONS = Set.of("selected", "count-selected", "string-length", "not", "regex",
            "if", "true", "false", "coalesce", "concat", "int", "round", "today");

    private final String text;
    private final Node root;

    private Expression(String text, Node root) {
        this.text = text;
        this.root = root;
    }

    /** Parses an expression; throws {@link SyntaxError} naming the place of the first error. */
    /**
     * The same as {@link #parse}, remembered: a questionnaire checks the same few hundred
     * expressions on every submit, and an expression is immutable. Bounded so that uploads of
     * ever new methodologies cannot grow it without end.
     */
    public static Expression compiled(String text) {
        Expression known = COMPILED.get(text);
        if (known != null) {
            return known;
        }
        if (COMPILED.size() > 20_000) {
            COMPILED.clear();
        }
        Expression parsed = parse(text);
        COMPILED.put(text, parsed);
        return parsed;
    }


    public static Expression parse(String text) {
        Parser parser = new Parser(text);
        Node root = parser.or();
        parser.expectEnd();
        return new Expression(text, root);
    }

    /** The question names this expression reads with {@code ${name}}. */
    public Set<String> references() {
        Set<String> names = new java.util.LinkedHashSet<>();
        root.collect(names);
        return names;
    }

    /** True or false for {@code answers} (name → stored answer, "" when unanswered) and the current value {@code .}. */
    public boolean test(Function<String, String> answers, String current) {
        return truth(root.eval(new Scope(answers, NO_ITEM), current == null ? "" : current));
    }

    /**
     * The value for {@code answers}, as a {@code calculate} stores it: a number without a float's
     * noise ({@code 7}, {@code 2.5}), a truth as {@code true}/{@code false}, a text as it is.
     */
    public String value(Function<String, String> answers) {
        return string(root.eval(new Scope(answers, NO_ITEM), ""));
    }

    /**
     * True or false for one choice of a list, as a {@code choice_filter} asks: a bare name reads the
     * choice's column ({@code name} its code, {@code label} its label, else a column of the choices
     * sheet), {@code ${name}} an answer.
     */
    public boolean test(Function<String, String> answers, Function<String, String> item) {
        return truth(root.eval(new Scope(answers, item), ""));
    }

    /** The bare names this expression reads: the columns of a choice, in a {@code choice_filter}. */
    public Set<String> columns() {
        Set<String> names = new java.util.LinkedHashSet<>();
        root.columns(names);
        return names;
    }

    private static final Function<String, String> NO_ITEM = name -> "";

    /** What an expression reads: the answers by question name, and the choice a filter is tested on. */
    private record Scope(Function<String, String> answers, Function<String, String> item) {
    }

    @Override
    public String toString() {
        return text;
    }

    // ---- values

    private static boolean truth(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof Double d) {
            return d != 0 && !d.isNaN();
        }
        return !((String) value).isEmpty();
    }

    private static double number(Object value) {
        if (value instanceof Double d) {
            return d;
        }
        if (value instanceof Boolean b) {
            return b ? 1 : 0;
        }
        String s = ((String) value).strip();
        if (!mayBeNumber(s)) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /**
     * Whether {@link Double#parseDouble} could read {@code s}: after a sign it needs a digit, a point,
     * NaN or Infinity. Codes such as {@code ca_nhan} are refused here, without the exception that
     * took a sixth of a response's checks (ResponseBenchmark, JFR).
     */
    private static boolean mayBeNumber(String s) {
        int first = !s.isEmpty() && (s.charAt(0) == '+' || s.charAt(0) == '-') ? 1 : 0;
        if (first >= s.length()) {
            return false;
        }
        char c = s.charAt(first);
        return (c >= '0' && c <= '9') || c == '.' || c == 'N' || c == 'I';
    }

    private static String string(Object value) {
        if (value instanceof Double d) {
            return d == Math.rint(d) && !d.isInfinite() ? Long.toString(d.longValue()) : d.toString();
        }
        return value.toString();
    }

    private static boolean numeric(Object value) {
        return value instanceof Double || !Double.isNaN(number(value));
    }

    // ---- syntax tree

    private interface Node {
        Object eval(Scope scope, String current);

        default void collect(Set<String> names) {
        }

        default void columns(Set<String> names) {
        }
    }

    /** A bare name: a column of the choice a {@code choice_filter} is tested on. */
    private record Column(String name) implements Node {
        public Object eval(Scope scope, String current) {
            String value = scope.item().apply(name);
            return value == null ? "" : value;
        }

        public void columns(Set<String> names) {
            names.add(name);
        }
    }

    private record Literal(Object value) implements Node {
        public Object eval(Scope scope, String current) {
            return value;
        }
    }

    private record Reference(String name) implements Node {
        public Object eval(Scope scope, String current) {
            String value = scope.answers().apply(name);
            return value == null ? "" : value;
        }

        public void collect(Set<String> names) {
            names.add(name);
        }
    }

    private record Current() implements Node {
        public Object eval(Scope scope, String current) {
            return current;
        }
    }

    private record Binary(String op, Node left, Node right) implements Node {
        public Object eval(Scope scope, String current) {
            Object a = left.eval(scope, current);
            if (op.equals("or")) {
                return truth(a) || truth(right.eval(scope, current));
            }
            if (op.equals("and")) {
                return truth(a) && truth(right.eval(scope, current));
            }
            Object b = right.eval(scope, current);
            return switch (op) {
                case "=" -> equal(a, b);
                case "!=" -> !equal(a, b);
                case "<", "<=", ">", ">=" -> compare(op, a, b);
                case "+" -> number(a) + number(b);
                case "-" -> number(a) - number(b);
                case "*" -> number(a) * number(b);
                case "div" -> number(a) / number(b);
                case "mod" -> number(a) % number(b);
                default -> throw new IllegalStateException(op);
            };
        }

        private static boolean equal(Object a, Object b) {
            if (a instanceof Boolean || b instanceof Boolean) {
                return truth(a) == truth(b);
            }
            if (numeric(a) && numeric(b)) {
                return number(a) == number(b);
            }
            return string(a).equals(string(b));
        }

        private static boolean compare(String op, Object a, Object b) {
            int c;
            if (numeric(a) && numeric(b)) {
                c = Double.compare(number(a), number(b));
            } else if (string(a).isEmpty() || string(b).isEmpty()) {
                return false; // an unanswered question is neither more nor less than anything
            } else {
                c = string(a).compareTo(string(b));
            }
            return switch (op) {
                case "<" -> c < 0;
                case "<=" -> c <= 0;
                case ">" -> c > 0;
                default -> c >= 0;
            };
        }

        public void collect(Set<String> names) {
            left.collect(names);
            right.collect(names);
        }

        public void columns(Set<String> names) {
            left.columns(names);
            right.columns(names);
        }
    }

    private record Negate(Node operand) implements Node {
        public Object eval(Scope scope, String current) {
            return -number(operand.eval(scope, current));
        }

        public void collect(Set<String> names) {
            operand.collect(names);
        }

        public void columns(Set<String> names) {
            operand.columns(names);
        }
    }

    private record Call(String function, List<Node> args) implements Node {
        public Object eval(Scope scope, String current) {
            return switch (function) {
                case "true" -> true;
                case "false" -> false;
                case "not" -> !truth(arg(0, scope, current));
                case "selected" -> List.of(string(arg(0, scope, current)).strip().split("\\s+"))
                        .contains(string(arg(1, scope, current)).strip());
                case "count-selected" -> {
                    String value = string(arg(0, scope, current)).strip();
                    yield value.isEmpty() ? 0.0 : (double) value.split("\\s+").length;
                }
                case "string-length" -> (double) string(arg(0, scope, current)).codePointCount(0,
                        string(arg(0, scope, current)).length());
                case "regex" -> Pattern.compile(string(arg(1, scope, current)))
                        .matcher(string(arg(0, scope, current))).matches();
                case "if" -> truth(arg(0, scope, current)) ? arg(1, scope, current) : arg(2, scope, current);
                case "coalesce" -> {
                    Object first = arg(0, scope, current);
                    yield string(first).isEmpty() ? arg(1, scope, current) : first;
                }
                case "concat" -> {
                    StringBuilder joined = new StringBuilder();
                    for (int i = 0; i < args.size(); i++) {
                        joined.append(string(arg(i, scope, current)));
                    }
                    yield joined.toString();
                }
                // XPath truncates towards zero, and rounds halves up (towards +∞)
                case "int" -> {
                    double x = number(arg(0, scope, current));
                    yield x < 0 ? Math.ceil(x) : Math.floor(x);
                }
                case "round" -> {
                    double x = number(arg(0, scope, current));
                    double scale = args.size() > 1 ? Math.pow(10, number(arg(1, scope, current))) : 1;
                    yield Math.floor(x * scale + 0.5) / scale;
                }
                case "today" -> java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).toString();
                default -> throw new IllegalStateException(function);
            };
        }

        private Object arg(int i, Scope scope, String current) {
            return args.get(i).eval(scope, current);
        }

        public void collect(Set<String> names) {
            args.forEach(a -> a.collect(names));
        }

        public void columns(Set<String> names) {
            args.forEach(a -> a.columns(names));
        }
    }

    // ---- parser: recursive descent over the text, one method per precedence level

    private static final class Parser {
        private final String text;
        private int at;

        Parser(String text) {
            if (text == null || text.isBlank()) {
                throw new SyntaxError(0, "The expression is empty");
            }
            this.text = text;
        }

        Node or() {
            Node left = and();
            while (word("or")) {
                left = new Binary("or", left, and());
            }
            return left;
        }

        private Node and() {
            Node left = equality();
            while (word("and")) {
                left = new Binary("and", left, equality());
            }
            return left;
        }

        private Node equality() {
            Node left = relation();
            while (true) {
                if (symbol("!=")) {
                    left = new Binary("!=", left, relation());
                } else if (symbol("=")) {
                    left = new Binary("=", left, relation());
                } else {
                    return left;
                }
            }
        }

        private Node relation() {
            Node left = additive();
            while (true) {
                String op = symbol("<=") ? "<=" : symbol(">=") ? ">=" : symbol("<") ? "<" : symbol(">") ? ">" : null;
                if (op == null) {
                    return left;
                }
                left = new Binary(op, left, additive());
            }
        }

        private Node additive() {
            Node left = multiplicative();
            while (true) {
                String op = symbol("+") ? "+" : symbol("-") ? "-" : null;
                if (op == null) {
                    return left;
                }
                left = new Binary(op, left, multiplicative());
            }
        }

        private Node multiplicative() {
            Node left = unary();
            while (true) {
                String op = symbol("*") ? "*" : word("div") ? "div" : word("mod") ? "mod" : null;
                if (op == null) {
                    return left;
                }
                left = new Binary(op, left, unary());
            }
        }

        private Node unary() {
            return symbol("-") ? new Negate(unary()) : primary();
        }

        private Node primary() {
            skipSpace();
            if (at >= text.length()) {
                throw new SyntaxError(at, "The expression ends where a value was expected");
            }
            char c = text.charAt(at);
            if (symbol("${")) {
                int start = at;
                while (at < text.length() && (Character.isLetterOrDigit(text.charAt(at)) || text.charAt(at) == '_'
                        || text.charAt(at) == '-' || text.charAt(at) == '.')) {
                    at++;
                }
                if (start == at || at >= text.length() || text.charAt(at) != '}') {
                    throw new SyntaxError(start, "A question reference must read ${name}");
                }
                at++;
                return new Reference(text.substring(start, at - 1));
            }
            if (symbol("(")) {
                Node inner = or();
                expect(")");
                return inner;
            }
            if (c == '\'' || c == '"') {
                int end = text.indexOf(c, at + 1);
                if (end < 0) {
                    throw new SyntaxError(at, "A text in quotes is not closed");
                }
                String value = text.substring(at + 1, end);
                at = end + 1;
                return new Literal(value);
            }
            if (Character.isDigit(c) || (c == '.' && at + 1 < text.length() && Character.isDigit(text.charAt(at + 1)))) {
                int start = at;
                while (at < text.length() && (Character.isDigit(text.charAt(at)) || text.charAt(at) == '.')) {
                    at++;
                }
                try {
                    return new Literal(Double.parseDouble(text.substring(start, at)));
                } catch (NumberFormatException e) {
                    throw new SyntaxError(start, "Not a number: " + text.substring(start, at));
                }
            }
            if (c == '.') {
                at++;
                return new Current();
            }
            if (Character.isLetter(c)) {
                int start = at;
                while (at < text.length() && (Character.isLetterOrDigit(text.charAt(at)) || text.charAt(at) == '-')) {
                    at++;
                }
                String name = text.substring(start, at);
                int end = at;
                skipSpace();
                boolean call = at < text.length() && text.charAt(at) == '(';
                if (!call && !Set.of("and", "or", "div", "mod").contains(name)) {
                    // a bare name, as a choice_filter reads a choice's column: state=${state}
                    at = end;
                    while (at < text.length() && (Character.isLetterOrDigit(text.charAt(at)) || text.charAt(at) == '_'
                            || text.charAt(at) == '.' || text.charAt(at) == ':')) {
                        at++; // label::English, as forms filter on a translated label
                    }
                    return new Column(text.substring(start, at));
                }
                if (!FUNCTIONS.contains(name)) {
                    throw new SyntaxError(start, "Unknown function or word: " + name);
                }
                expect("(");
                List<Node> args = new ArrayList<>();
                if (!symbol(")")) {
                    do {
                        args.add(or());
                    } while (symbol(","));
                    expect(")");
                }
                int arity = switch (name) {
                    case "true", "false", "today" -> 0;
                    case "not", "count-selected", "string-length", "int" -> 1;
                    case "selected", "regex", "coalesce" -> 2;
                    case "concat", "round" -> -1;
                    default -> 3;
                };
                boolean fits = arity >= 0 ? args.size() == arity
                        : name.equals("round") ? args.size() == 1 || args.size() == 2 : !args.isEmpty();
                if (!fits) {
                    throw new SyntaxError(start, name + "() takes " + (arity >= 0 ? arity : name.equals("round")
                            ? "1 or 2" : "1 or more") + " argument(s), not " + args.size());
                }
                if (name.equals("regex") && args.get(1) instanceof Literal pattern) {
                    try {
                        Pattern.compile(string(pattern.value()));
                    } catch (java.util.regex.PatternSyntaxException e) {
                        throw new SyntaxError(start, "Not a valid regular expression: " + pattern.value());
                    }
                }
                return new Call(name, args);
            }
            throw new SyntaxError(at, "Unexpected character '" + c + "'");
        }

        void expectEnd() {
            skipSpace();
            if (at < text.length()) {
                throw new SyntaxError(at, "Unexpected text: " + text.substring(at));
            }
        }

        private void expect(String s) {
            if (!symbol(s)) {
                throw new SyntaxError(at, "Expected '" + s + "'");
            }
        }

        private boolean symbol(String s) {
            skipSpace();
            if (text.startsWith(s, at)) {
                at += s.length();
                return true;
            }
            return false;
        }

        private boolean word(String w) {
            skipSpace();
            int end = at + w.length();
            if (text.startsWith(w, at) && (end >= text.length() || !Character.isLetterOrDigit(text.charAt(end)))) {
                at = end;
                return true;
            }
            return false;
        }

        private void skipSpace() {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }
    }
}
