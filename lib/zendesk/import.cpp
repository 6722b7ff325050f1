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
#include "core/json_depth.hpp"
#include "store/import_log.hpp"

namespace shopkeep::zendesk {

namespace {

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

[[noreturn]] void too_big(const std::string& name) {
  throw runtime_error(name + ": larger than " + std::to_string(kMaxBodyBytes >> 20) + " MiB",
                      "a Zendesk response body is one API page; import the pages as separate files");
}

// The whole body, at most kMaxBodyBytes (a device such as /dev/zero never ends).
std::string read_whole(const std::string& path, const std::string& name) {
  std::ifstream file;
  std::istream* in = &std::cin;
  if (path != "-") {
    struct stat st {};
    if (::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode)) throw usage_error(path + ": is a directory, not a file");
    if (S_ISREG(st.st_mode) && static_cast<std::uint64_t>(st.st_size) > kMaxBodyBytes) too_big(name);
    file.open(path, std::ios::binary);
    if (!file) throw usage_error("cannot open " + path + ": " + std::strerror(errno));
    in = &file;
  }
  std::string text;
  char chunk[1 << 16];
  while (in->read(chunk, sizeof chunk) || in->gcount() > 0) {
    text.append(chunk, static_cast<size_t>(in->gcount()));
    if (text.size() > kMaxBodyBytes) too_big(name);
  }
  if (in->bad()) throw runtime_error("cannot read " + name);
  return text;
}

// The JSON library's message without its "[json.exception.parse_error.101] " tag.
std::string plain_message(const nlohmann::json::exception& e) {
  std::string_view what = e.what();
  if (size_t tag_end = what.find("] "); what.starts_with("[json.exception.") && tag_end != std::string_view::npos)
    what.remove_prefix(tag_end + 2);
  return std::string(what);
}

nlohmann::json parse_body(std::string_view text, const std::string& name) {
  if (text.starts_with(kByteOrderMark)) text.remove_prefix(kByteOrderMark.size());
  check_json_depth(text, kMaxNesting, name);
  try {
    return nlohmann::json::parse(text.begin(), text.end());
  } catch (const nlohmann::json::parse_error& e) {
    auto upto = text.begin() + static_cast<std::ptrdiff_t>(std::min(e.byte, text.size()));
    auto line = 1 + std::count(text.begin(), upto, '\n');
    throw runtime_error(name + ":" + std::to_string(line) + ": invalid JSON: " + plain_message(e));
  } catch (const nlohmann::json::exception& e) {  // out_of_range: "number overflow parsing '1e400'"
    throw runtime_error(name + ": invalid JSON: " + plain_message(e));
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
      std::string text = read_whole(f, name);
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
