package io.newsflow.model.topic;

import java.util.Objects;

/**
 * One Kafka topic of the newsflow contract.
 *
 * @param name        topic name; the trailing {@code .vN} is the major version of its event schema
 * @param key         what the record key is (always a UTF-8 string)
 * @param eventType   the record class of the JSON value
 * @param schema      classpath resource of the value's JSON Schema (also under {@code shared-model/src/main/resources})
 * @param deadLetter  name of the dead-letter topic for records of this topic that cannot be processed
 * @param compacted   whether the topic is log-compacted (only the latest value per key is kept)
 * @param <T>         the event type
 */
public record Topic<T>(String name, String key, Class<T> eventType, String schema, String deadLetter, boolean compacted) {

  public Topic {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(eventType, "eventType");
  }
}
