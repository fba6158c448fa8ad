// Starting the traced command, and taking the -p pids, the same way for
// every engine.
#pragma once

#include <sys/types.h>

#include <string>
#include <vector>

namespace sct {

// How the command is started, beyond its path and arguments: the same for
// every engine, since each forks the command and calls exec_command.
struct CommandSetup {
  std::string argv0;         // --argv0: the command's argv[0]; empty: its own
  bool switch_user = false;  // -u
  std::string user_name;     // -u USERNAME: its supplementary groups; empty with -u UID:GID
  uid_t uid = 0;
  gid_t gid = 0;
};

// The program's path as execve will get it, searched in PATH as strace does;
// `err` gets strace's message ("Can't stat 'x': ...") when there is none.
std::string find_program(const std::string& name, std::string& err);
// -E VAR=VAL sets, -E VAR removes: in the child, before exec.
void apply_env(const std::vector<std::string>& env);
// In the child: blocks until the tracer writes to (or closes) `fd`. True
// when it wrote: the tracer is there; false when it is gone.
bool wait_for_tracer(int fd);
// At sctrace's start, before it installs its own handlers: the dispositions
// of the termination signals and the signal mask, as the shell gave them.
void remember_signal_state();
// In the child: execs the command, or says why not and exits 1. The command
// gets the signal state sctrace was given: a signal ignored by the shell
// (nohup, a background job) stays ignored, as under strace.
// With `setup.switch_user` it takes the user's ids and groups first (-u).
[[noreturn]] void exec_command(const std::string& path, const std::vector<std::string>& command,
                               const CommandSetup& setup);
// Blocks SIGTSTP in sctrace (-I4, strace's never_tstp): Ctrl-Z then stops
// the command, not the tracer. The command gets the remembered mask back.
void block_terminal_stop();
// strace's refusal to trace itself when -p names its own pid; empty for others.
std::string self_attach_refusal(pid_t pid);

}  // namespace sct
