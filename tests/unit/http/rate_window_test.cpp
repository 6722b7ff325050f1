#include "http/rate_window.hpp"

#include <doctest/doctest.h>

#include "http/http_client.hpp"

using namespace shopkeep::http;
using namespace std::chrono_literals;

TEST_CASE("RateWindow: at most N requests in any window") {
  RateWindow window(3, 60s);
  RateWindow::Clock::time_point t0{};
  CHECK(window.wait(t0) == 0ms);
  window.record(t0);
  window.record(t0 + 10s);
  window.record(t0 + 20s);
  // The fourth may go once the first leaves the window.
  CHECK(window.wait(t0 + 20s) == 40s);
  CHECK(window.wait(t0 + 59s) == 1s);
  CHECK(window.wait(t0 + 60s) == 0ms);
  window.record(t0 + 60s);
  // Now the second request (at 10 s) is the oldest of the last three.
  CHECK(window.wait(t0 + 61s) == 9s);
  CHECK(window.wait(t0 + 200s) == 0ms);
}

TEST_CASE("RateWindow: a limit below one behaves as one") {
  RateWindow window(0, 1000ms);
  RateWindow::Clock::time_point t0{};
  window.record(t0);
  CHECK(window.wait(t0 + 400ms) == 600ms);
}

TEST_CASE("url_encode keeps unreserved characters only") {
  CHECK(url_encode("abc-_.~XYZ09") == "abc-_.~XYZ09");
  CHECK(url_encode("MTU4MDc1Mzc5OC4wfHw0MzJ8+/=") == "MTU4MDc1Mzc5OC4wfHw0MzJ8%2B%2F%3D");
  CHECK(url_encode("a b&c") == "a%20b%26c");
}
