#include "email/unsubscribe.hpp"

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include "core/email_address.hpp"
#include "core/error.hpp"
#include "http/http_client.hpp"
#include "privacy/suppression.hpp"

namespace shopkeep::email {

namespace {

constexpr const char* kPlaceholders[] = {"{{token}}", "{{email}}", "{{campaign}}"};

void replace_all(std::string& text, const std::string& what, const std::string& with) {
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + with.size()))
    text.replace(at, what.size(), with);
}

}  // namespace

void validate_unsubscribe_url(const std::string& url) {
  auto bad = [&](const std::string& why) {
    return usage_error("bad config email.unsubscribe_url '" + url + "': " + why,
                       "e.g. \"https://shop.example/unsubscribe?t={{token}}\"");
  };
  if (url.rfind("https://", 0) != 0) throw bad("not an https:// URL");
  for (char c : url)
    if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7f || c == '<' || c == '>' || c == '"')
      throw bad("spaces, quotes, angle brackets and control characters are not allowed");
  std::string rest = url;
  for (const char* p : kPlaceholders) replace_all(rest, p, "");
  if (rest.find("{{") != std::string::npos || rest.find("}}") != std::string::npos)
    throw bad("the only placeholders are {{token}}, {{email}} and {{campaign}}");
}

std::string mailto_url(const std::string& text) {
  std::string address = text.rfind("mailto:", 0) == 0 ? text.substr(7) : text;
  auto query = address.find('?');
  std::string params = query == std::string::npos ? "" : address.substr(query);
  address = address.substr(0, query);
  if (!is_valid_email(address))
    throw usage_error("bad config email.unsubscribe_mailto '" + text + "'",
                      "an address such as unsubscribe@shop.example");
  for (char c : params)
    if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7f || c == '<' || c == '>')
      throw usage_error("bad config email.unsubscribe_mailto '" + text +
                        "': spaces and control characters are not allowed");
  return "mailto:" + address + (params.empty() ? "?subject=unsubscribe" : params);
}

std::string unsubscribe_token(const std::string& secret, const std::string& email) {
  std::string who = privacy::normalise_email(email);
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  HMAC(EVP_sha256(), secret.data(), static_cast<int>(secret.size()), reinterpret_cast<const unsigned char*>(who.data()),
       who.size(), digest, &length);
  static const char* hex = "0123456789abcdef";
  std::string out;
  for (unsigned int i = 0; i < 16 && i < length; ++i) out += {hex[digest[i] >> 4], hex[digest[i] & 15]};
  return out;
}

std::string expand_unsubscribe_url(const std::string& url, const std::string& token, const std::string& email,
                                   const std::string& campaign) {
  std::string out = url;
  replace_all(out, "{{token}}", http::url_encode(token));
  replace_all(out, "{{email}}", http::url_encode(privacy::normalise_email(email)));
  replace_all(out, "{{campaign}}", http::url_encode(campaign));
  return out;
}

}  // namespace shopkeep::email
