#pragma once
// `email render`: the planned messages as .eml files plus manifest.json in one folder, composed on
// several threads. Written into a fresh sibling folder first and moved into place at the end, so a
// failure leaves the output folder as it was.
#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/time.hpp"
#include "email/message.hpp"
#include "email/settings.hpp"
#include "email/templates.hpp"

namespace shopkeep::email {

struct RenderedFile {
  std::string message_id, campaign;
  std::optional<std::int64_t> customer_id;
  std::string email;
  int step = 1;
  std::string subject, file;  // file: relative to the output folder
  std::string subject_key;
};

struct RenderJob {
  std::filesystem::path out_dir;
  Instant date;          // the Date header
  unsigned threads = 0;  // 0: one per core, at most 4
};

// "checkout:5:step:2" -> "checkout-5-step-2.eml".
std::string eml_file_name(const std::string& subject_key);

// Composes and writes every message, then manifest.json; returns the manifest's entries in order.
std::vector<RenderedFile> render_to_folder(const std::vector<MessageInput>& messages, const TemplateSet& templates,
                                           const EmailSettings& settings, const RenderJob& job);

// cli.md: an array of {"message_id", "campaign", "customer_id", "email", "step", "subject", "file"}.
nlohmann::ordered_json manifest_json(const std::vector<RenderedFile>& files);

}  // namespace shopkeep::email
