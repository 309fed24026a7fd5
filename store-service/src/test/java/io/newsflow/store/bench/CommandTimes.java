package io.newsflow.store.bench;

import com.mongodb.event.CommandFailedEvent;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import com.mongodb.event.CommandSucceededEvent;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.bson.BsonValue;

/**
 * Wall time of commands by collection and command ({@code update timeline_buckets}), as the driver sees it: on
 * one client and a server of its own, about the server's time for that work, which tells which read model grows.
 */
final class CommandTimes implements CommandListener {

  private final Map<Integer, String> started = new ConcurrentHashMap<>();
  private final Map<String, long[]> nanos = new ConcurrentHashMap<>();
  /** Update statements by collection over the whole run: each is one document the server updates (or upserts). */
  private final Map<String, long[]> updates = new ConcurrentHashMap<>();

  @Override
  public void commandStarted(CommandStartedEvent event) {
    BsonValue target = event.getCommand().get(event.getCommandName());
    String collection = target != null && target.isString() ? target.asString().getValue() : "";
    started.put(event.getRequestId(), event.getCommandName() + " " + collection);
    if (event.getCommandName().equals("update") && event.getCommand().isArray("updates")) {
      updates.computeIfAbsent(collection, k -> new long[1])[0] += event.getCommand().getArray("updates").size();
    }
  }

  /** Update statements on a collection since the start, per batch. */
  double updatesPerBatch(String collection, int batches) {
    long[] n = updates.get(collection);
    return n == null ? 0 : n[0] / (double) batches;
  }

  @Override
  public void commandSucceeded(CommandSucceededEvent event) {
    add(event.getRequestId(), event.getElapsedTime(TimeUnit.NANOSECONDS));
  }

  @Override
  public void commandFailed(CommandFailedEvent event) {
    add(event.getRequestId(), event.getElapsedTime(TimeUnit.NANOSECONDS));
  }

  private void add(int requestId, long elapsed) {
    String name = started.remove(requestId);
    if (name != null) {
      nanos.computeIfAbsent(name, k -> new long[1])[0] += elapsed;
    }
  }

  /**
   * The commands taking at least {@code minPercent} of the time since the last call (and those of the co-occurrence
   * read model, whose growth issue 7 suspected, whatever their share), in ms per batch, and the total.
   */
  String perBatchAndReset(int batches, double minPercent) {
    Map<String, Long> snapshot = nanos.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue()[0]));
    nanos.clear();
    long total = snapshot.values().stream().mapToLong(Long::longValue).sum();
    String best = snapshot.entrySet().stream().filter(e -> e.getValue() * 100.0 >= minPercent * total || e.getKey().endsWith("cooccurrence_days"))
        .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
        .map(e -> String.format("%s %.0f", e.getKey(), e.getValue() / 1e6 / batches)).collect(Collectors.joining(", "));
    return String.format("all %.0f: %s", total / 1e6 / batches, best);
  }
}
