#include "sink/json_dump.hpp"

#include <fmt/format.h>

#include "sink/json_value.hpp"
#include "syscalls/syscall_table.hpp"

namespace sct {

namespace {

// A header alone (a message of sendmmsg/recvmmsg that moved nothing) has
// no bytes to give; the text shows it only as a " = N buffers" line.
bool has_bytes(const DataChunk& c) { return c.missing || c.len > 0; }

// Cut: the engine copied less than the call moved (the eBPF engine's
// capture limit), or not even where the data lay.
bool cut(const DataChunk& c) { return c.missing || c.bytes.size() < c.len; }

bool any_cut(const DecodedCall& d) {
  for (const DataChunk& c : d.data)
    if (has_bytes(c) && cut(c)) return true;
  return false;
}

// The call's descriptor (every call with a data role has it first) and
// which of -e read= / -e write= picked the call.
void head(std::string& out, const DecodedCall& d) {
  const bool reads = d.info && (d.info->classes & RReadsData);
  fmt::format_to(std::back_inserter(out), "{{\"fd\":{},\"direction\":\"{}\"", static_cast<int>(d.args[0]),
                 reads ? "read" : "write");
}

void buffer(std::string& out, const DataChunk& c) {
  out += "{\"hex\":";
  json_hex(out, c.bytes);
  fmt::format_to(std::back_inserter(out), ",\"len\":{}", c.bytes.size());
  // An iovec array or message header not copied: how much lay behind it
  // is not known.
  if (c.missing) out += ",\"moved\":null";
  else fmt::format_to(std::back_inserter(out), ",\"moved\":{}", c.len);
  out += cut(c) ? ",\"truncated\":true" : ",\"truncated\":false";
  if (c.iov >= 0) fmt::format_to(std::back_inserter(out), ",\"iov\":{}", c.iov);
  if (c.vector >= 0) fmt::format_to(std::back_inserter(out), ",\"msg\":{}", c.vector);
  out += '}';
}

}  // namespace

void json_dump(std::string& out, const DecodedCall& d) {
  head(out, d);
  out += any_cut(d) ? ",\"truncated\":true" : ",\"truncated\":false";
  out += ",\"buffers\":[";
  bool first = true;
  for (const DataChunk& c : d.data) {
    if (!has_bytes(c)) continue;
    if (!first) out += ',';
    first = false;
    buffer(out, c);
  }
  out += "]}";
}

void json_dump_counts(std::string& out, const DecodedCall& d) {
  uint64_t moved = 0, captured = 0;
  for (const DataChunk& c : d.data) {
    if (!c.missing) moved += c.len;
    captured += c.bytes.size();
  }
  head(out, d);
  fmt::format_to(std::back_inserter(out), ",\"moved\":{},\"captured\":{}", moved, captured);
  out += any_cut(d) ? ",\"truncated\":true}" : ",\"truncated\":false}";
}

}  // namespace sct
