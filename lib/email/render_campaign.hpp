#pragma once
// `email render` as one call: the campaign planned now, its treatment messages gathered, composed
// into a folder (.eml + manifest.json) and logged as `rendered`. Shared by the command and the demo.
#include <filesystem>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/config.hpp"
#include "core/reporter.hpp"
#include "email/render_job.hpp"
#include "email/settings.hpp"
#include "email/templates.hpp"
#include "store/db.hpp"
#include "store/shop_settings.hpp"

namespace shopkeep::email {

struct RenderRequest {
  std::string campaign;
  std::filesystem::path out_dir;
  std::optional<std::int64_t> limit;
  Instant now;
};

struct RenderOutcome {
  std::vector<RenderedFile> files;
  std::set<std::string> missing_codes;  // config keys of discount codes the offers needed
};

RenderOutcome render_campaign(store::Db& db, const Config& config, const store::ShopSettings& shop,
                              const EmailSettings& settings, const TemplateSet& templates, const RenderRequest& request,
                              Reporter& reporter);

}  // namespace shopkeep::email
