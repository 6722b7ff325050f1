#include <filesystem>

#include "core/error.hpp"
#include "http/http_client.hpp"

namespace shopkeep::http {

std::optional<std::string> ca_file_setting(const std::optional<std::string>& cacert, const char* env_name,
                                           const Config& config, const std::string& config_key) {
  auto file = resolve_setting(cacert, env_name, config, config_key);
  std::error_code ec;
  if (file && !std::filesystem::is_regular_file(*file, ec))
    throw usage_error("--cacert (" + std::string(env_name) + ", " + config_key + "): " + *file +
                          " is not a readable file",
                      "name a PEM file of the CA certificates to trust");
  return file;
}

ClientOptions client_options_from_settings(const Config& config, const std::optional<std::string>& cacert) {
  ClientOptions options;
  options.ca_bundle = ca_file_setting(cacert, "SHOPKEEP_CA_BUNDLE", config, "http.ca_bundle");
  return options;
}

}  // namespace shopkeep::http
