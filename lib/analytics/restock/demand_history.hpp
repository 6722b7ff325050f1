#pragma once
// One variant's daily demand: units sold per shop-local day, and which days are censored (the
// variant was known to be out of stock, so its sales say nothing about demand). Every forecast
// method reads history through this type and skips censored days.
#include <cstdint>
#include <span>
#include <vector>

#include "core/time.hpp"

namespace shopkeep::analytics::restock {

class DemandHistory {
 public:
  DemandHistory() = default;
  // units[d] = units sold on first_day + d; censored[d] = that day ended with no stock.
  DemandHistory(Day first_day, std::vector<double> units, std::vector<bool> censored);

  Day first_day() const { return first_day_; }
  int days() const { return static_cast<int>(units_.size()); }
  double units(int day) const { return units_[day]; }
  bool censored(int day) const { return censored_[day]; }
  // 0 = Monday ... 6 = Sunday, for day index `day`.
  int weekday(int day) const;

  // The uncensored days before `origin`, oldest first: what a method fitted at `origin` sees.
  std::span<const double> observed_before(int origin) const;
  // Units and uncensored days in [from, to) (clamped to the history).
  double units_between(int from, int to) const;
  int observed_days_between(int from, int to) const;
  // Sum of squares of units on the uncensored days in [from, to).
  double squares_between(int from, int to) const;

 private:
  Day first_day_{};
  std::vector<double> units_;
  std::vector<bool> censored_;
  std::vector<double> observed_;        // units of the uncensored days, in order
  std::vector<int> observed_prefix_;    // uncensored days before day d (size days() + 1)
  std::vector<double> units_prefix_;    // uncensored units before day d
  std::vector<double> squares_prefix_;  // uncensored squared units before day d
};

}  // namespace shopkeep::analytics::restock
