#include "zendesk/import.hpp"

#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <vector>

#include "core/error.hpp"
#include "core/interrupt.hpp"
#include "store/deferred_indexes.hpp"
#include "store/import_log.hpp"
#include "zendesk/body_stream.hpp"
#include "zendesk/body_writer.hpp"

namespace shopkeep::zendesk {

namespace {

// The body's file (or stdin for "-"), read through a large buffer; refused at once when it is a
// directory or a regular file past kMaxBodyBytes.
class BodyFile {
 public:
  explicit BodyFile(const std::string& path) : path_(path) {
    if (path == "-") return;
    struct stat st {};
    if (::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode)) throw usage_error(path + ": is a directory, not a file");
    if (S_ISREG(st.st_mode) && static_cast<std::uint64_t>(st.st_size) > kMaxBodyBytes) throw_body_too_big(path);
    file_.rdbuf()->pubsetbuf(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
    file_.open(path, std::ios::binary);
    if (!file_) throw usage_error("cannot open " + path + ": " + std::strerror(errno));
  }
  std::streambuf& bytes() { return path_ == "-" ? *std::cin.rdbuf() : *file_.rdbuf(); }
  std::string name() const { return path_ == "-" ? "<stdin>" : path_; }

 private:
  std::string path_;
  std::vector<char> buffer_ = std::vector<char>(1 << 20);
  std::ifstream file_;
};

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
  store::DeferredIndexes deferred(db, BodyWriter::tables());  // a first import builds its indexes at the end
  BodyWriter writer(db, reporter, synced_at);
  try {
    std::uint64_t done = 0;
    for (const auto& f : files) {
      BodyFile file(f);
      std::string label = "import " + file.name();
      reporter.progress_bytes(label, done, total);
      throw_if_interrupted();
      std::uint64_t items = 0;
      done += stream_body(file.bytes(), file.name(), writer, [&](std::uint64_t read) {
        throw_if_interrupted();
        if ((++items & 0x3FF) == 0) reporter.progress_bytes(label, done + read, total);
      });
    }
  } catch (const Error&) {
    throw_if_interrupted();  // a read cut short by the signal reports the interrupt, not itself
    throw;
  }
  throw_if_interrupted();
  deferred.rebuild();
  throw_if_interrupted();
  store::record_import(db, "zendesk", files.size(), writer.counts().documents, synced_at);
  tx.commit();
  reporter.progress_done();
  return writer.counts();
}

}  // namespace shopkeep::zendesk
