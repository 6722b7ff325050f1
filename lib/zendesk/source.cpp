#include "zendesk/source.hpp"

#include <fmt/format.h>

#include "http/http_client.hpp"
#include "zendesk/connection_settings.hpp"
#include "zendesk/sync.hpp"

namespace shopkeep::zendesk {

namespace {

class ZendeskSource : public sync::Source {
 public:
  ZendeskSource(const Config& config, const http::ClientOptions& http, const sync::Tuning& tuning, Reporter& reporter)
      : http_(http::make_curl_client(http)),
        reporter_(reporter),
        client_(*http_, sleeper_, reporter, connection_from_settings(config, tuning)),
        page_size_(tuning.zendesk_page_size) {}

  std::vector<sync::ResourceOutcome> run(store::Db& db, const sync::SyncOptions& options) override {
    return sync_zendesk(db, client_, reporter_, options, page_size_);
  }

  std::string stats() const override {
    const auto& s = client_.stats();
    return fmt::format("{} requests, {} retries, {} rate-limited, {:.1f} s waiting for rate limits", s.requests,
                       s.retries, s.rate_limited, s.waited_seconds);
  }

 private:
  std::unique_ptr<http::HttpClient> http_;
  http::RealSleeper sleeper_;
  Reporter& reporter_;
  ApiClient client_;
  int page_size_;
};

}  // namespace

sync::SourceDef source_def() {
  return {"zendesk", zendesk_resource_names, configured,
          "set ZENDESK_SUBDOMAIN or ZENDESK_URL (and credentials), or zendesk.subdomain",
          [](const Config& config, const http::ClientOptions& http, const sync::Tuning& tuning,
             Reporter& reporter) -> std::unique_ptr<sync::Source> {
            return std::make_unique<ZendeskSource>(config, http, tuning, reporter);
          }};
}

}  // namespace shopkeep::zendesk
