package io.newsflow.store.mongo;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import java.util.function.Consumer;

/** A driver client that hands every command it sends to {@code onCommand}: tests count what the store asks the server. */
public final class CommandRecordingClient {

  private CommandRecordingClient() {}

  public static MongoClient create(String uri, Consumer<CommandStartedEvent> onCommand) {
    return MongoClients.create(MongoClientSettings.builder().applyConnectionString(new ConnectionString(uri))
        .addCommandListener(new CommandListener() {
          @Override
          public void commandStarted(CommandStartedEvent event) {
            onCommand.accept(event);
          }
        }).build());
  }
}
