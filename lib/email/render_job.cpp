#include "email/render_job.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <exception>
#include <fstream>
#include <thread>

#include "core/error.hpp"
#include "email/compose.hpp"
#include "email/mime.hpp"

namespace shopkeep::email {

namespace fs = std::filesystem;

namespace {

// Plain POSIX calls: a stream object per file costs more than the write itself.
void write_file(const fs::path& path, const std::string& bytes) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  bool ok = fd >= 0;
  for (size_t done = 0; ok && done < bytes.size();) {
    ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    ok = n > 0;
    if (ok) done += static_cast<size_t>(n);
  }
  if (fd >= 0 && ::close(fd) != 0) ok = false;
  if (!ok) throw runtime_error("cannot write " + path.string() + ": " + std::strerror(errno));
}

unsigned thread_count(unsigned wanted, size_t messages) {
  unsigned n = wanted ? wanted : std::min(4u, std::max(1u, std::thread::hardware_concurrency()));
  return static_cast<unsigned>(std::max<size_t>(1, std::min<size_t>(n, messages / 64 + 1)));
}

// Replaces the .eml files and manifest of `out` by those of `fresh` (other files in `out` stay).
void move_into_place(const fs::path& fresh, const fs::path& out) {
  std::error_code ec;
  if (!fs::exists(out, ec)) {
    fs::create_directories(out.parent_path().empty() ? fs::path(".") : out.parent_path(), ec);
    fs::rename(fresh, out, ec);
    if (ec) throw runtime_error("cannot move " + fresh.string() + " to " + out.string() + ": " + ec.message());
    return;
  }
  for (const auto& entry : fs::directory_iterator(out))
    if (entry.path().extension() == ".eml" || entry.path().filename() == "manifest.json") fs::remove(entry.path());
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(fresh)) files.push_back(entry.path());
  std::sort(files.begin(), files.end(), [](const fs::path& a, const fs::path& b) {
    return a.filename() != "manifest.json" && (b.filename() == "manifest.json" || a < b);  // the manifest last
  });
  for (const auto& f : files) {
    fs::rename(f, out / f.filename(), ec);
    if (ec) throw runtime_error("cannot move " + f.string() + " into " + out.string() + ": " + ec.message());
  }
  fs::remove(fresh, ec);
}

}  // namespace

std::string eml_file_name(const std::string& subject_key) {
  std::string name;
  for (char c : subject_key) {
    bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
    name += keep ? c : '-';
  }
  return name + ".eml";
}

std::vector<RenderedFile> render_to_folder(const std::vector<MessageInput>& messages, const TemplateSet& templates,
                                           const EmailSettings& settings, const RenderJob& job) {
  init_mime();
  fs::path out = job.out_dir.lexically_normal();
  if (out.filename().empty()) out = out.parent_path();  // "dir/"
  fs::path fresh = out.parent_path() / ("." + out.filename().string() + ".tmp-" + std::to_string(::getpid()));
  std::error_code ec;
  fs::remove_all(fresh, ec);
  fs::create_directories(fresh, ec);
  if (ec) throw runtime_error("cannot create " + fresh.string() + ": " + ec.message());

  std::vector<RenderedFile> files(messages.size());
  unsigned n = thread_count(job.threads, messages.size());
  std::vector<std::exception_ptr> errors(n);
  auto work = [&](unsigned worker) {
    try {
      TemplateSet mine = templates.clone();
      size_t begin = messages.size() * worker / n, end = messages.size() * (worker + 1) / n;
      for (size_t i = begin; i < end; ++i) {
        const auto& m = messages[i];
        auto composed = compose(mine, m, settings, job.date);
        RenderedFile& f = files[i];
        f.message_id = composed.message_id;
        f.campaign = m.campaign;
        f.customer_id = m.customer_id;
        f.email = m.email;
        f.step = m.step;
        f.subject = composed.subject;
        f.subject_key = m.subject_key;
        f.file = eml_file_name(m.subject_key);
        write_file(fresh / f.file, composed.bytes);
      }
    } catch (...) {
      errors[worker] = std::current_exception();
    }
  };
  std::vector<std::thread> threads;
  for (unsigned w = 1; w < n; ++w) threads.emplace_back(work, w);
  work(0);
  for (auto& t : threads) t.join();
  for (auto& e : errors)
    if (e) {
      fs::remove_all(fresh, ec);
      std::rethrow_exception(e);
    }
  try {
    write_file(fresh / "manifest.json", manifest_json(files).dump(2) + "\n");
    move_into_place(fresh, out);
  } catch (...) {
    fs::remove_all(fresh, ec);
    throw;
  }
  return files;
}

nlohmann::ordered_json manifest_json(const std::vector<RenderedFile>& files) {
  using Json = nlohmann::ordered_json;
  Json rows = Json::array();
  for (const auto& f : files) {
    Json row;
    row["message_id"] = f.message_id;
    row["campaign"] = f.campaign;
    row["customer_id"] = f.customer_id ? Json(*f.customer_id) : Json();
    row["email"] = f.email;
    row["step"] = f.step;
    row["subject"] = f.subject;
    row["file"] = f.file;
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace shopkeep::email
