#pragma once
// A small command tree for the completion and man page tests: shaped like shopkeep's (global
// options with values, a command with a list option and an argument, nested subcommands).
#include "cli/command_spec.hpp"

namespace shopkeep::cli::testing {

inline OptionSpec flag(std::vector<std::string> names, std::string description, bool global = false) {
  OptionSpec o;
  o.names = std::move(names);
  o.description = std::move(description);
  o.global = global;
  return o;
}

inline OptionSpec valued(std::vector<std::string> names, std::string value_name, std::vector<std::string> values,
                         bool global = false) {
  OptionSpec o;
  o.names = std::move(names);
  o.value_name = value_name;
  o.description = "the " + value_name + " (it's documented)";
  o.values = std::move(values);
  o.kind = value_name == "PATH" ? ValueKind::file : value_name == "DIR" ? ValueKind::dir : ValueKind::text;
  o.global = global;
  return o;
}

inline CommandSpec test_tree() {
  CommandSpec root;
  root.name = "shopkeep";
  root.description = "shopkeep: a test tree";
  root.footer = "Exit codes: 0 ok.";
  root.options = {flag({"-h", "--help"}, "Print this help message and exit"),
                  flag({"--version"}, "Display program version information and exit"),
                  valued({"--db"}, "PATH", {}, true), valued({"--format"}, "TEXT", {"table", "json"}, true),
                  flag({"-q", "--quiet"}, "nothing on stderr but errors", true)};

  CommandSpec sync;
  sync.name = "sync";
  sync.path = {"sync"};
  sync.description = "Pull from the APIs";
  sync.footer = "Incremental.\nExample: shopkeep sync shopify\n.dot at the start";
  sync.options = {flag({"-h", "--help"}, "Print this help message and exit"),
                  valued({"--resources"}, "TEXT", {"orders", "tickets"})};
  sync.options.back().list = true;
  ArgumentSpec source;
  source.name = "SOURCE";
  source.description = "shopify, zendesk";
  source.values = {"shopify", "zendesk"};
  source.many = true;
  sync.arguments = {source};

  CommandSpec rules;
  rules.name = "rules";
  rules.path = {"recommend", "rules"};
  rules.description = "Association rules";
  rules.options = {valued({"--min-support"}, "FLOAT", {})};
  rules.options.back().default_value = "0.01";
  CommandSpec recommend;
  recommend.name = "recommend";
  recommend.path = {"recommend"};
  recommend.description = "Products to show next";
  recommend.options = {valued({"--method"}, "TEXT", {"fbt", "similar"}), valued({"-k"}, "UINT", {})};
  recommend.subcommands = {rules};

  root.subcommands = {sync, recommend};
  root.needs_subcommand = true;
  return root;
}

}  // namespace shopkeep::cli::testing
