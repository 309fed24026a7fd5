/**
 * newsflow's event contracts: the records every service publishes or consumes on Kafka, the
 * {@link io.newsflow.model.topic.Topics} table that names each topic, its key and its event type,
 * and the one JSON codec ({@link io.newsflow.model.json.EventJson}) that puts them on the wire.
 *
 * <p>Compatibility rule: adding an optional field keeps an event's schema version; removing,
 * renaming or changing the meaning of a field is a new version published on a new topic.
 */
package io.newsflow.model;
