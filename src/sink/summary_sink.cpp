#include "sink/summary_sink.hpp"

#include <algorithm>
#include <fmt/format.h>

#include "sink/text_format.hpp"

namespace sct {

namespace {

struct Column {
  const char* name;     // -U name
  const char* aliases;  // other accepted names, space separated
  const char* header;
  int width;
  bool left;
};
// Widths and headers as strace prints them.
constexpr Column kColumns[] = {
    {"time-percent", "percent time-pct %time", "% time", 6, false},
    {"total-time", "time seconds total_time", "seconds", 11, false},
    {"avg-time", "avg_time usecs/call avg", "usecs/call", 11, false},
    {"min-time", "shortest min_time min", "shortest", 8, false},
    {"max-time", "longest max_time max", "longest", 8, false},
    {"calls", "count", "calls", 9, false},
    {"errors", "error errs", "errors", 9, false},
    {"name", "syscall syscall-name", "syscall", 16, true},
};

const Column* find_column(const std::string& n) {
  for (const auto& c : kColumns) {
    if (n == c.name) return &c;
    std::string a = c.aliases;
    size_t i = 0;
    while (i < a.size()) {
      size_t j = a.find(' ', i);
      if (j == std::string::npos) j = a.size();
      if (a.compare(i, j - i, n) == 0) return &c;
      i = j + 1;
    }
  }
  return nullptr;
}

std::string seconds(int64_t ns, int width) {
  return fmt::format("{:>{}}", fmt::format("{}.{:06}", ns / 1000000000, ns % 1000000000 / 1000), width);
}

}  // namespace

bool valid_sort_key(const std::string& key) {
  static const char* kKeys[] = {"time", "time-total", "total-time", "min-time", "shortest", "time-min",
                                "max-time", "longest", "time-max", "avg-time", "time-avg",
                                "calls", "count", "errors", "error", "name", "syscall",
                                "syscall-name", "nothing", "none"};
  for (const char* k : kKeys)
    if (key == k) return true;
  return false;
}

bool parse_columns(const std::string& spec, std::vector<std::string>& out, std::string& bad) {
  out.clear();
  size_t i = 0;
  while (i <= spec.size()) {
    size_t j = spec.find(',', i);
    if (j == std::string::npos) j = spec.size();
    std::string n = spec.substr(i, j - i);
    const Column* c = find_column(n);
    if (!c) {
      bad = n;
      return false;
    }
    out.emplace_back(c->name);
    i = j + 1;
  }
  return true;
}

void SummarySink::on_event(const Event& e) {
  if (e.kind == Event::Kind::Counts) {
    rows_[call_name(*e.call)] = *e.counts;
    numbers_[call_name(*e.call)] = e.call->nr;
    return;
  }
  if (e.kind != Event::Kind::SyscallExit) return;
  const DecodedCall& d = *e.call;
  Row& r = rows_[call_name(d)];
  numbers_.emplace(call_name(d), d.nr);
  ++r.calls;
  if (call_failed(d)) ++r.errors;
  // strace counts system time unless -w asks for wall-clock latency.
  int64_t t = opts_.summary_wall ? e.duration_ns : e.cpu_ns;
  // -O: strace takes the tracing overhead off each call, down to zero.
  t = t > opts_.overhead_ns ? t - opts_.overhead_ns : 0;
  r.total_ns += t;
  r.min_ns = std::min(r.min_ns, t);
  r.max_ns = std::max(r.max_ns, t);
}

std::vector<std::pair<std::string, SummarySink::Row>> SummarySink::sorted_rows() const {
  std::vector<std::pair<std::string, Row>> rows(rows_.begin(), rows_.end());
  const std::string& k = opts_.sort_by;
  // strace keeps its rows in syscall number order and sorts them stably:
  // rows of equal rank (-S calls, or times all zero) stay in number order.
  auto number = [&](const std::string& n) {
    auto it = numbers_.find(n);
    return it == numbers_.end() ? 0L : it->second;
  };
  if (k != "name" && k != "syscall" && k != "syscall-name")
    std::stable_sort(rows.begin(), rows.end(),
                     [&](const auto& a, const auto& b) { return number(a.first) < number(b.first); });
  auto by = [&](auto key, bool desc) {
    std::stable_sort(rows.begin(), rows.end(), [&](const auto& a, const auto& b) {
      return desc ? key(a.second) > key(b.second) : key(a.second) < key(b.second);
    });
  };
  if (k == "calls" || k == "count") by([](const Row& r) { return r.calls; }, true);
  else if (k == "errors" || k == "error") by([](const Row& r) { return r.errors; }, true);
  else if (k == "min-time" || k == "shortest" || k == "time-min") by([](const Row& r) { return r.min_ns; }, true);
  else if (k == "max-time" || k == "longest" || k == "time-max") by([](const Row& r) { return r.max_ns; }, true);
  else if (k == "avg-time" || k == "time-avg")
    by([](const Row& r) { return r.calls ? r.total_ns / static_cast<int64_t>(r.calls) : 0; }, true);
  else if (k == "name" || k == "syscall" || k == "syscall-name") {
  } else if (k != "nothing" && k != "none") by([](const Row& r) { return r.total_ns; }, true);
  return rows;
}

SummarySink::Row SummarySink::total() const {
  Row total;
  for (const auto& [n, r] : rows_) {
    total.calls += r.calls;
    total.errors += r.errors;
    total.total_ns += r.total_ns;
    total.min_ns = std::min(total.min_ns, r.min_ns);
    total.max_ns = std::max(total.max_ns, r.max_ns);
  }
  if (!total.calls) total.min_ns = 0;
  return total;
}

void SummarySink::print() {
  // No call was counted (-e trace=none, a filter nothing matched): strace
  // prints no table at all, not an empty one.
  if (rows_.empty()) return;
  std::vector<std::string> cols = opts_.columns;
  if (cols.empty()) cols = {"time-percent", "total-time", "avg-time", "calls", "errors", "name"};
  const auto rows = sorted_rows();
  const Row total = this->total();
  // strace widens the name column to one more than the longest name
  // (sched_getaffinity: 18 wide), never below its usual 16.
  size_t name_width = 16;
  for (const auto& [n, r] : rows) name_width = std::max(name_width, n.size() + 1);
  auto find = [&](const std::string& n) {
    Column c = *find_column(n);
    if (n == "name") c.width = static_cast<int>(name_width);
    return c;
  };

  // A left-aligned column at the end of a line is not padded (strace's name).
  auto last_left = [&](const Column& c) { return c.left && cols.back() == c.name; };
  auto cell = [&](const Column& c, const std::string& name, const Row& r) -> std::string {
    std::string v;
    std::string col = c.name;
    if (col == "time-percent")
      // strace's total is 100% even when no time was counted (-O took it all).
      v = fmt::format("{:.2f}", total.total_ns ? 100.0 * r.total_ns / total.total_ns
                                : &r == &total && !rows.empty() ? 100.0 : 0.0);
    else if (col == "total-time") return seconds(r.total_ns, c.width);
    else if (col == "min-time") return seconds(r.min_ns == INT64_MAX ? 0 : r.min_ns, c.width);
    else if (col == "max-time") return seconds(r.max_ns, c.width);
    else if (col == "avg-time") v = fmt::format("{}", r.calls ? r.total_ns / 1000 / static_cast<int64_t>(r.calls) : 0);
    else if (col == "calls") v = fmt::format("{}", r.calls);
    else if (col == "errors") v = r.errors ? fmt::format("{}", r.errors) : "";
    else v = name;
    if (last_left(c)) return v;
    return c.left ? fmt::format("{:<{}}", v, c.width) : fmt::format("{:>{}}", v, c.width);
  };
  auto line = [&](auto piece) {
    std::string l;
    for (size_t i = 0; i < cols.size(); ++i) {
      if (i) l += ' ';
      l += piece(find(cols[i]));
    }
    out_.write(l + "\n");
  };
  line([&](const Column& c) {
    if (last_left(c)) return std::string(c.header);
    return c.left ? fmt::format("{:<{}}", c.header, c.width) : fmt::format("{:>{}}", c.header, c.width);
  });
  line([](const Column& c) { return std::string(static_cast<size_t>(c.width), '-'); });
  for (const auto& [n, r] : rows) line([&](const Column& c) { return cell(c, n, r); });
  line([](const Column& c) { return std::string(static_cast<size_t>(c.width), '-'); });
  line([&](const Column& c) { return cell(c, "total", total); });
  out_.flush();
}

}  // namespace sct
