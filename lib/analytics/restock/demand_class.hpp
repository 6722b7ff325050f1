#pragma once
// Syntetos-Boylan classification of a demand series by ADI (average days between demands) and CV^2
// (squared coefficient of variation of the non-zero demand sizes), cut at ADI 1.32 and CV^2 0.49
// (Syntetos, Boylan & Croston 2005): smooth, erratic, intermittent, lumpy.
#include <span>

namespace shopkeep::analytics::restock {

enum class DemandClass { smooth, erratic, intermittent, lumpy, none };
const char* demand_class_name(DemandClass c);

struct DemandPattern {
  double adi = 0;  // observed days / demand days
  double cv2 = 0;  // variance / mean^2 of the non-zero sizes (population variance)
  int demand_days = 0;
  DemandClass demand_class = DemandClass::none;  // none: no demand at all
};

constexpr double kAdiCut = 1.32, kCv2Cut = 0.49;

DemandPattern classify_demand(std::span<const double> observed);

}  // namespace shopkeep::analytics::restock
