// libFuzzer target: `import zendesk` on one API response body (docs/import.md).
// Seeds: testdata/fuzz/zendesk_import/.

#include <cstdint>

#include "../fuzz_support.hpp"
#include "../import_support.hpp"
#include "zendesk/import.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, size_t size) {
  shopkeep::fuzz::check_import(shopkeep::fuzz::as_text(data, size), "tickets.json", shopkeep::zendesk::import_files);
  return 0;
}
