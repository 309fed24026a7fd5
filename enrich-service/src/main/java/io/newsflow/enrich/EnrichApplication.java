package io.newsflow.enrich;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class EnrichApplication {

  public static void main(String[] args) {
    SpringApplication.run(EnrichApplication.class, args);
  }
}
