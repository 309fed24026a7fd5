package io.newsflow.store.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.PushOptions;
import com.mongodb.client.model.Updates;
import java.util.Date;
import java.util.List;
import org.bson.BsonDocument;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Updates built from entries encoded once are the updates the driver builds from the same documents, entry for entry. */
class EncodedOnceTest {

  @RegisterExtension
  static final InMemoryMongo mongo = new InMemoryMongo();

  static final Document KAZ = new Document("articleId", "a1").append("t", 1726126200000L).append("dup", false)
      .append("actorIds", List.of("KAZ", "RUS")).append("words", List.of("astana", "drills"));
  static final Document CHN = new Document("articleId", "a2").append("t", 1726126260000L).append("dup", true)
      .append("actorIds", List.of("CHN")).append("at", new Date(1726126260000L));

  private static BsonDocument driver(org.bson.conversions.Bson update) {
    return update.toBsonDocument(Document.class, MongoClientSettings.getDefaultCodecRegistry());
  }

  @Test
  void buildsTheDriversUpdatesAndEncodesAnEntryOnceForEveryDocumentItGoesTo() {
    MongoCollection<Document> pages = mongo.client().getDatabase("encoded_once").getCollection("pages");
    EncodedOnce encoded = new EncodedOnce(pages);

    BsonDocument push = encoded.pushEach("items", List.of(KAZ, CHN));
    BsonDocument again = encoded.pushEach("items", List.of(CHN));
    BsonDocument sorted = encoded.pushSorted("items", List.of(KAZ), new Document("t", -1).append("articleId", -1), 56);

    assertThat(push).isEqualTo(driver(Updates.pushEach("items", List.of(KAZ, CHN))));
    assertThat(again).isEqualTo(driver(Updates.pushEach("items", List.of(CHN))));
    assertThat(sorted).isEqualTo(driver(Updates.pushEach("items", List.of(KAZ),
        new PushOptions().sortDocument(new Document("t", -1).append("articleId", -1)).slice(56))));
    // the same entry object is the same encoded bytes wherever it goes
    RawBsonDocument first = (RawBsonDocument) push.getDocument("$push").getDocument("items").getArray("$each").get(1);
    assertThat(again.getDocument("$push").getDocument("items").getArray("$each").get(0)).isSameAs(first);
  }

  @Test
  void theServerAppliesThemAsTheDriversOwn() {
    MongoCollection<Document> pages = mongo.client().getDatabase("encoded_once").getCollection("applied");
    EncodedOnce encoded = new EncodedOnce(pages);
    BsonDocument update = new BsonDocument("$setOnInsert", encoded.toBson(new Document("key", "a:KAZ").append("page", 0)));
    update.putAll(encoded.pushEach("items", List.of(KAZ, CHN)));
    pages.bulkWrite(List.of(KeyedDocuments.upsert("a:KAZ|2024-09-12T07", update)));
    pages.bulkWrite(List.of(KeyedDocuments.upsert("driver", List.of(Updates.setOnInsert(new Document("key", "a:KAZ").append("page", 0)),
        Updates.pushEach("items", List.of(KAZ, CHN))))));

    Document ours = pages.find(new Document("_id", "a:KAZ|2024-09-12T07")).first();
    Document theirs = pages.find(new Document("_id", "driver")).first();
    ours.remove("_id");
    theirs.remove("_id");
    assertThat(ours).isEqualTo(theirs);
    assertThat(ours.getList("items", Document.class)).containsExactly(KAZ, CHN);
  }
}
