package io.newsflow.bench.e2e;

import java.util.SplittableRandom;

/** The vocabulary of the generated corpus: real actors, places and the phrases the taggers look for. */
final class Words {

  private Words() {}

  static String pick(String[] options, SplittableRandom random) {
    return options[random.nextInt(options.length)];
  }

  static final String[] STATES = {
      "Kazakhstan", "Russia", "China", "Uzbekistan", "Kyrgyzstan", "Tajikistan", "Turkmenistan", "Mongolia",
      "Azerbaijan", "Turkey", "Iran", "Afghanistan", "the United States", "India", "Pakistan", "Armenia", "Belarus",
      "Georgia", "Japan", "South Korea", "Germany", "France"};

  static final String[] LEADERS = {
      "President Kassym-Jomart Tokayev", "Vladimir Putin", "Xi Jinping", "President Shavkat Mirziyoyev",
      "President Sadyr Japarov", "President Emomali Rahmon", "President Serdar Berdimuhamedov",
      "Recep Tayyip Erdogan", "Foreign Minister Sergei Lavrov", "Foreign Minister Wang Yi",
      "Prime Minister Olzhas Bektenov", "Defence Minister Ruslan Zhaksylykov", "Ilham Aliyev",
      "Alexander Lukashenko", "Nikol Pashinyan", "Narendra Modi", "Ursula von der Leyen", "Kaja Kallas",
      "Foreign Minister Murat Nurtleu", "Nursultan Nazarbayev", "Karim Massimov", "Sergei Shoigu"};

  static final String[] ORGS = {
      "the Collective Security Treaty Organization (CSTO)", "NATO", "the Shanghai Cooperation Organisation",
      "the Eurasian Economic Union", "the Commonwealth of Independent States", "the Organization of Turkic States",
      "the Conference on Interaction and Confidence-Building Measures in Asia", "the European Union", "the United Nations",
      "the OSCE", "the Caspian Pipeline Consortium", "KazMunayGas", "Gazprom", "CNPC", "Rosatom", "Kazatomprom",
      "the Asian Development Bank", "the IMF", "the World Bank", "the CSTO Collective Rapid Reaction Force"};

  static final String[] CITIES = {
      "Astana", "Almaty", "Tashkent", "Bishkek", "Dushanbe", "Ashgabat", "Moscow", "Beijing", "Aktau", "Atyrau",
      "Shymkent", "Karaganda", "Osh", "Samarkand", "Khorgos", "Novorossiysk", "Baku", "Ankara", "Brussels", "Urumqi",
      "Taldykorgan", "Zhanaozen", "Oral", "Kostanay", "Termez", "Khujand", "Ulaanbaatar", "Tbilisi", "Yerevan", "Minsk"};

  static final String[] MONTHS = {
      "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"};

  static final String[] SITE_PREFIX = {
      "Steppe", "Caspian", "Silk Road", "Eurasia", "Tian Shan", "Altai", "Syr Darya", "Ferghana", "Aral", "Turan",
      "Irtysh", "Zhetysu", "Borderlands", "Great Game", "Pamir", "Ili Valley", "Kazakh", "Orient", "Karakum", "Balkhash"};

  static final String[] SITE_SUFFIX = {
      "Daily", "Wire", "Times", "Monitor", "Observer", "Review", "Post", "Dispatch", "Herald", "Insight", "Report",
      "Bulletin", "Courier", "Analytica", "Ledger", "Telegraph", "Record", "Gazette", "Journal", "Chronicle", "Today",
      "Weekly", "Digest", "Brief", "News", "Express", "Tribune", "Sentinel", "Standard", "Voice", "Pulse", "Compass",
      "Lens", "Forum", "Gazette Online", "Reporter", "Watch", "Letter", "Signal", "Outlook", "Press", "Mirror",
      "Agenda", "Affairs", "Notes", "Ledger Asia", "Review Asia", "Current", "Frontier", "Horizon"};

  static final String[] HEADLINE_PREFIX = {"UPDATE: ", "Analysis: ", "Explainer: ", "WATCH: ", "Opinion: "};

  static final String[] NUMBERS = {
      "two", "three", "four", "five", "six", "seven", "eight", "ten", "12", "15", "20", "25", "40", "60", "120",
      "300", "1,500", "2,000", "3,500", "7,000", "12,000"};

  static final String[] UNITS = {"per cent", "billion dollars", "million tonnes", "billion cubic metres",
      "servicemen", "vehicles", "aircraft", "kilometres", "delegations", "projects"};

  static final String[] ATTRIBUTION = {
      "officials said", "the ministry said in a statement", "according to a government source", "analysts noted",
      "diplomats told reporters", "a spokesperson confirmed", "according to local media", "the press service reported",
      "two people familiar with the talks said", "state television reported", "the statement read",
      "according to figures published on Tuesday", "a senior official said on condition of anonymity",
      "observers pointed out", "the agency quoted him as saying", "researchers at a think tank in Almaty argued"};

  static final String[] CONNECTORS = {
      "Meanwhile,", "At the same time,", "Separately,", "Earlier,", "Later,", "In a related development,",
      "According to the schedule,", "By contrast,", "As a result,", "Notably,", "Critics say that", "Supporters argue that",
      "In practice,", "For now,", "Still,", "Last year,", "Since then,", "Even so,", "Officially,", "In Astana,"};
}
