package io.newsflow.enrich.actor;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * An office a person held: "the Kazakh president" means Nazarbayev in 2018 and Tokayev in 2022,
 * so office phrases are resolved against the publication date.
 *
 * @param title   the office ("President of Kazakhstan")
 * @param country the state of the office
 * @param from    first day in office
 * @param to      last day in office, null if still in office
 * @param phrases phrases that name the holder of the office
 */
public record Role(String title, String country, LocalDate from, LocalDate to, List<String> phrases) {

  public Role {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(from, "from");
    phrases = phrases == null ? List.of() : List.copyOf(phrases);
  }

  public boolean heldOn(LocalDate day) {
    return !day.isBefore(from) && (to == null || !day.isAfter(to));
  }
}
