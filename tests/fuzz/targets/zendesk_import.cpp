// libFuzzer target: `import zendesk` on one API response body (docs/import.md).
// Seeds: testdata/fuzz/zendesk_import/.

#include <cstdint>

#include "../fuzz_support.hpp"
#include "../import_support.hpp"
#include "zendesk/import.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, size_t size) {
  using namespace shopkeep;
  fuzz::check_import(fuzz::as_text(data, size), "tickets.json",
                     [](store::Db& db, const std::vector<std::string>& files, Reporter& reporter) {
                       zendesk::import_files(db, files, reporter, "2026-06-01T00:00:00Z");
                     });
  return 0;
}
