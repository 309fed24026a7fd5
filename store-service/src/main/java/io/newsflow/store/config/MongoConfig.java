package io.newsflow.store.config;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.mongodb.MongoMetricsCommandListener;
import io.newsflow.store.mongo.Indexes;
import io.newsflow.store.mongo.MongoHealthIndicator;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The MongoDB client and database, built from {@link StoreProperties} (no Spring Data). */
@Configuration(proxyBeanMethods = false)
public class MongoConfig {

  static final String DEFAULT_DATABASE = "newsflow";

  @Bean(destroyMethod = "close")
  MongoClient mongoClient(StoreProperties properties, ObjectProvider<MeterRegistry> meters) {
    ConnectionString uri = new ConnectionString(properties.mongodbUri());
    MongoClientSettings.Builder settings = MongoClientSettings.builder();
    // Micrometer's own listener: mongodb_driver_commands_seconds by command and collection, so an operator (and the
    // end-to-end benchmark) can see which collection's writes the store's time goes to
    meters.ifAvailable(registry -> settings.addCommandListener(new MongoMetricsCommandListener(registry)));
    return MongoClients.create(settings
        .applyConnectionString(uri)
        // fail fast when the server is away, so the batch goes to the retry back-off instead of hanging
        .applyToClusterSettings(c -> {
          if (uri.getServerSelectionTimeout() == null) {
            c.serverSelectionTimeout(5, TimeUnit.SECONDS);
          }
        })
        .build());
  }

  @Bean
  MongoDatabase mongoDatabase(MongoClient client, StoreProperties properties) {
    String name = new ConnectionString(properties.mongodbUri()).getDatabase();
    return client.getDatabase(name == null ? DEFAULT_DATABASE : name)
        .withWriteConcern(WriteConcerns.parse(properties.writeConcern()));
  }

  @Bean
  MongoHealthIndicator mongoHealthIndicator(MongoDatabase db) {
    return new MongoHealthIndicator(db);
  }

  /** Indexes are ensured at start-up; if MongoDB is away, the health indicator keeps trying. */
  @Bean
  Indexes.IndexReport indexReport(MongoHealthIndicator health) {
    return health.ensureIndexes();
  }
}
