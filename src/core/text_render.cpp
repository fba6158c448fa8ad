#include "core/text_render.hpp"

#include <arpa/inet.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>

#include <ctime>

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
    // -s cuts what is shown; a path is always shown whole.
    std::string_view b = x.bytes;
    bool cut = !x.whole && b.size() > o.max_strlen;
    if (cut) b = b.substr(0, o.max_strlen);
    quote_string(out, b, x.hex ? 2 : o.xflag);
    if (cut || x.truncated) out += "...";
  }
  // -X raw: the number; -X verbose: the number, then the name in a comment.
  bool numeric() const { return o.xlat != XlatStyle::Abbrev; }
  void comment_after(std::string_view text) {
    if (o.xlat != XlatStyle::Verbose) return;
    out += " /* ";
    out += text;
    out += " */";
  }
  void number(int64_t v, NumBase base) {
    auto it = std::back_inserter(out);
    switch (base) {
      case NumBase::Dec: fmt::format_to(it, "{}", v); break;
      case NumBase::Udec: fmt::format_to(it, "{}", static_cast<uint64_t>(v)); break;
      case NumBase::Auto:
      case NumBase::Text:
      case NumBase::Hex:
        // strace's raw constants are of the C type's width: an int's -1 is 0xffffffff.
        if (v < 0 && v >= INT32_MIN) v = static_cast<uint32_t>(v);
        (*this)(Hex{static_cast<uint64_t>(v)});
        break;
    }
  }
  void operator()(const Sym& x) {
    const bool constant = x.base == NumBase::Auto ? !x.set.empty() : x.base != NumBase::Text;
    if (numeric() && constant && !x.name.empty()) {
      number(x.value, x.base);
      comment_after(x.name);
      return;
    }
    if (!x.name.empty()) out += x.name;
    else fmt::format_to(std::back_inserter(out), "{}", x.value);
  }
  void operator()(const Flags& x) {
    if (numeric() && !x.parts.empty()) {
      append_join(out, x.parts, "|", o);
      return;
    }
    if (numeric() && (!x.names.empty() || x.residue)) {
      (*this)(Hex{x.raw});
      comment_after(render_flags_text(x));
      return;
    }
    out += render_flags_text(x);
  }
  void operator()(const Struct& x) {
    out += '{';
    bool first = true;
    bool left_out = false;
    for (const auto& f : x.fields) {
      if (f.detail && !o.verbose) {
        left_out = true;
        continue;
      }
      if (!first) out += x.spaced ? " " : ", ";
      first = false;
      if (!f.name.empty()) {
        out += f.name;
        out += '=';
      }
      render_value(out, f.value, o);
    }
    if (x.elided || left_out) out += first ? "..." : x.spaced ? " ..." : ", ...";
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
    if (!x.name.empty() && !numeric()) {
      out += x.name;
    } else {
      fmt::format_to(std::back_inserter(out), "{}", x.fd);
      if (!x.name.empty()) comment_after(x.name);
    }
    if (!x.path.empty()) {
      out += '<';
      out += x.path;
      out += '>';
    }
  }
  void operator()(const Pid& x) {
    fmt::format_to(std::back_inserter(out), "{}", x.pid);
    if (!x.comm.empty()) {
      out += '<';
      out += x.comm;
      out += '>';
    }
    // strace's words, naming strace: the output is strace's.
    if (x.outer) fmt::format_to(std::back_inserter(out), " /* {} in strace's PID NS */", x.outer);
  }
  void operator()(const std::shared_ptr<Commented>& x) {
    if (x->names && !numeric()) {
      out += x->comment;
      return;
    }
    render_value(out, x->value, o);
    if (x->names && o.xlat == XlatStyle::Raw) return;
    if (x->unknown && o.xlat == XlatStyle::Raw) return;
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
    // -X raw and verbose show a port and an IPv4 address as the bytes they
    // are, in network order ("\x00\x50" /* htons(80) */).
    if (numeric()) {
      if (std::string bytes = network_bytes(*x); !bytes.empty()) {
        quote_string(out, bytes, 2);
        if (o.xlat == XlatStyle::Verbose) {
          DecodeOptions named = o;
          named.xlat = XlatStyle::Abbrev;
          out += " /* ";
          render_value(out, x, named);
          out += " */";
        }
        return;
      }
    }
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
  void operator()(const WaitStatus& x) { render_wait_status(out, x.status); }
  void operator()(const Toggle& x) {
    if (!x.on) out += '-';
    out += x.name;
  }
  void operator()(const FileMode& x) {
    if (!numeric()) return render_file_mode(out, x.mode);
    if (x.mode & S_IFMT) fmt::format_to(std::back_inserter(out), "{:#o}", x.mode);
    else fmt::format_to(std::back_inserter(out), "0{:02o}", x.mode);
    // A mode of no known type has no name to add.
    std::string named;
    render_file_mode(named, x.mode);
    if (named.find('|') != std::string::npos || !(x.mode & S_IFMT)) comment_after(named);
  }
  void operator()(const Dev& x) {
    if (numeric()) {
      (*this)(Hex{x.dev});
      if (o.xlat == XlatStyle::Verbose) {
        out += " /* ";
        render_dev(x.dev);
        out += " */";
      }
      return;
    }
    render_dev(x.dev);
  }
  void render_dev(uint64_t dev) {
    auto part = [&](unsigned v) {
      if (v) fmt::format_to(std::back_inserter(out), "{:#x}", v);
      else out += '0';
    };
    out += "makedev(";
    part(major(dev));
    out += ", ";
    part(minor(dev));
    out += ')';
  }
  void operator()(const Time& x) {
    fmt::format_to(std::back_inserter(out), "{} /* ", x.sec);
    out += date_text(x.sec, x.nsec);
    out += " */";
  }
  void operator()(const Outcome& x) {
    bool first = true;
    for (const auto& f : x.fields) {
      if (!first) out += ", ";
      first = false;
      if (!f.name.empty()) {
        out += f.name;
        out += ' ';
      }
      render_value(out, f.value, o);
    }
  }

  // htons(N) and inet_addr("A.B.C.D") as bytes; empty for other calls.
  static std::string network_bytes(const Fn& f) {
    if (f.args.size() != 1) return {};
    if (f.name == "htons") {
      uint64_t v = 0;
      if (auto* u = std::get_if<Uint>(&f.args[0].v)) v = u->v;
      else if (auto* i = std::get_if<Int>(&f.args[0].v)) v = static_cast<uint64_t>(i->v);
      else return {};
      return {static_cast<char>((v >> 8) & 0xff), static_cast<char>(v & 0xff)};
    }
    if (f.name == "inet_addr") {
      auto* a = std::get_if<Str>(&f.args[0].v);
      in_addr addr{};
      if (!a || inet_pton(AF_INET, a->bytes.c_str(), &addr) != 1) return {};
      return std::string(reinterpret_cast<const char*>(&addr), sizeof addr);
    }
    return {};
  }

  // The W* macros a program would test the status with.
  static void render_wait_status(std::string& out, int s) {
    auto it = std::back_inserter(out);
    if (WIFEXITED(s)) {
      fmt::format_to(it, "WIFEXITED(s) && WEXITSTATUS(s) == {}", WEXITSTATUS(s));
    } else if (WIFSIGNALED(s)) {
      fmt::format_to(it, "WIFSIGNALED(s) && WTERMSIG(s) == {}{}", signal_name(WTERMSIG(s)),
                     WCOREDUMP(s) ? " && WCOREDUMP(s)" : "");
    } else if (WIFSTOPPED(s)) {
      fmt::format_to(it, "WIFSTOPPED(s) && WSTOPSIG(s) == {}", signal_name(WSTOPSIG(s) & 0x7f));
      if (s >> 16) fmt::format_to(it, " && s >> 16 == {}", s >> 16);
    } else if (WIFCONTINUED(s)) {
      out += "WIFCONTINUED(s)";
    } else {
      fmt::format_to(it, "{:#x}", s);
    }
  }

  // S_IFREG|0644, S_IFDIR|S_ISVTX|0777, 0644 for a mode without a type.
  static void render_file_mode(std::string& out, uint64_t mode) {
    static constexpr XlatEntry kFileTypes[] = {
        XLAT(S_IFREG), XLAT(S_IFSOCK), XLAT(S_IFIFO), XLAT(S_IFLNK),
        XLAT(S_IFDIR), XLAT(S_IFBLK),  XLAT(S_IFCHR),
    };
    if (const char* t = xlat_name(kFileTypes, mode & S_IFMT)) {
      out += t;
      out += '|';
    } else if (mode & S_IFMT) {
      fmt::format_to(std::back_inserter(out), "{:#o}", mode);  // an unknown type: the whole mode in octal
      return;
    }
    if (mode & S_ISUID) out += "S_ISUID|";
    if (mode & S_ISGID) out += "S_ISGID|";
    if (mode & S_ISVTX) out += "S_ISVTX|";
    fmt::format_to(std::back_inserter(out), "0{:02o}", mode & 0777);  // strace's %#03o: 000, 0644
  }
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

// xflag 3 (--strings-in-hex=non-ascii-chars): as without -x, but \xNN where
// an octal escape would be.
void quote_string(std::string& out, std::string_view s, int xflag) {
  out += '"';
  bool hex = xflag == 2 || (xflag == 1 && needs_hex(s));
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (hex) {
      append_hex_escape(out, c);
    } else if (const char* e = c_escape(c)) {
      out += e;
    } else if (is_printable(c)) {
      out += static_cast<char>(c);
    } else if (xflag == 3) {
      append_hex_escape(out, c);
    } else {
      // Octal, as short as it can be unless a digit follows.
      bool digit_next = i + 1 < s.size() && s[i + 1] >= '0' && s[i + 1] <= '7';
      append_octal_escape(out, c, digit_next);
    }
  }
  out += '"';
}

std::string date_text(int64_t sec, int64_t nsec) { return date_text(sec, nsec, 9); }

std::string date_text(int64_t sec, int64_t frac, int digits) {
  time_t t = static_cast<time_t>(sec);
  tm tmv;
  if (!localtime_r(&t, &tmv)) return {};
  char date[64], zone[16];
  strftime(date, sizeof date, "%FT%T", &tmv);
  strftime(zone, sizeof zone, "%z", &tmv);
  if (frac) return fmt::format("{}.{:0{}}{}", date, frac, digits, zone);
  return fmt::format("{}{}", date, zone);
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
