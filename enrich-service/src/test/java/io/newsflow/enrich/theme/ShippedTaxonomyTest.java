package io.newsflow.enrich.theme;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.enrich.tagging.text.TextFolder;
import io.newsflow.model.article.ThemeTag;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Behaviour of the shipped taxonomy data on short texts written for this test. */
class ShippedTaxonomyTest {

  private static final ThemeClassifier CLASSIFIER = new ThemeClassifier(Taxonomy.loadDefault());

  private static List<String> themes(String title, String text) {
    return CLASSIFIER.classify(title, TextFolder.fold(title), text, TextFolder.fold(text)).stream()
        .map(ThemeTag::themeId).toList();
  }

  @Test
  void tagsRussianNewsByItsStandardTermsInTheirInflectedForms() {
    assertThat(themes("Миротворцы ОДКБ завершили вывод контингента",
        "Миротворческие силы ОДКБ покинули страну. Миротворческий контингент охранял объекты, а командование "
            + "миротворческой миссии поблагодарило военнослужащих."))
        .first().isEqualTo("peacekeeping");
    assertThat(themes("Совместные учения прошли на полигоне",
        "На полигоне завершились тактические учения. В учениях участвовали 800 военнослужащих, прошли боевые "
            + "стрельбы."))
        .first().isEqualTo("military-exercises");
    assertThat(themes("Банки ужесточили проверку из-за санкций",
        "Минфин США расширил санкционный список. Банки опасаются вторичных санкций и обхода санкций через "
            + "третьи страны."))
        .first().isEqualTo("sanctions");
    assertThat(themes("Явка на выборах составила 54%",
        "Избиратели голосовали на досрочных выборах. ЦИК сообщил, что кандидаты правящей партии лидируют."))
        .first().isEqualTo("elections");
    assertThat(themes("Прокачка нефти по трубопроводу сократилась",
        "Экспорт нефти через нефтепровод упал, поставки газа по газопроводу не изменились."))
        .first().isEqualTo("energy-pipelines");
    assertThat(themes("В городе начались беспорядки",
        "Протестующие вышли на митинг, власти ввели чрезвычайное положение и комендантский час."))
        .first().isEqualTo("unrest-protest");
  }

  @Test
  void aCounterTerrorismExerciseIsADrillNotTerrorismNews() {
    List<String> found = themes("Joint counter-terrorism drills begin",
        "Troops began a counter-terrorism exercise at a training ground; the drills simulate freeing hostages "
            + "from a terrorist group. Live-fire drills end on Friday.");

    assertThat(found).contains("military-exercises").doesNotContain("terrorism");
  }

  @Test
  void aGroupsLegalStatusIsNotTerrorismNews() {
    List<String> found = themes("Moscow accepts Taliban ambassador",
        "Russia removed the Taliban from its list of terrorist organisations and accepted the credentials of an "
            + "ambassador. The foreign minister held talks with his counterpart on bilateral trade and "
            + "counter-terrorism cooperation.");

    assertThat(found).doesNotContain("terrorism");
  }

  @Test
  void theWordBothIsNoEvidenceOfBots() {
    // every theme reported, however weak, so that a single stray match would show
    Taxonomy shipped = Taxonomy.loadDefault();
    ThemeClassifier open = new ThemeClassifier(new Taxonomy(shipped.version(), 1e-9, shipped.themes().stream()
        .map(t -> new Theme(t.id(), t.label(), null, t.evidence(), t.negative())).toList()));
    String text = "Both sides said both leaders would meet.";

    assertThat(open.classify("", "", text, TextFolder.fold(text)))
        .noneMatch(t -> t.themeId().equals("information-warfare"));
  }
}
