package io.newsflow.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import java.nio.file.Path;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The persistent embedded server keeps its data across restarts and never misreads a folder it cannot read. */
class EmbeddedMongoServerTest {

  private static final String TYPED = "newsflow.mongo.h2.typedStorage";

  @TempDir
  Path dir;

  @AfterEach
  void clearSetting() {
    System.clearProperty(TYPED);
  }

  @Test
  void refusesToOpenATypedFolderWithTypedStorageTurnedOffAndLosesNothing() {
    write(new Document("_id", "kz-2022-01-05").append("title", "Tokayev asks the CSTO for help"));

    System.setProperty(TYPED, "false");
    EmbeddedMongoServer plain = new EmbeddedMongoServer(dir, 0);
    assertThatThrownBy(plain::start).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("typed storage").hasMessageContaining(dir.toString());
    plain.close();

    System.clearProperty(TYPED);
    try (EmbeddedMongoServer server = new EmbeddedMongoServer(dir, 0).start();
         MongoClient client = MongoClients.create(server.uri())) {
      assertThat(client.getDatabase("newsflow").getCollection("articles").find(Filters.eq("_id", "kz-2022-01-05")).first())
          .containsEntry("title", "Tokayev asks the CSTO for help");
    }
  }

  @Test
  void aPlainFolderStaysReadableWithTypedStorageTurnedOff() {
    System.setProperty(TYPED, "false");
    write(new Document("_id", "kz-2022-01-07").append("title", "CSTO peacekeepers guard Almaty airport"));
    try (EmbeddedMongoServer server = new EmbeddedMongoServer(dir, 0).start();
         MongoClient client = MongoClients.create(server.uri())) {
      assertThat(client.getDatabase("newsflow").getCollection("articles").countDocuments()).isEqualTo(1);
    }
  }

  private void write(Document doc) {
    try (EmbeddedMongoServer server = new EmbeddedMongoServer(dir, 0).start();
         MongoClient client = MongoClients.create(server.uri())) {
      client.getDatabase("newsflow").getCollection("articles").insertOne(doc);
    }
  }
}
