// dhcode verify --callback: whether callbacks came from the service, by
// their Signature, and why one does not match.
#pragma once

#include "context.hpp"
#include "exit_status.hpp"
#include "verify_command.hpp"

namespace dhcode {

// 0: every Signature matches; 1: one does not; 65: an input holds no
// callback, or one lacks its Signature, Timestamp or Nonce; 66: an input
// cannot be read; 64: usage, or no CallbackSecret; 69: the digest library
// cannot be loaded.
ExitStatus run_verify_callback(const VerifyRequest& request, Context& context);

}  // namespace dhcode
