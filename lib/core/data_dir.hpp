#pragma once
// Where shopkeep's own data lives (the default templates under templates/): the folder an
// installed binary finds beside itself, the source tree for a binary run from its build folder,
// or SHOPKEEP_DATA_DIR, which beats both.
//   P/bin/shopkeep          -> P/share/shopkeep      (cmake --install --prefix P, the .deb: /usr)
//   BUILD/shopkeep          -> the source tree        (the binary of `cmake --build BUILD`)
#include <filesystem>
#include <optional>

namespace shopkeep {

struct DataDirInputs {
  std::optional<std::filesystem::path> env;         // SHOPKEEP_DATA_DIR
  std::optional<std::filesystem::path> executable;  // the running binary (/proc/self/exe)
  std::filesystem::path build_dir, source_dir;      // where this binary was built, from what
};

// The data folder for these inputs; throws runtime_error when there is none (a binary copied
// somewhere without its share/ folder), naming SHOPKEEP_DATA_DIR as the way out.
std::filesystem::path resolve_data_dir(const DataDirInputs& inputs);

// resolve_data_dir for this process.
std::filesystem::path data_dir();

// data_dir() / "templates": the default templates, which --templates DIR overrides.
std::filesystem::path default_templates_dir();

}  // namespace shopkeep
