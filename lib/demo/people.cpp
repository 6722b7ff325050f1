#include "demo/people.hpp"

#include <algorithm>
#include <cmath>

namespace shopkeep::demo {

namespace {

const std::string_view kFirst[] = {"Anna",    "Ben",    "Clara", "David", "Emma",   "Felix",  "Greta", "Hannah",
                                   "Ivan",    "Julia",  "Karl",  "Lena",  "Marco",  "Nina",   "Oskar", "Paula",
                                   "Quentin", "Rosa",   "Sven",  "Tara",  "Ulla",   "Viktor", "Wanda", "Yusuf",
                                   "Zoe",     "Liam",   "Mia",   "Noah",  "Olivia", "Elif",   "Mateo", "Sofia",
                                   "Jonas",   "Leonie", "Amir",  "Ines",  "Tom",    "Ida",    "Finn",  "Maja"};
const std::string_view kLast[] = {
    "Schmidt", "Müller",  "Weber",   "Fischer", "Wagner",     "Becker", "Hoffmann",  "Koch",   "Richter", "Klein",
    "Wolf",    "Neumann", "Schwarz", "Braun",   "Zimmermann", "Krüger", "Hartmann",  "Lange",  "Werner",  "Lehmann",
    "Kaya",    "Nowak",   "Rossi",   "Garcia",  "Jensen",     "Berg",   "Lindqvist", "Dubois", "Moreau",  "Silva"};
const std::string_view kDomains[] = {"example.com", "example.net", "example.org", "mail.example", "post.example"};
const std::string_view kCities[] = {"Berlin", "Hamburg", "München", "Köln",   "Leipzig",
                                    "Wien",   "Zürich",  "Graz",    "Bremen", "Dresden"};

std::string ascii_lower(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == 0xC3 && i + 1 < s.size()) {  // ä ö ü in UTF-8 -> ae oe ue for the address
      unsigned char n = static_cast<unsigned char>(s[++i]);
      out += n == 0xA4 ? "ae" : n == 0xB6 ? "oe" : n == 0xBC ? "ue" : "x";
    } else {
      out += static_cast<char>(std::tolower(c));
    }
  }
  return out;
}

}  // namespace

std::string_view first_name(Rng& rng) { return rng.pick(kFirst); }
std::string_view last_name(Rng& rng) { return rng.pick(kLast); }

std::vector<Person> make_people(Rng& rng, std::uint64_t count) {
  std::vector<Person> people(count);
  for (std::uint64_t i = 0; i < count; ++i) {
    Person& p = people[i];
    p.id = 7400000000 + static_cast<std::int64_t>(i) * 11;
    p.first = std::string(rng.pick(kFirst));
    p.last = std::string(rng.pick(kLast));
    p.email =
        ascii_lower(p.first) + "." + ascii_lower(p.last) + std::to_string(i) + "@" + std::string(rng.pick(kDomains));
    p.city = std::string(rng.pick(kCities));
    p.zip = std::to_string(rng.between(10000, 99999));
    double c = rng.uniform();
    p.consent = c < 0.55 ? "SUBSCRIBED" : c < 0.85 ? "NOT_SUBSCRIBED" : c < 0.95 ? "UNSUBSCRIBED" : "";
    p.old_shape = rng.chance(0.15);
  }
  // Planted defects: duplicate emails (other case), invalid syntax, test customers.
  for (std::uint64_t i = 10; i + 1 < count; i += 97) {
    std::string dup = people[i - 7].email;
    dup[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(dup[0])));
    people[i].email = dup;
  }
  for (std::uint64_t i = 33; i < count; i += 331)
    people[i].email = ascii_lower(people[i].first) + "@@" + std::string(kDomains[0]);
  for (std::uint64_t i = 3; i < count; i += 500) people[i].test = true;
  return people;
}

void plan_orders(Rng& rng, std::vector<Person>& people, std::uint64_t orders) {
  if (people.empty()) return;
  // About 88% of accounts ever buy, and each buyer buys once. The rest of the orders go to the
  // 40% of buyers who come back, by a Pareto weight: most customers buy once, a few very often.
  std::vector<size_t> buyers, repeaters;
  std::vector<double> weights;
  for (size_t i = 0; i < people.size(); ++i)
    if (rng.chance(0.88)) {
      buyers.push_back(i);
      if (rng.chance(0.4)) {
        repeaters.push_back(i);
        // Capped, so even the most loyal customer orders at a human pace.
        weights.push_back(std::min(25.0, std::pow(1.0 - rng.uniform(), -1.0 / 1.15)));
      }
    }
  if (buyers.empty()) buyers.push_back(0);
  if (repeaters.empty()) repeaters.push_back(buyers.front()), weights.push_back(1);
  std::uint64_t placed = 0;
  for (size_t b = 0; b < buyers.size() && placed < orders; ++b, ++placed) people[buyers[b]].orders = 1;
  WeightedPicker picker(weights);
  for (; placed < orders; ++placed) ++people[repeaters[picker.pick(rng)]].orders;
}

}  // namespace shopkeep::demo
