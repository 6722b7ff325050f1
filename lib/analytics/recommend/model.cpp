#include "analytics/recommend/model.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <span>

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

// How far ahead loops that jump around memory (a customer's orders, a product's customers) ask for
// the next entries, so that the cache misses overlap instead of coming one after the other.
constexpr size_t kAhead = 8;

// Co-occurrence counts of every item with `item` across the groups (orders or customers) that
// contain it: a dense accumulator with a list of touched entries, linear in the pairs visited.
// Branch-free where it is hot (millions of adds whose "seen before?" is a coin flip): each add
// writes the item at the end of the touched list and keeps it there only when it is new; each take
// writes every touched item out and keeps only those counted often enough.
class Accumulator {
 public:
  explicit Accumulator(size_t n) : count_(n, 0), touched_(n + 1), kept_(n + 1) {}
  void add(Item i) {
    touched_[size_] = i;
    size_ += count_[i]++ == 0 ? 1 : 0;
  }
  // The items counted at least `min` times with their counts, in the order first counted; the
  // accumulator is empty again.
  std::span<const std::pair<Item, std::int32_t>> take_at_least(std::int32_t min) {
    size_t kept = 0;
    for (size_t j = 0; j < size_; ++j) {
      Item i = touched_[j];
      kept_[kept] = {i, count_[i]};
      kept += count_[i] >= min ? 1 : 0;
      count_[i] = 0;
    }
    size_ = 0;
    return {kept_.data(), kept};
  }

 private:
  std::vector<std::int32_t> count_;
  std::vector<Item> touched_;
  std::vector<std::pair<Item, std::int32_t>> kept_;
  size_t size_ = 0;
};

}  // namespace

Model::Model(const std::vector<Purchase>& purchases, const Catalog& catalog, ModelOptions options)
    : purchases_(purchases),
      catalog_(catalog),
      options_(std::move(options)),
      votes_(catalog.size()),
      weights_(catalog.size()) {
  const size_t n = catalog.size();
  orders_with_.assign(n, 0);
  orders_ = static_cast<std::int64_t>(purchases.size());
  // Pass 1, in time order: popularity, and each customer's orders.
  std::vector<std::int32_t> customer_of(purchases.size(), -1);  // dense index, -1 = a guest
  customer_index_.reserve(purchases.size() / 4);
  for (size_t o = 0; o < purchases.size(); ++o) {
    const auto& p = purchases[o];
    for (Item i : p.items) ++orders_with_[i];
    if (!p.customer_id) continue;
    customer_of[o] =
        customer_index_.try_emplace(*p.customer_id, static_cast<int>(customer_index_.size())).first->second;
  }
  orders_of_ = Groups::build(customer_index_.size(), [&](auto&& emit) {
    for (size_t o = 0; o < customer_of.size(); ++o)
      if (customer_of[o] >= 0) emit(static_cast<size_t>(customer_of[o]), static_cast<std::int32_t>(o));
  });
  learn_histories();
  by_popularity_.resize(n);
  for (size_t i = 0; i < n; ++i) by_popularity_[i] = static_cast<Item>(i);
  std::stable_sort(by_popularity_.begin(), by_popularity_.end(),
                   [&](Item a, Item b) { return orders_with_[a] > orders_with_[b]; });
}

// Pass 2, one customer at a time (their data stays in cache): what they bought, how often, when
// last, and whether again on another day; from that, per product, buyers, repeaters and the repeat
// intervals that make consumables and durables.
void Model::learn_histories() {
  const size_t n = catalog_.size();
  refill_days_.assign(n, 0);
  durable_.assign(n, false);
  std::vector<std::vector<double>> intervals(n);
  std::vector<std::int64_t> buyers(n, 0);     // customers who bought the item
  std::vector<std::int64_t> repeaters(n, 0);  // customers who bought the item again on another day
  std::vector<std::int32_t> slot(n, -1);      // the item's entry in the customer's lists
  history_.resize(orders_of_.size());
  last_bought_.resize(orders_of_.size());
  for (size_t c = 0; c < orders_of_.size(); ++c) {
    auto& history = history_[c];
    auto& last = last_bought_[c];
    auto orders = orders_of_[c];
    size_t bought = 0;  // at least their distinct items: reserved, not grown
    for (size_t j = 0; j < orders.size(); ++j) {
      if (j + kAhead < orders.size()) __builtin_prefetch(&purchases_[orders[j + kAhead]]);
      const auto& items = purchases_[orders[j]].items;
      __builtin_prefetch(items.data());
      bought += items.size();
    }
    history.reserve(bought);
    last.reserve(bought);
    for (auto o : orders) {
      const auto& p = purchases_[o];
      for (Item i : p.items) {
        if (slot[i] < 0) {
          slot[i] = static_cast<std::int32_t>(history.size());
          history.emplace_back(i, 1);
          last.push_back({i, p.at, false});
          ++buyers[i];
          continue;
        }
        auto& l = last[slot[i]];
        ++history[slot[i]].second;
        // A repeat on another day is a re-purchase; two orders the same day are one shopping trip.
        double days = std::chrono::duration<double>(p.at - l.at).count() / 86400.0;
        if (days >= 1) {
          intervals[i].push_back(days);
          if (!l.repeated) l.repeated = true, ++repeaters[i];
        }
        l.at = p.at;
      }
    }
    for (const auto& [item, count] : history) slot[item] = -1;
    std::sort(history.begin(), history.end());
    std::sort(last.begin(), last.end(), [](const LastBought& a, const LastBought& b) { return a.item < b.item; });
  }
  for (size_t i = 0; i < n; ++i) {
    if (repeaters[i] >= options_.min_refill_customers && !intervals[i].empty()) refill_days_[i] = median(intervals[i]);
    durable_[i] =
        buyers[i] >= options_.durable_min_customers &&
        static_cast<double>(repeaters[i]) < options_.durable_max_repeat_share * static_cast<double>(buyers[i]);
  }
}

const ShopTrend& Model::trend() const {
  if (!trend_) trend_.emplace(purchases_, catalog_.size());
  return *trend_;
}

void Model::build_together() const {
  if (together_built_) return;
  together_built_ = true;
  const size_t n = catalog_.size();
  together_.assign(n, {});
  std::vector<std::vector<std::int32_t>> orders_of(n);
  for (size_t o = 0; o < purchases_.size(); ++o)
    for (Item i : purchases_[o].items) orders_of[i].push_back(static_cast<std::int32_t>(o));
  Accumulator acc(n);
  for (size_t a = 0; a < n; ++a) {
    for (auto o : orders_of[a])
      for (Item b : purchases_[o].items)
        if (b != static_cast<Item>(a)) acc.add(b);
    // Only pairs that can be "bought together": seen min_pair_count times, at min_confidence.
    double need = options_.min_confidence * static_cast<double>(orders_with_[a]) - 1e-9;
    for (const auto& [b, count] : acc.take_at_least(options_.min_pair_count))
      if (count >= need) together_[a].emplace_back(b, count);
  }
}

// Item-to-item (Linden, Smith & York): for each product, walk its customers and their products,
// count co-buyers, normalise by cosine and keep the top N.
void Model::build_neighbours() const {
  if (neighbours_built_) return;
  neighbours_built_ = true;
  const size_t n = catalog_.size();
  neighbours_.assign(n, {});
  auto customers_of = Groups::build(n, [&](auto&& emit) {
    for (size_t c = 0; c < history_.size(); ++c)
      for (const auto& [item, count] : history_[c]) emit(static_cast<size_t>(item), static_cast<std::int32_t>(c));
  });
  Accumulator acc(n);
  for (size_t a = 0; a < n; ++a) {
    if (customers_of[a].empty()) continue;
    auto customers = customers_of[a];
    for (size_t j = 0; j < customers.size(); ++j) {
      if (j + kAhead < customers.size()) __builtin_prefetch(history_[customers[j + kAhead]].data());
      for (const auto& [b, count] : history_[customers[j]])
        if (b != static_cast<Item>(a)) acc.add(b);
    }
    auto& list = neighbours_[a];
    double na = static_cast<double>(customers_of[a].size());
    for (const auto& [b, count] : acc.take_at_least(options_.min_pair_count))
      list.emplace_back(b, count / std::sqrt(na * static_cast<double>(customers_of[b].size())));
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

std::vector<Scored> Model::top(ScoreMap& scores, size_t k) const {
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

std::vector<Scored> Model::top(std::vector<Vote> votes, size_t k,
                               const std::function<std::string(const Vote&)>& reason) const {
  std::erase_if(votes, [&](const Vote& v) { return !allowed(v.item); });
  auto better = [&](const Vote& a, const Vote& b) {
    if (a.score != b.score) return a.score > b.score;
    if (orders_with_[a.item] != orders_with_[b.item]) return orders_with_[a.item] > orders_with_[b.item];
    return a.item < b.item;
  };
  size_t cut = std::min(k, votes.size());
  std::partial_sort(votes.begin(), votes.begin() + static_cast<std::ptrdiff_t>(cut), votes.end(), better);
  std::vector<Scored> out;
  out.reserve(cut);
  for (size_t i = 0; i < cut; ++i) out.push_back({votes[i].item, votes[i].score, reason(votes[i])});
  return out;
}

void Model::mark_repeats(int customer, std::vector<Scored>& recs) const {
  if (customer < 0) return;
  const auto& h = history_[customer];
  for (auto& r : recs) {
    auto it = std::lower_bound(h.begin(), h.end(), std::make_pair(r.item, 0));
    r.repeat = it != h.end() && it->first == r.item;
  }
}

// Confidence of "bought together": the share of the anchor's orders that also contain the product,
// from pairs seen at least min_pair_count times and at min_confidence or more (a product in 0.3% of
// an anchor's orders is not "bought together"). Summed over the anchors, so that a product that goes
// with several of them ranks above one that goes with a single anchor.
std::vector<Scored> Model::fbt(const std::vector<Item>& basket, size_t k) const {
  build_together();
  for (Item anchor : basket) {
    if (orders_with_[anchor] == 0) continue;
    for (const auto& [other, count] : together_[anchor])
      votes_.add(other, static_cast<double>(count) / static_cast<double>(orders_with_[anchor]), anchor);
  }
  for (Item anchor : basket) votes_.drop(anchor);
  return top(votes_.take(), k, [&](const Vote& v) {
    return "in " + fixed(v.strongest * 100, 0) + "% of the orders with " + catalog_.title[v.because];
  });
}

std::vector<Scored> Model::similar(const std::vector<Item>& basket, size_t k) const {
  std::vector<std::pair<Item, double>> anchors;
  for (Item i : basket) anchors.emplace_back(i, 1.0);
  vote_similar(anchors);
  for (Item i : basket) votes_.drop(i);
  return top(votes_.take(), k, similar_reason());
}

// Sum of cosine similarities to the weighted anchors (the anchors' own entries included: a customer's
// consumable that is also similar to the rest of their history ranks high, as in Amazon's
// item-to-item recommendations of products one may buy again).
void Model::vote_similar(const std::vector<std::pair<Item, double>>& anchors) const {
  build_neighbours();
  for (const auto& [anchor, weight] : anchors)
    for (const auto& [other, cosine] : neighbours_[anchor]) votes_.add(other, cosine * weight, anchor);
}

std::function<std::string(const Vote&)> Model::similar_reason() const {
  return [this](const Vote& v) {
    if (v.because == v.item) return std::string("you bought it before; it goes with the rest of your orders");
    return "customers who bought " + catalog_.title[v.because] + " also bought it";
  };
}

void Model::drop_owned_durables(int c) const {
  for (const auto& [item, n] : history_[c])
    if (durable(item)) votes_.drop(item);
}

std::vector<Scored> Model::fbt_for(std::int64_t customer, size_t k) const {
  int c = customer_index(customer);
  if (c < 0) return {};
  // Everything they bought anchors, recent orders more (recency weights): validation on an earlier
  // held-out order preferred it to the last order alone (hit rate 0.56 against 0.43). Their own
  // consumables may come back; their durables never.
  build_together();
  for (const auto& [anchor, weight] : recency_weights(c))
    for (const auto& [other, count] : together_[anchor])
      votes_.add(other, weight * static_cast<double>(count) / static_cast<double>(orders_with_[anchor]), anchor);
  drop_owned_durables(c);
  auto out = top(votes_.take(), k, [&](const Vote& v) {
    return "in " + fixed(v.strongest * 100, 0) + "% of the orders with " + catalog_.title[v.because];
  });
  mark_repeats(c, out);
  return out;
}

std::vector<Scored> Model::similar_for(std::int64_t customer, size_t k) const {
  int c = customer_index(customer);
  if (c < 0) return {};
  // Anchors weighted by recency; each owned product also votes for itself (its cosine with itself
  // is 1), so a consumable they keep buying and that fits the rest of their history comes first.
  // Validation on an earlier held-out order: hit rate 0.61, against 0.52 without the self vote.
  std::vector<std::pair<Item, double>> anchors;
  for (const auto& [item, weight] : recency_weights(c)) anchors.emplace_back(item, weight);
  vote_similar(anchors);
  for (const auto& [item, weight] : anchors) votes_.add(item, weight, item);
  drop_owned_durables(c);
  auto out = top(votes_.take(), k, similar_reason());
  mark_repeats(c, out);
  return out;
}

// Each of the customer's items weighted by their orders containing it, the last order 1, the one
// before it decay, then decay^2... (the group decay of TIFU-KNN, Hu et al. 2020).
std::vector<std::pair<Item, double>> Model::recency_weights(int c) const {
  double w = 1;
  auto orders = orders_of_[c];
  for (auto o = orders.rbegin(); o != orders.rend(); ++o, w *= options_.next_basket.recency_decay)
    for (Item i : purchases_[*o].items) weights_.add(i, w, i);
  std::vector<std::pair<Item, double>> out;
  for (const auto& v : weights_.take()) out.emplace_back(v.item, v.score);
  return out;
}

// Next basket (Li et al. 2023: on repeat-heavy shops the repeat part carries the gains; explore only
// fills). Repeat: the customer's consumables by recency-weighted frequency x (share of the shop's
// orders containing the product in the trend window before the basket's day)^power, smoothed by one
// order. Explore: the places left, by similarity to their history, then best sellers.
std::vector<Scored> Model::personal(std::int64_t customer, Instant at, size_t k) const {
  int c = customer_index(customer);
  if (c < 0) return popularity(k);
  const auto& p = options_.next_basket;
  Instant day = options_.zone.start_of_day(options_.zone.local_day(at));
  const auto& trend = this->trend();
  double window_orders = static_cast<double>(trend.orders(day, p.trend_days)) + 1.0;
  std::vector<Scored> repeat;
  for (const auto& [item, weight] : recency_weights(c)) {
    if (durable(item) || !allowed(item)) continue;
    double share = (static_cast<double>(trend.orders_with(item, day, p.trend_days)) + 1.0) / window_orders;
    repeat.push_back({item, weight * std::pow(share, p.trend_power), {}, true});
  }
  auto better = [&](const Scored& a, const Scored& b) {
    if (a.score != b.score) return a.score > b.score;
    if (orders_with_[a.item] != orders_with_[b.item]) return orders_with_[a.item] > orders_with_[b.item];
    return a.item < b.item;
  };
  size_t kept = std::min(k, repeat.size());
  std::partial_sort(repeat.begin(), repeat.begin() + static_cast<std::ptrdiff_t>(kept), repeat.end(), better);
  repeat.resize(kept);
  for (auto& r : repeat) {  // reasons only for what is shown
    auto h = std::lower_bound(history_[c].begin(), history_[c].end(), std::make_pair(r.item, 0));
    int times = h != history_[c].end() && h->first == r.item ? h->second : 0;
    r.reason = times >= 2 ? "you bought it " + std::to_string(times) + " times" : "you bought it before";
    if (auto recent = trend.orders_with(r.item, day, p.trend_days); recent > 0)
      r.reason += "; in " + std::to_string(recent) + " of the shop's orders in the last " +
                  std::to_string(p.trend_days) + " days";
  }
  // Scores: repeat in (1, 2], explore in (0, 1), so the order of the list is the order of the scores.
  double best = repeat.empty() ? 1 : repeat.front().score;
  for (auto& r : repeat) r.score = 1 + r.score / best;
  if (repeat.size() == k) return repeat;
  std::vector<std::pair<Item, double>> anchors;
  for (const auto& [item, n] : history_[c]) anchors.emplace_back(item, static_cast<double>(n));
  vote_similar(anchors);
  for (const auto& [item, n] : history_[c]) votes_.drop(item);
  auto explore = top(votes_.take(), k - repeat.size(), similar_reason());
  double strongest = explore.empty() ? 1 : explore.front().score;
  for (auto& e : explore) e.score = 0.5 + 0.49 * e.score / strongest;
  for (auto& e : explore) repeat.push_back(std::move(e));
  if (repeat.size() < k) {  // top up with best sellers they do not have yet
    std::vector<Item> have;
    for (const auto& s : repeat) have.push_back(s.item);
    for (const auto& [item, n] : history_[c]) have.push_back(item);
    for (auto& s : popularity(k - repeat.size(), have)) s.score *= 0.49, repeat.push_back(std::move(s));
  }
  return repeat;
}

std::vector<Scored> Model::refill(std::int64_t customer, Instant now, size_t k) const {
  std::unordered_map<Item, std::pair<double, std::string>> scores;
  int c = customer_index(customer);
  if (c < 0) return {};
  for (const auto& [item, when, again] : last_bought_[c]) {
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
  auto out = top(scores, k);
  mark_repeats(c, out);
  return out;
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
  mark_repeats(customer_index(customer), out);
  return out;
}

const std::vector<std::pair<Item, int>>* Model::history(std::int64_t customer) const {
  int c = customer_index(customer);
  return c < 0 ? nullptr : &history_[c];
}

const std::vector<Item>* Model::last_basket(std::int64_t customer) const {
  int c = customer_index(customer);
  return c < 0 ? nullptr : &purchases_[orders_of_[c].back()].items;
}

std::optional<double> Model::refill_interval_days(Item item) const {
  return refill_days_[item] > 0 ? std::optional(refill_days_[item]) : std::nullopt;
}

}  // namespace shopkeep::analytics::recommend
