#include "core/text_render.hpp"

#include <fmt/format.h>

#include "core/xlat.hpp"

namespace sct {

namespace {

bool is_printable(unsigned char c) { return c >= 0x20 && c < 0x7f; }

const char* c_escape(unsigned char c) {
  switch (c) {
    case '"': return "\\\"";
    case '\\': return "\\\\";
    case '\f': return "\\f";
    case '\n': return "\\n";
    case '\r': return "\\r";
    case '\t': return "\\t";
    case '\v': return "\\v";
    default: return nullptr;
  }
}

// Under -x a string goes to hex as a whole once it holds a byte that has
// neither a printable form nor a C escape.
bool needs_hex(std::string_view s) {
  for (unsigned char c : s)
    if (!is_printable(c) && !c_escape(c)) return true;
  return false;
}

void append_join(std::string& out, const std::vector<Value>& items, const char* sep,
                 const DecodeOptions& o) {
  bool first = true;
  for (const auto& it : items) {
    if (!first) out += sep;
    first = false;
    render_value(out, it, o);
  }
}

struct Renderer {
  std::string& out;
  const DecodeOptions& o;

  void operator()(const Int& x) { fmt::format_to(std::back_inserter(out), "{}", x.v); }
  void operator()(const Uint& x) { fmt::format_to(std::back_inserter(out), "{}", x.v); }
  void operator()(const Hex& x) {
    if (x.v == 0) out += '0';
    else fmt::format_to(std::back_inserter(out), "{:#x}", x.v);
  }
  void operator()(const Oct& x) { fmt::format_to(std::back_inserter(out), "{:#03o}", x.v); }
  void operator()(const Ptr& x) {
    if (x.addr == 0) out += "NULL";
    else fmt::format_to(std::back_inserter(out), "{:#x}", x.addr);
  }
  void operator()(const Str& x) {
    quote_string(out, x.bytes, x.hex ? 2 : o.xflag);
    if (x.truncated) out += "...";
  }
  void operator()(const Sym& x) { out += x.name; }
  void operator()(const Flags& x) { out += render_flags_text(x); }
  void operator()(const Struct& x) {
    out += '{';
    bool first = true;
    for (const auto& f : x.fields) {
      if (!first) out += ", ";
      first = false;
      if (!f.name.empty()) {
        out += f.name;
        out += '=';
      }
      render_value(out, f.value, o);
    }
    if (x.elided) out += first ? "..." : ", ...";
    out += '}';
  }
  void operator()(const Array& x) {
    if (x.negated) out += '~';
    out += '[';
    append_join(out, x.items, x.bits ? " " : ", ", o);
    if (x.elided) out += x.items.empty() ? "..." : (x.bits ? " ..." : ", ...");
    out += ']';
  }
  void operator()(const Fd& x) {
    fmt::format_to(std::back_inserter(out), "{}", x.fd);
    if (!x.path.empty()) {
      out += '<';
      out += x.path;
      out += '>';
    }
  }
  void operator()(const std::shared_ptr<Commented>& x) {
    render_value(out, x->value, o);
    out += " /* ";
    out += x->comment;
    out += " */";
  }
  void operator()(const std::shared_ptr<Changed>& x) {
    render_value(out, x->before, o);
    out += " => ";
    render_value(out, x->after, o);
  }
  void operator()(const std::shared_ptr<Fn>& x) {
    out += x->name;
    out += '(';
    append_join(out, x->args, ", ", o);
    out += ')';
  }
  void operator()(const std::shared_ptr<Named>& x) {
    out += x->name;
    out += '=';
    render_value(out, x->value, o);
  }
  void operator()(const Raw& x) { out += x.text; }
};

}  // namespace

namespace {

// Escapes are written by hand: a formatter call per byte made quoting the
// most expensive part of printing a read of binary data.
void append_hex_escape(std::string& out, unsigned char c) {
  static constexpr char kDigits[] = "0123456789abcdef";
  const char e[4] = {'\\', 'x', kDigits[c >> 4], kDigits[c & 15]};
  out.append(e, 4);
}

void append_octal_escape(std::string& out, unsigned char c, bool full_width) {
  char e[4] = {'\\'};
  size_t n = 1;
  if (full_width || c >= 0100) e[n++] = static_cast<char>('0' + (c >> 6));
  if (full_width || c >= 010) e[n++] = static_cast<char>('0' + ((c >> 3) & 7));
  e[n++] = static_cast<char>('0' + (c & 7));
  out.append(e, n);
}

}  // namespace

void quote_string(std::string& out, std::string_view s, int xflag) {
  out += '"';
  bool hex = xflag >= 2 || (xflag == 1 && needs_hex(s));
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (hex) {
      append_hex_escape(out, c);
    } else if (const char* e = c_escape(c)) {
      out += e;
    } else if (is_printable(c)) {
      out += static_cast<char>(c);
    } else {
      // Octal, as short as it can be unless a digit follows.
      bool digit_next = i + 1 < s.size() && s[i + 1] >= '0' && s[i + 1] <= '7';
      append_octal_escape(out, c, digit_next);
    }
  }
  out += '"';
}

void render_value(std::string& out, const Value& v, const DecodeOptions& opts) {
  std::visit(Renderer{out, opts}, v.v);
}

std::string render_value(const Value& v, const DecodeOptions& opts) {
  std::string s;
  render_value(s, v, opts);
  return s;
}

}  // namespace sct
