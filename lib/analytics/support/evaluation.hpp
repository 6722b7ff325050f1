#pragma once
// `support triage --evaluate FILE`: the triage rules scored against a labelled file of ticket texts
// (format in testdata/support/README.md and docs/support.md): accuracy, per-class precision and
// recall and the confusion matrix of the category, the same for the escalation decision, each next
// to the majority-class baseline.
#include <nlohmann/json_fwd.hpp>

#include <string>
#include <vector>

#include "analytics/support/triage.hpp"

namespace shopkeep::analytics::support {

struct LabelledTicket {
  size_t line = 0;
  TicketFacts facts;
  std::string category;
  bool needs_human = false;
};

// Reads the JSON-lines file; "-" is stdin. A line that is not a labelled ticket is a runtime error
// naming the file and line.
std::vector<LabelledTicket> read_labelled_tickets(const std::string& path);

struct ClassScores {
  std::string name;
  int support = 0, predicted = 0, correct = 0;
  double precision() const { return predicted ? static_cast<double>(correct) / predicted : 0; }
  double recall() const { return support ? static_cast<double>(correct) / support : 0; }
};

// A labelled ticket the rules get wrong (category or escalation), for whoever tunes them.
struct Mistake {
  size_t line = 0;
  std::string category, predicted_category;
  bool needs_human = false;
  Triage triage;
};

struct Evaluation {
  int items = 0;
  std::vector<Mistake> mistakes;
  // Category.
  std::vector<ClassScores> classes;         // built-in order, then users' own
  std::vector<std::vector<int>> confusion;  // [labelled][predicted], indices of `classes`
  int category_correct = 0;
  std::string majority_class;
  int majority_count = 0;
  // Escalation ("needs a human").
  int true_positive = 0, false_positive = 0, false_negative = 0, true_negative = 0;
  int threshold = 0;
};

Evaluation evaluate(const std::vector<LabelledTicket>& items, const Triager& triager);

nlohmann::ordered_json to_json(const Evaluation& e);
// The report for people: figures, the per-class table and the confusion matrix.
std::string evaluation_text(const Evaluation& e);

}  // namespace shopkeep::analytics::support
