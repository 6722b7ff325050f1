// libFuzzer target: `import shopify` on one bulk-operation JSONL file (docs/import.md).
// Seeds: testdata/fuzz/shopify_import/.

#include <cstdint>

#include "../fuzz_support.hpp"
#include "../import_support.hpp"
#include "shopify/import.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, size_t size) {
  using namespace shopkeep;
  fuzz::check_import(fuzz::as_text(data, size), "export.jsonl",
                     [](store::Db& db, const std::vector<std::string>& files, Reporter& reporter) {
                       shopify::import_files(db, files, reporter, "2026-06-01T00:00:00Z");
                     });
  return 0;
}
