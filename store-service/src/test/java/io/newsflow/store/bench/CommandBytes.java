package io.newsflow.store.bench;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import com.mongodb.event.CommandSucceededEvent;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.bson.RawBsonDocument;
import org.bson.codecs.BsonDocumentCodec;

/**
 * Bytes on the wire per command and collection ({@code update timeline_buckets}): what the client sends and what
 * the server answers. Encoding every command again costs CPU, so the benchmark installs it only when asked
 * ({@code -Dnewsflow.bench.bytes=true}) and its CPU rates are then not comparable with other runs. The reply
 * sizes of the writer's read-backs by {@code _id $in} are the sizes of the documents the batch rewrote, which
 * is what the server re-serialises on each update (the H2 backend stores whole documents).
 */
final class CommandBytes implements CommandListener {

  private record Tally(AtomicLong commands, AtomicLong documents, AtomicLong sent, AtomicLong received) {}

  private final Map<Integer, String> names = new ConcurrentHashMap<>();
  private final Map<String, Tally> tallies = new ConcurrentHashMap<>();

  @Override
  public void commandStarted(CommandStartedEvent event) {
    BsonDocument command = event.getCommand();
    BsonValue target = command.get(event.getCommandName());
    String name = event.getCommandName() + " " + (target != null && target.isString() ? target.asString().getValue() : "-");
    names.put(event.getRequestId(), name);
    Tally t = tally(name);
    t.commands().incrementAndGet();
    t.documents().addAndGet(documents(command));
    t.sent().addAndGet(size(command));
  }

  @Override
  public void commandSucceeded(CommandSucceededEvent event) {
    String name = names.remove(event.getRequestId());
    if (name != null) {
      tally(name).received().addAndGet(size(event.getResponse()));
    }
  }

  private Tally tally(String name) {
    return tallies.computeIfAbsent(name, n -> new Tally(new AtomicLong(), new AtomicLong(), new AtomicLong(), new AtomicLong()));
  }

  /** Documents a command names: statements of a write, ids of an {@code _id $in} find (each is one index lookup). */
  private static long documents(BsonDocument command) {
    for (String list : new String[] {"updates", "documents", "deletes"}) {
      if (command.containsKey(list)) {
        return command.getArray(list).size();
      }
    }
    BsonValue id = command.containsKey("filter") ? command.getDocument("filter").get("_id") : null;
    if (id != null && id.isDocument() && id.asDocument().containsKey("$in")) {
      return id.asDocument().getArray("$in").size();
    }
    return 1;
  }

  private static long size(BsonDocument d) {
    return new RawBsonDocument(d, new BsonDocumentCodec()).getByteBuffer().remaining();
  }

  /** Clears the tallies (before the phase to measure). */
  void reset() {
    tallies.clear();
  }

  /** One table row per command and collection, per batch of the phase measured. */
  String table(int batches) {
    StringBuilder out = new StringBuilder("| command collection | commands per batch | documents per batch | KB sent per batch | KB received per batch |\n|---|---|---|---|---|\n");
    long sent = 0;
    long received = 0;
    long docs = 0;
    for (Map.Entry<String, Tally> e : new TreeMap<>(tallies).entrySet()) {
      Tally t = e.getValue();
      sent += t.sent().get();
      received += t.received().get();
      docs += t.documents().get();
      out.append(String.format("| %s | %.1f | %.0f | %.1f | %.1f |%n", e.getKey(), t.commands().get() / (double) batches,
          t.documents().get() / (double) batches,
          t.sent().get() / 1024.0 / batches, t.received().get() / 1024.0 / batches));
    }
    return out.append(String.format("| total | | %.0f | %.1f | %.1f |", docs / (double) batches, sent / 1024.0 / batches, received / 1024.0 / batches)).toString();
  }
}
