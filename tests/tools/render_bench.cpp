// render_bench: composes N campaign messages from a store through the same code as `email render`
// (MessageLoader -> templates -> GMime -> .eml files on several threads), for tests/bench/email.sh.
// render_bench --db STORE --out DIR [--count N] [--campaign winback] [--threads T]
// Prints one JSON object: messages, load_seconds, render_seconds, messages_per_second.
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <chrono>
#include <iostream>

#include "core/config.hpp"
#include "core/data_dir.hpp"
#include "core/email_address.hpp"
#include "core/error.hpp"
#include "email/message_loader.hpp"
#include "email/mime.hpp"
#include "email/render_job.hpp"
#include "email/settings.hpp"
#include "email/templates.hpp"
#include "store/shop_settings.hpp"
#include "store/store.hpp"

using namespace shopkeep;

namespace {

double since(std::chrono::steady_clock::time_point t) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

// N plan rows over the store's customers and products: each a winback-like message with three
// recommended products, so every message has its own recipient, name, items and links.
std::vector<analytics::campaigns::PlanRow> rows(store::Db& db, const std::string& campaign, size_t n) {
  std::vector<std::tuple<std::int64_t, std::string, std::string>> customers;
  // Only addresses a campaign would mail (its gate leaves the others out as invalid_email).
  store::Stmt c(db, "SELECT id, email, coalesce(first_name, '') FROM customers WHERE email LIKE '%@%' ORDER BY id");
  while (c.step())
    if (is_valid_email(c.get_text(1))) customers.emplace_back(c.get_int(0), c.get_text(1), c.get_text(2));
  std::vector<std::int64_t> products;
  store::Stmt p(db, "SELECT id FROM products WHERE status = 'ACTIVE' ORDER BY id");
  while (p.step()) products.push_back(p.get_int(0));
  if (customers.empty() || products.size() < 3) throw runtime_error("the store needs customers and products");
  std::vector<analytics::campaigns::PlanRow> out(n);
  for (size_t i = 0; i < n; ++i) {
    auto& r = out[i];
    const auto& [id, email, first] = customers[i % customers.size()];
    r.campaign = campaign;
    r.target_key = "customer:" + std::to_string(id) + ":bench:" + std::to_string(i);
    r.customer_id = id;
    r.email = email;
    r.first_name = first;
    r.step = 1;
    r.group = "treatment";
    r.incentive = i % 3 == 0 ? "10%" : "none";
    r.planned_at = "2026-09-30T12:00:00Z";
    for (size_t k = 0; k < 3; ++k) r.items.push_back(products[(i * 7 + k * 13) % products.size()]);
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Compose N campaign messages into .eml files (benchmark)", "render_bench"};
  std::string db_path, out, campaign = "winback";
  size_t count = 100000;
  unsigned threads = 0;
  app.add_option("--db", db_path, "store")->required();
  app.add_option("--out", out, "output folder")->required();
  app.add_option("--count", count, "messages")->capture_default_str();
  app.add_option("--campaign", campaign, "templates of this campaign")->capture_default_str();
  app.add_option("--threads", threads, "threads (0: one per core, at most 4)")->capture_default_str();
  CLI11_PARSE(app, argc, argv);
  try {
    auto db = store::open_store(db_path);
    Config config;
    auto shop = store::load_shop_settings(*db, config);
    auto settings = email::load_email_settings(config, *db, shop);
    settings.from = email::Mailbox{"Bench Shop", "hello@bench.example"};
    settings.postal_address = "Bench Shop, 1 Main Street, 12345 Town";
    settings.unsubscribe_url = "https://bench.example/unsubscribe?t={{token}}";
    settings.unsubscribe_secret = "bench";
    settings.unsubscribe_mailto = "mailto:unsubscribe@bench.example?subject=unsubscribe";
    settings.fallback_discount_codes["percent_10"] = "SAVE10";
    auto templates = email::TemplateSet::load(campaign, std::nullopt, std::optional<std::filesystem::path>(default_templates_dir()));
    auto plan = rows(*db, campaign, count);
    auto t0 = std::chrono::steady_clock::now();
    email::MessageLoader loader(*db, config, settings);
    std::vector<email::MessageInput> inputs;
    inputs.reserve(plan.size());
    for (const auto& row : plan) inputs.push_back(loader.load(row));
    double load = since(t0);
    // Where one thread's time goes, message by message (no files): templates, then MIME.
    double templates_us = 0, mime_us = 0;
    {
      auto mine = templates.clone();
      size_t sample = std::min<size_t>(inputs.size(), 2000);
      auto t = std::chrono::steady_clock::now();
      std::vector<email::RenderedParts> parts;
      parts.reserve(sample);
      for (size_t i = 0; i < sample; ++i) parts.push_back(mine.render(inputs[i], settings));
      templates_us = since(t) * 1e6 / static_cast<double>(sample);
      t = std::chrono::steady_clock::now();
      for (size_t i = 0; i < sample; ++i) {
        email::Envelope e;
        e.from = *settings.from;
        e.to = {inputs[i].first_name, inputs[i].email};
        e.message_id = inputs[i].message_id;
        e.date = *parse_rfc3339("2026-09-30T12:00:00Z");
        e.unsubscribe_url = inputs[i].unsubscribe_url;
        e.unsubscribe_mailto = inputs[i].unsubscribe_mailto;
        email::compose_message(e, parts[i]);
      }
      mime_us = since(t) * 1e6 / static_cast<double>(sample);
    }
    email::RenderJob job;
    job.out_dir = out;
    job.date = *parse_rfc3339("2026-09-30T12:00:00Z");
    job.threads = threads;
    auto t1 = std::chrono::steady_clock::now();
    auto files = email::render_to_folder(inputs, templates, settings, job);
    double render = since(t1);
    nlohmann::ordered_json result{{"messages", files.size()},
                                  {"load_seconds", load},
                                  {"render_seconds", render},
                                  {"messages_per_second", static_cast<double>(files.size()) / (load + render)},
                                  {"one_thread_templates_us", templates_us},
                                  {"one_thread_mime_us", mime_us}};
    std::cout << result.dump() << '\n';
  } catch (const Error& e) {
    std::cerr << "render_bench: error: " << e.what() << '\n';
    return static_cast<int>(e.code());
  }
  return 0;
}
