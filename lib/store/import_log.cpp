#include "store/import_log.hpp"

namespace shopkeep::store {

void record_import(Db& db, const std::string& source, std::uint64_t files, std::uint64_t records,
                   const std::string& at) {
  Stmt s(db, "INSERT INTO import_log (source, files, records, imported_at) VALUES (?1, ?2, ?3, ?4)");
  s.bind(1, source).bind(2, static_cast<std::int64_t>(files)).bind(3, static_cast<std::int64_t>(records)).bind(4, at);
  s.run();
}

}  // namespace shopkeep::store
