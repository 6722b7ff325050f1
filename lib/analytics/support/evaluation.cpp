#include "analytics/support/evaluation.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "core/error.hpp"
#include "core/line_reader.hpp"

namespace shopkeep::analytics::support {

namespace {

using nlohmann::json;

std::vector<std::string> string_list(const json& item, const char* key, const std::string& where) {
  std::vector<std::string> values;
  auto it = item.find(key);
  if (it == item.end() || it->is_null()) return values;
  if (!it->is_array()) throw runtime_error(where + "'" + key + "' must be an array of strings");
  for (const auto& v : *it) {
    if (!v.is_string()) throw runtime_error(where + "'" + key + "' must be an array of strings");
    values.push_back(v.get<std::string>());
  }
  return values;
}

std::string optional_string(const json& item, const char* key, const std::string& where) {
  auto it = item.find(key);
  if (it == item.end() || it->is_null()) return "";
  if (!it->is_string()) throw runtime_error(where + "'" + key + "' must be a string");
  return it->get<std::string>();
}

LabelledTicket read_one(const json& item, const std::string& where) {
  if (!item.is_object()) throw runtime_error(where + "expected a JSON object");
  LabelledTicket t;
  t.facts.subject = optional_string(item, "subject", where);
  auto comments = string_list(item, "comments", where);
  if (comments.empty()) {
    std::string text = optional_string(item, "text", where);
    if (!text.empty()) comments.push_back(text);
  }
  if (comments.empty() && t.facts.subject.empty()) throw runtime_error(where + "no 'comments', 'text' or 'subject'");
  for (auto& c : comments) t.facts.messages.push_back({std::move(c), std::nullopt, Message::From::requester});
  t.facts.tags = string_list(item, "tags", where);
  t.facts.channel = optional_string(item, "channel", where);
  t.facts.status = "open";
  t.category = optional_string(item, "category", where);
  if (t.category.empty()) throw runtime_error(where + "no 'category' label");
  auto human = item.find("needs_human");
  if (human == item.end() || !human->is_boolean()) throw runtime_error(where + "'needs_human' must be true or false");
  t.needs_human = human->get<bool>();
  return t;
}

size_t class_index(std::vector<ClassScores>& classes, const std::string& name) {
  auto it = std::find_if(classes.begin(), classes.end(), [&](const ClassScores& c) { return c.name == name; });
  if (it != classes.end()) return static_cast<size_t>(it - classes.begin());
  classes.push_back({name});
  return classes.size() - 1;
}

double ratio(int n, int of) { return of ? static_cast<double>(n) / of : 0; }

double f1(double p, double r) { return p + r > 0 ? 2 * p * r / (p + r) : 0; }

}  // namespace

std::vector<LabelledTicket> read_labelled_tickets(const std::string& path) {
  std::vector<LabelledTicket> items;
  LineReader reader(path);
  std::string_view line;
  while (reader.next(line)) {
    std::string_view trimmed = line;
    while (!trimmed.empty() && (trimmed.front() == ' ' || trimmed.front() == '\t')) trimmed.remove_prefix(1);
    if (trimmed.empty() || trimmed.front() == '#') continue;
    std::string where = reader.name() + ":" + std::to_string(reader.line_number()) + ": ";
    json item = json::parse(trimmed, nullptr, false);
    if (item.is_discarded()) throw runtime_error(where + "not valid JSON");
    items.push_back(read_one(item, where));
    items.back().line = reader.line_number();
  }
  if (items.empty()) throw runtime_error(path + ": no labelled tickets");
  return items;
}

Evaluation evaluate(const std::vector<LabelledTicket>& items, const Triager& triager) {
  Evaluation e;
  e.threshold = triager.config().threshold;
  for (const auto& rule : triager.config().categories) class_index(e.classes, rule.name);
  std::vector<std::pair<size_t, size_t>> pairs;  // (labelled, predicted)
  for (const auto& item : items) {
    Triage t = triager.triage(item.facts, std::nullopt);
    size_t truth = class_index(e.classes, item.category), guess = class_index(e.classes, t.category);
    pairs.emplace_back(truth, guess);
    ++e.items;
    if (truth != guess || item.needs_human != t.escalate)
      e.mistakes.push_back({item.line, item.category, t.category, item.needs_human, t});
    if (item.needs_human && t.escalate) ++e.true_positive;
    if (!item.needs_human && t.escalate) ++e.false_positive;
    if (item.needs_human && !t.escalate) ++e.false_negative;
    if (!item.needs_human && !t.escalate) ++e.true_negative;
  }
  e.confusion.assign(e.classes.size(), std::vector<int>(e.classes.size(), 0));
  for (auto [truth, guess] : pairs) {
    ++e.confusion[truth][guess];
    ++e.classes[truth].support;
    ++e.classes[guess].predicted;
    if (truth == guess) ++e.classes[truth].correct, ++e.category_correct;
  }
  for (const auto& c : e.classes)
    if (c.support > e.majority_count) e.majority_count = c.support, e.majority_class = c.name;
  return e;
}

nlohmann::ordered_json to_json(const Evaluation& e) {
  nlohmann::ordered_json j;
  j["items"] = e.items;
  auto& c = j["category"];
  c["accuracy"] = ratio(e.category_correct, e.items);
  c["majority_baseline"] = ratio(e.majority_count, e.items);
  c["majority_class"] = e.majority_class;
  c["classes"] = nlohmann::ordered_json::array();
  for (const auto& k : e.classes)
    c["classes"].push_back({{"class", k.name},
                            {"precision", k.precision()},
                            {"recall", k.recall()},
                            {"f1", f1(k.precision(), k.recall())},
                            {"support", k.support},
                            {"predicted", k.predicted}});
  c["confusion"]["labels"] = nlohmann::ordered_json::array();
  for (const auto& k : e.classes) c["confusion"]["labels"].push_back(k.name);
  c["confusion"]["matrix"] = e.confusion;
  auto& h = j["needs_human"];
  int positives = e.true_positive + e.false_negative;
  double precision = ratio(e.true_positive, e.true_positive + e.false_positive);
  double recall = ratio(e.true_positive, positives);
  h["accuracy"] = ratio(e.true_positive + e.true_negative, e.items);
  h["majority_baseline"] = ratio(std::max(positives, e.items - positives), e.items);
  h["precision"] = precision;
  h["recall"] = recall;
  h["f1"] = f1(precision, recall);
  h["threshold"] = e.threshold;
  h["confusion"] = {{"true_positive", e.true_positive},
                    {"false_positive", e.false_positive},
                    {"false_negative", e.false_negative},
                    {"true_negative", e.true_negative}};
  j["mistakes"] = nlohmann::ordered_json::array();
  for (const auto& m : e.mistakes)
    j["mistakes"].push_back({{"line", m.line},
                             {"category", m.category},
                             {"predicted_category", m.predicted_category},
                             {"needs_human", m.needs_human},
                             {"escalate", m.triage.escalate},
                             {"escalation_score", m.triage.score},
                             {"sentiment", python_round(m.triage.sentiment, 4)},
                             {"reasons", reasons_json(m.triage.reasons)}});
  return j;
}

std::string evaluation_text(const Evaluation& e) {
  std::string out = fmt::format("{} labelled tickets\n\n", e.items);
  out += fmt::format("category: accuracy {:.3f} ({} of {}); majority-class baseline {:.3f} (always {})\n",
                     ratio(e.category_correct, e.items), e.category_correct, e.items, ratio(e.majority_count, e.items),
                     e.majority_class);
  size_t width = 9;
  for (const auto& k : e.classes) width = std::max(width, k.name.size());
  out += fmt::format("  {:<{}}  {:>9}  {:>6}  {:>5}  {:>7}\n", "class", width, "precision", "recall", "f1", "support");
  for (const auto& k : e.classes)
    out += fmt::format("  {:<{}}  {:>9.3f}  {:>6.3f}  {:>5.3f}  {:>7}\n", k.name, width, k.precision(), k.recall(),
                       f1(k.precision(), k.recall()), k.support);
  out += "\nconfusion matrix (rows: labelled, columns: predicted, in the order above)\n";
  for (size_t r = 0; r < e.classes.size(); ++r) {
    out += fmt::format("  {:<{}}", e.classes[r].name, width);
    for (int n : e.confusion[r]) out += fmt::format(" {:>4}", n);
    out += '\n';
  }
  int positives = e.true_positive + e.false_negative;
  double precision = ratio(e.true_positive, e.true_positive + e.false_positive);
  double recall = ratio(e.true_positive, positives);
  out += fmt::format(
      "\nneeds a human (escalate at score >= {}): accuracy {:.3f}; majority-class baseline {:.3f}; precision {:.3f}, "
      "recall {:.3f}, f1 {:.3f}\n",
      e.threshold, ratio(e.true_positive + e.true_negative, e.items),
      ratio(std::max(positives, e.items - positives), e.items), precision, recall, f1(precision, recall));
  out += fmt::format("  labelled yes: {} escalated, {} missed; labelled no: {} escalated, {} left\n", e.true_positive,
                     e.false_negative, e.false_positive, e.true_negative);
  if (!e.mistakes.empty())
    out += fmt::format("\n{} tickets got a category or escalation wrong; --json lists them under \"mistakes\"\n",
                       e.mistakes.size());
  return out;
}

}  // namespace shopkeep::analytics::support
