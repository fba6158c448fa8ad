// -k's C++ program: frames in a namespace's member and a template show
// demangled, as strace 6.1 -k shows them.
#include <unistd.h>

namespace stack_ns {
struct Caller {
  __attribute__((noinline)) static int call(int x) { return getppid() + x; }
};
}  // namespace stack_ns

template <typename T>
__attribute__((noinline)) int through_template(T t) {
  return stack_ns::Caller::call(static_cast<int>(t)) + 1;
}

int main() { return through_template<long>(3) > 0 ? 0 : 1; }
