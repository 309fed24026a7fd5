package io.newsflow.ops;

import java.util.Locale;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Maps {@code NEWSFLOW_LOG_FORMAT} ({@code newsflow.log-format}: {@code json} or {@code text}, default
 * text) onto Spring Boot's structured console logging, so every service takes the same switch.
 * {@code json} is Logstash's JSON layout: one object per line, MDC entries ({@code articleId},
 * {@code feedId}) as top-level members. Runs before the logging system starts; an explicit
 * {@code logging.structured.format.console} wins.
 */
public final class LogFormatEnvironment implements EnvironmentPostProcessor {

  static final String KEY = "newsflow.log-format";
  private static final String STRUCTURED = "logging.structured.format.console";

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    String format = environment.getProperty(KEY, "text").trim().toLowerCase(Locale.ROOT);
    if (environment.containsProperty(STRUCTURED)) {
      return;
    }
    String structured = switch (format) {
      case "", "text" -> null;
      case "json", "logstash" -> "logstash";
      case "ecs", "gelf" -> format;
      default -> throw new IllegalArgumentException(
          "NEWSFLOW_LOG_FORMAT (" + KEY + ") must be json or text, not '" + format + "'");
    };
    if (structured != null) {
      environment.getPropertySources().addFirst(new MapPropertySource("newsflowLogFormat", Map.of(STRUCTURED, structured)));
    }
  }
}
