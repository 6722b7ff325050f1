#include "analytics/recommend/model.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace shopkeep::analytics::recommend {

namespace {

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

// Co-occurrence counts of every item with `item` across the groups (orders or customers) that
// contain it: a dense accumulator with a list of touched entries, linear in the pairs visited.
class Accumulator {
 public:
  explicit Accumulator(size_t n) : count_(n, 0) {}
  void add(Item i) {
    if (count_[i]++ == 0) touched_.push_back(i);
  }
  template <typename F>
  void drain(F&& visit) {
    for (Item i : touched_) {
      visit(i, count_[i]);
      count_[i] = 0;
    }
    touched_.clear();
  }

 private:
  std::vector<std::int32_t> count_;
  std::vector<Item> touched_;
};

// groups_of[item] = the groups containing it.
std::vector<std::vector<std::int32_t>> invert(const std::vector<std::vector<Item>>& groups, size_t items) {
  std::vector<std::vector<std::int32_t>> groups_of(items);
  for (size_t g = 0; g < groups.size(); ++g)
    for (Item i : groups[g]) groups_of[i].push_back(static_cast<std::int32_t>(g));
  return groups_of;
}

}  // namespace

Model::Model(const std::vector<Purchase>& purchases, const Catalog& catalog, ModelOptions options)
    : catalog_(catalog), options_(options) {
  const size_t n = catalog.size();
  orders_with_.assign(n, 0);
  refill_days_.assign(n, 0);
  baskets_.reserve(purchases.size());
  std::vector<std::vector<double>> intervals(n);
  std::vector<std::int64_t> repeaters(n, 0);
  for (const auto& p : purchases) {
    ++orders_;
    for (Item i : p.items) ++orders_with_[i];
    baskets_.push_back(p.items);
    if (!p.customer_id) continue;
    auto [it, fresh] = customer_index_.try_emplace(*p.customer_id, static_cast<int>(history_.size()));
    if (fresh) {
      history_.emplace_back();
      last_bought_.emplace_back();
      last_basket_.emplace_back();
    }
    int c = it->second;
    auto& history = history_[c];
    auto& last = last_bought_[c];
    for (Item i : p.items) {
      auto h = std::lower_bound(history.begin(), history.end(), std::make_pair(i, 0));
      if (h != history.end() && h->first == i) {
        if (++h->second == 2) ++repeaters[i];
      } else {
        history.insert(h, {i, 1});
      }
      auto l = std::lower_bound(last.begin(), last.end(), i, [](const auto& e, Item v) { return e.first < v; });
      if (l != last.end() && l->first == i) {
        double days = std::chrono::duration<double>(p.at - l->second).count() / 86400.0;
        if (days >= 1) intervals[i].push_back(days);
        l->second = p.at;
      } else {
        last.insert(l, {i, p.at});
      }
    }
    last_basket_[c] = p.items;
  }
  for (size_t i = 0; i < n; ++i)
    if (repeaters[i] >= options_.min_refill_customers && !intervals[i].empty()) refill_days_[i] = median(intervals[i]);
  by_popularity_.resize(n);
  for (size_t i = 0; i < n; ++i) by_popularity_[i] = static_cast<Item>(i);
  std::stable_sort(by_popularity_.begin(), by_popularity_.end(),
                   [&](Item a, Item b) { return orders_with_[a] > orders_with_[b]; });
}

void Model::build_together() const {
  if (together_built_) return;
  together_built_ = true;
  const size_t n = catalog_.size();
  together_.assign(n, {});
  auto orders_of = invert(baskets_, n);
  Accumulator acc(n);
  for (size_t a = 0; a < n; ++a) {
    for (auto o : orders_of[a])
      for (Item b : baskets_[o])
        if (b != static_cast<Item>(a)) acc.add(b);
    acc.drain([&](Item b, std::int32_t count) { together_[a].emplace_back(b, count); });
  }
}

// Item-to-item (Linden, Smith & York): for each product, walk its customers and their products,
// count co-buyers, normalise by cosine and keep the top N.
void Model::build_neighbours() const {
  if (neighbours_built_) return;
  neighbours_built_ = true;
  const size_t n = catalog_.size();
  neighbours_.assign(n, {});
  std::vector<std::vector<Item>> items_of(history_.size());
  for (size_t c = 0; c < history_.size(); ++c)
    for (const auto& [item, count] : history_[c]) items_of[c].push_back(item);
  auto customers_of = invert(items_of, n);
  Accumulator acc(n);
  for (size_t a = 0; a < n; ++a) {
    if (customers_of[a].empty()) continue;
    for (auto c : customers_of[a])
      for (Item b : items_of[c])
        if (b != static_cast<Item>(a)) acc.add(b);
    auto& list = neighbours_[a];
    double na = static_cast<double>(customers_of[a].size());
    acc.drain([&](Item b, std::int32_t count) {
      list.emplace_back(b, count / std::sqrt(na * static_cast<double>(customers_of[b].size())));
    });
    auto cut = std::min(list.size(), options_.neighbours);
    std::partial_sort(
        list.begin(), list.begin() + static_cast<std::ptrdiff_t>(cut), list.end(),
        [](const auto& x, const auto& y) { return x.second != y.second ? x.second > y.second : x.first < y.first; });
    list.resize(cut);
    list.shrink_to_fit();
  }
}

int Model::customer_index(std::int64_t customer) const {
  auto it = customer_index_.find(customer);
  return it == customer_index_.end() ? -1 : it->second;
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
  build_together();
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
  build_neighbours();
  std::unordered_map<Item, std::pair<double, std::string>> scores;
  for (Item anchor : basket)
    for (const auto& [other, cosine] : neighbours_[anchor]) {
      if (std::find(basket.begin(), basket.end(), other) != basket.end()) continue;
      auto& s = scores[other];
      if (s.first == 0 || cosine > s.first)
        s.second = "customers who bought " + catalog_.title[anchor] + " also bought it";
      s.first += cosine;
    }
  return top(scores, k);
}

std::vector<Scored> Model::personal(std::int64_t customer, size_t k) const {
  const auto* h = history(customer);
  if (h == nullptr) return popularity(k);
  build_neighbours();
  auto owned = [&](Item i) {
    auto it = std::lower_bound(h->begin(), h->end(), std::make_pair(i, 0));
    return it != h->end() && it->first == i;
  };
  // Evidence from everything they bought: neighbours weighted by how often they bought the item.
  int most = 1;
  for (const auto& [item, n] : *h) most = std::max(most, n);
  std::unordered_map<Item, std::pair<double, std::string>> similarity;
  double strongest = 0;
  for (const auto& [item, n] : *h)
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
  for (const auto& [item, n] : *h) {
    auto sim = similarity.find(item);
    double fit = sim == similarity.end() || strongest == 0 ? 0 : sim->second.first / strongest;
    scores[item] = {2.0 + static_cast<double>(n) / most + 0.1 * fit,
                    n >= 2 ? "you bought it " + std::to_string(n) + " times" : "you bought it before"};
  }
  for (auto& [item, s] : similarity)
    if (!owned(item))
      scores[item] = {s.first / strongest + 0.5 * static_cast<double>(orders_with_[item]) / top_orders,
                      std::move(s.second)};
  auto out = top(scores, k);
  if (out.size() < k) {  // top up with best sellers they do not have yet
    std::vector<Item> have;
    for (const auto& s : out) have.push_back(s.item);
    for (const auto& [item, n] : *h) have.push_back(item);
    for (auto& s : popularity(k - out.size(), have)) out.push_back(std::move(s));
  }
  return out;
}

std::vector<Scored> Model::refill(std::int64_t customer, Instant now, size_t k) const {
  std::unordered_map<Item, std::pair<double, std::string>> scores;
  int c = customer_index(customer);
  if (c < 0) return {};
  for (const auto& [item, when] : last_bought_[c]) {
    double interval = refill_days_[item];
    if (interval <= 0) continue;
    double since = std::chrono::duration<double>(now - when).count() / 86400.0;
    double tolerance = std::max(3.0, interval * 0.2);
    double early = since - interval;                       // negative: days until due; positive: days overdue
    if (early < -tolerance || early > interval) continue;  // not yet due, or long lapsed
    double score = 1.0 / (1.0 + std::fabs(early) / tolerance);
    scores[item] = {score,
                    "bought " + fixed(since, 0) + " days ago; usually re-bought every " + fixed(interval, 0) + " days"};
  }
  return top(scores, k);
}

std::vector<Scored> Model::popularity(size_t k, const std::vector<Item>& exclude) const {
  std::vector<Scored> out;
  for (Item item : by_popularity_) {
    if (out.size() >= k || orders_with_[item] == 0) break;
    if (!allowed(item) || std::find(exclude.begin(), exclude.end(), item) != exclude.end()) continue;
    out.push_back({item,
                   static_cast<double>(orders_with_[item]) / static_cast<double>(std::max<std::int64_t>(1, orders_)),
                   "in " + std::to_string(orders_with_[item]) + " orders"});
  }
  return out;
}

std::vector<Scored> Model::own_history(std::int64_t customer, size_t k) const {
  std::unordered_map<Item, std::pair<double, std::string>> scores;
  if (const auto* h = history(customer))
    for (const auto& [item, n] : *h)
      scores[item] = {static_cast<double>(n), "in " + std::to_string(n) + " of your orders"};
  auto out = top(scores, k);
  if (out.size() < k) {
    std::vector<Item> have;
    for (const auto& s : out) have.push_back(s.item);
    for (auto& s : popularity(k - out.size(), have)) out.push_back(std::move(s));
  }
  return out;
}

const std::vector<std::pair<Item, int>>* Model::history(std::int64_t customer) const {
  int c = customer_index(customer);
  return c < 0 ? nullptr : &history_[c];
}

const std::vector<Item>* Model::last_basket(std::int64_t customer) const {
  int c = customer_index(customer);
  return c < 0 ? nullptr : &last_basket_[c];
}

std::optional<double> Model::refill_interval_days(Item item) const {
  return refill_days_[item] > 0 ? std::optional(refill_days_[item]) : std::nullopt;
}

}  // namespace shopkeep::analytics::recommend
