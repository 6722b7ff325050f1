#include "report/segment_guide.hpp"

namespace shopkeep::report {

const std::vector<SegmentGuide>& segment_guides() {
  static const std::vector<SegmentGuide> guides = {
      {"Champions", "bought recently, often and spent the most", "reward them; ask for reviews; early access"},
      {"Loyal", "buy regularly and spend well", "upsell and cross-sell; loyalty perks"},
      {"Potential Loyalist", "recent customers with a few orders", "a membership or a second-product offer"},
      {"New", "first order very recently", "a good onboarding: thank-you mail, how-to, no hard sell"},
      {"Promising", "recent but small or single purchases", "make them come back: a relevant recommendation"},
      {"Need Attention", "average on every score, slowing down", "a limited-time offer on what they like"},
      {"About To Sleep", "below average and not seen for a while",
       "reactivate with popular products, a small incentive"},
      {"At Risk", "spent well and often, but long ago", "win-back email with a personal offer"},
      {"Can't Lose Them", "were among the best, gone quiet", "win them back first: personal contact, best offer"},
      {"Hibernating", "low value, long gone", "occasional reminder; do not spend much on them"},
      {"Lost", "lowest scores on every axis", "leave them out of paid campaigns"},
  };
  return guides;
}

}  // namespace shopkeep::report
