package io.newsflow.enrich.actor;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.enrich.tagging.text.TextFolder;
import io.newsflow.model.article.ActorTag;
import java.time.LocalDate;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Russian inflects names and the matcher takes aliases as whole words, so the shipped gazetteer must list
 * the case forms news text uses ("в Казахстане", "визит Токаева"). These texts were written for this test.
 */
class GazetteerRussianFormsTest {

  private static final ActorTagger TAGGER = new ActorTagger(Gazetteer.loadDefault());
  private static final LocalDate DAY = LocalDate.of(2025, 6, 2);

  private static Set<String> actors(String text) {
    return TAGGER.tag("", "", text, TextFolder.fold(text), DAY).stream().map(ActorTag::actorId)
        .collect(Collectors.toSet());
  }

  @Test
  void findsStatesAndLeadersInTheirOblique_cases() {
    Set<String> found = actors("Переговоры в Казахстане прошли в среду. Визит Токаева в Китай был согласован "
        + "с Пекином, а позднее президент России Владимир Путин провёл телефонный разговор с Си Цзиньпином. "
        + "Делегация Кыргызстана и представители Евросоюза обсудили поставки из Узбекистана.");

    assertThat(found).contains("KAZ", "person.tokayev", "CHN", "RUS", "person.putin", "person.xi-jinping", "KGZ",
        "org.eu", "UZB");
  }

  @Test
  void findsMinistriesAndOfficeHoldersNamedInRussian() {
    Set<String> found = actors("Как сообщили в МИД Кыргызстана, министр иностранных дел Кыргызстана Жээнбек "
        + "Кулубаев встретился с коллегой из Таджикистана Сироджиддином Мухриддином. Министерство обороны "
        + "Республики Казахстан и Минобороны России подписали план, а Вооружённые силы Узбекистана примут участие.");

    assertThat(found).contains("gov.kgz-mfa", "person.kulubaev", "person.muhriddin", "TJK", "gov.kaz-mod",
        "gov.rus-mod", "mil.uzb-armed-forces", "KAZ", "RUS", "UZB");
  }

  @Test
  void findsOrganisationsInRussianAcrossCases() {
    Set<String> found = actors("Саммит Шанхайской организации сотрудничества и заседание Евразийского "
        + "экономического союза прошли после встречи в рамках Организации Договора о коллективной безопасности.");

    assertThat(found).contains("org.sco", "org.eaeu", "org.csto");
  }

  @Test
  void aLanguageNamedAfterAStateIsNotTheState() {
    assertThat(actors("The Russian-language edition of the magazine was closed.")).doesNotContain("RUS");
  }
}
