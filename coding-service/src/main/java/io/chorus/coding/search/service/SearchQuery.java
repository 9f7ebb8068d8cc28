package io.chorus.coding.search.service;

import io.chorus.common.problem.ProblemException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A search as analysts type it: words, "quoted phrases", prefixes (peer*), AND, OR, NOT (or -word) and parentheses;
 * words side by side must all occur. NOT binds tightest, then AND, then OR. It becomes a PostgreSQL tsquery built from
 * {@code plainto_tsquery}, {@code phraseto_tsquery} and {@code to_tsquery(... ':*')} with every term bound as a
 * parameter, so stemming follows the text search configuration and no input reaches the SQL text.
 */
public final class SearchQuery {

    static final int MAX_LENGTH = 500;
    static final int MAX_TERMS = 32;
    private static final String POINTER = "/q";

    private sealed interface Node permits Term, Not, And, Or {
    }

    private record Term(Kind kind, String text) implements Node {
    }

    private record Not(Node operand) implements Node {
    }

    private record And(Node left, Node right) implements Node {
    }

    private record Or(Node left, Node right) implements Node {
    }

    private enum Kind { WORD, PREFIX, PHRASE }

    private final String text;
    private final Node root;
    private final List<Term> terms;

    private SearchQuery(String text, Node root, List<Term> terms) {
        this.text = text;
        this.root = root;
        this.terms = terms;
    }

    public static SearchQuery parse(String text) {
        if (text == null || text.isBlank()) {
            throw ProblemException.invalid(POINTER, "q is required: the words or \"phrase\" to search for");
        }
        if (text.length() > MAX_LENGTH) {
            throw ProblemException.invalid(POINTER, "q may have at most " + MAX_LENGTH + " characters");
        }
        Parser parser = new Parser(tokens(text));
        Node root = parser.or();
        if (parser.position < parser.tokens.size()) {
            throw ProblemException.invalid(POINTER, "Unexpected '" + parser.tokens.get(parser.position) + "' in q");
        }
        if (parser.terms.size() > MAX_TERMS) {
            throw ProblemException.invalid(POINTER, "q may have at most " + MAX_TERMS + " words or phrases");
        }
        return new SearchQuery(text.strip(), root, parser.terms);
    }

    public String text() {
        return text;
    }

    /**
     * The tsquery as SQL, for the configuration bound as {@code :<prefix>config}; adds its parameters to {@code params}.
     */
    public String sql(String prefix, String config, Map<String, Object> params) {
        params.put(prefix + "config", config);
        return sql(root, prefix, params);
    }

    private String sql(Node node, String prefix, Map<String, Object> params) {
        if (node instanceof Not not) {
            return "(!! " + sql(not.operand(), prefix, params) + ")";
        }
        if (node instanceof And and) {
            return "(" + sql(and.left(), prefix, params) + " && " + sql(and.right(), prefix, params) + ")";
        }
        if (node instanceof Or or) {
            return "(" + sql(or.left(), prefix, params) + " || " + sql(or.right(), prefix, params) + ")";
        }
        Term term = (Term) node;
        String config = "cast(:" + prefix + "config as regconfig)";
        String name = prefix + "t" + terms.indexOf(term);
        params.put(name, term.text());
        return switch (term.kind()) {
            case WORD -> "plainto_tsquery(" + config + ", :" + name + ")";
            case PHRASE -> "phraseto_tsquery(" + config + ", :" + name + ")";
            case PREFIX -> "to_tsquery(" + config + ", :" + name + " || ':*')";
        };
    }

    private static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '"') {
                int end = text.indexOf('"', i + 1);
                if (end < 0) {
                    throw ProblemException.invalid(POINTER, "A phrase in q has no closing quote");
                }
                tokens.add(text.substring(i, end + 1));
                i = end + 1;
            } else if (c == '(' || c == ')') {
                tokens.add(String.valueOf(c));
                i++;
            } else if (c == '-' && (tokens.isEmpty() || i == 0 || Character.isWhitespace(text.charAt(i - 1)) || text.charAt(i - 1) == '(')) {
                tokens.add("NOT");
                i++;
            } else {
                int start = i;
                while (i < text.length() && !Character.isWhitespace(text.charAt(i)) && "\"()".indexOf(text.charAt(i)) < 0) {
                    i++;
                }
                tokens.add(text.substring(start, i));
            }
        }
        return tokens;
    }

    private static final class Parser {
        private final List<String> tokens;
        private final List<Term> terms = new ArrayList<>();
        private int position;

        Parser(List<String> tokens) {
            this.tokens = tokens;
        }

        Node or() {
            Node left = and();
            while (next("OR")) {
                left = new Or(left, and());
            }
            return left;
        }

        Node and() {
            Node left = unary();
            while (position < tokens.size() && !peek("OR") && !peek(")")) {
                next("AND");
                left = new And(left, unary());
            }
            return left;
        }

        Node unary() {
            if (next("NOT")) {
                return new Not(unary());
            }
            if (next("(")) {
                Node inner = or();
                if (!next(")")) {
                    throw ProblemException.invalid(POINTER, "A '(' in q has no closing ')'");
                }
                return inner;
            }
            if (position >= tokens.size() || peek(")") || peek("OR") || peek("AND")) {
                throw ProblemException.invalid(POINTER, position >= tokens.size() ? "q ends where a word was expected"
                        : "'" + tokens.get(position) + "' in q needs a word before and after it");
            }
            return term(tokens.get(position++));
        }

        private Term term(String token) {
            Term term;
            if (token.startsWith("\"")) {
                String phrase = token.substring(1, token.length() - 1).strip();
                if (!phrase.codePoints().anyMatch(Character::isLetterOrDigit)) {
                    throw ProblemException.invalid(POINTER, "A phrase in q has no word in it");
                }
                term = new Term(Kind.PHRASE, phrase);
            } else if (token.endsWith("*") && token.length() > 1) {
                String stem = token.substring(0, token.length() - 1);
                if (!stem.codePoints().allMatch(Character::isLetterOrDigit)) {
                    throw ProblemException.invalid(POINTER, "A prefix in q (" + token + ") may have only letters and digits before the *");
                }
                term = new Term(Kind.PREFIX, stem);
            } else {
                if (!token.codePoints().anyMatch(Character::isLetterOrDigit)) {
                    throw ProblemException.invalid(POINTER, "'" + token + "' in q is not a word");
                }
                term = new Term(Kind.WORD, token);
            }
            terms.add(term);
            return term;
        }

        private boolean peek(String token) {
            return position < tokens.size() && tokens.get(position).equals(token);
        }

        private boolean next(String token) {
            if (peek(token)) {
                position++;
                return true;
            }
            return false;
        }
    }
}
