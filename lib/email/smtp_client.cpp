#include "email/smtp_client.hpp"

#include <curl/curl.h>

#include <cctype>
#include <cstring>
#include <mutex>

#include "core/error.hpp"

namespace shopkeep::email {

namespace {

struct Transfer {
  const std::string* message = nullptr;
  size_t offset = 0;
  bool handed_over = false;  // libcurl has read the whole message
  std::string last_command;  // the verb of the last SMTP command sent (EHLO, MAIL, RCPT, DATA, ...)
  std::string last_reply;    // the last reply line received
};

size_t read_message(char* buffer, size_t size, size_t count, void* user) {
  auto* t = static_cast<Transfer*>(user);
  size_t left = t->message->size() - t->offset;
  size_t n = std::min(left, size * count);
  std::memcpy(buffer, t->message->data() + t->offset, n);
  t->offset += n;
  // Once the last byte is libcurl's, the server may get the whole message: from here on a failure
  // without an answer means "maybe delivered", never "try again".
  if (t->offset == t->message->size()) t->handed_over = true;
  return n;
}

size_t on_reply(char* data, size_t size, size_t count, void* user) {
  std::string line(data, size * count);
  while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.pop_back();
  auto* t = static_cast<Transfer*>(user);
  // The answer to QUIT (sent after a refusal) would hide the refusal itself.
  if (!line.empty() && t->last_command != "QUIT") t->last_reply = line;
  return size * count;
}

// Only the verb of each command is kept: AUTH lines carry credentials and are never stored.
int on_debug(CURL*, curl_infotype type, char* data, size_t size, void* user) {
  if (type != CURLINFO_HEADER_OUT || size == 0) return 0;
  std::string verb;
  for (size_t i = 0; i < size && i < 12; ++i) {
    char c = data[i];
    if (c == ' ' || c == '\r' || c == '\n' || c == ':') break;
    verb += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  static_cast<Transfer*>(user)->last_command = verb;
  return 0;
}

bool session_command(const std::string& verb) {
  return verb == "EHLO" || verb == "HELO" || verb == "STARTTLS" || verb == "AUTH" || verb == "MAIL";
}

}  // namespace

bool is_loopback_host(const std::string& raw) {
  std::string host = raw;
  if (host.size() > 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
  if (host == "localhost" || host == "::1") return true;
  if (host.rfind("127.", 0) == 0) {
    int dots = 0;
    for (char c : host) {
      if (c == '.')
        ++dots;
      else if (c < '0' || c > '9')
        return false;
    }
    return dots == 3;
  }
  return false;
}

SmtpUrl parse_smtp_url(const std::string& url) {
  auto bad = [&](const std::string& why) {
    return usage_error("bad --smtp URL '" + url + "': " + why, "smtp://host:587 (STARTTLS) or smtps://host:465");
  };
  CURLU* u = curl_url();
  if (u == nullptr) throw runtime_error("cannot initialise libcurl");
  std::unique_ptr<CURLU, void (*)(CURLU*)> guard(u, curl_url_cleanup);
  if (curl_url_set(u, CURLUPART_URL, url.c_str(), 0) != CURLUE_OK) throw bad("not a URL");
  auto part = [&](CURLUPart which, unsigned flags = 0) -> std::optional<std::string> {
    char* value = nullptr;
    if (curl_url_get(u, which, &value, flags) != CURLUE_OK || value == nullptr) return std::nullopt;
    std::string out(value);
    curl_free(value);
    return out;
  };
  SmtpUrl out;
  out.scheme = part(CURLUPART_SCHEME).value_or("");
  if (out.scheme != "smtp" && out.scheme != "smtps") throw bad("the scheme must be smtp or smtps");
  if (part(CURLUPART_USER) || part(CURLUPART_PASSWORD))
    throw bad("credentials do not belong in the URL");  // SMTP_USERNAME / SMTP_PASSWORD instead
  out.host = part(CURLUPART_HOST).value_or("");
  if (out.host.empty()) throw bad("no host");
  out.port = std::stol(part(CURLUPART_PORT, CURLU_DEFAULT_PORT).value_or("0"));
  out.loopback = is_loopback_host(out.host);
  return out;
}

struct SmtpClient::Impl {
  SmtpSettings settings;
  SmtpUrl url;
  CURL* curl = nullptr;
};

SmtpClient::SmtpClient(SmtpSettings settings) : impl_(std::make_unique<Impl>()) {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
  impl_->url = parse_smtp_url(settings.url);
  impl_->settings = std::move(settings);
  impl_->curl = curl_easy_init();
  if (impl_->curl == nullptr) throw runtime_error("cannot initialise libcurl");
}

SmtpClient::~SmtpClient() {
  if (impl_ && impl_->curl) curl_easy_cleanup(impl_->curl);
}

SmtpResult SmtpClient::send(const std::string& from, const std::string& to, const std::string& message) {
  CURL* c = impl_->curl;
  const auto& s = impl_->settings;
  Transfer t;
  t.message = &message;
  std::string mail_from = "<" + from + ">", rcpt = "<" + to + ">";
  curl_slist* recipients = curl_slist_append(nullptr, rcpt.c_str());
  // Options are set on every message (the handle and its open connection are reused).
  curl_easy_setopt(c, CURLOPT_URL, s.url.c_str());
  curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
  curl_easy_setopt(c, CURLOPT_USE_SSL,
                   impl_->url.scheme == "smtps" ? CURLUSESSL_ALL
                   : impl_->url.loopback        ? CURLUSESSL_TRY
                                                : CURLUSESSL_ALL);
  curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, 1L);
  curl_easy_setopt(c, CURLOPT_SSL_VERIFYHOST, 2L);
  if (s.ca_file) curl_easy_setopt(c, CURLOPT_CAINFO, s.ca_file->c_str());
  if (s.username) {
    curl_easy_setopt(c, CURLOPT_USERNAME, s.username->c_str());
    curl_easy_setopt(c, CURLOPT_PASSWORD, s.password.value_or("").c_str());
  }
  curl_easy_setopt(c, CURLOPT_MAIL_FROM, mail_from.c_str());
  curl_easy_setopt(c, CURLOPT_MAIL_RCPT, recipients);
  curl_easy_setopt(c, CURLOPT_UPLOAD, 1L);
  curl_easy_setopt(c, CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(message.size()));
  curl_easy_setopt(c, CURLOPT_READFUNCTION, read_message);
  curl_easy_setopt(c, CURLOPT_READDATA, &t);
  curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, on_reply);
  curl_easy_setopt(c, CURLOPT_HEADERDATA, &t);
  curl_easy_setopt(c, CURLOPT_DEBUGFUNCTION, on_debug);
  curl_easy_setopt(c, CURLOPT_DEBUGDATA, &t);
  curl_easy_setopt(c, CURLOPT_VERBOSE, 1L);  // feeds on_debug only; nothing is printed
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, s.connect_timeout_seconds);
  curl_easy_setopt(c, CURLOPT_TIMEOUT, s.timeout_seconds);
  CURLcode rc = curl_easy_perform(c);
  curl_slist_free_all(recipients);
  curl_easy_setopt(c, CURLOPT_MAIL_RCPT, nullptr);

  SmtpResult r;
  // The code of the last reply of this transaction (libcurl's own may be left from the last one).
  r.reply = t.last_reply;
  if (r.reply.size() >= 3 && std::isdigit(static_cast<unsigned char>(r.reply[0])) &&
      std::isdigit(static_cast<unsigned char>(r.reply[1])) && std::isdigit(static_cast<unsigned char>(r.reply[2])))
    r.code = std::stol(r.reply.substr(0, 3));
  if (rc == CURLE_OK) {
    r.status = SmtpResult::Status::sent;
    return r;
  }
  r.error = curl_easy_strerror(rc);
  if (rc == CURLE_LOGIN_DENIED) {
    r.status = SmtpResult::Status::fatal;
    r.auth = true;
    r.error = "the SMTP server refused the credentials (SMTP_USERNAME / SMTP_PASSWORD)";
    return r;
  }
  if (rc == CURLE_USE_SSL_FAILED) {
    r.status = SmtpResult::Status::fatal;
    r.error = "the SMTP server does not offer STARTTLS, which shopkeep requires except on loopback";
    return r;
  }
  if (rc == CURLE_PEER_FAILED_VERIFICATION || rc == CURLE_SSL_CONNECT_ERROR || rc == CURLE_SSL_CACERT_BADFILE ||
      rc == CURLE_SSL_CERTPROBLEM) {
    r.status = SmtpResult::Status::fatal;
    r.error = std::string("TLS with the SMTP server failed: ") + curl_easy_strerror(rc);
    return r;
  }
  bool replied = r.code >= 400 && r.code < 600;
  if (replied && r.code < 500) {
    r.status = SmtpResult::Status::transient;
  } else if (replied) {
    // 5xx to the session (greeting, STARTTLS, AUTH, the sender) stops the run; to the recipient
    // or the message itself it is this message's failure.
    r.status = session_command(t.last_command) ? SmtpResult::Status::fatal : SmtpResult::Status::permanent;
    if (r.status == SmtpResult::Status::fatal) r.error = "the SMTP server refused " + t.last_command + ": " + r.reply;
  } else if (t.handed_over) {
    r.status = SmtpResult::Status::unknown;  // the message went; the verdict did not come back
  } else {
    r.status = SmtpResult::Status::transient;
  }
  return r;
}

}  // namespace shopkeep::email
