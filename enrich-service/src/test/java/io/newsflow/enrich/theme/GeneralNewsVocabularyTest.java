package io.newsflow.enrich.theme;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.enrich.tagging.text.TextFolder;
import io.newsflow.model.article.ThemeTag;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Theme words used in their everyday senses in general news (the kinds of error the real-text audit found;
 * the texts were written for this test): each text once reached its theme's threshold on those words alone.
 */
class GeneralNewsVocabularyTest {

  private static final ThemeClassifier CLASSIFIER = new ThemeClassifier(Taxonomy.loadDefault());

  private static List<String> themes(String title, String text) {
    return CLASSIFIER.classify(title, TextFolder.fold(title), text, TextFolder.fold(text)).stream()
        .map(ThemeTag::themeId).toList();
  }

  @Test
  void marketRalliesAndTradingSessionsAreNotProtestsOrTrade() {
    assertThat(themes("Stocks extend rally",
        "Shares rose in morning trade on Thursday. The market rally was led by lenders, and analysts expect the "
            + "stock rally to last while early trade stays calm; a relief rally lifted the index for a fifth session."))
        .doesNotContain("unrest-protest", "trade");
  }

  @Test
  void aShareholderVoteAndAServerPollingAQueueAreNotElections() {
    assertThat(themes("Board backs takeover",
        "Shareholders will vote on the merger next month. The board asked shareholders to back the deal in the vote, "
            + "and the shareholder vote needs a simple majority of the votes cast."))
        .doesNotContain("elections");
    assertThat(themes("How our job scheduler works",
        "Each worker keeps polling the queue. Polling stops when the queue is empty, and polling resumes after a "
            + "short back-off."))
        .doesNotContain("elections");
  }

  @Test
  void computingInfrastructureIsNotInvestmentInInfrastructure() {
    assertThat(themes("Moving logs to the cloud",
        "Our cloud infrastructure grew this year. The team rebuilt the monitoring infrastructure and wrote the server "
            + "infrastructure as code."))
        .doesNotContain("investment-infrastructure");
  }

  @Test
  void aCompanysInvestorsJobsAndFundingInPassingAreNotAnInvestmentStory() {
    assertThat(themes("Retailer beats forecasts",
        "Investors cheered the results. The chain plans more investment in its stores and added jobs in the quarter."))
        .doesNotContain("investment-infrastructure");
    assertThat(themes("Bank to finance new rail line",
        "The development bank agreed a loan for the railway; the investment covers infrastructure and a new depot."))
        .contains("investment-infrastructure");
  }

  @Test
  void dietsBatteriesFigurativeFloodsFileFormatsAndSpanishHoweverAreOffTopic() {
    assertThat(themes("A week of breakfasts",
        "Start with whole-grain toast. Swap white bread for whole-grain rolls, and keep whole-grain crackers for "
            + "the afternoon."))
        .doesNotContain("food-agriculture");
    assertThat(themes("Controller review",
        "The pad runs on AA batteries. Spare batteries last a week, and rechargeable batteries cost extra."))
        .doesNotContain("critical-minerals");
    assertThat(themes("Readers respond",
        "The column drew a flood of letters, then a flood of emails and a flood of calls to the desk."))
        .doesNotContain("humanitarian");
    assertThat(themes("Informe semanal",
        "El gobierno anunció el plan; sin embargo, la oposición lo rechazó. Sin embargo, el ministro insistió."))
        .doesNotContain("sanctions");
  }

  @Test
  void theThemesThemselvesStillFire() {
    assertThat(themes("Police disperse opposition rally",
        "Thousands joined the rally in the capital. Police used tear gas on the protest and detained organisers "
            + "of the rally."))
        .contains("unrest-protest");
    assertThat(themes("Polling stations open",
        "Voters queued at polling stations before dawn as the election commission reported a high turnout."))
        .contains("elections");
    assertThat(themes("US lifts embargo on grain exports",
        "Washington lifted the embargo; the sanctions on the bank stay in force."))
        .contains("sanctions");
  }
}
