package io.newsflow.gateway.http;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.newsflow.model.json.EventJson;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An RFC 9457 problem detail. Serialised by hand (not by the HTTP codec) because Micronaut only
 * binds its JSON codec to {@code application/json}, and every gateway error must say
 * {@code application/problem+json}.
 *
 * @param type       a URI naming the kind of problem; {@code about:blank} when the status says it all
 * @param title      short, the same for every occurrence of the type
 * @param status     the HTTP status
 * @param detail     this occurrence, for a person
 * @param extensions extra members (for example {@code invalidParams}, {@code backend})
 */
public record Problem(String type, String title, int status, String detail, Map<String, Object> extensions) {

  public static final MediaType PROBLEM_JSON = MediaType.of("application/problem+json");
  public static final String TYPE_BASE = "https://newsflow.io/problems/";

  public Problem {
    extensions = extensions == null ? Map.of() : Map.copyOf(extensions);
  }

  public static Problem of(HttpStatus status, String detail) {
    return new Problem("about:blank", status.getReason(), status.getCode(), detail, Map.of());
  }

  public Map<String, Object> toMap() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", type);
    body.put("title", title);
    body.put("status", status);
    if (detail != null) {
      body.put("detail", detail);
    }
    extensions.forEach(body::putIfAbsent);
    return body;
  }

  public byte[] toBytes() {
    return EventJson.toBytes(toMap());
  }

  public MutableHttpResponse<byte[]> toResponse() {
    return HttpResponse.<byte[]>status(HttpStatus.valueOf(status)).contentType(PROBLEM_JSON).body(toBytes());
  }
}
