// Several sinks fed the same events (-C: the trace and the summary).
#pragma once

#include <vector>

#include "core/event.hpp"

namespace sct {

class TeeSink : public Sink {
 public:
  explicit TeeSink(std::vector<Sink*> sinks) : sinks_(std::move(sinks)) {}
  void on_event(const Event& e) override {
    for (Sink* s : sinks_) s->on_event(e);
  }
  void flush() override {
    for (Sink* s : sinks_) s->flush();
  }
  bool failed() const override {
    for (Sink* s : sinks_)
      if (s->failed()) return true;
    return false;
  }

 private:
  std::vector<Sink*> sinks_;
};

}  // namespace sct
