package io.newsflow.ingest.feed;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The part of feedparser's {@code Expect:} language that maps onto what newsflow reads from a feed:
 * clauses joined by {@code and}, each {@code bozo}, {@code not bozo}, or {@code <field> == <string>}
 * for the fields below. Anything else makes the whole case "unsupported" rather than right or wrong.
 */
record SuiteExpectation(Boolean bozo, List<Clause> clauses) {

  /** {@code path == expected}, path like {@code feed.title} or {@code entries.0.content}. */
  record Clause(String scope, int index, String field, String expected) {}

  private static final Pattern CLAUSE = Pattern.compile(
      "^(feed|entries\\[(\\d+)\\])\\['([a-z_]+)'\\](?:\\[0\\]\\['value'\\]|\\['value'\\])?\\s*==\\s*(u?(?:'(?:[^'\\\\]|\\\\.)*'|\"(?:[^\"\\\\]|\\\\.)*\"))$");
  private static final Pattern TOP = Pattern.compile("^(version|encoding)\\s*==\\s*(u?(?:'(?:[^'\\\\]|\\\\.)*'|\"(?:[^\"\\\\]|\\\\.)*\"))$");

  /** The translated expectation, or null when some clause is outside the supported subset. */
  static SuiteExpectation translate(String expect) {
    Boolean bozo = null;
    List<Clause> clauses = new ArrayList<>();
    for (String raw : splitAnd(expect)) {
      String c = raw.strip();
      if (c.equals("1")) {
        continue;
      }
      if (c.equals("bozo")) {
        bozo = true;
        continue;
      }
      if (c.equals("not bozo")) {
        bozo = false;
        continue;
      }
      Matcher m = CLAUSE.matcher(c);
      if (m.matches()) {
        String scope = m.group(1).startsWith("entries") ? "entries" : "feed";
        int index = m.group(2) == null ? -1 : Integer.parseInt(m.group(2));
        String field = m.group(3);
        if (c.contains("['content']") && !c.contains("[0]['value']")) {
          return null;
        }
        clauses.add(new Clause(scope, index, field.replace("_detail", ""), pythonString(m.group(4))));
        continue;
      }
      Matcher t = TOP.matcher(c);
      if (t.matches()) {
        clauses.add(new Clause(t.group(1), -1, t.group(1), pythonString(t.group(2))));
        continue;
      }
      return null;
    }
    return new SuiteExpectation(bozo, clauses);
  }

  private static List<String> splitAnd(String expr) {
    List<String> parts = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    char quote = 0;
    for (int i = 0; i < expr.length(); i++) {
      char ch = expr.charAt(i);
      if (quote != 0) {
        current.append(ch);
        if (ch == '\\' && i + 1 < expr.length()) {
          current.append(expr.charAt(++i));
        } else if (ch == quote) {
          quote = 0;
        }
      } else if (ch == '\'' || ch == '"') {
        quote = ch;
        current.append(ch);
      } else if (expr.startsWith(" and ", i)) {
        parts.add(current.toString());
        current.setLength(0);
        i += 4;
      } else {
        current.append(ch);
      }
    }
    parts.add(current.toString());
    return parts;
  }

  /** A Python string literal's value: quotes removed, escapes (\\n, \\xHH, \\uHHHH, \\UHHHHHHHH, \\', \\\\) decoded. */
  static String pythonString(String literal) {
    String s = literal.startsWith("u") ? literal.substring(1) : literal;
    s = s.substring(1, s.length() - 1);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch != '\\' || i + 1 >= s.length()) {
        out.append(ch);
        continue;
      }
      char e = s.charAt(++i);
      switch (e) {
        case 'n' -> out.append('\n');
        case 't' -> out.append('\t');
        case 'r' -> out.append('\r');
        case 'x' -> {
          out.append((char) Integer.parseInt(s.substring(i + 1, i + 3), 16));
          i += 2;
        }
        case 'u' -> {
          out.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
          i += 4;
        }
        case 'U' -> {
          out.appendCodePoint(Integer.parseInt(s.substring(i + 1, i + 9), 16));
          i += 8;
        }
        default -> out.append(e);
      }
    }
    return out.toString();
  }
}
