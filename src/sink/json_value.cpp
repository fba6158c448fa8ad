#include "sink/json_value.hpp"

#include <algorithm>
#include <vector>

#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>

#include "core/xlat.hpp"
#include "syscalls/syscall_table.hpp"

#include <fmt/format.h>

namespace sct {

namespace {

// Length of the valid UTF-8 sequence starting at s[i], or 0.
size_t utf8_len(std::string_view s, size_t i) {
  auto c = static_cast<unsigned char>(s[i]);
  size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xe ? 3 : (c >> 3) == 0x1e ? 4 : 0;
  if (n == 0 || i + n > s.size()) return 0;
  for (size_t k = 1; k < n; ++k)
    if ((static_cast<unsigned char>(s[i + k]) & 0xc0) != 0x80) return 0;
  // Overlong forms and surrogates are not UTF-8 either.
  auto c1 = static_cast<unsigned char>(n > 1 ? s[i + 1] : 0);
  if (n == 2 && c < 0xc2) return 0;
  if (n == 3 && ((c == 0xe0 && c1 < 0xa0) || (c == 0xed && c1 >= 0xa0))) return 0;
  if (n == 4 && ((c == 0xf0 && c1 < 0x90) || c > 0xf4 || (c == 0xf4 && c1 >= 0x90))) return 0;
  return n;
}

bool is_utf8(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    size_t n = utf8_len(s, i);
    if (!n) return false;
    i += n;
  }
  return true;
}

void json_items(std::string& out, const std::vector<Value>& items) {
  out += '[';
  for (size_t i = 0; i < items.size(); ++i) {
    if (i) out += ',';
    json_value(out, items[i]);
  }
  out += ']';
}

struct Emitter {
  std::string& out;

  void operator()(const Int& x) { fmt::format_to(std::back_inserter(out), "{}", x.v); }
  void operator()(const Uint& x) { fmt::format_to(std::back_inserter(out), "{}", x.v); }
  void operator()(const Hex& x) { fmt::format_to(std::back_inserter(out), "{}", x.v); }
  void operator()(const Oct& x) { fmt::format_to(std::back_inserter(out), "{}", x.v); }
  // Addresses as hex text: exact beyond 2^53, and recognisable. NULL is a
  // pointer too: {"ptr":null}.
  void operator()(const Ptr& x) {
    if (x.addr == 0) out += "{\"ptr\":null}";
    else fmt::format_to(std::back_inserter(out), "{{\"ptr\":\"{:#x}\"}}", x.addr);
  }
  void operator()(const Str& x) {
    out += "{\"str\":";
    json_string(out, x.bytes);
    if (!is_utf8(x.bytes)) {
      out += ",\"hex\":";
      json_hex(out, x.bytes);
    }
    fmt::format_to(std::back_inserter(out), ",\"len\":{}", x.bytes.size());
    out += x.truncated ? ",\"truncated\":true}" : ",\"truncated\":false}";
  }
  void set_name(std::string_view set) {
    out += ",\"set\":";
    if (set.empty()) out += "null";
    else json_string(out, set);
  }
  void operator()(const Sym& x) {
    out += "{\"sym\":";
    if (x.name.empty()) out += "null";
    else json_string(out, x.name);
    set_name(x.set);
    fmt::format_to(std::back_inserter(out), ",\"value\":{}}}", x.value);
  }
  void operator()(const Flags& x) {
    out += "{\"flags\":[";
    for (size_t i = 0; i < x.names.size(); ++i) {
      if (i) out += ',';
      json_string(out, x.names[i]);
    }
    fmt::format_to(std::back_inserter(out), "],\"rest\":{}", x.residue);
    set_name(x.set);
    fmt::format_to(std::back_inserter(out), ",\"raw\":{}}}", x.raw);
  }
  void operator()(const Struct& x) {
    out += '{';
    size_t pos = 0;
    bool first = true;
    for (const auto& f : x.fields) {
      if (!first) out += ',';
      first = false;
      // Positional members (a union shown bare, say) are keyed by position.
      json_string(out, f.name.empty() ? fmt::format("#{}", pos) : f.name);
      out += ':';
      json_value(out, f.value);
      ++pos;
    }
    if (x.elided) out += first ? "\"...\":true" : ",\"...\":true";
    out += '}';
  }
  void operator()(const Array& x) {
    if (!x.elided && !x.negated) {
      json_items(out, x.items);
      return;
    }
    out += "{\"items\":";
    json_items(out, x.items);
    if (x.elided) out += ",\"elided\":true";
    if (x.negated) out += ",\"negated\":true";
    out += '}';
  }
  void operator()(const Pid& x) {
    fmt::format_to(std::back_inserter(out), "{{\"pid\":{}", x.pid);
    if (!x.comm.empty()) {
      out += ",\"comm\":";
      json_string(out, x.comm);
    }
    if (x.outer) fmt::format_to(std::back_inserter(out), ",\"tracer_ns_pid\":{}", x.outer);
    out += '}';
  }
  void operator()(const Fd& x) {
    fmt::format_to(std::back_inserter(out), "{{\"fd\":{}", x.fd);
    if (!x.name.empty()) {
      out += ",\"name\":";
      json_string(out, x.name);
    }
    if (!x.path.empty()) {
      out += ",\"path\":";
      json_string(out, x.path);
    }
    out += '}';
  }
  void operator()(const std::shared_ptr<Commented>& x) {
    out += "{\"value\":";
    json_value(out, x->value);
    out += ",\"comment\":";
    json_string(out, x->comment);
    out += '}';
  }
  void operator()(const std::shared_ptr<Changed>& x) {
    out += "{\"before\":";
    json_value(out, x->before);
    out += ",\"after\":";
    json_value(out, x->after);
    out += '}';
  }
  void operator()(const std::shared_ptr<Fn>& x) {
    out += "{\"fn\":";
    json_string(out, x->name);
    out += ",\"args\":";
    json_items(out, x->args);
    out += '}';
  }
  void operator()(const std::shared_ptr<Named>& x) {
    out += "{\"name\":";
    json_string(out, x->name);
    out += ",\"value\":";
    json_value(out, x->value);
    out += '}';
  }
  void operator()(const WaitStatus& x) {
    const int s = x.status;
    auto it = std::back_inserter(out);
    fmt::format_to(it, "{{\"wait_status\":{}", s);
    if (WIFEXITED(s)) {
      fmt::format_to(it, ",\"exited\":{}", WEXITSTATUS(s));
    } else if (WIFSIGNALED(s)) {
      out += ",\"signaled\":";
      json_string(out, signal_name(WTERMSIG(s)));
      out += WCOREDUMP(s) ? ",\"core_dumped\":true" : ",\"core_dumped\":false";
    } else if (WIFSTOPPED(s)) {
      out += ",\"stopped\":";
      json_string(out, signal_name(WSTOPSIG(s) & 0x7f));
      fmt::format_to(it, ",\"event\":{}", s >> 16);
    } else if (WIFCONTINUED(s)) {
      out += ",\"continued\":true";
    }
    out += '}';
  }
  void operator()(const Toggle& x) {
    out += "{\"toggle\":";
    json_string(out, x.name);
    out += x.on ? ",\"on\":true}" : ",\"on\":false}";
  }
  void operator()(const FileMode& x) {
    fmt::format_to(std::back_inserter(out), "{{\"mode\":{},\"type\":{},\"perm\":{}}}", x.mode,
                   (x.mode & S_IFMT) >> 12, x.mode & 07777);
  }
  void operator()(const Dev& x) {
    fmt::format_to(std::back_inserter(out), "{{\"dev\":{},\"major\":{},\"minor\":{}}}", x.dev,
                   major(x.dev), minor(x.dev));
  }
  void operator()(const Time& x) {
    fmt::format_to(std::back_inserter(out), "{{\"time\":{},\"nsec\":{}}}", x.sec, x.nsec);
  }
  void operator()(const Outcome& x) {
    fields(x.fields);
    out += '}';
  }
  // Members by name; positional ones (a union shown bare, say) by position.
  void fields(const std::vector<Field>& fs) {
    out += '{';
    for (size_t i = 0; i < fs.size(); ++i) {
      if (i) out += ',';
      json_string(out, fs[i].name.empty() ? fmt::format("#{}", i) : fs[i].name);
      out += ':';
      json_value(out, fs[i].value);
    }
  }
};

}  // namespace

void json_hex(std::string& out, std::string_view bytes) {
  static constexpr char kDigits[] = "0123456789abcdef";
  const size_t at = out.size();
  out.resize(at + 2 * bytes.size() + 2);
  char* p = out.data() + at;
  *p++ = '"';
  for (unsigned char c : bytes) {
    *p++ = kDigits[c >> 4];
    *p++ = kDigits[c & 15];
  }
  *p = '"';
}

void json_string(std::string& out, std::string_view s) {
  out += '"';
  for (size_t i = 0; i < s.size();) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c < 0x20 || c == 0x7f) {
      fmt::format_to(std::back_inserter(out), "\\u{:04x}", c);
    } else if (c < 0x80) {
      out += static_cast<char>(c);
    } else if (size_t n = utf8_len(s, i)) {
      out.append(s.substr(i, n));
      i += n;
      continue;
    } else {
      out += "\\ufffd";
    }
    ++i;
  }
  out += '"';
}

void json_value(std::string& out, const Value& v) { std::visit(Emitter{out}, v.v); }

std::string json_value(const Value& v) {
  std::string s;
  json_value(s, v);
  return s;
}

// Each argument under its name (argument_name()), in the call's order, or
// argN where none is known or it would repeat.
void json_args(std::string& r, const DecodedCall& d) {
  r += '{';
  std::vector<std::string> used;
  for (size_t i = 0; i < d.values.size(); ++i) {
    const Value* v = &d.values[i];
    std::string key(argument_name(d, i));
    if (auto* n = std::get_if<std::shared_ptr<Named>>(&v->v)) v = &(*n)->value;
    if (key.empty() || std::find(used.begin(), used.end(), key) != used.end())
      key = fmt::format("arg{}", i);
    used.push_back(key);
    if (i) r += ',';
    json_string(r, key);
    r += ':';
    json_value(r, *v);
  }
  r += '}';
}

}  // namespace sct
