#include "shopify/import.hpp"

#include <simdjson.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "core/error.hpp"
#include "core/export_shape.hpp"
#include "core/interrupt.hpp"
#include "core/line_reader.hpp"
#include "shopify/record_spec.hpp"
#include "store/db.hpp"
#include "store/deferred_indexes.hpp"
#include "store/import_log.hpp"

namespace shopkeep::shopify {

namespace {

// Throws the usage error opening `path` would; returns its size (0 for stdin and pipes).
std::uint64_t check_readable(const std::string& path) {
  if (path == "-") return 0;
  struct stat st {};
  if (::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode)) throw usage_error(path + ": is a directory, not a file");
  if (::access(path.c_str(), R_OK) != 0) throw usage_error("cannot open " + path + ": " + std::strerror(errno));
  return S_ISREG(st.st_mode) ? static_cast<std::uint64_t>(st.st_size) : 0;
}

// The first line of a file: a Zendesk body given to `import shopify` is named as such instead of
// failing as JSONL. A pretty-printed body fails on its "{", so look a little further before saying so.
void write_first_line(RecordWriter& writer, LineReader& reader, std::string_view line) {
  if (looks_like_zendesk_body(line)) throw_wrong_import(reader.name(), "zendesk");
  try {
    writer.write(line, {reader.name(), reader.line_number()}, true);
  } catch (const Error&) {
    std::string head(line);
    std::string_view more;
    for (int i = 0; i < 64 && head.size() < 4096 && reader.next(more); ++i) (head += '\n') += more;
    if (looks_like_zendesk_body(head)) throw_wrong_import(reader.name(), "zendesk");
    throw;
  }
}

// Every line of every file through the writer, one file open at a time; polls for Ctrl-C after
// each line.
void write_files(RecordWriter& writer, const std::vector<std::string>& files, Reporter& reporter, std::uint64_t total) {
  std::uint64_t done_before = 0;
  for (const auto& f : files) {
    LineReader reader(f, simdjson::SIMDJSON_PADDING);
    reporter.progress_bytes("import " + reader.name(), done_before, total);
    std::string_view line;
    bool first = true;
    while (reader.next(line)) {
      if (line.find_first_not_of(" \t") == std::string_view::npos) continue;  // blank lines
      if (first) {
        first = false;
        write_first_line(writer, reader, line);
        continue;
      }
      writer.write(line, {reader.name(), reader.line_number()}, true);
      throw_if_interrupted();
      if ((reader.line_number() & 0x3FFF) == 0)
        reporter.progress_bytes("import " + reader.name(), done_before + reader.bytes_consumed(), total);
    }
    done_before += reader.bytes_consumed();
  }
}

}  // namespace

WriteCounts import_files(store::Db& db, const std::vector<std::string>& files, Reporter& reporter,
                         const std::string& synced_at) {
  // Check every file first, so a missing one fails before anything is written; then read them one
  // at a time (each reader holds a file and a 1 MiB buffer: thousands at once would not fit).
  std::uint64_t total = 0;
  for (const auto& f : files) total += check_readable(f);

  // A large page cache keeps the one big transaction from spilling and rewriting pages in the WAL
  // again and again; it is a fixed size, so memory stays flat in the input size.
  db.exec("PRAGMA cache_size = -131072");  // 128 MiB
  store::Transaction tx(db);
  store::DeferredIndexes deferred(db, record_tables());  // a first import builds its indexes at the end
  RecordWriter writer(db, reporter, synced_at);
  try {
    write_files(writer, files, reporter, total);
    throw_if_interrupted();
  } catch (const Error&) {
    throw_if_interrupted();  // a read cut short by the signal reports the interrupt, not itself
    throw;
  }
  writer.finish();
  throw_if_interrupted();
  deferred.rebuild();
  throw_if_interrupted();
  store::record_import(db, "shopify", files.size(), writer.counts().lines, synced_at);
  tx.commit();
  reporter.progress_done();
  return writer.counts();
}

}  // namespace shopkeep::shopify
