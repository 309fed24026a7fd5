package io.newsflow.model.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The one JSON codec for newsflow events. Dates are ISO-8601 strings, durations ISO-8601 periods,
 * absent values are omitted, and unknown fields are ignored so that a consumer keeps working when a
 * producer adds an optional field.
 */
public final class EventJson {

  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .addModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .serializationInclusion(JsonInclude.Include.NON_NULL)
      .build();

  private EventJson() {}

  /** A mapper configured like the codec, for services that need tree access. Do not reconfigure it. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  public static byte[] toBytes(Object event) {
    try {
      return MAPPER.writeValueAsBytes(event);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot serialise " + event.getClass().getSimpleName(), e);
    }
  }

  public static String toJson(Object event) {
    return new String(toBytes(event), StandardCharsets.UTF_8);
  }

  /**
   * @throws EventDecodingException when the bytes are not valid JSON for {@code type}, including
   *     when a required field is missing or a record invariant fails
   */
  public static <T> T fromBytes(byte[] bytes, Class<T> type) {
    if (bytes == null) {
      throw new EventDecodingException(type, "record value is null (tombstone)", null);
    }
    T value;
    try {
      value = MAPPER.readValue(bytes, type);
    } catch (IOException | RuntimeException e) {
      throw new EventDecodingException(type, rootMessage(e), e);
    }
    if (value == null) {
      // the JSON literal null (or only whitespace) decodes to no event: malformed, not a NullPointerException later
      throw new EventDecodingException(type, "record value is JSON null or empty", null);
    }
    return value;
  }

  public static <T> T fromJson(String json, Class<T> type) {
    return fromBytes(json == null ? null : json.getBytes(StandardCharsets.UTF_8), type);
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
  }
}
