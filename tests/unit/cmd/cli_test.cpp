// The command layer in-process: parsing, the lazy context, error style and exit codes.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <filesystem>

#include "support/cli_run.hpp"

using shopkeep::testing::CliSandbox;

namespace fs = std::filesystem;

TEST_CASE("init --config writes a new config instead of failing to read it") {
  CliSandbox sandbox;
  auto config = sandbox.path("new/config.toml").string();
  auto db = sandbox.path("store/shop.db").string();
  for (auto args : {std::vector<std::string>{"init", "--config", config, "--db", db},
                    std::vector<std::string>{"--config", config, "--db", db, "init"}}) {
    auto r = sandbox.run(args);
    CHECK(r.code == 0);
    CHECK(fs::exists(config));
    CHECK(fs::exists(db));
    fs::remove(config);
  }
}

TEST_CASE("SHOPKEEP_CONFIG naming a new file works for init and is required by other commands") {
  CliSandbox sandbox;
  auto config = sandbox.path("env.toml").string();
  ::setenv("SHOPKEEP_CONFIG", config.c_str(), 1);
  auto status = sandbox.run({"status"});
  CHECK(status.code == 2);
  CHECK(status.err.find("does not exist: create one with: shopkeep init --config " + config) != std::string::npos);
  CHECK(sandbox.run({"init"}).code == 0);
  CHECK(fs::exists(config));
}

TEST_CASE("read-only commands never create a store") {
  CliSandbox sandbox;
  auto db = sandbox.path("typo/shop.db");
  for (const char* command : {"status", "kpi", "audit"}) {
    auto r = sandbox.run({command, "--db", db.string()});
    CHECK(r.code == 1);
    CHECK(r.err == "shopkeep: error: no store at " + db.string() + ": run 'shopkeep init' or 'shopkeep import'\n");
  }
  CHECK_FALSE(fs::exists(db.parent_path()));
}

TEST_CASE("usage errors: exit 2 in the one error style, with a hint") {
  CliSandbox sandbox;
  auto typo = sandbox.run({"stauts"});
  CHECK(typo.code == 2);
  CHECK(typo.err.rfind("shopkeep: error: ", 0) == 0);
  CHECK(typo.err.find("did you mean 'status'") != std::string::npos);
  auto by = sandbox.run({"kpi", "--by", "fortnight"});
  CHECK(by.code == 2);
  CHECK(by.err.find("--by") != std::string::npos);
  auto horizon = sandbox.run({"customers", "value", "--horizon", "-3"});
  CHECK(horizon.code == 2);
  CHECK(horizon.err.find("--horizon") != std::string::npos);
  auto format = sandbox.run({"status", "--format", "xml"});
  CHECK(format.code == 2);
  CHECK(format.err.find("invalid --format 'xml'") != std::string::npos);
}

TEST_CASE("data goes to stdout, in the format asked for") {
  CliSandbox sandbox;
  auto db = sandbox.path("shop.db").string();
  auto jsonl = sandbox.write(
      "shop.jsonl", R"({"id":"gid://shopify/Customer/7","email":"ann@example.com","updatedAt":"2026-01-02T00:00:00Z"})"
                    "\n");
  auto imported = sandbox.run({"--db", db, "import", "shopify", jsonl, "--json"});
  REQUIRE(imported.code == 0);
  CHECK(nlohmann::json::parse(imported.out)["written"]["customers"] == 1);
  auto csv = sandbox.run({"--db", db, "sql", "SELECT id, email FROM customers", "--format", "csv"});
  CHECK(csv.code == 0);
  CHECK(csv.out == "id,email\r\n7,ann@example.com\r\n");
  CHECK(csv.err.empty());
  auto version = sandbox.run({"--version"});
  CHECK(version.code == 0);
  CHECK(version.out.rfind("shopkeep ", 0) == 0);
}
