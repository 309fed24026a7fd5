package io.newsflow.ops.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Finds log lines in captured standard output (Spring's {@code CapturedOutput.getOut()}) of a service
 * running with NEWSFLOW_LOG_FORMAT=json, and reads them as the JSON objects an operator's collector sees.
 */
public final class JsonLogLines {

  private static final ObjectMapper JSON = new ObjectMapper();

  private JsonLogLines() {}

  /** The first JSON line that contains {@code part}, skipping plain lines (other loggers, the banner). */
  public static JsonNode firstJson(String output, String part) {
    String line = output.lines().filter(l -> l.startsWith("{") && l.contains(part)).findFirst()
        .orElseThrow(() -> new AssertionError("no JSON log line containing '" + part + "'"));
    return parse(line);
  }

  /** The first line that contains {@code part}, which must itself be a JSON object (no plain copy before it). */
  public static JsonNode firstMention(String output, String part) {
    String line = output.lines().filter(l -> l.contains(part)).findFirst()
        .orElseThrow(() -> new AssertionError("no log line containing '" + part + "'"));
    if (!line.startsWith("{")) {
      throw new AssertionError("the first log line containing '" + part + "' is not JSON: " + line);
    }
    return parse(line);
  }

  private static JsonNode parse(String line) {
    try {
      JsonNode node = JSON.readTree(line);
      if (!node.isObject()) {
        throw new AssertionError("log line is not a JSON object: " + line);
      }
      return node;
    } catch (JsonProcessingException e) {
      throw new AssertionError("log line is not valid JSON: " + line, e);
    }
  }
}
