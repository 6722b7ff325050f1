#include "email/templates.hpp"

#include <fstream>
#include <regex>
#include <sstream>
#include <unordered_map>

#include "core/error.hpp"
#include "email/context.hpp"

namespace shopkeep::email {

namespace fs = std::filesystem;
namespace mustache = kainjow::mustache;

namespace {

// kainjow's context lookup (the innermost section first; "a.b" walks into objects), recording the
// first name it cannot resolve instead of rendering it as blank. Dotted names are split once per
// thread, not on every lookup as kainjow's own context does.
class StrictContext : public mustache::basic_context<std::string> {
 public:
  explicit StrictContext(const mustache::data* root) { stack_.push_back(root); }
  void push(const mustache::data* data) override { stack_.push_back(data); }
  void pop() override { stack_.pop_back(); }
  const mustache::data* get(const std::string& name) const override {
    if (name == ".") return stack_.back();
    const auto& parts = split(name);
    for (auto it = stack_.rbegin(); it != stack_.rend(); ++it) {
      const mustache::data* value = *it;
      for (const auto& part : parts) {
        value = value->get(part);
        if (value == nullptr) break;
      }
      if (value != nullptr) return value;
    }
    if (missing_.empty()) missing_ = name;
    return nullptr;
  }
  const mustache::data* get_partial(const std::string& name) const override {
    for (auto it = stack_.rbegin(); it != stack_.rend(); ++it)
      if (const auto* value = (*it)->get(name)) return value;
    if (missing_.empty()) missing_ = "> " + name;
    return nullptr;
  }
  const std::string& missing() const { return missing_; }

 private:
  static const std::vector<std::string>& split(const std::string& name) {
    thread_local std::unordered_map<std::string, std::vector<std::string>> cache;
    auto found = cache.find(name);
    if (found != cache.end()) return found->second;
    std::vector<std::string> parts;
    size_t start = 0;
    for (size_t dot = name.find('.'); dot != std::string::npos; dot = name.find('.', start)) {
      parts.push_back(name.substr(start, dot - start));
      start = dot + 1;
    }
    parts.push_back(name.substr(start));
    return cache.emplace(name, std::move(parts)).first->second;
  }

  std::vector<const mustache::data*> stack_;
  mutable std::string missing_;
};

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw usage_error("cannot read template " + path.string());
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

struct Source {
  fs::path file;     // the part's own file
  std::string text;  // with its partials inlined
  std::vector<fs::path> partials;
};

class Finder {
 public:
  Finder(std::optional<fs::path> override_dir, std::optional<fs::path> default_root)
      : override_(std::move(override_dir)), default_(std::move(default_root)) {}

  // `relative` below email/ (e.g. "winback/html.mustache"); the override first, then the default.
  fs::path find(const std::string& relative, const std::string& what) const {
    std::vector<fs::path> tried;
    if (override_) {
      for (const auto& p : {*override_ / "email" / relative, *override_ / relative}) {
        tried.push_back(p);
        if (fs::is_regular_file(p)) return p;
      }
    }
    if (default_) {
      auto p = *default_ / "email" / relative;
      tried.push_back(p);
      if (fs::is_regular_file(p)) return p;
    }
    std::string where;
    for (const auto& p : tried) where += (where.empty() ? "" : ", ") + p.string();
    throw usage_error("no template for " + what + (where.empty() ? "" : " (looked for " + where + ")"),
                      default_ ? "give --templates DIR with email/" + relative
                               : "no default templates were found beside the binary: give --templates DIR");
  }

 private:
  std::optional<fs::path> override_, default_;
};

// Replaces {{> name}} by the partial's text (partials may include partials, up to a few levels).
std::string inline_partials(const std::string& text, const Finder& finder, std::vector<fs::path>& used, int depth) {
  static const std::regex tag(R"(\{\{>\s*([A-Za-z0-9_.-]+)\s*\}\})");
  if (depth > 4) throw usage_error("template partials nest too deeply (a partial that includes itself?)");
  std::string out;
  auto begin = std::sregex_iterator(text.begin(), text.end(), tag);
  size_t last = 0;
  for (auto it = begin; it != std::sregex_iterator(); ++it) {
    out.append(text, last, static_cast<size_t>(it->position()) - last);
    std::string name = (*it)[1].str();
    auto file = finder.find("partials/" + name + ".mustache", "partial '" + name + "'");
    used.push_back(file);
    out += inline_partials(read_file(file), finder, used, depth + 1);
    last = static_cast<size_t>(it->position() + it->length());
  }
  out.append(text, last, std::string::npos);
  return out;
}

std::string one_line(const std::string& text) {
  std::string out;
  bool space = false;
  for (char c : text) {
    bool blank = c == ' ' || c == '\t' || c == '\r' || c == '\n';
    if (blank) {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

// The file of the source where `{{name` appears (a partial, when the miss is there).
fs::path file_naming(const Source& source, const std::string& name) {
  for (const auto& p : source.partials) {
    std::string text = read_file(p);
    if (text.find(name) != std::string::npos) return p;
  }
  return source.file;
}

}  // namespace

struct TemplateSet::Impl {
  std::string campaign;
  Source subject, text, html;
  std::unique_ptr<mustache::mustache> subject_t, text_t, html_t;
  std::vector<fs::path> files;

  void compile() {
    auto make = [](const Source& s, bool escape_html) {
      auto t = std::make_unique<mustache::mustache>(s.text);
      if (!t->is_valid()) throw usage_error("template " + s.file.string() + ": " + t->error_message());
      if (!escape_html) t->set_custom_escape([](const std::string& v) { return v; });
      return t;
    };
    subject_t = make(subject, false);
    text_t = make(text, false);
    html_t = make(html, true);
  }

  std::string render_one(mustache::mustache& t, const Source& source, const mustache::data& data) {
    StrictContext context(&data);
    std::string out = t.render(context);
    if (!context.missing().empty()) {
      std::string name = context.missing();
      throw usage_error("template " + file_naming(source, name).string() + ": no variable '" + name +
                            "' in the context of campaign " + campaign,
                        "the variables of each campaign are listed in docs/email.md");
    }
    if (!t.is_valid()) throw usage_error("template " + source.file.string() + ": " + t.error_message());
    return out;
  }
};

TemplateSet::TemplateSet(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
TemplateSet::TemplateSet(TemplateSet&&) noexcept = default;
TemplateSet& TemplateSet::operator=(TemplateSet&&) noexcept = default;
TemplateSet::~TemplateSet() = default;

TemplateSet TemplateSet::load(const std::string& campaign, const std::optional<fs::path>& override_dir,
                              const std::optional<fs::path>& default_root) {
  Finder finder(override_dir, default_root);
  auto impl = std::make_unique<Impl>();
  impl->campaign = campaign;
  auto source = [&](const char* part) {
    Source s;
    s.file = finder.find(campaign + "/" + part + ".mustache", campaign + " " + part);
    s.text = inline_partials(read_file(s.file), finder, s.partials, 0);
    impl->files.push_back(s.file);
    for (const auto& p : s.partials) impl->files.push_back(p);
    return s;
  };
  impl->subject = source("subject");
  impl->text = source("text");
  impl->html = source("html");
  impl->compile();
  return TemplateSet(std::move(impl));
}

TemplateSet TemplateSet::clone() const {
  auto impl = std::make_unique<Impl>();
  impl->campaign = impl_->campaign;
  impl->subject = impl_->subject;
  impl->text = impl_->text;
  impl->html = impl_->html;
  impl->files = impl_->files;
  impl->compile();
  return TemplateSet(std::move(impl));
}

RenderedParts TemplateSet::render(const MessageInput& message, const EmailSettings& settings) {
  auto data = mustache_context(message, settings);
  RenderedParts parts;
  parts.subject = one_line(impl_->render_one(*impl_->subject_t, impl_->subject, data));
  parts.text = impl_->render_one(*impl_->text_t, impl_->text, data);
  parts.html = impl_->render_one(*impl_->html_t, impl_->html, data);
  return parts;
}

const std::vector<fs::path>& TemplateSet::files() const { return impl_->files; }

}  // namespace shopkeep::email
