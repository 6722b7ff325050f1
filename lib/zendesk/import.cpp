#include "zendesk/import.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>

#include "core/error.hpp"
#include "core/export_shape.hpp"
#include "core/interrupt.hpp"
#include "store/import_log.hpp"

namespace shopkeep::zendesk {

namespace {

std::string read_whole(const std::string& path) {
  if (path == "-") return std::string(std::istreambuf_iterator<char>(std::cin), {});
  struct stat st {};
  if (::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode)) throw usage_error(path + ": is a directory, not a file");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw usage_error("cannot open " + path + ": " + std::strerror(errno));
  return std::string(std::istreambuf_iterator<char>(in), {});
}

nlohmann::json parse_body(const std::string& text, const std::string& name) {
  try {
    return nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    auto upto = text.begin() + static_cast<std::ptrdiff_t>(std::min(e.byte, text.size()));
    auto line = 1 + std::count(text.begin(), upto, '\n');
    throw runtime_error(name + ":" + std::to_string(line) + ": invalid JSON: " + e.what());
  }
}

}  // namespace

WriteCounts import_files(store::Db& db, const std::vector<std::string>& files, Reporter& reporter,
                         const std::string& synced_at) {
  // Every file must exist before anything is written.
  std::uint64_t total = 0;
  for (const auto& f : files) {
    if (f == "-") continue;
    struct stat st {};
    if (::stat(f.c_str(), &st) != 0) throw usage_error("cannot open " + f + ": " + std::strerror(errno));
    total += static_cast<std::uint64_t>(st.st_size);
  }
  store::Transaction tx(db);
  BodyWriter writer(db, reporter, synced_at);
  try {
    std::uint64_t done = 0;
    for (const auto& f : files) {
      std::string name = f == "-" ? "<stdin>" : f;
      reporter.progress_bytes("import " + name, done, total);
      throw_if_interrupted();
      std::string text = read_whole(f);
      // A Shopify JSONL file given here is named as such instead of failing as a body.
      auto start = std::min(text.find_first_not_of(" \t\r\n"), text.size());
      if (looks_like_shopify_jsonl(std::string_view(text).substr(start, text.find('\n', start) - start)))
        throw_wrong_import(name, "shopify");
      writer.write(parse_body(text, name), name);
      done += text.size();
    }
  } catch (const Error&) {
    throw_if_interrupted();  // a read cut short by the signal reports the interrupt, not itself
    throw;
  }
  throw_if_interrupted();
  store::record_import(db, "zendesk", files.size(), writer.counts().documents, synced_at);
  tx.commit();
  reporter.progress_done();
  return writer.counts();
}

}  // namespace shopkeep::zendesk
