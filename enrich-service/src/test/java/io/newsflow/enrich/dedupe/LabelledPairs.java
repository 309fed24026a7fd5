package io.newsflow.enrich.dedupe;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The near-duplicate labelled set: base articles written by hand (test resource
 * {@code dedupe/base-articles.txt}), copies of each made the way syndication and republishing change a
 * text, and hard negatives: different articles on the same topic, and copies of one against another.
 */
final class LabelledPairs {

  record Article(String id, String topic, Instant published, String title, String text) {}

  /** {@code kind} names how the pair was made, for the per-kind table of the report. */
  record Pair(String kind, Article a, Article b, boolean nearDuplicate) {}

  private LabelledPairs() {}

  static List<Article> baseArticles() {
    try (InputStream in = LabelledPairs.class.getResourceAsStream("/dedupe/base-articles.txt")) {
      String all = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      List<Article> out = new ArrayList<>();
      for (String block : all.split("(?m)^=== ")) {
        if (block.startsWith("#") || block.isBlank()) {
          continue;
        }
        String[] lines = block.split("\n", 2);
        String[] header = lines[0].split(" \\| ");
        out.add(new Article(header[0].strip(), header[1].strip(), Instant.parse(header[2].strip()), header[3].strip(),
            lines[1].strip()));
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<Pair> pairs() {
    List<Article> bases = baseArticles();
    List<Pair> pairs = new ArrayList<>();
    Random random = new Random(20240912);
    for (Article base : bases) {
      for (Article copy : copies(base, bases, random)) {
        pairs.add(new Pair(copy.id().substring(base.id().length() + 1), base, copy, true));
      }
    }
    for (Article a : bases) {
      for (Article b : bases) {
        if (a.topic().equals(b.topic()) && a.id().compareTo(b.id()) < 0) {
          pairs.add(new Pair("same-topic", a, b, false));
        }
        if (a.topic().equals(b.topic()) && !a.id().equals(b.id())) {
          for (Article copyOfB : copies(b, bases, new Random(b.id().hashCode()))) {
            pairs.add(new Pair("same-topic-copy", a, copyOfB, false));
          }
          pairs.add(new Pair("follow-up-reusing-background", a, followUp(b, a), false));
        }
      }
    }
    return pairs;
  }

  /** What happens to one text between sites: wire datelines and credits, portal furniture, edits, cuts, updates. */
  static List<Article> copies(Article base, List<Article> all, Random random) {
    String text = base.text();
    String otherTitle = all.get(random.nextInt(all.size())).title();
    List<Article> out = new ArrayList<>();
    out.add(copy(base, "wire", "Kazakh " + base.title().toLowerCase(),
        "ASTANA, " + day(base) + " (Reuters) - " + text
            + "\n\n(Reporting by Mariya Gordeyeva in Almaty and Olzhas Auyezov; Editing by Alex Richardson)"));
    out.add(copy(base, "portal", base.title() + " | Steppe Herald",
        "Share\nFacebook\nTwitter\nTelegram\nWhatsApp\n\n" + text + "\n\nRead also: " + otherTitle
            + "\n\nSubscribe to our Telegram channel to get the latest news from Central Asia first.\n\n"
            + "© 2024 Steppe Herald. All rights reserved. Reprinting is allowed only with an active hyperlink."));
    out.add(copy(base, "edited", base.title().replace(" ", "  "), edit(text, random)));
    String[] paragraphs = text.split("\n\n");
    out.add(copy(base, "truncated", base.title(),
        String.join("\n\n", Arrays.copyOf(paragraphs, Math.max(1, paragraphs.length - 1)))
            + "\n\nContinue reading on our website. Photo: press service."));
    out.add(copy(base, "update", base.title() + " (updated)",
        bumpFirstNumber(text) + "\n\nUPDATE: This story has been updated with comments from the foreign ministry, "
            + "which said it was following the situation closely and would give details at a briefing on Monday."));
    out.add(copy(base, "heavy-edit", base.title() + " - analysts",
        "By Staff Reporter\n\n" + edit(edit(reorderLastParagraphs(text), random), random)
            + "\n\nRelated: " + otherTitle + "\nMost read: " + all.get(random.nextInt(all.size())).title()));
    out.add(copy(base, "lead-trimmed", "Central Asia: " + base.title(),
        dropFirstSentence(text) + "\n\nThe views expressed are those of the author. Tags: Kazakhstan, Central Asia, security"));
    return out;
  }

  private static Article copy(Article base, String kind, String title, String text) {
    return new Article(base.id() + "-" + kind, base.topic(), base.published().plusSeconds(1800), title, text);
  }

  private static final Map<String, String> SUBSTITUTES = Map.ofEntries(
      Map.entry("said", "stated"), Map.entry("defence", "defense"), Map.entry("percent", "per cent"),
      Map.entry("organisation", "organization"), Map.entry("about", "around"), Map.entry("Tuesday", "Tues."),
      Map.entry("Kazakhstan's", "the Kazakh"), Map.entry("officials", "authorities"), Map.entry("on", "on"),
      Map.entry("country", "nation"), Map.entry("including", "among them"), Map.entry("before", "prior to"));

  /** A sub-editor's pass: spelling and word choice changes on about one word in twelve, one sentence dropped. */
  static String edit(String text, Random random) {
    String[] sentences = text.split("(?<=[.!?\"])\\s+");
    int dropped = sentences.length > 3 ? 1 + random.nextInt(sentences.length - 2) : -1;
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < sentences.length; i++) {
      if (i == dropped) {
        continue;
      }
      for (String word : sentences[i].split(" ")) {
        String replacement = SUBSTITUTES.get(word);
        if (replacement != null && random.nextInt(2) == 0) {
          out.append(replacement);
        } else if (word.length() > 6 && random.nextInt(40) == 0) {
          out.append(word, 0, 3).append(word.charAt(4)).append(word.charAt(3)).append(word.substring(5));
        } else {
          out.append(word);
        }
        out.append(' ');
      }
    }
    return out.toString().strip();
  }

  /**
   * A different report that reuses the last (background) paragraph of an earlier one word for word, as
   * agencies do: it is not a copy of the earlier report.
   */
  static Article followUp(Article report, Article earlier) {
    String[] own = report.text().split("\n\n");
    String[] old = earlier.text().split("\n\n");
    String text = String.join("\n\n", Arrays.copyOf(own, Math.max(1, own.length - 1))) + "\n\n" + old[old.length - 1];
    return new Article(report.id() + "-follow-up-of-" + earlier.id(), report.topic(), report.published(), report.title(), text);
  }

  private static String reorderLastParagraphs(String text) {
    String[] p = text.split("\n\n");
    if (p.length < 3) {
      return text;
    }
    String last = p[p.length - 1];
    p[p.length - 1] = p[p.length - 2];
    p[p.length - 2] = last;
    return String.join("\n\n", p);
  }

  private static String bumpFirstNumber(String text) {
    Matcher m = Pattern.compile("\\b(\\d{2,})\\b").matcher(text);
    if (!m.find()) {
      return text;
    }
    return text.substring(0, m.start()) + (Long.parseLong(m.group(1)) + 3) + text.substring(m.end());
  }

  private static String dropFirstSentence(String text) {
    Matcher end = Pattern.compile("[.!?]\"?\\s+").matcher(text);
    return end.find() ? text.substring(end.end()) : text;
  }

  private static String day(Article a) {
    return a.published().toString().substring(0, 10);
  }
}
