// An answer, or the reason there is none: for errors that cross modules
// (no exceptions across modules). The reason is the text of one
// "sctrace: ..." line, said once by the CLI.
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace sct {

struct Error {
  std::string message;
};

template <class T>
class Result {
 public:
  Result(T value) : v_(std::move(value)) {}
  Result(Error e) : v_(std::move(e)) {}

  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }
  const T& value() const { return std::get<0>(v_); }
  const T& operator*() const { return value(); }
  const T* operator->() const { return &value(); }
  const std::string& error() const { return std::get<1>(v_).message; }

 private:
  std::variant<T, Error> v_;
};

}  // namespace sct
