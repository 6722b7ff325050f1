#pragma once
// Gathers from the store what one planned message says (the cart, the refills, the first order,
// the recommended products, the person's name, the unsubscribe links, the discount code) into a
// MessageInput. Products are read once; each message costs a few indexed lookups.
#include <memory>
#include <set>
#include <string>

#include "analytics/campaigns/campaign.hpp"
#include "core/config.hpp"
#include "email/message.hpp"
#include "email/settings.hpp"
#include "store/db.hpp"

namespace shopkeep::email {

class MessageLoader {
 public:
  MessageLoader(store::Db& db, const Config& config, const EmailSettings& settings);
  ~MessageLoader();
  MessageInput load(const analytics::campaigns::PlanRow& row);
  // Config keys of discount codes that planned incentives needed and the config lacks
  // (email.discount_codes.percent_10 ...): the messages say the offer without a code.
  const std::set<std::string>& missing_codes() const { return missing_codes_; }

 private:
  struct Products;
  const Config& config_;
  const EmailSettings& settings_;
  std::unique_ptr<Products> products_;
  std::set<std::string> missing_codes_;
};

// Only http(s) URLs go into a message (no javascript:, data: or relative links); others become "".
std::string safe_url(const std::string& url);

}  // namespace shopkeep::email
