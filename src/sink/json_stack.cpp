#include "sink/json_stack.hpp"

#include <fmt/format.h>

#include "sink/json_value.hpp"

namespace sct {

namespace {

void json_frame(std::string& out, const StackFrame& f) {
  out += "{\"module\":";
  if (f.module.empty()) out += "null";
  else json_string(out, f.module);
  out += ",\"symbol\":";
  if (f.symbol.empty()) {
    out += "null,\"offset\":null";
  } else {
    json_string(out, f.symbol);
    fmt::format_to(std::back_inserter(out), ",\"offset\":{}", f.offset);
  }
  // Numbers, not the "0x..." text of pointer values: x86_64 user addresses
  // are below 2^47, exact in any JSON reader's double.
  fmt::format_to(std::back_inserter(out), ",\"address\":{}", f.address);
  if (!f.source.empty()) {
    out += ",\"source\":";
    json_string(out, f.source);
    fmt::format_to(std::back_inserter(out), ",\"line\":{}", f.line);
  }
  out += '}';
}

}  // namespace

void json_stack(std::string& out, const UserStack& stack) {
  out += '[';
  for (size_t i = 0; i < stack.size(); ++i) {
    if (i) out += ',';
    json_frame(out, stack[i]);
  }
  out += ']';
}

}  // namespace sct
