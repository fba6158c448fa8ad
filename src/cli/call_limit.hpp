// --syscall-limit=N: counts the calls the trace shows, those that passed
// every filter (-e trace=, -P, -e status=), and at the Nth tells the engine
// the trace is complete (engine/interrupt.hpp). It sits among the sinks
// because only after the session is it known whether -P kept a call.
#pragma once

#include "core/event.hpp"

namespace sct {

class CallLimit : public Sink {
 public:
  explicit CallLimit(unsigned long long limit) : left_(limit) {}
  void on_event(const Event& e) override;
  void flush() override {}

 private:
  unsigned long long left_;
};

}  // namespace sct
