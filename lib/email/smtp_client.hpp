#pragma once
// SMTP delivery of one message at a time over libcurl, on one connection that libcurl keeps open
// between messages. smtp:// must upgrade with STARTTLS (refused otherwise) except to a loopback
// host; smtps:// is TLS from the start; certificates are always verified (email.smtp_ca_file /
// SMTP_CA_FILE adds a CA, e.g. for a server with its own). AUTH when a username is given.
#include <memory>
#include <optional>
#include <string>

namespace shopkeep::email {

struct SmtpUrl {
  std::string scheme;  // smtp or smtps
  std::string host;
  long port = 0;
  bool loopback = false;
};

// A usage error for anything but smtp:// or smtps:// with a host, or a URL carrying credentials.
SmtpUrl parse_smtp_url(const std::string& url);
bool is_loopback_host(const std::string& host);

struct SmtpSettings {
  std::string url;
  std::optional<std::string> username, password;  // SMTP_USERNAME / SMTP_PASSWORD, never logged
  std::optional<std::string> ca_file;
  long connect_timeout_seconds = 30;
  long timeout_seconds = 120;  // per message
};

struct SmtpResult {
  enum class Status {
    sent,       // the server accepted the message (2xx after the data)
    transient,  // 4xx, or the connection failed before the message was handed over: try again
    permanent,  // 5xx for this recipient or this message: recorded, the campaign goes on
    unknown,    // the message was handed over but no verdict came: it may have been delivered
    fatal,      // the session itself failed (TLS, authentication, the sender refused): stop
  } status = Status::fatal;
  long code = 0;      // the server's last reply code, 0 when none
  std::string reply;  // the server's last reply line
  std::string error;  // what went wrong, in words
  bool auth = false;  // fatal because the credentials were refused (exit 3)
};

class SmtpClient {
 public:
  explicit SmtpClient(SmtpSettings settings);
  ~SmtpClient();
  SmtpClient(const SmtpClient&) = delete;
  SmtpClient& operator=(const SmtpClient&) = delete;

  SmtpResult send(const std::string& from, const std::string& to, const std::string& message);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace shopkeep::email
