// libFuzzer target: `import shopify` on one bulk-operation JSONL file (docs/import.md).
// Seeds: testdata/fuzz/shopify_import/.

#include <cstdint>

#include "../fuzz_support.hpp"
#include "../import_support.hpp"
#include "shopify/import.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, size_t size) {
  shopkeep::fuzz::check_import(shopkeep::fuzz::as_text(data, size), "export.jsonl", shopkeep::shopify::import_files);
  return 0;
}
