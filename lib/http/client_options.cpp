#include <filesystem>

#include "core/error.hpp"
#include "http/http_client.hpp"

namespace shopkeep::http {

ClientOptions client_options_from_settings(const Config& config, const std::optional<std::string>& cacert) {
  ClientOptions options;
  if (auto bundle = resolve_setting(cacert, "SHOPKEEP_CA_BUNDLE", config, "http.ca_bundle")) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(*bundle, ec))
      throw usage_error("--cacert (SHOPKEEP_CA_BUNDLE, http.ca_bundle): " + *bundle + " is not a readable file",
                        "name a PEM file of the CA certificates to trust");
    options.ca_bundle = *bundle;
  }
  return options;
}

}  // namespace shopkeep::http
