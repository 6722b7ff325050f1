#include "analytics/recommend/model.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace shopkeep::analytics::recommend {

namespace {

using PairCounts = std::unordered_map<std::uint64_t, std::int32_t>;

std::uint64_t key(Item a, Item b) { return (static_cast<std::uint64_t>(a) << 32) | static_cast<std::uint32_t>(b); }

void count_pairs(const std::vector<Item>& items, PairCounts& counts) {
  for (size_t i = 0; i < items.size(); ++i)
    for (size_t j = i + 1; j < items.size(); ++j) ++counts[key(items[i], items[j])];
}

std::string fixed(double v, int digits) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.*f", digits, v);
  return buffer;
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  size_t n = v.size();
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

}  // namespace

Model::Model(const std::vector<Purchase>& purchases, const Catalog& catalog, ModelOptions options)
    : catalog_(catalog), options_(options) {
  const size_t n = catalog.size();
  orders_with_.assign(n, 0);
  together_.resize(n);
  neighbours_.resize(n);
  refill_days_.assign(n, 0);
  PairCounts in_orders;
  std::unordered_map<std::int64_t, std::vector<Item>> customer_items;
  std::vector<std::vector<double>> intervals(n);
  std::vector<std::int64_t> repeaters(n, 0);
  for (const auto& p : purchases) {
    ++orders_;
    for (Item i : p.items) ++orders_with_[i];
    count_pairs(p.items, in_orders);
    if (!p.customer_id) continue;
    auto& seen = history_[*p.customer_id];
    auto& last = last_bought_[*p.customer_id];
    for (Item i : p.items) {
      if (seen[i]++ == 0) customer_items[*p.customer_id].push_back(i);
      auto previous = last.find(i);
      if (previous != last.end()) {
        double days = std::chrono::duration<double>(p.at - previous->second).count() / 86400.0;
        if (days >= 1) intervals[i].push_back(days);
        if (seen[i] == 2) ++repeaters[i];
      }
      last[i] = p.at;
    }
    last_basket_[*p.customer_id] = p.items;
  }
  for (const auto& [pair, count] : in_orders) {
    Item a = static_cast<Item>(pair >> 32), b = static_cast<Item>(pair & 0xffffffff);
    together_[a].emplace_back(b, count);
    together_[b].emplace_back(a, count);
  }
  // Item-to-item: co-occurrence over customers, cosine-normalised, top-N kept per item.
  PairCounts by_customer;
  std::vector<std::int64_t> customers_with(n, 0);
  for (auto& [customer, items] : customer_items) {
    std::sort(items.begin(), items.end());
    for (Item i : items) ++customers_with[i];
    count_pairs(items, by_customer);
  }
  for (const auto& [pair, count] : by_customer) {
    Item a = static_cast<Item>(pair >> 32), b = static_cast<Item>(pair & 0xffffffff);
    double cosine = count / std::sqrt(static_cast<double>(customers_with[a]) * static_cast<double>(customers_with[b]));
    neighbours_[a].emplace_back(b, cosine);
    neighbours_[b].emplace_back(a, cosine);
  }
  for (auto& list : neighbours_) {
    auto cut = std::min(list.size(), options_.neighbours);
    std::partial_sort(list.begin(), list.begin() + static_cast<std::ptrdiff_t>(cut), list.end(),
                      [](const auto& x, const auto& y) { return x.second != y.second ? x.second > y.second : x.first < y.first; });
    list.resize(cut);
  }
  for (size_t i = 0; i < n; ++i)
    if (repeaters[i] >= options_.min_refill_customers && !intervals[i].empty()) refill_days_[i] = median(intervals[i]);
  by_popularity_.resize(n);
  for (size_t i = 0; i < n; ++i) by_popularity_[i] = static_cast<Item>(i);
  std::stable_sort(by_popularity_.begin(), by_popularity_.end(),
                   [&](Item a, Item b) { return orders_with_[a] > orders_with_[b]; });
}

bool Model::allowed(Item item) const { return !options_.only_available || catalog_.available[item]; }

std::vector<Scored> Model::top(std::unordered_map<Item, std::pair<double, std::string>>& scores, size_t k) const {
  std::vector<Scored> out;
  for (auto& [item, s] : scores)
    if (allowed(item)) out.push_back({item, s.first, std::move(s.second)});
  std::sort(out.begin(), out.end(), [&](const Scored& a, const Scored& b) {
    if (a.score != b.score) return a.score > b.score;
    if (orders_with_[a.item] != orders_with_[b.item]) return orders_with_[a.item] > orders_with_[b.item];
    return a.item < b.item;
  });
  if (out.size() > k) out.resize(k);
  return out;
}

std::vector<Scored> Model::fbt(const std::vector<Item>& basket, size_t k) const {
  std::unordered_map<Item, std::pair<double, std::string>> scores;
  for (Item anchor : basket) {
    if (orders_with_[anchor] == 0) continue;
    for (const auto& [other, count] : together_[anchor]) {
      if (count < 2 || std::find(basket.begin(), basket.end(), other) != basket.end()) continue;
      double confidence = static_cast<double>(count) / static_cast<double>(orders_with_[anchor]);
      auto& s = scores[other];
      if (confidence > s.first)
        s = {confidence, "in " + fixed(confidence * 100, 0) + "% of the orders with " + catalog_.title[anchor]};
    }
  }
  return top(scores, k);
}

std::vector<Scored> Model::similar(const std::vector<Item>& basket, size_t k) const {
  std::unordered_map<Item, std::pair<double, std::string>> scores;
  for (Item anchor : basket)
    for (const auto& [other, cosine] : neighbours_[anchor]) {
      if (std::find(basket.begin(), basket.end(), other) != basket.end()) continue;
      auto& s = scores[other];
      if (s.first == 0 || cosine > s.first) s.second = "customers who bought " + catalog_.title[anchor] + " also bought it";
      s.first += cosine;
    }
  return top(scores, k);
}

std::vector<Scored> Model::personal(std::int64_t customer, size_t k) const {
  auto h = history_.find(customer);
  if (h == history_.end()) return popularity(k);
  // Evidence from everything they bought: neighbours weighted by how often they bought the item.
  int most = 1;
  for (const auto& [item, n] : h->second) most = std::max(most, n);
  std::unordered_map<Item, std::pair<double, std::string>> similarity;
  double strongest = 0;
  for (const auto& [item, n] : h->second)
    for (const auto& [other, cosine] : neighbours_[item]) {
      auto& s = similarity[other];
      if (s.first == 0) s.second = "similar to " + catalog_.title[item];
      s.first += cosine * static_cast<double>(n) / most;
      strongest = std::max(strongest, s.first);
    }
  double top_orders = static_cast<double>(std::max<std::int64_t>(1, orders_with_[by_popularity_.front()]));
  std::unordered_map<Item, std::pair<double, std::string>> scores;
  // What they buy again and again comes first (more often, higher), ordered within by how well it
  // fits the rest of their history; then the products most similar to their history, with a little
  // popularity as a prior so that thin evidence does not outrank a proven best seller.
  for (const auto& [item, n] : h->second) {
    auto sim = similarity.find(item);
    double fit = sim == similarity.end() || strongest == 0 ? 0 : sim->second.first / strongest;
    scores[item] = {2.0 + static_cast<double>(n) / most + 0.1 * fit,
                    n >= 2 ? "you bought it " + std::to_string(n) + " times" : "you bought it before"};
  }
  for (auto& [item, s] : similarity)
    if (!h->second.count(item))
      scores[item] = {s.first / strongest + 0.5 * static_cast<double>(orders_with_[item]) / top_orders, std::move(s.second)};
  auto out = top(scores, k);
  if (out.size() < k) {  // top up with best sellers they do not have yet
    std::vector<Item> have;
    for (const auto& s : out) have.push_back(s.item);
    for (const auto& [item, n] : h->second) have.push_back(item);
    for (auto& s : popularity(k - out.size(), have)) out.push_back(std::move(s));
  }
  return out;
}

std::vector<Scored> Model::refill(std::int64_t customer, Instant now, size_t k) const {
  std::unordered_map<Item, std::pair<double, std::string>> scores;
  auto last = last_bought_.find(customer);
  if (last == last_bought_.end()) return {};
  for (const auto& [item, when] : last->second) {
    double interval = refill_days_[item];
    if (interval <= 0) continue;
    double since = std::chrono::duration<double>(now - when).count() / 86400.0;
    double tolerance = std::max(3.0, interval * 0.2);
    double early = since - interval;  // negative: days until due; positive: days overdue
    if (early < -tolerance || early > interval) continue;  // not yet due, or long lapsed
    double score = 1.0 / (1.0 + std::fabs(early) / tolerance);
    scores[item] = {score, "bought " + fixed(since, 0) + " days ago; usually re-bought every " + fixed(interval, 0) + " days"};
  }
  return top(scores, k);
}

std::vector<Scored> Model::popularity(size_t k, const std::vector<Item>& exclude) const {
  std::vector<Scored> out;
  for (Item item : by_popularity_) {
    if (out.size() >= k || orders_with_[item] == 0) break;
    if (!allowed(item) || std::find(exclude.begin(), exclude.end(), item) != exclude.end()) continue;
    out.push_back({item, static_cast<double>(orders_with_[item]) / static_cast<double>(std::max<std::int64_t>(1, orders_)),
                   "in " + std::to_string(orders_with_[item]) + " orders"});
  }
  return out;
}

std::vector<Scored> Model::own_history(std::int64_t customer, size_t k) const {
  std::unordered_map<Item, std::pair<double, std::string>> scores;
  auto h = history_.find(customer);
  if (h != history_.end())
    for (const auto& [item, n] : h->second) scores[item] = {static_cast<double>(n), "in " + std::to_string(n) + " of your orders"};
  auto out = top(scores, k);
  if (out.size() < k) {
    std::vector<Item> have;
    for (const auto& s : out) have.push_back(s.item);
    for (auto& s : popularity(k - out.size(), have)) out.push_back(std::move(s));
  }
  return out;
}

const std::unordered_map<Item, int>* Model::history(std::int64_t customer) const {
  auto it = history_.find(customer);
  return it == history_.end() ? nullptr : &it->second;
}

const std::vector<Item>* Model::last_basket(std::int64_t customer) const {
  auto it = last_basket_.find(customer);
  return it == last_basket_.end() ? nullptr : &it->second;
}

std::optional<double> Model::refill_interval_days(Item item) const {
  return refill_days_[item] > 0 ? std::optional(refill_days_[item]) : std::nullopt;
}

}  // namespace shopkeep::analytics::recommend
