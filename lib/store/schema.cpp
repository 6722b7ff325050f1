#include "store/schema.hpp"

#include "core/error.hpp"
#include "store/db.hpp"

namespace shopkeep::store {

namespace {

// Version 1: the tables of data.md. Every synced row keeps typed columns plus `raw` (the
// object's JSON as received) and `synced_at`. Money is TEXT holding the exact decimal string.
constexpr std::string_view kVersion1 = R"SQL(
CREATE TABLE shop (
  id INTEGER PRIMARY KEY,
  name TEXT, email TEXT, timezone TEXT, currency TEXT, myshopify_domain TEXT,
  raw TEXT NOT NULL, synced_at TEXT NOT NULL
);

CREATE TABLE customers (
  id INTEGER PRIMARY KEY,
  email TEXT, first_name TEXT, last_name TEXT, phone TEXT, locale TEXT, tags TEXT,
  number_of_orders INTEGER, amount_spent TEXT, amount_spent_currency TEXT,
  email_marketing_state TEXT, email_marketing_opt_in_level TEXT, email_marketing_updated_at TEXT,
  country_code TEXT, province_code TEXT, city TEXT, zip TEXT,
  created_at TEXT, updated_at TEXT, deleted_at TEXT,
  raw TEXT NOT NULL, synced_at TEXT NOT NULL
);
CREATE INDEX customers_email ON customers(lower(trim(email)));

CREATE TABLE orders (
  id INTEGER PRIMARY KEY,
  name TEXT, customer_id INTEGER, email TEXT,
  created_at TEXT, updated_at TEXT, processed_at TEXT, cancelled_at TEXT, closed_at TEXT,
  test INTEGER NOT NULL DEFAULT 0, currency TEXT,
  financial_status TEXT, fulfillment_status TEXT, source_name TEXT, tags TEXT, discount_codes TEXT,
  total_price TEXT, subtotal_price TEXT, total_discounts TEXT, total_tax TEXT,
  total_shipping TEXT, total_refunded TEXT,
  deleted_at TEXT,
  raw TEXT NOT NULL, synced_at TEXT NOT NULL
);
CREATE INDEX orders_customer ON orders(customer_id);
CREATE INDEX orders_processed ON orders(processed_at);

CREATE TABLE order_lines (
  id INTEGER PRIMARY KEY,
  order_id INTEGER NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
  product_id INTEGER, variant_id INTEGER, sku TEXT, title TEXT,
  quantity INTEGER, unit_price TEXT, discounted_total TEXT, currency TEXT,
  raw TEXT NOT NULL, synced_at TEXT NOT NULL
);
CREATE INDEX order_lines_order ON order_lines(order_id);
CREATE INDEX order_lines_product ON order_lines(product_id);

CREATE TABLE products (
  id INTEGER PRIMARY KEY,
  title TEXT, handle TEXT, status TEXT, vendor TEXT, product_type TEXT, tags TEXT,
  created_at TEXT, updated_at TEXT, published_at TEXT,
  description_html TEXT, seo_title TEXT, seo_description TEXT, online_store_url TEXT,
  total_inventory INTEGER,
  deleted_at TEXT,
  raw TEXT NOT NULL, synced_at TEXT NOT NULL
);
CREATE INDEX products_handle ON products(handle);

CREATE TABLE variants (
  id INTEGER PRIMARY KEY,
  product_id INTEGER NOT NULL REFERENCES products(id) ON DELETE CASCADE,
  title TEXT, sku TEXT, barcode TEXT, price TEXT, compare_at_price TEXT,
  inventory_quantity INTEGER, unit_cost TEXT, unit_cost_currency TEXT,
  deleted_at TEXT,
  raw TEXT NOT NULL, synced_at TEXT NOT NULL
);
CREATE INDEX variants_product ON variants(product_id);

CREATE TABLE media (
  id INTEGER PRIMARY KEY,
  product_id INTEGER NOT NULL REFERENCES products(id) ON DELETE CASCADE,
  media_type TEXT, alt TEXT,
  raw TEXT NOT NULL, synced_at TEXT NOT NULL
);
CREATE INDEX media_product ON media(product_id);

CREATE TABLE checkouts (
  id INTEGER PRIMARY KEY,
  name TEXT, customer_id INTEGER, email TEXT,
  created_at TEXT, updated_at TEXT, completed_at TEXT, recovery_url TEXT, discount_codes TEXT,
  total_price TEXT, subtotal_price TEXT, currency TEXT,
  deleted_at TEXT,
  raw TEXT NOT NULL, synced_at TEXT NOT NULL
);
CREATE INDEX checkouts_customer ON checkouts(customer_id);

CREATE TABLE checkout_lines (
  id TEXT PRIMARY KEY,
  checkout_id INTEGER NOT NULL REFERENCES checkouts(id) ON DELETE CASCADE,
  product_id INTEGER, variant_id INTEGER, sku TEXT, title TEXT, variant_title TEXT,
  quantity INTEGER, unit_price TEXT, discounted_total TEXT,
  raw TEXT NOT NULL, synced_at TEXT NOT NULL
);
CREATE INDEX checkout_lines_checkout ON checkout_lines(checkout_id);

CREATE TABLE zendesk_users (
  id INTEGER PRIMARY KEY,
  email TEXT, name TEXT, role TEXT, active INTEGER, created_at TEXT, updated_at TEXT,
  deleted_at TEXT,
  raw TEXT NOT NULL, synced_at TEXT NOT NULL
);
CREATE INDEX zendesk_users_email ON zendesk_users(lower(trim(email)));

CREATE TABLE tickets (
  id INTEGER PRIMARY KEY,
  requester_id INTEGER, submitter_id INTEGER, assignee_id INTEGER,
  subject TEXT, description TEXT, status TEXT, priority TEXT, type TEXT, channel TEXT, tags TEXT,
  created_at TEXT, updated_at TEXT, deleted_at TEXT,
  raw TEXT NOT NULL, synced_at TEXT NOT NULL
);
CREATE INDEX tickets_requester ON tickets(requester_id);

CREATE TABLE ticket_comments (
  id INTEGER PRIMARY KEY,
  ticket_id INTEGER NOT NULL,
  author_id INTEGER, public INTEGER, body TEXT, created_at TEXT,
  raw TEXT NOT NULL, synced_at TEXT NOT NULL
);
CREATE INDEX ticket_comments_ticket ON ticket_comments(ticket_id);

CREATE TABLE ticket_metrics (
  id INTEGER PRIMARY KEY,
  ticket_id INTEGER NOT NULL,
  reply_time_calendar_minutes INTEGER, reply_time_business_minutes INTEGER,
  first_resolution_time_calendar_minutes INTEGER,
  full_resolution_time_calendar_minutes INTEGER, full_resolution_time_business_minutes INTEGER,
  replies INTEGER, reopens INTEGER, solved_at TEXT, created_at TEXT, updated_at TEXT,
  raw TEXT NOT NULL, synced_at TEXT NOT NULL
);
CREATE INDEX ticket_metrics_ticket ON ticket_metrics(ticket_id);

CREATE TABLE satisfaction_ratings (
  id INTEGER PRIMARY KEY,
  ticket_id INTEGER, requester_id INTEGER, assignee_id INTEGER,
  score TEXT, comment TEXT, reason TEXT, created_at TEXT, updated_at TEXT,
  raw TEXT NOT NULL, synced_at TEXT NOT NULL
);
CREATE INDEX satisfaction_ratings_ticket ON satisfaction_ratings(ticket_id);

CREATE TABLE sync_state (
  source TEXT NOT NULL, resource TEXT NOT NULL,
  cursor TEXT, last_success TEXT, last_attempt TEXT, last_error TEXT,
  PRIMARY KEY (source, resource)
);

CREATE TABLE email_log (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  campaign TEXT NOT NULL, recipient TEXT NOT NULL, customer_id INTEGER,
  subject_key TEXT NOT NULL, message_id TEXT, status TEXT NOT NULL, error TEXT,
  created_at TEXT NOT NULL, sent_at TEXT,
  UNIQUE (campaign, recipient, subject_key)
);

CREATE TABLE holdout (
  campaign TEXT NOT NULL,
  subject_key TEXT NOT NULL,
  customer_id INTEGER, email TEXT,
  arm TEXT NOT NULL CHECK (arm IN ('treatment', 'holdout')),
  assigned_at TEXT NOT NULL,
  PRIMARY KEY (campaign, subject_key)
);

CREATE TABLE suppressions (
  hash TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  created_at TEXT NOT NULL
);

CREATE VIEW people AS
WITH emails AS (
  SELECT lower(trim(email)) AS email FROM customers
   WHERE email IS NOT NULL AND trim(email) <> '' AND deleted_at IS NULL
  UNION
  SELECT lower(trim(email)) FROM zendesk_users
   WHERE email IS NOT NULL AND trim(email) <> '' AND deleted_at IS NULL
)
SELECT e.email,
  (SELECT min(c.id) FROM customers c
    WHERE lower(trim(c.email)) = e.email AND c.deleted_at IS NULL) AS customer_id,
  (SELECT min(z.id) FROM zendesk_users z
    WHERE lower(trim(z.email)) = e.email AND z.deleted_at IS NULL) AS zendesk_user_id
FROM emails e;
)SQL";

// Version 2: the privacy log (each `customer forget` says when and what kinds of rows went, how
// many of each, and nothing about the person) and the cart-recovery plans (which checkout got
// which step and arm, so `carts report` judges the groups as assigned, never recomputed).
constexpr std::string_view kVersion2 = R"SQL(
CREATE TABLE privacy_log (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  action TEXT NOT NULL,
  at TEXT NOT NULL,
  rows_deleted TEXT NOT NULL
);

CREATE TABLE cart_plans (
  campaign TEXT NOT NULL,
  checkout_id INTEGER NOT NULL,
  step INTEGER NOT NULL,
  arm TEXT NOT NULL CHECK (arm IN ('treatment', 'holdout')),
  segment TEXT, incentive TEXT,
  planned_at TEXT NOT NULL,
  PRIMARY KEY (campaign, checkout_id, step)
);

CREATE INDEX orders_email ON orders(lower(trim(email)));
CREATE INDEX checkouts_updated ON checkouts(updated_at);
)SQL";

// Tickets whose comments the Zendesk sync still has to fetch: queued in the same transaction as the
// ticket page (and its cursor), removed with the comments, so a crash in between loses none.
constexpr std::string_view kVersion3 = R"SQL(
CREATE TABLE zendesk_comment_queue (
  ticket_id INTEGER PRIMARY KEY,
  queued_at TEXT NOT NULL
);
)SQL";

// Version 4: the business rules every analysis shares, defined once (docs/schema.md).
// counted_orders: what counts as an order (not a test, not cancelled, not deleted) and its date,
// `ordered_at` (processed_at, else created_at). checkout_recovery: per live checkout, whether it was
// completed and the first counted order by its customer (or email) after its last activity; a
// checkout is recovered within a window W when completed or that order is no later than updated_at + W.
// order_lines.current_quantity: the units still on the order (refunded and removed ones excluded).
constexpr std::string_view kVersion4 = R"SQL(
ALTER TABLE order_lines ADD COLUMN current_quantity INTEGER;

CREATE VIEW counted_orders AS
SELECT o.*, coalesce(o.processed_at, o.created_at) AS ordered_at
  FROM orders o
 WHERE o.test = 0 AND o.cancelled_at IS NULL AND o.deleted_at IS NULL;

CREATE VIEW checkout_recovery AS
WITH live AS (
  SELECT k.*,
         (SELECT o.id FROM counted_orders o
           WHERE o.ordered_at > k.updated_at
             AND (o.customer_id = k.customer_id
                  OR (k.email IS NOT NULL AND lower(trim(o.email)) = lower(trim(k.email))))
           ORDER BY o.ordered_at, o.id LIMIT 1) AS next_order_id
    FROM checkouts k
   WHERE k.deleted_at IS NULL
)
SELECT l.id AS checkout_id, l.customer_id, l.email, l.created_at, l.updated_at, l.total_price, l.currency,
       l.completed_at IS NOT NULL AS completed,
       l.next_order_id, n.ordered_at AS next_order_at, n.total_price AS next_order_total
  FROM live l LEFT JOIN counted_orders n ON n.id = l.next_order_id;
)SQL";

// Version 5: fitted models kept between runs (one row per model: the key says what data and options
// it was fitted on), so scoring one customer does not refit the shop.
constexpr std::string_view kVersion5 = R"SQL(
CREATE TABLE model_cache (
  model TEXT PRIMARY KEY,
  key TEXT NOT NULL,
  params TEXT NOT NULL,
  fitted_at TEXT NOT NULL
);
)SQL";

// Version 6: inventory snapshots (restock). The store otherwise knows only a variant's current stock;
// to tell a stockout from a day without demand, every import and sync records the stock of the
// variants it brought, one row per variant and shop-local day (the last one of the day wins).
constexpr std::string_view kVersion6 = R"SQL(
CREATE TABLE inventory_snapshots (
  variant_id INTEGER NOT NULL,
  day TEXT NOT NULL,
  inventory_quantity INTEGER NOT NULL,
  taken_at TEXT NOT NULL,
  PRIMARY KEY (variant_id, day)
) WITHOUT ROWID;
)SQL";

// Version 7: covering indexes for the analyses that read every basket (recommend): a scan of
// counted orders and of their lines then reads two small index b-trees instead of every row with its
// raw JSON (recommend --all on 1M orders: the store read went from ~4 s to well under one). Each
// replaces the index it extends (same leading column), so lookups by order or customer keep theirs.
constexpr std::string_view kVersion7 = R"SQL(
DROP INDEX order_lines_order;
CREATE INDEX order_lines_basket ON order_lines(order_id, product_id, current_quantity, quantity);
DROP INDEX orders_customer;
CREATE INDEX orders_counted ON orders(customer_id, processed_at, created_at, test, cancelled_at, deleted_at);
)SQL";

// Version 8: every import, recorded with its commit, so status says when data last came from files.
constexpr std::string_view kVersion8 = R"SQL(
CREATE TABLE import_log (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  source TEXT NOT NULL,
  files INTEGER NOT NULL,
  records INTEGER NOT NULL,
  imported_at TEXT NOT NULL
);
)SQL";

// Version 9: email campaigns (issue 14). campaign_plans: every planned message of every campaign
// (cart-recovery, winback, refill, cross-sell): which target (checkout:ID, customer:ID:since:DAY,
// customer:ID:refill:DAY, order:ID), step, person and arm, when, with what incentive and items, so
// reports judge the groups as assigned. cart_plans becomes a view of its cart-recovery rows (same
// columns). email_log gains the step and target it belongs to, the subject, the planning time, the
// SMTP server's reply, the attempts and the per-person unsubscribe token; its statuses are rendered,
// sending (written before the SMTP transaction), sent, failed and unknown (a crash between the two).
// email_secret: the store's own random key for unsubscribe tokens when the config sets none.
// email_send_batches: the messages `email send` is about to deliver, written durably (fsync) before
// the first of them goes, with the machine's boot id, so that a power loss that takes the later,
// cheaper log writes with it still leaves them `unknown`, never sendable twice.
constexpr std::string_view kVersion9 = R"SQL(
CREATE TABLE campaign_plans (
  campaign TEXT NOT NULL,
  target_key TEXT NOT NULL,
  step INTEGER NOT NULL,
  customer_id INTEGER,
  email TEXT,
  arm TEXT NOT NULL CHECK (arm IN ('treatment', 'holdout')),
  segment TEXT, incentive TEXT, items TEXT,
  planned_at TEXT NOT NULL,
  PRIMARY KEY (campaign, target_key, step)
);
CREATE INDEX campaign_plans_planned ON campaign_plans(campaign, planned_at);

INSERT INTO campaign_plans (campaign, target_key, step, customer_id, email, arm, segment, incentive, items, planned_at)
SELECT p.campaign, 'checkout:' || p.checkout_id, p.step, k.customer_id, lower(trim(k.email)), p.arm, p.segment,
       p.incentive, NULL, p.planned_at
  FROM cart_plans p LEFT JOIN checkouts k ON k.id = p.checkout_id;
DROP TABLE cart_plans;
CREATE VIEW cart_plans AS
SELECT campaign, CAST(substr(target_key, 10) AS INTEGER) AS checkout_id, step, arm, segment, incentive, planned_at
  FROM campaign_plans WHERE target_key GLOB 'checkout:[0-9]*';

ALTER TABLE email_log ADD COLUMN target_key TEXT;
ALTER TABLE email_log ADD COLUMN step INTEGER;
ALTER TABLE email_log ADD COLUMN subject TEXT;
ALTER TABLE email_log ADD COLUMN planned_at TEXT;
ALTER TABLE email_log ADD COLUMN smtp_reply TEXT;
ALTER TABLE email_log ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0;
ALTER TABLE email_log ADD COLUMN updated_at TEXT;
ALTER TABLE email_log ADD COLUMN unsubscribe_token TEXT;
UPDATE email_log SET target_key = substr(subject_key, 1, instr(subject_key, ':step:') - 1),
                     step = CAST(substr(subject_key, instr(subject_key, ':step:') + 6) AS INTEGER)
 WHERE instr(subject_key, ':step:') > 0;
CREATE INDEX email_log_recipient ON email_log(lower(trim(recipient)));
CREATE INDEX email_log_target ON email_log(campaign, target_key);
CREATE INDEX email_log_status ON email_log(status);

CREATE TABLE email_secret (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  key TEXT NOT NULL,
  created_at TEXT NOT NULL
);

CREATE TABLE email_send_batches (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  boot_id TEXT NOT NULL,
  started_at TEXT NOT NULL,
  messages TEXT NOT NULL
);
)SQL";

// Version 10: the numbers of real accounts (issue 15; docs/schema.md).
// Shopify: each order's refunds with their dates (so refunds land in the period they happened, as in
// Shopify's reports), the order-level discount and refunded shipping (for gross/discounts/net sales
// as Shopify's sales report defines them), the marketing attribution of the order (first and last
// visit of customerJourneySummary) and deleted_at on media (a deleted product's media go with it).
// Zendesk: organizations and groups (support split by team), the ticket's organization and group,
// the last status a deleted ticket had (its status is now `deleted` whatever the sync history), and
// the responses of the new CSAT surveys.
constexpr std::string_view kVersion10 = R"SQL(
CREATE TABLE refunds (
  id INTEGER PRIMARY KEY,
  order_id INTEGER NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
  created_at TEXT, processed_at TEXT, amount TEXT, currency TEXT,
  raw TEXT NOT NULL, synced_at TEXT NOT NULL
);
CREATE INDEX refunds_order ON refunds(order_id);
CREATE INDEX refunds_created ON refunds(created_at);

ALTER TABLE orders ADD COLUMN cart_discount_amount TEXT;
ALTER TABLE orders ADD COLUMN total_refunded_shipping TEXT;
ALTER TABLE orders ADD COLUMN first_visit_source TEXT;
ALTER TABLE orders ADD COLUMN first_visit_source_type TEXT;
ALTER TABLE orders ADD COLUMN first_visit_utm_source TEXT;
ALTER TABLE orders ADD COLUMN first_visit_utm_medium TEXT;
ALTER TABLE orders ADD COLUMN first_visit_utm_campaign TEXT;
ALTER TABLE orders ADD COLUMN first_visit_landing_page TEXT;
ALTER TABLE orders ADD COLUMN first_visit_referrer_url TEXT;
ALTER TABLE orders ADD COLUMN last_visit_source TEXT;
ALTER TABLE orders ADD COLUMN last_visit_source_type TEXT;
ALTER TABLE orders ADD COLUMN last_visit_utm_source TEXT;
ALTER TABLE orders ADD COLUMN last_visit_utm_medium TEXT;
ALTER TABLE orders ADD COLUMN last_visit_utm_campaign TEXT;
ALTER TABLE orders ADD COLUMN last_visit_landing_page TEXT;
ALTER TABLE orders ADD COLUMN last_visit_referrer_url TEXT;
ALTER TABLE orders ADD COLUMN days_to_conversion INTEGER;

ALTER TABLE media ADD COLUMN deleted_at TEXT;
UPDATE media SET deleted_at = (SELECT p.deleted_at FROM products p WHERE p.id = media.product_id);
UPDATE variants SET deleted_at = (SELECT p.deleted_at FROM products p WHERE p.id = variants.product_id)
 WHERE deleted_at IS NULL;

CREATE TABLE zendesk_organizations (
  id INTEGER PRIMARY KEY,
  name TEXT, external_id TEXT, group_id INTEGER, domain_names TEXT, tags TEXT,
  created_at TEXT, updated_at TEXT, deleted_at TEXT,
  raw TEXT NOT NULL, synced_at TEXT NOT NULL
);

CREATE TABLE zendesk_groups (
  id INTEGER PRIMARY KEY,
  name TEXT, description TEXT, is_default INTEGER,
  created_at TEXT, updated_at TEXT, deleted_at TEXT,
  raw TEXT NOT NULL, synced_at TEXT NOT NULL
);

ALTER TABLE tickets ADD COLUMN organization_id INTEGER;
ALTER TABLE tickets ADD COLUMN group_id INTEGER;
ALTER TABLE tickets ADD COLUMN last_live_status TEXT;
UPDATE tickets SET organization_id = json_extract(raw, '$.organization_id'), group_id = json_extract(raw, '$.group_id'),
       last_live_status = nullif(status, 'deleted');
UPDATE tickets SET status = 'deleted' WHERE json_extract(raw, '$.status') = 'deleted';
CREATE INDEX tickets_group ON tickets(group_id);
ALTER TABLE zendesk_users ADD COLUMN organization_id INTEGER;
UPDATE zendesk_users SET organization_id = json_extract(raw, '$.organization_id');

CREATE TABLE csat_responses (
  id TEXT PRIMARY KEY,
  ticket_id INTEGER, requester_id INTEGER,
  rating INTEGER, score TEXT, comment TEXT,
  created_at TEXT, updated_at TEXT,
  raw TEXT NOT NULL, synced_at TEXT NOT NULL
);
CREATE INDEX csat_responses_ticket ON csat_responses(ticket_id);
)SQL";

}  // namespace

const std::vector<std::string_view>& migrations() {
  static const std::vector<std::string_view> all = {kVersion1, kVersion2, kVersion3, kVersion4, kVersion5,
                                                    kVersion6, kVersion7, kVersion8, kVersion9, kVersion10};
  return all;
}

int schema_version() { return static_cast<int>(migrations().size()); }

void migrate(Db& db) {
  int current = static_cast<int>(db.scalar_int("PRAGMA user_version"));
  if (current > schema_version())
    throw runtime_error("store " + db.path() + " has schema version " + std::to_string(current) +
                            ", newer than this shopkeep understands (" + std::to_string(schema_version()) + ")",
                        "upgrade shopkeep");
  if (current == schema_version()) return;
  Transaction tx(db);
  for (int v = current; v < schema_version(); ++v) db.exec(migrations()[v]);
  db.exec("PRAGMA user_version = " + std::to_string(schema_version()));
  tx.commit();
}

}  // namespace shopkeep::store
