#include "registry.hpp"

namespace shopkeep::cmd {

const Runner* Registry::chosen(CLI::App& root) const {
  const Runner* found = nullptr;
  CLI::App* app = &root;
  for (;;) {
    auto it = runners_.find(app);
    if (it != runners_.end()) found = &it->second;
    auto subs = app->get_subcommands();
    if (subs.empty()) return found;
    app = subs.front();
  }
}

const std::vector<CommandDef>& command_table() {
  static const std::vector<CommandDef> table = {
      {"init", "Write a commented config template and create the store", setup_init},
      {"sync", "Pull from the Shopify and Zendesk APIs into the store (incremental)", setup_sync},
      {"import", "Load exported Shopify or Zendesk data into the store", setup_import},
      {"status", "Rows per table, sync cursors and store size", setup_status},
      {"sql", "Run one read-only SQL query over the store", setup_sql},
      {"audit", "Data, catalog, customer, order, support and compliance findings", setup_audit},
      {"kpi", "Shop KPIs per day, week or month", setup_kpi},
      {"customers", "Customer value: RFM segments, churn risk, lifetime value", setup_customers},
      {"customer", "One person: profile, data export, erasure", setup_customer},
      {"recommend", "Products to show or send next: bought together, similar, personal, refills", setup_recommend},
      {"carts", "Cart-recovery plan for abandoned checkouts, with a holdout", setup_carts},
      {"support", "Support tickets: sentiment, categories, who to escalate", setup_support},
      {"email", "Campaign emails: plan, render, send, log, report", setup_email},
      {"restock", "Variants to reorder: forecast demand, stockout date, reorder point", setup_restock},
      {"brief", "One screen for Monday morning: the week against last week and last year, then what to do", setup_brief},
      {"report", "The shop at a glance: one self-contained HTML dashboard", setup_report},
      {"demo", "Run the whole pipeline on the bundled sample shop", setup_demo},
      {"completion", "The shell completion script for bash, zsh or fish", setup_completion},
      {"__man", "Write the man pages into DIR", setup_man},
      {"__reference", "Print the command reference (Markdown)", setup_reference},
      {"__data-dir", "Print the data folder (default templates) this binary uses", setup_data_dir},
  };
  return table;
}

}  // namespace shopkeep::cmd
