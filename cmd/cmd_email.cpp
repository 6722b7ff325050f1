// shopkeep email plan|render|send|log|report: campaigns from a plan to a delivered, measured message.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <memory>

#include "analytics/campaigns/email_report.hpp"
#include "analytics/campaigns/gate.hpp"
#include "analytics/campaigns/known_campaigns.hpp"
#include "analytics/campaigns/plan.hpp"
#include "completes.hpp"
#include "core/data_dir.hpp"
#include "core/error.hpp"
#include "core/file_lock.hpp"
#include "email/campaign_send.hpp"
#include "email/message_loader.hpp"
#include "email/render_campaign.hpp"
#include "email/render_job.hpp"
#include "email/send_log.hpp"
#include "email/settings.hpp"
#include "email/smtp_client.hpp"
#include "email/templates.hpp"
#include "http/http_client.hpp"
#include "registry.hpp"
#include "store/shop_settings.hpp"
#include "validators.hpp"

namespace shopkeep::cmd {

namespace {

namespace campaigns = analytics::campaigns;
namespace fs = std::filesystem;

const std::vector<std::string> kCampaigns = {"cart-recovery", "winback", "refill", "cross-sell"};

struct PlanOptions {
  std::string campaign;
  bool all = false;
};

struct RenderOptions {
  std::string campaign;
  std::optional<std::string> out, templates;
  std::optional<std::int64_t> limit;
};

struct SendOptions {
  std::string campaign;
  std::optional<std::string> smtp, from, reply_to, templates, cacert;
  bool dry_run = false, resend_unknown = false;
  std::optional<double> rate;
  std::optional<std::int64_t> limit;
};

struct LogOptions {
  std::optional<std::string> campaign, email, status;
};

struct ReportOptions {
  std::optional<std::string> campaign, from, to;
  std::string window = "7d";
};

std::vector<campaigns::PlanRow> plan_of(Context& ctx, store::Db& db, const store::ShopSettings& shop,
                                        const std::string& campaign, bool all, bool resend_unknown, bool record) {
  campaigns::PlanRequest request;
  request.kind = campaigns::parse_kind(campaign);
  request.now = ctx.now();
  request.include_excluded = all;
  request.resend_unknown = resend_unknown;
  request.record = record;
  return campaigns::plan_campaign(db, ctx.config(), shop, request, ctx.reporter());
}

email::TemplateSet templates_of(const std::string& campaign, const std::optional<std::string>& dir) {
  std::optional<fs::path> override_dir;
  if (dir) {
    if (!fs::is_directory(*dir)) throw usage_error("--templates: no folder " + *dir);
    override_dir = *dir;
  }
  return email::TemplateSet::load(campaign, override_dir, std::optional<std::filesystem::path>(default_templates_dir()));
}

void warn_missing_codes(Context& ctx, const std::set<std::string>& keys) {
  for (const auto& key : keys)
    ctx.reporter().warn("an incentive is offered without a discount code: set " + key +
                        " in the config (the messages state the offer without a code)");
}

void run_plan(Context& ctx, const PlanOptions& o) {
  auto db = ctx.open_store();
  auto shop = store::load_shop_settings(*db, ctx.config());
  output::Json rows = output::Json::array();
  for (const auto& row : plan_of(ctx, *db, shop, o.campaign, o.all, false, true))
    rows.push_back(campaigns::to_json(row));
  ctx.write_listing(rows);
}

void run_render(Context& ctx, const RenderOptions& o) {
  auto db = ctx.open_store();
  auto shop = store::load_shop_settings(*db, ctx.config());
  auto settings = email::load_email_settings(ctx.config(), *db, shop);
  email::require_complete(settings);
  auto templates = templates_of(o.campaign, o.templates);
  email::RenderRequest request;
  request.campaign = o.campaign;
  request.out_dir = o.out ? fs::path(*o.out) : fs::path("shopkeep-email") / o.campaign;
  request.limit = o.limit;
  request.now = ctx.now();
  auto outcome = email::render_campaign(*db, ctx.config(), shop, settings, templates, request, ctx.reporter());
  warn_missing_codes(ctx, outcome.missing_codes);
  ctx.reporter().info(fmt::format("Rendered {} {} message{} into {} (manifest.json lists them)", outcome.files.size(),
                                  o.campaign, outcome.files.size() == 1 ? "" : "s", request.out_dir.string()));
  ctx.write_listing(email::manifest_json(outcome.files));
}

email::SmtpSettings smtp_settings(Context& ctx, const SendOptions& o) {
  email::SmtpSettings s;
  s.url = resolve_setting(o.smtp, nullptr, ctx.config(), "email.smtp_url").value_or("");
  s.username = resolve_setting(std::nullopt, "SMTP_USERNAME", ctx.config(), "email.smtp_username");
  s.password = resolve_setting(std::nullopt, "SMTP_PASSWORD", ctx.config(), "email.smtp_password");
  s.ca_file = http::ca_file_setting(o.cacert, "SMTP_CA_FILE", ctx.config(), "email.smtp_ca_file");
  if (s.password && !s.username) throw usage_error("SMTP_PASSWORD is set without SMTP_USERNAME");
  return s;
}

Instant wall_clock() { return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()); }

void run_send(Context& ctx, const SendOptions& o) {
  auto smtp_config = smtp_settings(ctx, o);
  if (smtp_config.url.empty() && !o.dry_run)
    throw usage_error("email send needs --smtp URL", "e.g. --smtp smtp://mail.example.com:587 (or email.smtp_url)");
  std::unique_ptr<email::SmtpClient> smtp;
  if (!smtp_config.url.empty()) email::parse_smtp_url(smtp_config.url);  // a bad URL is a usage error, dry run or not
  auto db = ctx.open_store();
  auto shop = store::load_shop_settings(*db, ctx.config());
  auto settings = email::load_email_settings(ctx.config(), *db, shop, o.from, o.reply_to);
  email::require_complete(settings);
  auto templates = templates_of(o.campaign, o.templates);
  double rate = o.rate ? *o.rate : ctx.config().get_number("email.rate").value_or(60);
  if (rate < 0) throw usage_error("--rate must be 0 (unlimited) or more messages per minute");

  std::unique_ptr<FileLock> lock;
  if (!o.dry_run) {
    lock = std::make_unique<FileLock>(email::send_lock_path(ctx.store_path().string()), std::chrono::seconds{10},
                                      "email send");
    int interrupted =
        email::SendLog(*db).recover_interrupted(ctx.now_given() ? ctx.now() : wall_clock(), email::current_boot_id());
    if (interrupted > 0)
      ctx.reporter().warn(
          fmt::format("{} message{} of an interrupted send may or may not have been delivered: now "
                      "'unknown' (shopkeep email log --status unknown; --resend-unknown to resend)",
                      interrupted, interrupted == 1 ? "" : "s"));
    smtp = std::make_unique<email::SmtpClient>(smtp_config);
  }
  auto plan = plan_of(ctx, *db, shop, o.campaign, true, o.resend_unknown, !o.dry_run);
  auto rules = campaigns::campaign_gate_rules(ctx.config(), campaigns::parse_kind(o.campaign));
  rules.resend_unknown = o.resend_unknown;
  rules.record = !o.dry_run;
  campaigns::Gate gate(*db, rules, ctx.now());
  email::MessageLoader loader(*db, ctx.config(), settings);
  http::RealSleeper sleeper;
  bool fixed = ctx.now_given();
  Instant now = ctx.now();
  email::SendContext context{*db,      gate,       loader,         templates,
                             settings, smtp.get(), ctx.reporter(), [fixed, now] { return fixed ? now : wall_clock(); },
                             sleeper};
  email::SendOptions options;
  options.campaign = o.campaign;
  options.dry_run = o.dry_run;
  options.rate_per_minute = rate;
  options.limit = o.limit;
  options.resend_unknown = o.resend_unknown;
  email::SendCounts counts;
  send_campaign(context, plan, options, counts);
  warn_missing_codes(ctx, loader.missing_codes());
  auto share = [&](double part) { return counts.seconds > 0 ? 100.0 * part / counts.seconds : 0.0; };
  ctx.reporter().debug(
      fmt::format("{} messages sent in {:.2f} s, {:.2f} s of it in SMTP transactions ({:.0f}%); the send log {:.0f}%, "
                  "composing {:.0f}%, re-checks {:.0f}%",
                  counts.sent, counts.seconds, counts.smtp_seconds, share(counts.smtp_seconds),
                  share(counts.log_seconds), share(counts.compose_seconds), share(counts.check_seconds)));
  ctx.write_object(email::to_json(counts));
  if (counts.unknown > 0)
    ctx.reporter().warn(
        fmt::format("{} message{} of unknown delivery not sent again: shopkeep email log --status unknown",
                    counts.unknown, counts.unknown == 1 ? "" : "s"));
  if (counts.failed > 0)
    throw Error(ExitCode::partial, fmt::format("{} of {} messages failed", counts.failed, counts.planned),
                "shopkeep email log --status failed");
}

void run_log(Context& ctx, const LogOptions& o) {
  auto db = ctx.open_store();
  if (o.campaign) campaigns::require_known_campaign(*o.campaign, campaigns::known_campaigns(*db, kCampaigns));
  // Messages a dead send left `sending` are `unknown` once no send holds the lock.
  try {
    FileLock lock(email::send_lock_path(ctx.store_path().string()), std::chrono::seconds{0}, "email send");
    email::SendLog(*db).recover_interrupted(ctx.now_given() ? ctx.now() : wall_clock(), email::current_boot_id());
  } catch (const Error&) {
    // A send is running: its `sending` messages are in flight, shown as they are.
  }
  ctx.write_listing(email::log_rows(*db, {o.campaign, o.email, o.status}));
}

void run_report(Context& ctx, const ReportOptions& o) {
  auto db = ctx.open_store();
  auto shop = store::load_shop_settings(*db, ctx.config());
  campaigns::EmailReportOptions report;
  report.campaign = o.campaign;
  if (o.from) report.from = parse_time_arg(*o.from, shop.zone, "--from");
  if (o.to) report.to = parse_time_arg(*o.to, shop.zone, "--to");
  report.window = parse_duration(o.window, "--window");
  auto rows = campaigns::email_report(*db, report, shop);
  if (ctx.format() == output::Format::table || ctx.format() == output::Format::csv) {
    // One flat row per campaign (treatment.rate, holdout.rate, ...).
    output::Json flat = output::Json::array();
    for (const auto& row : rows) {
      output::Json f;
      for (const auto& [key, value] : row.items()) {
        if (value.is_object())
          for (const auto& [inner, v] : value.items()) f[key + "." + inner] = v;
        else
          f[key] = value;
      }
      flat.push_back(std::move(f));
    }
    ctx.write_listing(flat);
  } else {
    ctx.write_listing(rows);
  }
}

CLI::App* campaign_command(CLI::App* email, const char* name, const char* description, std::string& campaign) {
  auto* cmd = email->add_subcommand(name, description);
  cmd->add_option("CAMPAIGN", campaign, "cart-recovery, winback, refill or cross-sell")
      ->required()
      ->check(completes(kCampaigns))
      ->check(CLI::Validator(
          [](std::string& value) -> std::string {
            if (std::find(kCampaigns.begin(), kCampaigns.end(), value) != kCampaigns.end()) return {};
            return "no such campaign '" + value + "' (known: " + fmt::format("{}", fmt::join(kCampaigns, ", ")) + ")";
          },
          "", "known_campaign"));
  return cmd;
}

}  // namespace

void setup_email(CLI::App& command, Registry& registry) {
  auto* email = &command;
  email->require_subcommand(1);
  email->footer(
      "Campaigns: cart-recovery (the carts plan), winback (valuable customers slipping away), refill\n"
      "(consumables due again), cross-sell (after a first order). Each applies consent, suppression,\n"
      "a frequency cap and a persistent holdout. Templates, context and config: docs/email.md.");

  auto plan = std::make_shared<PlanOptions>();
  auto* plan_cmd = campaign_command(email, "plan", "Who gets which message of CAMPAIGN now", plan->campaign);
  plan_cmd->add_flag("--all", plan->all, "also list the people excluded, with the reason");
  plan_cmd->footer(
      "Rows: campaign, customer_id, email, step, group (treatment/holdout), excluded, reason, items\n"
      "(product ids), incentive, planned_at; cart-recovery rows also checkout_id and recovery_url.\n"
      "Planning stores the arms and plans (the holdout is persistent; reports judge groups as assigned).\n"
      "Exclusion codes: docs/email.md. Example: shopkeep email plan winback --json | jq length");
  registry.on_run(plan_cmd, [plan](Context& ctx) { run_plan(ctx, *plan); });

  auto render = std::make_shared<RenderOptions>();
  auto* render_cmd =
      campaign_command(email, "render", "The planned messages as .eml files plus manifest.json", render->campaign);
  render_cmd->add_option("--out", render->out, "output folder (default ./shopkeep-email/CAMPAIGN)");
  render_cmd->add_option("--templates", render->templates, "folder overriding default templates file by file");
  render_cmd->add_option("--limit", render->limit, "at most N messages")->check(whole_number_at_least(0));
  render_cmd->footer(
      "Needs email.from, email.postal_address and email.unsubscribe_url and/or email.unsubscribe_mailto in\n"
      "the config. Writes one RFC 5322 message per treatment recipient (the holdout gets none) and\n"
      "manifest.json [{message_id, campaign, customer_id, email, step, subject, file}]; a failure leaves\n"
      "the folder as it was. Default templates: P/share/shopkeep/templates beside the binary.");
  registry.on_run(render_cmd, [render](Context& ctx) { run_render(ctx, *render); });

  auto send = std::make_shared<SendOptions>();
  auto* send_cmd =
      campaign_command(email, "send", "Deliver the planned messages over SMTP, at most once each", send->campaign);
  send_cmd->add_option("--smtp", send->smtp, "smtp://host[:port] (STARTTLS) or smtps://host[:port]");
  send_cmd->add_option("--cacert", send->cacert, "PEM file of CA certificates to trust for the SMTP server's TLS "
                                                 "(env SMTP_CA_FILE, email.smtp_ca_file)")
      ->type_name("FILE");
  send_cmd->add_option("--from", send->from, "sender, \"Name <addr>\" (default email.from)");
  send_cmd->add_option("--reply-to", send->reply_to, "reply address (default email.reply_to)");
  send_cmd->add_option("--templates", send->templates, "folder overriding default templates file by file");
  send_cmd->add_flag("--dry-run", send->dry_run, "render and check everything, send and record nothing");
  send_cmd->add_option("--rate", send->rate, "messages per minute, 0 = unlimited (default 60, email.rate)")
      ->check(non_negative_number());
  send_cmd->add_option("--limit", send->limit, "at most N messages this run")->check(whole_number_at_least(0));
  send_cmd->add_flag("--resend-unknown", send->resend_unknown,
                     "send again the messages whose earlier delivery is unknown");
  send_cmd->footer(
      "SMTP AUTH from SMTP_USERNAME / SMTP_PASSWORD (or email.smtp_username / email.smtp_password);\n"
      "smtp:// must offer STARTTLS except on loopback; certificates are verified (--cacert, SMTP_CA_FILE\n"
      "or email.smtp_ca_file trusts a CA file instead of the system's). Each message is logged 'sending' before its SMTP transaction and\n"
      "'sent' with the server's reply after it: a re-run never sends twice, and a crash in between leaves\n"
      "'unknown' (email log --status unknown), resent only with --resend-unknown. 4xx and lost connections\n"
      "are retried with backoff; 5xx are recorded per recipient. Exit 4 when some failed, 3 when the\n"
      "credentials are refused. --json: {campaign, planned, sent, skipped, failed, unknown, dry_run}.");
  registry.on_run(send_cmd, [send](Context& ctx) { run_send(ctx, *send); });

  auto log = std::make_shared<LogOptions>();
  auto* log_cmd = email->add_subcommand("log", "Every message rendered or sent, with its status");
  log_cmd->add_option("--campaign", log->campaign, "only this campaign");
  log_cmd->add_option("--email", log->email, "only this recipient");
  log_cmd->add_option("--status", log->status, "rendered, sending, sent, failed or unknown")
      ->check(CLI::IsMember({"rendered", "sending", "sent", "failed", "unknown"}));
  log_cmd->footer(
      "Fields: message_id, campaign, customer_id, email, step, status, smtp_reply, error, created_at,\n"
      "sent_at. 'sending' left by a send that died reads 'unknown' once no send is running.");
  registry.on_run(log_cmd, [log](Context& ctx) { run_log(ctx, *log); });

  auto report = std::make_shared<ReportOptions>();
  auto* report_cmd =
      email->add_subcommand("report", "Per campaign: treatment vs holdout conversion, revenue, uplift, significance");
  report_cmd->add_option("--campaign", report->campaign, "only this campaign");
  report_cmd->add_option("--from", report->from, "first planning time (RFC 3339 or YYYY-MM-DD, inclusive)");
  report_cmd->add_option("--to", report->to, "last planning time (exclusive)");
  report_cmd->add_option("--window", report->window, "attribution window after the send")->capture_default_str();
  report_cmd->footer(
      "Converted: an order by the person within the window after the message was sent (holdout, and\n"
      "treatment people never sent: after the planned time). p_value: two-sided two-proportion z-test\n"
      "(pooled); ci_low/ci_high: 95% Wald interval of the absolute uplift; conclusive: p < 0.05 with at\n"
      "least 30 recipients in each group; incremental_revenue: treatment revenue beyond the holdout's\n"
      "revenue per recipient; discount_cost: discounts on the converting orders of people offered one.");
  registry.on_run(report_cmd, [report](Context& ctx) { run_report(ctx, *report); });
}

}  // namespace shopkeep::cmd
