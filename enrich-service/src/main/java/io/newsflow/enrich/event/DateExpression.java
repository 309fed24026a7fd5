package io.newsflow.enrich.event;

import io.newsflow.model.article.DatePrecision;
import java.time.LocalDate;

/**
 * A date expression found in text, resolved to calendar days.
 *
 * @param start     offset of the expression in the text
 * @param end       offset after it
 * @param text      the expression as written
 * @param first     first day referred to
 * @param last      last day referred to (the month's or year's end for coarse precision)
 * @param precision how precisely the expression names its days
 */
public record DateExpression(int start, int end, String text, LocalDate first, LocalDate last,
                             DatePrecision precision) {}
