#include "email/render_campaign.hpp"

#include "analytics/campaigns/plan.hpp"
#include "email/message_loader.hpp"
#include "email/send_log.hpp"

namespace shopkeep::email {

RenderOutcome render_campaign(store::Db& db, const Config& config, const store::ShopSettings& shop,
                              const EmailSettings& settings, const TemplateSet& templates, const RenderRequest& request,
                              Reporter& reporter) {
  namespace campaigns = analytics::campaigns;
  campaigns::PlanRequest plan_request;
  plan_request.kind = campaigns::parse_kind(request.campaign);
  plan_request.now = request.now;
  auto plan = campaigns::plan_campaign(db, config, shop, plan_request, reporter);
  MessageLoader loader(db, config, settings);
  std::vector<MessageInput> inputs;
  for (const auto& row : plan) {
    if (!row.treatment()) continue;  // the holdout gets no email
    if (request.limit && static_cast<std::int64_t>(inputs.size()) >= *request.limit) break;
    inputs.push_back(loader.load(row));
  }
  RenderJob job;
  job.out_dir = request.out_dir;
  job.date = request.now;
  RenderOutcome outcome;
  outcome.files = render_to_folder(inputs, templates, settings, job);
  outcome.missing_codes = loader.missing_codes();
  SendLog log(db);
  store::Transaction tx(db);
  for (size_t i = 0; i < outcome.files.size(); ++i) {
    const auto& m = inputs[i];
    log.rendered(log_entry_for(m, outcome.files[i].message_id, outcome.files[i].subject), request.now);
  }
  tx.commit();
  return outcome;
}

}  // namespace shopkeep::email
