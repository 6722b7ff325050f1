#include "http/rate_window.hpp"

#include <algorithm>

namespace shopkeep::http {

RateWindow::RateWindow(int limit, std::chrono::milliseconds window) : limit_(std::max(1, limit)), window_(window) {}

std::chrono::milliseconds RateWindow::wait(Clock::time_point now) const {
  // Only the requests still inside the window count; the oldest of the last `limit` decides.
  auto inside = std::count_if(sent_.begin(), sent_.end(), [&](auto t) { return now - t < window_; });
  if (inside < limit_) return std::chrono::milliseconds{0};
  auto oldest_that_counts = sent_[sent_.size() - static_cast<size_t>(limit_)];
  auto free_at = oldest_that_counts + window_;
  return std::chrono::ceil<std::chrono::milliseconds>(free_at - now);
}

void RateWindow::record(Clock::time_point now) {
  forget_before(now);
  sent_.push_back(now);
}

void RateWindow::forget_before(Clock::time_point now) {
  while (!sent_.empty() && now - sent_.front() >= window_) sent_.pop_front();
}

}  // namespace shopkeep::http
