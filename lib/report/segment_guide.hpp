#pragma once
// What each RFM segment (analytics/rfm.hpp) means and what to do about it, in the shop owner's words.
#include <string>
#include <vector>

namespace shopkeep::report {

struct SegmentGuide {
  const char* segment;
  const char* meaning;
  const char* action;
};

// Best customers first; every segment rfm_segment() can return.
const std::vector<SegmentGuide>& segment_guides();

}  // namespace shopkeep::report
