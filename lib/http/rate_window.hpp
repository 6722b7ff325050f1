#pragma once
// A sliding-window request limit ("at most N requests in any window of W"): the wait before the
// next request is allowed. Pure logic on a caller-given clock, so it is unit-tested without sleeping.
#include <chrono>
#include <deque>

namespace shopkeep::http {

class RateWindow {
 public:
  using Clock = std::chrono::steady_clock;

  RateWindow(int limit, std::chrono::milliseconds window);

  // How long to wait from `now` before one more request stays within the limit (zero if it may go now).
  std::chrono::milliseconds wait(Clock::time_point now) const;
  // A request was sent at `now`.
  void record(Clock::time_point now);

  int limit() const { return limit_; }

 private:
  void forget_before(Clock::time_point now);

  int limit_;
  std::chrono::milliseconds window_;
  std::deque<Clock::time_point> sent_;  // times of the requests inside the window, oldest first
};

}  // namespace shopkeep::http
