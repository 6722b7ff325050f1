#include "analytics/restock/demand_class.hpp"

namespace shopkeep::analytics::restock {

const char* demand_class_name(DemandClass c) {
  switch (c) {
    case DemandClass::smooth: return "smooth";
    case DemandClass::erratic: return "erratic";
    case DemandClass::intermittent: return "intermittent";
    case DemandClass::lumpy: return "lumpy";
    case DemandClass::none: break;
  }
  return "none";
}

DemandPattern classify_demand(std::span<const double> observed) {
  DemandPattern p;
  double sum = 0, squares = 0;
  for (double y : observed)
    if (y > 0) ++p.demand_days, sum += y, squares += y * y;
  if (p.demand_days == 0) return p;
  double mean = sum / p.demand_days;
  p.adi = static_cast<double>(observed.size()) / p.demand_days;
  p.cv2 = (squares / p.demand_days - mean * mean) / (mean * mean);
  bool frequent = p.adi <= kAdiCut, steady = p.cv2 <= kCv2Cut;
  p.demand_class = frequent ? (steady ? DemandClass::smooth : DemandClass::erratic)
                            : (steady ? DemandClass::intermittent : DemandClass::lumpy);
  return p;
}

}  // namespace shopkeep::analytics::restock
