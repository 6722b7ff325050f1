#pragma once
// The incremental cursor per source and resource, written in the same transaction as the page
// it follows, and the outcome of each run.
#include <optional>
#include <string>

#include "store/db.hpp"

namespace shopkeep::store {

std::optional<std::string> read_cursor(Db& db, const std::string& source, const std::string& resource);
// Inside the caller's transaction.
void write_cursor(Db& db, const std::string& source, const std::string& resource, const std::string& cursor);
void record_attempt(Db& db, const std::string& source, const std::string& resource, const std::string& at,
                    const std::optional<std::string>& error);

}  // namespace shopkeep::store
