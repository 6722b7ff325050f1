#pragma once
// The sample shop's customers: names, emails (with planted duplicates and typos), consent in the
// old and new API shapes, and how many orders each will place (a heavy tail).
#include <cstdint>
#include <string>
#include <vector>

#include "demo/random.hpp"

namespace shopkeep::demo {

struct Person {
  std::int64_t id;
  std::string first, last, email, city, zip;
  std::string consent;       // SUBSCRIBED, NOT_SUBSCRIBED, UNSUBSCRIBED, or "" (unknown)
  bool old_shape = false;    // email + emailMarketingConsent instead of defaultEmailAddress
  bool test = false;         // tagged "test"
  std::uint32_t orders = 0;  // planned orders
};

std::vector<Person> make_people(Rng& rng, std::uint64_t count);

// Spreads `orders` over the people: most buy once, a few often; some never buy.
void plan_orders(Rng& rng, std::vector<Person>& people, std::uint64_t orders);

std::string_view first_name(Rng& rng);
std::string_view last_name(Rng& rng);

}  // namespace shopkeep::demo
