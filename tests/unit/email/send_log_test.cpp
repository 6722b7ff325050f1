#include "email/send_log.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include "support/temp_store.hpp"

using namespace shopkeep;
using namespace shopkeep::email;

namespace {

LogEntry entry() {
  LogEntry e;
  e.campaign = "winback";
  e.recipient = "ann@shop.test";
  e.customer_id = 1;
  e.target_key = "customer:1:since:2026-01-01";
  e.subject_key = e.target_key + ":step:1";
  e.message_id = "m1@shop.test";
  return e;
}

}  // namespace

TEST_CASE("sending is written before the transaction and never over a message that may have gone") {
  testing::TempStore s;
  SendLog log(s.db());
  Instant now = *parse_rfc3339("2026-03-10T12:00:00Z");
  log.rendered(entry(), now);
  CHECK(s.text("SELECT status FROM email_log") == "rendered");
  REQUIRE(log.sending(entry(), now, false));
  CHECK(s.text("SELECT status || attempts FROM email_log") == "sending1");
  CHECK_FALSE(log.sending(entry(), now, false));  // in flight: never twice
  log.rendered(entry(), now);                     // a render does not downgrade it
  CHECK(s.text("SELECT status FROM email_log") == "sending");
  CHECK(log.recover_interrupted(now, current_boot_id()) == 1);
  CHECK(s.text("SELECT status FROM email_log") == "unknown");
  CHECK_FALSE(log.sending(entry(), now, false));
  REQUIRE(log.sending(entry(), now, true));  // --resend-unknown
  log.sent(entry(), "250 2.0.0 OK", now);
  CHECK(s.text("SELECT status || ' ' || smtp_reply || ' ' || sent_at || ' ' || attempts FROM email_log") ==
        "sent 250 2.0.0 OK 2026-03-10T12:00:00Z 2");
  CHECK_FALSE(log.sending(entry(), now, true));

  auto rows = log_rows(s.db(), {std::nullopt, std::string("ANN@shop.test"), std::string("sent")});
  REQUIRE(rows.size() == 1);
  CHECK(rows[0]["message_id"] == "m1@shop.test");
  CHECK(rows[0]["step"] == 1);
}

TEST_CASE("a failed message may be sent again") {
  testing::TempStore s;
  SendLog log(s.db());
  Instant now = *parse_rfc3339("2026-03-10T12:00:00Z");
  REQUIRE(log.sending(entry(), now, false));
  log.failed(entry(), "451 4.3.0 later", "still refused after retries", now);
  CHECK(log.sending(entry(), now, false));
}

TEST_CASE("after a reboot, every unsent message of an unfinished batch is unknown") {
  testing::TempStore s;
  SendLog log(s.db());
  Instant now = *parse_rfc3339("2026-03-10T12:00:00Z");
  LogEntry a = entry(), b = entry(), c = entry();
  b.recipient = "bob@shop.test";
  c.recipient = "cleo@shop.test";
  log.open_batch({a, b, c}, "boot-1", now);
  REQUIRE(log.sending(a, now, false));
  log.sent(a, "250 OK", now);
  REQUIRE(log.sending(b, now, false));  // c never started
  SUBCASE("the same boot: the log is complete; only the message in flight is unknown") {
    CHECK(log.recover_interrupted(now, "boot-1") == 1);
    CHECK(s.text(
              "SELECT group_concat(v, ' ') FROM (SELECT recipient || '=' || status AS v FROM email_log ORDER BY id)") ==
          "ann@shop.test=sent bob@shop.test=unknown");
  }
  SUBCASE("another boot: what the batch may have sent is unknown, what is recorded sent stays sent") {
    CHECK(log.recover_interrupted(now, "boot-2") == 2);
    CHECK(s.text(
              "SELECT group_concat(v, ' ') FROM (SELECT recipient || '=' || status AS v FROM email_log ORDER BY id)") ==
          "ann@shop.test=sent bob@shop.test=unknown cleo@shop.test=unknown");
  }
  CHECK(s.count("SELECT count(*) FROM email_send_batches") == 0);
}
