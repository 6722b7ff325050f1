#include "shopify/import.hpp"

#include <simdjson.h>

#include "core/error.hpp"
#include "core/export_shape.hpp"
#include "core/line_reader.hpp"
#include "store/db.hpp"
#include "store/import_log.hpp"

namespace shopkeep::shopify {

namespace {

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

}  // namespace

WriteCounts import_files(store::Db& db, const std::vector<std::string>& files, Reporter& reporter,
                         const std::string& synced_at) {
  // Open every file first, so a missing one fails before anything is written.
  std::vector<std::unique_ptr<LineReader>> readers;
  for (const auto& f : files) readers.push_back(std::make_unique<LineReader>(f, simdjson::SIMDJSON_PADDING));
  std::uint64_t total = 0;
  for (const auto& r : readers) total += r->size_hint();

  // A large page cache keeps the one big transaction from spilling and rewriting pages in the WAL
  // again and again; it is a fixed size, so memory stays flat in the input size.
  db.exec("PRAGMA cache_size = -131072");  // 128 MiB
  store::Transaction tx(db);
  RecordWriter writer(db, reporter, synced_at);
  std::uint64_t done_before = 0;
  for (auto& reader : readers) {
    std::string_view line;
    bool first = true;
    while (reader->next(line)) {
      if (line.find_first_not_of(" \t") == std::string_view::npos) continue;  // blank lines
      if (first) {
        first = false;
        write_first_line(writer, *reader, line);
        continue;
      }
      writer.write(line, {reader->name(), reader->line_number()}, true);
      if ((reader->line_number() & 0x3FFF) == 0)
        reporter.progress("import", done_before + reader->bytes_consumed(), total);
    }
    done_before += reader->bytes_consumed();
  }
  writer.finish();
  store::record_import(db, "shopify", files.size(), writer.counts().lines, synced_at);
  tx.commit();
  reporter.progress_done();
  return writer.counts();
}

}  // namespace shopkeep::shopify
