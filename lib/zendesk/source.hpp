#pragma once
// Zendesk as a sync source: the Source that runs sync_zendesk over a connection from env/config.
#include "sync/source.hpp"

namespace shopkeep::zendesk {

sync::SourceDef source_def();

}  // namespace shopkeep::zendesk
