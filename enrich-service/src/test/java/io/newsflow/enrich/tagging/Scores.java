package io.newsflow.enrich.tagging;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/** Micro-averaged precision, recall and F1 over (article, label) pairs. */
final class Scores {

  private int truePositives;
  private int falsePositives;
  private int falseNegatives;

  /** Adds one article; returns a note of the misses and false alarms, empty when exact. */
  <T> String add(Set<T> gold, Set<T> found) {
    Set<T> hit = new HashSet<>(found);
    hit.retainAll(gold);
    Set<T> missed = new HashSet<>(gold);
    missed.removeAll(found);
    Set<T> extra = new HashSet<>(found);
    extra.removeAll(gold);
    truePositives += hit.size();
    falseNegatives += missed.size();
    falsePositives += extra.size();
    StringBuilder note = new StringBuilder();
    if (!missed.isEmpty()) {
      note.append("missed ").append(missed);
    }
    if (!extra.isEmpty()) {
      note.append(note.isEmpty() ? "" : "; ").append("extra ").append(extra);
    }
    return note.toString();
  }

  double precision() {
    return truePositives + falsePositives == 0 ? 1 : (double) truePositives / (truePositives + falsePositives);
  }

  double recall() {
    return truePositives + falseNegatives == 0 ? 1 : (double) truePositives / (truePositives + falseNegatives);
  }

  double f1() {
    double p = precision();
    double r = recall();
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }

  String row(String field, double goal) {
    return String.format(Locale.ROOT, "| %s | %d | %d | %d | %.3f | %.3f | %.3f | %.2f |", field, truePositives,
        falsePositives, falseNegatives, precision(), recall(), f1(), goal);
  }
}
