package io.newsflow.bench.e2e;

import java.util.SplittableRandom;

/** Builds headlines and sentences for a {@link Story} from independent parts. */
final class Sentences {

  private Sentences() {}

  static final Story.Theme[] THEMES = {
      new Story.Theme("drills", new String[] {
          "joint military exercises", "a command-staff exercise", "tactical drills with live fire",
          "the Interaction-2024 exercises of the CSTO", "air-defence drills", "a snap combat-readiness inspection",
          "naval exercises on the Caspian Sea", "counter-terrorism drills near the border"},
          new String[] {"armoured vehicles and helicopters took part", "the troops rehearsed a joint operation",
              "paratroopers were flown in overnight", "the drills simulated an incursion by armed groups",
              "observers from neighbouring states attended", "the exercise ended with a parade of equipment"}),
      new Story.Theme("peacekeeping", new String[] {
          "the deployment of CSTO peacekeepers", "a peacekeeping contingent", "the withdrawal of the peacekeeping force",
          "a UN peacekeeping mission", "the Collective Peacekeeping Forces"},
          new String[] {"the contingent guarded airports and power stations", "the mandate was limited to thirty days",
              "the troops left within two weeks", "critics questioned the legal basis of the mission",
              "soldiers from Armenia and Belarus joined the contingent"}),
      new Story.Theme("unrest", new String[] {
          "the January 2022 unrest", "protests over fuel prices", "a state of emergency", "mass protests in Zhanaozen",
          "the riots in Almaty", "demonstrations in Karakalpakstan", "clashes on the Kyrgyz-Tajik border"},
          new String[] {"the internet was cut for several days", "a curfew was declared in the city",
              "hundreds of people were detained", "the government resigned under pressure",
              "liquefied gas prices doubled overnight", "human rights groups demanded an independent inquiry"}),
      new Story.Theme("energy", new String[] {
          "oil exports through the Caspian Pipeline Consortium", "the Tengiz expansion", "gas transit to China",
          "a new pipeline across the Caspian", "the CPC terminal near Novorossiysk", "the Kashagan field",
          "a nuclear power plant on Lake Balkhash", "uranium supplies to Europe"},
          new String[] {"loadings at the terminal were suspended", "tankers queued for several days",
              "output reached record levels", "the pipeline's capacity is being raised", "drones damaged a pumping station",
              "the referendum backed the construction of the plant"}),
      new Story.Theme("trade", new String[] {
          "the Middle Corridor", "trade through Khorgos", "the Belt and Road Initiative", "customs rules of the Eurasian Economic Union",
          "a free trade agreement", "grain exports", "secondary sanctions", "the rail link to Afghanistan"},
          new String[] {"container traffic grew sharply", "trade turnover rose to a record", "border crossings were congested",
              "tariffs on imported cars were raised", "exporters complained about delays", "new rail freight services were launched"}),
      new Story.Theme("alliances", new String[] {
          "a summit of the Shanghai Cooperation Organisation", "the CSTO summit", "a strategic partnership",
          "talks on a security guarantee", "the C5+1 format", "membership of BRICS", "the chairmanship of the Organization of Turkic States"},
          new String[] {"the leaders signed a joint declaration", "the sides agreed to deepen military cooperation",
              "the summit ended without a communique", "a road map was adopted", "the host proposed a new format of dialogue",
              "several agreements on defence and security were signed"}),
  };

  private static final String[] HEADLINE_SHAPES = {
      "{A} and {B} discuss {E}", "{A} steps up {E} as {B} watches", "What {E} means for {A} and {B}",
      "{A}, {B} agree on {E}", "Inside {E}: how {A} and {B} see it", "{A} warns over {E}, {B} responds",
      "{E}: {A} looks to {B} after talks in {C}", "{C} hosts {A} and {B} amid {E}"};

  static String headline(Story s, SplittableRandom r) {
    String title = Words.pick(HEADLINE_SHAPES, r).replace("{A}", s.state()).replace("{B}", s.otherState())
        .replace("{C}", s.city()).replace("{E}", Words.pick(s.theme().events(), r));
    return capitalise(title);
  }

  static String lead(Story s, SplittableRandom r) {
    return capitalise(s.leader()) + " on " + s.date() + " addressed " + Words.pick(s.theme().events(), r) + " in " + s.city()
        + ", a move that " + Words.pick(Words.ATTRIBUTION, r) + " would shape relations between " + s.state() + " and "
        + s.otherState() + " for years. " + capitalise(Words.pick(s.theme().details(), r)) + ", " + Words.pick(Words.ATTRIBUTION, r) + ".";
  }

  /**
   * One body sentence. Three of the seven shapes state a date (a day and month, "a year earlier", "before" a month):
   * in a dense story each shape is as likely, so ~43 % of sentences are dated; in a calibrated one the dated shapes
   * are 3 of 10 draws, nearer the share of dated sentences in real reports (see the README, "Corpus").
   */
  static String body(Story s, SplittableRandom r) {
    int shape = s.cast() == null ? r.nextInt(7) : CALIBRATED_SHAPES[r.nextInt(CALIBRATED_SHAPES.length)];
    return switch (shape) {
      case 0 -> Words.pick(Words.CONNECTORS, r) + " " + Words.pick(s.theme().details(), r) + ", " + Words.pick(Words.ATTRIBUTION, r) + ".";
      case 1 -> capitalise(s.anyOrg(r)) + " " + verb(r) + " " + Words.pick(s.theme().events(), r) + " in "
          + s.anyCity(r) + ", with " + Words.pick(Words.NUMBERS, r) + " " + Words.pick(Words.UNITS, r) + " involved.";
      case 2 -> "\u201C" + capitalise(quote(s, r)) + ",\u201D " + s.anyLeader(r) + " said in " + s.anyCity(r) + ".";
      case 3 -> "On " + (1 + r.nextInt(28)) + " " + Words.pick(Words.MONTHS, r) + ", " + s.anyState(r) + " and "
          + s.anyState(r) + " " + verb(r) + " " + Words.pick(s.theme().events(), r) + ", " + Words.pick(Words.ATTRIBUTION, r) + ".";
      case 4 -> "The figure of " + Words.pick(Words.NUMBERS, r) + " " + Words.pick(Words.UNITS, r) + " compares with "
          + Words.pick(Words.NUMBERS, r) + " a year earlier, when " + Words.pick(s.theme().details(), r) + ".";
      case 5 -> Words.pick(Words.CONNECTORS, r) + " " + s.state() + "'s relations with " + s.anyOrg(r) + " remain "
          + Words.pick(MOODS, r) + ", and " + s.anyLeader(r) + " is expected to visit " + s.anyCity(r)
          + " before " + Words.pick(Words.MONTHS, r) + ".";
      default -> "Analysts in " + s.anyCity(r) + " link " + Words.pick(s.theme().events(), r) + " to "
          + Words.pick(THEMES[r.nextInt(THEMES.length)].events(), r) + ", arguing that " + s.otherState() + " "
          + Words.pick(STANCES, r) + ".";
    };
  }

  /** A calibrated story's shapes: the undated ones (0, 1, 2, 6) more often than the dated (3, 4, 5). */
  private static final int[] CALIBRATED_SHAPES = {0, 1, 2, 3, 4, 5, 6, 0, 1, 6};

  private static final String[] VERBS = {"announced", "postponed", "welcomed", "criticised", "reviewed", "prepared for",
      "hosted talks on", "signed a memorandum on", "questioned", "confirmed plans for", "downplayed", "raised concerns about"};
  private static final String[] MOODS = {"cautious", "pragmatic", "strained", "close", "ambivalent", "under review", "transactional"};
  private static final String[] STANCES = {"is hedging its bets", "wants a larger role in the region", "cannot afford a confrontation",
      "is watching closely", "has little leverage left", "sees an opening", "prefers quiet diplomacy"};
  private static final String[] QUOTES = {
      "we will not allow %s to become an arena of rivalry", "our partnership with %s is based on mutual respect",
      "%s has made its position clear", "the security of %s is indivisible from that of its neighbours",
      "nobody should doubt the commitment of %s", "there is no alternative to dialogue with %s"};

  private static String verb(SplittableRandom r) {
    return Words.pick(VERBS, r);
  }

  private static String quote(Story s, SplittableRandom r) {
    return String.format(Words.pick(QUOTES, r), r.nextBoolean() ? s.state() : s.otherState());
  }

  private static String capitalise(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
