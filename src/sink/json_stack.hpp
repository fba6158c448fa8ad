// -k's user stack as JSON: the frames the text trace prints, innermost
// first, as their parts (docs/json.md, "Stacks"). --json writes it in a
// call's, a signal's or an exit's record.
#pragma once

#include <string>

#include "core/user_stack.hpp"

namespace sct {

// An array of {"module", "symbol", "offset", "address"} (+ "source", "line").
void json_stack(std::string& out, const UserStack& stack);

}  // namespace sct
