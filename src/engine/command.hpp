// Starting the traced command, the same way for every engine.
#pragma once

#include <string>
#include <vector>

namespace sct {

// The program's path as execve will get it, searched in PATH as strace does;
// `err` gets strace's message ("Can't stat 'x': ...") when there is none.
std::string find_program(const std::string& name, std::string& err);
// -E VAR=VAL sets, -E VAR removes: in the child, before exec.
void apply_env(const std::vector<std::string>& env);

}  // namespace sct
